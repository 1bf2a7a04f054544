import { decodeComponentOrKeep } from './uri-escape'

/**
 * True when a request already carries a signature: a presigned URL (`X-Amz-Signature`, also
 * percent-encoded) or its own `Authorization` header. Such requests are passed through unsigned: signing
 * again would replace a signature someone else chose.
 * @example isAlreadySigned('https://bucket.s3.amazonaws.com/key?X-Amz-Signature=abc') // true
 */
export function isAlreadySigned(url: string | URL, headers?: HeadersInit): boolean {
  for (const pair of queryOf(url).slice(1).split('&')) {
    const equals = pair.indexOf('=')
    let name = equals === -1 ? pair : pair.slice(0, equals)
    // A presigned URL's parameter names may be percent-encoded (`X-Amz-Signature` → `X%2DAmz-Signature`).
    if (name.includes('%')) name = decodeComponentOrKeep(name)
    if (name.length === 15 && name.toLowerCase() === 'x-amz-signature') return true
  }
  return headers !== undefined && authorizationOf(headers) !== undefined
}

/**
 * The `Authorization` value of `headers`, or undefined when there is none, without copying them into a new
 * `Headers` (nor reading the global `Headers`, whose first use in Node loads undici): a `Headers` of any realm
 * is asked directly, other iterables are read as pairs, records by their entries.
 */
export function authorizationOf(headers: HeadersInit): string | undefined {
  if (typeof (headers as Headers).get === 'function')
    return (headers as Headers).get('authorization') ?? undefined
  const pairs = Symbol.iterator in headers ? (headers as Iterable<[string, string]>) : Object.entries(headers)
  for (const [name, value] of pairs) {
    if (typeof name === 'string' && name.toLowerCase() === 'authorization') return String(value)
  }
  return undefined
}

/** The `?…` part of `url`, without the fragment; strings are not parsed (they need not be absolute). */
function queryOf(url: string | URL): string {
  if (typeof url !== 'string') return url.search
  const query = url.indexOf('?')
  return query === -1 ? '' : (url.slice(query).split('#')[0] ?? '')
}
