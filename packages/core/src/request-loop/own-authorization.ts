import type { Signer } from '../create-signer'
import { isAlreadySigned } from '../signing/already-signed'

/**
 * True when a request carries its own signature (a presigned URL) or `Authorization` header that awssig
 * leaves alone: adapters then pass it through untouched. The one exception is an `Authorization: Bearer …`
 * on a host whose rule says `replaceBearer` — an SDK's (placeholder) API key the user asked awssig to replace.
 */
export function keepsOwnAuthorization(signer: Signer, url: string, headers: HeadersInit): boolean {
  if (!isAlreadySigned(url, headers)) return false
  if (isAlreadySigned(url) || !signer.resolve(url)?.replaceBearer) return true
  return !/^\s*bearer\s/i.test(authorizationOf(headers))
}

/** The `Authorization` value of a `Headers`, pairs or a record, without building a `Headers`. */
function authorizationOf(headers: HeadersInit): string {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get('authorization') ?? ''
  const pairs = Symbol.iterator in headers ? (headers as Iterable<[string, string]>) : Object.entries(headers)
  for (const [name, value] of pairs) if (String(name).toLowerCase() === 'authorization') return String(value)
  return ''
}
