import type { SignedRequest } from '../types'

/**
 * The request `sign` returns: `headerPairs` (lowercase names: the caller's headers in their order, then
 * the generated ones) and a `headers` getter that builds the `Headers` on first read and keeps it, so changes made through it
 * stay. In Node the first `Headers` loads undici (15–25 ms); callers that read only `headerPairs` (the axios
 * adapter, anything that copies headers into another client) never pay it.
 */
export function signedRequestOf(
  method: string,
  url: string,
  headers: Iterable<[string, string]>,
  body: SignedRequest['body'],
): SignedRequest {
  const headerPairs = [...headers]
  let built: Headers | undefined
  return {
    method,
    url,
    headerPairs,
    get headers() {
      built ??= new Headers(headerPairs)
      return built
    },
    set headers(value) {
      built = value
    },
    body,
  }
}
