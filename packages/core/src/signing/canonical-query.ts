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
  const all: EncodedQueryParameter[] = [...encoded]
  for (const [name, value] of Object.entries(added)) {
    if (value === null || value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) all.push([uriEscape(name), uriEscape(v)])
  }
  return all
    .filter(([name]) => name.toLowerCase() !== 'x-amz-signature')
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&')
}

/**
 * Puts awssig's canonical query string into the canonical request smithy built for a query-less request.
 * Line 3 of a canonical request is the query; no earlier line can contain a newline (method, encoded path).
 */
export function withCanonicalQuery(canonicalRequest: string, query: string): string {
  const lines = canonicalRequest.split('\n')
  lines[2] = query
  return lines.join('\n')
}

function decodeForMatch(encoded: string): string {
  try {
    return decodeURIComponent(encoded)
  } catch {
    return encoded
  }
}
