import {
  GLOBAL_SIGNING_REGIONS,
  NOT_SIGV4,
  PARTITION_REGIONS,
  SAME_NAME_LABELS,
  SIGNING_NAMES,
} from './aws-hosts.generated'

// The generated table is packed strings (formats in scripts/generate-aws-hosts.mjs): they ship in every
// browser bundle, and plain strings read in place cost less than object literals or a decoder.

/** Each partition with its region naming rule (AWS's `regionRegex`), compiled once. */
export const PARTITION_REGION_PATTERNS: readonly (readonly [partition: string, regions: RegExp])[] =
  PARTITION_REGIONS.split(';').map((entry) => {
    const [id, head] = entry.split(' ') as [string, string]
    return [id, new RegExp(`^${head}-[a-z0-9]+-\\d+$`)]
  })

/** `key`'s value in a `;key=value;…;` table. Keys come from DNS labels, which hold no `;` or `=`. */
function lookup(table: string, key: string): string | undefined {
  const at = table.indexOf(`;${key}=`)
  if (at < 0) return undefined
  const from = at + key.length + 2
  return table.slice(from, table.indexOf(';', from))
}

/** The signing name of an endpoint prefix whose name differs from it (or that has several labels). */
export const signingNameOf = (prefix: string): string | undefined => lookup(SIGNING_NAMES, prefix)

/** The region the region-less global endpoint of `service` in `partition` signs with. */
export const globalSigningRegion = (service: string, partition: string): string | undefined =>
  lookup(GLOBAL_SIGNING_REGIONS, `${service}/${partition}`)

/** Whether the endpoint prefix does not accept SigV4 (SigV2-only or bearer-token services). */
export const isNotSigV4 = (prefix: string): boolean => NOT_SIGV4.split(' ').includes(prefix)

/**
 * Whether a rule set names `label` as an endpoint prefix signed under its own name. Development builds only
 * (production builds drop the list with the explanations that use it).
 */
export const isKnownSameNameLabel = (label: string): boolean => SAME_NAME_LABELS.split(' ').includes(label)
