import { uriEscape } from './uri-escape'

/**
 * The canonical URI of a request path, as smithy's `SignatureV4` builds it (the AWS signing test suite's
 * `normalize` mode): every service but S3 removes `.`/`..` and empty segments and then percent-encodes the
 * already-encoded path once more ("double encoding"); S3 signs the path exactly as sent.
 */
export function canonicalPath(path: string, normalizeAndEscape: boolean): string {
  if (!normalizeAndEscape || CANONICAL_AS_IS.test(path)) return path
  const segments: string[] = []
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') segments.pop()
    else segments.push(segment)
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : ''
  const normalized = `${path.startsWith('/') ? '/' : ''}${segments.join('/')}${trailing}`
  return escapePath(normalized)
}

/** `/`, or `/segment/segment[/]` of unreserved characters without `.`/`..` segments: already canonical. */
const CANONICAL_AS_IS = /^\/(?:(?!\.\.?(?:\/|$))[A-Za-z0-9\-._~]+\/)*(?:(?!\.\.?$)[A-Za-z0-9\-._~]+)?$/

const PLAIN_PATH = /^[A-Za-z0-9\-._~/]*$/

/** Each segment RFC 3986-encoded (uriEscape), keeping the `/` between them. */
function escapePath(path: string): string {
  return PLAIN_PATH.test(path) ? path : path.split('/').map(uriEscape).join('/')
}
