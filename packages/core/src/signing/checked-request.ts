import { InvalidInputError } from '../errors'
import { invalidIn } from '../rules/compile-rules'

/** An HTTP method or header name (RFC 9110 `token`). */
// Both cases spelled out rather than `/i`: see SERVICE_PATTERN in rules/patterns.ts.
export const TOKEN = /^[!#$%&'*+.^_`|~0-9a-zA-Z-]+$/

/** An `InvalidInputError` with the message kept in development builds only (production builds name the field). */
const invalid = (field: string, message: string): InvalidInputError =>
  new InvalidInputError(__DEV__ ? `${field}: ${message}` : invalidIn(field), field)

/**
 * The caller's request checked before anything else looks at it: an object with a token `method` and
 * headers that `fetch` would send unchanged. Returns the headers as `[name, value]` pairs, lowercase names,
 * as a `Headers` would hold them (see checkedHeaders).
 */
export function checkedRequest(request: unknown): [string, string][] {
  if (typeof request !== 'object' || request === null) {
    throw invalid('request', __DEV__ ? 'must be an object like { method, url, headers?, body? }' : '')
  }
  const { method, headers } = request as { method?: unknown; headers?: unknown }
  if (typeof method !== 'string' || !TOKEN.test(method)) {
    throw invalid('method', __DEV__ ? "must be an HTTP method like 'GET'" : '')
  }
  return checkedHeaders(headers)
}

/** CR, LF or NUL anywhere, or a character outside Latin-1 (a `Headers` value is a ByteString). */
const UNSENDABLE = /[\r\n\0]|[^\0-\xff]/
/** HTTP whitespace at either end of a value, which `Headers` strips. */
const EDGE_WHITESPACE = /^[\t ]+|[\t ]+$/g

/**
 * `headers` as pairs, as a `Headers` would hold them (lowercase names, values without leading or trailing
 * whitespace, repeated names joined with `, `), or `InvalidInputError` naming `headers`: names must be
 * tokens and values Latin-1 without CR, LF or NUL anywhere (`Headers` would refuse them too; it trims a
 * leading or trailing CR/LF silently, but an injected line break is a bug or an attack wherever it is).
 * Built without the global `Headers`: in Node its first use loads undici, 15–25 ms of a cold start that a
 * serverless function or a CLI pays on every start.
 */
export function checkedHeaders(init: unknown): [string, string][] {
  if (init === undefined) return []
  const map = new Map<string, string>()
  try {
    if (typeof init !== 'object' || init === null) throw 0
    // A Headers (of any realm) is an iterable of pairs too; an iterable is read once (it may be a generator).
    const pairs =
      Symbol.iterator in init
        ? Array.from(init as Iterable<Iterable<unknown>>, (pair) => [...pair])
        : Object.entries(init)
    for (const pair of pairs) {
      const name = String(pair[0]).toLowerCase()
      const value = String(pair[1])
      if (pair.length !== 2 || !TOKEN.test(name) || UNSENDABLE.test(value)) throw 0
      const had = map.get(name)
      const trimmed = value.replace(EDGE_WHITESPACE, '')
      map.set(name, had === undefined ? trimmed : `${had}, ${trimmed}`)
    }
  } catch {
    throw invalid(
      'headers',
      __DEV__
        ? 'must be a Headers, a record or [name, value] pairs; names are tokens, values Latin-1 without CR, LF or NUL'
        : '',
    )
  }
  return [...map]
}
