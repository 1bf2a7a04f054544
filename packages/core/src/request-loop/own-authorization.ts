import type { Signer } from '../create-signer'
import { authorizationOf, isAlreadySigned } from '../signing/already-signed'

/**
 * True when a request carries its own signature (a presigned URL) or `Authorization` header that awssig
 * leaves alone: adapters then pass it through untouched. The one exception is an `Authorization: Bearer …`
 * on a host whose rule says `replaceBearer` — an SDK's (placeholder) API key the user asked awssig to replace.
 */
export function keepsOwnAuthorization(signer: Signer, url: string, headers: HeadersInit): boolean {
  if (!isAlreadySigned(url, headers)) return false
  if (isAlreadySigned(url) || !signer.resolve(url)?.replaceBearer) return true
  return !/^\s*bearer\s/i.test(authorizationOf(headers) ?? '')
}
