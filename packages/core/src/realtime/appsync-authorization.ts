import type { Signer } from '@awssig/core'
import { NoMatchingRuleError } from '@awssig/core'
import type { RealtimeTarget } from './realtime-target'
import type { AppSyncAuthorization } from './types'

// The headers AppSync's realtime endpoints rebuild the signed HTTP request from (AppSync developer guide,
// "Building a real-time WebSocket client", IAM section; the same for AppSync Events).
const APPSYNC_HEADERS = {
  accept: 'application/json, text/javascript',
  'content-encoding': 'amz-1.0',
  'content-type': 'application/json; charset=UTF-8',
} as const

/**
 * The URL whose plan signs for `target`: the realtime URL when a rule or inference claims it, else the API's
 * HTTP URL (so a rule written for `*.appsync-api.…` also opens the socket).
 */
export async function planUrlOf(signer: Signer, target: RealtimeTarget): Promise<URL> {
  if ((await signer.resolve(target.url)) || !target.httpUrl) return target.url
  // A ws: socket carries the authorization in clear text: the API's URL is asked as http:, so only a rule
  // naming its host consents (inference claims https: only), as it would for the socket's own URL.
  const httpUrl = new URL(target.httpUrl)
  if (target.url.protocol === 'ws:') httpUrl.protocol = 'http:'
  return (await signer.resolve(httpUrl)) ? httpUrl : target.url
}

/**
 * AppSync's authorization object for `body` sent as `POST https://<api host><path>`: the AppSync headers, the
 * API's `host`, and what the signer adds (`authorization`, `x-amz-date`, `x-amz-security-token`, and for
 * SigV4A `x-amz-region-set`). The plan comes from `planUrl` (rules and inference, as for HTTP).
 */
export async function appSyncAuthorization(
  signer: Signer,
  target: RealtimeTarget,
  path: string,
  body: string,
  signingDate?: Date,
): Promise<AppSyncAuthorization> {
  const planUrl = new URL(await planUrlOf(signer, target))
  const explanation = await signer.explain(planUrl)
  if (!explanation.plan) {
    throw new NoMatchingRuleError(`No signing rule claims ${target.url.host}: ${explanation.reason}`, {
      method: 'GET',
      url: target.url.href,
    })
  }
  planUrl.pathname = path
  planUrl.search = ''
  const host = (target.httpUrl ?? target.url).host
  const { request } = await signer.sign(
    { method: 'POST', url: planUrl, headers: { ...APPSYNC_HEADERS, host }, body },
    signingDate ? { signingDate } : {},
  )
  const authorization: AppSyncAuthorization = {}
  for (const [name, value] of request.headers) authorization[name] = value
  return authorization
}
