import { SIGNATURE_HEADERS } from '@awssig/core'

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

/** The entries of `headers` as pairs, the form every copy of them (ours, core's, fetch's) reads correctly. */
export function headerPairs(headers: Headers): [string, string][] {
  return [...headers]
}

function isHeadersLike(value: HeadersInit): value is Headers {
  return typeof (value as Headers).forEach === 'function' && typeof (value as Headers).get === 'function'
}

/**
 * Returns a copy of `headers` without anything that carries or depends on credential material:
 * `Authorization` and every `X-Amz-*` header (date, security token, content hash, region set, …).
 * Used before re-signing (stale values must not survive) and before following a redirect to a host that no
 * rule claims (they must not leave).
 */
export function withoutCredentialHeaders(headers: HeadersInit): Headers {
  const copy = copyHeaders(headers)
  for (const name of [...copy.keys()]) {
    if (name === 'authorization' || name.startsWith('x-amz-')) copy.delete(name)
  }
  return copy
}

/**
 * The entries of `headers` without the values a previous signature added, as pairs (what `sign` takes):
 * one pass over the headers, no intermediate `Headers`.
 */
export function signableHeaderPairs(headers: Headers): [string, string][] {
  const pairs: [string, string][] = []
  for (const pair of headers) if (!SIGNATURE_HEADERS.includes(pair[0])) pairs.push(pair)
  return pairs
}

/** Returns a copy of `headers` without the values a previous signature added. */
export function withoutSignatureHeaders(headers: HeadersInit): Headers {
  const copy = copyHeaders(headers)
  for (const name of SIGNATURE_HEADERS) copy.delete(name)
  return copy
}

// One already-signed check for every adapter: core's, which also reads percent-encoded parameter names.
export { isAlreadySigned } from '@awssig/core'
