/**
 * A copy of `headers`, made by iterating their entries. `new Headers(headers)` is not enough: with msw's
 * interceptors installed (in tests), copying a `Headers` that came from `new Request(request)` twice yields an
 * empty object, because the interceptors copy their own record of the raw headers instead of the list.
 */
export function copyHeaders(headers: HeadersInit | undefined): Headers {
  const copy = new Headers()
  if (headers === undefined) return copy
  const entries = isHeadersLike(headers) ? headers : new Headers(headers)
  for (const [name, value] of entries) copy.append(name, value)
  return copy
}

function isHeadersLike(value: HeadersInit): value is Headers {
  return typeof (value as Headers).forEach === 'function' && typeof (value as Headers).get === 'function'
}

/**
 * The caller's headers as pairs, without building a `Headers` for a record or an array (the common `init`
 * shapes: each `Headers` operation costs on every call); a `Headers` is copied by iterating it, as above.
 * Names and values are checked when the request is signed.
 */
export function headerPairsOf(headers: HeadersInit | undefined): [string, string][] {
  if (headers === undefined) return []
  if (isHeadersLike(headers)) return [...copyHeaders(headers)]
  if (Symbol.iterator in headers) {
    return Array.from(headers as Iterable<[string, string]>, ([name, value]) => [String(name), String(value)])
  }
  return Object.entries(headers).map(([name, value]) => [name, String(value)])
}
