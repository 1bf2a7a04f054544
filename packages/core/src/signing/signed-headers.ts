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
