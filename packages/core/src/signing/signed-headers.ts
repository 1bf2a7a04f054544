/** Which request headers to sign. */
export type SignedHeadersPolicy = 'default' | 'all' | readonly string[]

/**
 * Headers that awssig writes itself; stale copies (from a retry or a copied request) are removed before
 * signing so they can never contradict the new signature.
 */
export const GENERATED_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-region-set',
])

/**
 * Every header a signature writes or was computed over: what adapters remove before signing a retry again,
 * and before a request leaves for a host no rule claims. Wider than the headers awssig writes itself
 * (internal `GENERATED_HEADERS`) by `x-amz-content-sha256`, which `sign` keeps when the caller set it (e.g. `UNSIGNED-PAYLOAD`) but which an
 * adapter must not carry over from a previous attempt.
 */
export const SIGNATURE_HEADERS: readonly string[] = [...GENERATED_HEADERS, 'x-amz-content-sha256']

/**
 * True when `name` (lowercase) is signed under `policy`. The default signs only what no transport rewrites:
 * `host`, `content-type`, `content-md5` and every `x-amz-*`. Never `user-agent`, `accept-encoding`,
 * `content-length` or `connection`, which fetch, undici and axios' http adapter set or change after signing.
 */
export function isSignedHeader(name: string, policy: SignedHeadersPolicy): boolean {
  if (policy === 'all') return true
  if (name === 'host' || name === 'content-type' || name === 'content-md5' || name.startsWith('x-amz-'))
    return true
  return policy !== 'default' && policy.includes(name)
}
