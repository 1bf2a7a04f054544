import { readFileSync } from 'node:fs'

/** One endpoint of the pinned rule-set snapshot, instantiated for one region. */
export interface RuleSetHost {
  service: string
  host: string
  scheme: string
  signingName: string
  /** The signing region (SigV4) or the region set (SigV4A, e.g. `*`). */
  signingRegion: string
  region: string
  partition: string
  /** The parameter set that reached it ('' = Region/UseFIPS/UseDualStack only). */
  set: string
}

interface Snapshot {
  source: string
  partitions: { id: string; outputs: Record<string, string>; regions: string[]; regionRegex: string }[]
  services: Record<
    string,
    {
      signatureVersion?: string
      endpoints: [string, string, string, string, string[], string][]
      unreached?: string[]
    }
  >
}

export const snapshot: Snapshot = JSON.parse(
  readFileSync(new URL('../../../scripts/aws-endpoint-input.json', import.meta.url), 'utf8'),
)

/** Every hostname the snapshot's rule sets produce, for every region of every partition listed. */
export function ruleSetHosts(): RuleSetHost[] {
  const out: RuleSetHost[] = []
  for (const [service, entry] of Object.entries(snapshot.services)) {
    for (const [template, scheme, signingName, signingRegion, where, set] of entry.endpoints) {
      for (const place of where) {
        const [id, only] = place.split(':') as [string, string | undefined]
        const partition = snapshot.partitions.find((p) => p.id === id)
        if (!partition) continue
        const regionRegex = new RegExp(partition.regionRegex)
        const regions = only ? [only] : partition.regions.filter((r) => regionRegex.test(r))
        for (const region of regions) {
          const host = template
            .replace('{Region}', region)
            .replace('{dnsSuffix}', partition.outputs.dnsSuffix as string)
            .replace('{dualStackDnsSuffix}', partition.outputs.dualStackDnsSuffix as string)
          const signing = signingRegion.replace('{Region}', region)
          out.push({ service, host, scheme, signingName, signingRegion: signing, region, partition: id, set })
        }
      }
    }
  }
  return out
}
