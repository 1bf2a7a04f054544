import { GLOBAL_SIGNING_REGIONS, NOT_SIGV4, SAME_NAME_LABELS, SIGNING_NAMES } from './aws-hosts.generated'

// The generated table is packed strings (formats in scripts/generate-aws-hosts.mjs): plain strings read in
// place cost less than object literals or a decoder in the chunk that carries them. Only AWS host inference
// imports this module (browser builds load it on demand).

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
