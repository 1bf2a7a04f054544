import { uriEncode } from './uri-encode'

/**
 * Removes empty, `.` and `..` segments as AWS services (all but S3) do before signing checks.
 * A trailing slash survives, so `//example//` becomes `/example/`.
 */
export function normalizePath(path: string): string {
  const segments: string[] = []
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') segments.pop()
    else segments.push(segment)
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : ''
  return `/${segments.join('/')}${trailing}`
}

/** How the path of a request becomes the canonical URI. */
export interface CanonicalUriOptions {
  /**
   * `true` (every service but S3): each segment of the path as received is URI-encoded again, so the
   * client's `%20` becomes `%2520`. `false` (S3): the path is used exactly as sent.
   */
  doubleEncode: boolean
  /** Remove empty, `.` and `..` segments first (every service but S3). */
  normalize: boolean
}

/** The canonical URI line of a SigV4/SigV4A canonical request, from the path as it appeared on the wire. */
export function canonicalUri(rawPath: string, options: CanonicalUriOptions): string {
  let path = rawPath === '' ? '/' : rawPath
  if (options.normalize) path = normalizePath(path)
  if (!options.doubleEncode) return path
  return path
    .split('/')
    .map((segment) => uriEncode(segment))
    .join('/')
}
