import { canonicalComponent, decodeComponentOrKeep } from './uri-escape'

/** A query parameter as it appears in the canonical query string (both parts RFC 3986-encoded). */
export type EncodedQueryParameter = readonly [name: string, value: string]

/**
 * Reads a raw query string the way AWS services decode it — `&`-separated, `+` is a space, a key without `=`
 * has an empty value, repeated keys all kept — and re-encodes each part from its bytes, so even escapes that
 * are not valid UTF-8 (`%FF`) are signed exactly as the service will see them.
 */
export function encodedQueryOf(rawSearch: string, skip?: (name: string) => boolean): EncodedQueryParameter[] {
  const query = rawSearch.startsWith('?') ? rawSearch.slice(1) : rawSearch
  const parameters: EncodedQueryParameter[] = []
  for (const piece of query.split('&')) {
    if (piece === '') continue
    const equals = piece.indexOf('=')
    const rawName = equals === -1 ? piece : piece.slice(0, equals)
    const rawValue = equals === -1 ? '' : piece.slice(equals + 1)
    const name = canonicalComponent(rawName, true)
    if (skip?.(decodeComponentOrKeep(name))) continue
    parameters.push([name, canonicalComponent(rawValue, true)])
  }
  return parameters
}

/**
 * The canonical query string of encoded parameters (the caller's, plus the `X-Amz-*` ones when presigning),
 * sorted by encoded name then encoded value, `X-Amz-Signature` left out.
 */
export function canonicalQueryString(encoded: readonly EncodedQueryParameter[]): string {
  const all = encoded.filter(([name]) => name.toLowerCase() !== 'x-amz-signature')
  all.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
  let query = ''
  for (const [name, value] of all) query += query === '' ? `${name}=${value}` : `&${name}=${value}`
  return query
}
