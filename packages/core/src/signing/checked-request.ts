import { InvalidInputError } from '../errors'
import { invalidIn } from '../rules/compile-rules'

/** An HTTP method or header name (RFC 9110 `token`). */
export const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i

/** An `InvalidInputError` with the message kept in development builds only (production builds name the field). */
const invalid = (field: string, message: string): InvalidInputError =>
  new InvalidInputError(__DEV__ ? `${field}: ${message}` : invalidIn(field), field)

/**
 * The caller's request checked before anything else looks at it: an object with a token `method` and
 * headers that `fetch` would send unchanged. Returns the headers as a fresh `Headers`.
 */
export function checkedRequest(request: unknown): Headers {
  if (typeof request !== 'object' || request === null) {
    throw invalid('request', __DEV__ ? 'must be an object like { method, url, headers?, body? }' : '')
  }
  const { method, headers } = request as { method?: unknown; headers?: unknown }
  if (typeof method !== 'string' || !TOKEN.test(method)) {
    throw invalid('method', __DEV__ ? "must be an HTTP method like 'GET'" : '')
  }
  return checkedHeaders(headers)
}

/**
 * `headers` as a `Headers`, or `InvalidInputError` naming `headers`: names must be tokens and values
 * Latin-1 without CR, LF or NUL anywhere. `Headers` trims a leading or trailing CR/LF silently; an
 * injected line break is refused instead, wherever it is, because it is a bug or an attack either way.
 */
export function checkedHeaders(init: unknown): Headers {
  if (init === undefined) return new Headers()
  try {
    const headers = new Headers(init as HeadersInit)
    if (!(init instanceof Headers)) {
      const pairs =
        Symbol.iterator in (init as object)
          ? [...(init as Iterable<[unknown, unknown]>)]
          : Object.entries(init as object)
      for (const [, value] of pairs) if (/[\r\n\0]/.test(String(value))) throw 0
    }
    return headers
  } catch {
    throw invalid(
      'headers',
      __DEV__
        ? 'must be a Headers, a record or [name, value] pairs; names are tokens, values Latin-1 without CR, LF or NUL'
        : '',
    )
  }
}
