import { SIGNATURE_HEADERS } from '../signing/signed-headers'

/**
 * True for a header (lower-case name) that carries credential material or was computed over it, and so must
 * never reach an origin the caller did not send the request to: `Authorization`, every `X-Amz-*` header (the
 * date, the session token, the content hash, the region set, and the caller's own ones such as an S3 SSE-C
 * key, `x-amz-server-side-encryption-customer-key`), `Cookie` and `Proxy-Authorization`. The one list every
 * adapter strips on a cross-origin redirect hop.
 */
export function isCredentialHeader(name: string): boolean {
  return (
    name.startsWith('x-amz-') ||
    name === 'authorization' ||
    name === 'cookie' ||
    name === 'proxy-authorization'
  )
}

/** True for a header a previous signature wrote: removed before signing the same request again. */
export function isSignatureHeader(name: string): boolean {
  return SIGNATURE_HEADERS.includes(name)
}

/** The pairs of `headers` (lower-case names, as `Headers` yields them) without credential headers. */
export function stripCredentialHeaders(headers: Iterable<[string, string]>): [string, string][] {
  const pairs: [string, string][] = []
  for (const pair of headers) if (!isCredentialHeader(pair[0].toLowerCase())) pairs.push(pair)
  return pairs
}

/** The pairs of `headers` without the values a previous signature added (what `sign` takes). */
export function stripSignatureHeaders(headers: Iterable<[string, string]>): [string, string][] {
  const pairs: [string, string][] = []
  for (const pair of headers) if (!isSignatureHeader(pair[0].toLowerCase())) pairs.push(pair)
  return pairs
}
