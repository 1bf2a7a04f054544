import { canonicalComponent, uriEscape } from './uri-escape'

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
    if (skip?.(decodeForMatch(name))) continue
    parameters.push([name, canonicalComponent(rawValue, true)])
  }
  return parameters
}

/**
 * The canonical query string: the caller's parameters plus those the signer adds (`X-Amz-*` when presigning),
 * sorted by encoded name then encoded value, `X-Amz-Signature` left out.
 */
export function canonicalQueryString(
  encoded: readonly EncodedQueryParameter[],
  added: Record<string, string | string[] | null | undefined>,
): string {
  const all: EncodedQueryParameter[] = []
  for (const parameter of encoded) if (parameter[0].toLowerCase() !== 'x-amz-signature') all.push(parameter)
  for (const name in added) {
    const value = added[name]
    if (value === null || value === undefined || name.toLowerCase() === 'x-amz-signature') continue
    for (const v of Array.isArray(value) ? value : [value]) all.push([uriEscape(name), uriEscape(v)])
  }
  all.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
  let query = ''
  for (const [name, value] of all) query += query === '' ? `${name}=${value}` : `&${name}=${value}`
  return query
}

function decodeForMatch(encoded: string): string {
  try {
    return decodeURIComponent(encoded)
  } catch {
    return encoded
  }
}
