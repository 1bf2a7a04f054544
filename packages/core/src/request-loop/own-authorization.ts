import { authorizationOf, isAlreadySigned } from '../signing/already-signed'
import type { SigningPlan } from '../types'

/**
 * True when a request carries its own signature (a presigned URL) or `Authorization` header that awssig
 * leaves alone: adapters then pass it through untouched. The one exception is an `Authorization: Bearer …`
 * on a host whose rule says `replaceBearer` — an SDK's (placeholder) API key the user asked awssig to replace.
 * `plan` is the signer's plan for `url` (`signer.resolve`).
 */
export function keepsOwnAuthorization(plan: SigningPlan | null, url: string, headers: HeadersInit): boolean {
  if (!isAlreadySigned(url, headers)) return false
  if (isAlreadySigned(url) || !plan?.replaceBearer) return true
  return !/^\s*bearer\s/i.test(authorizationOf(headers) ?? '')
}
