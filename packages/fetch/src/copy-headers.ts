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
