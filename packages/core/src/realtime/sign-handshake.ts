import type { Signer, SigningPlan } from '@awssig/core'
import { NoMatchingRuleError } from '@awssig/core'
import { appSyncAuthorization, planUrlOf } from './appsync-authorization'
import { base64, base64Url } from './base64'
import { InvalidRealtimeOptionError } from './errors'
import { type RealtimeTarget, realtimeTarget } from './realtime-target'
import type { WebSocketHandshake, WebSocketSignOptions } from './types'

const DEFAULT_EXPIRES_IN = 300
// Subprotocols each service expects (IoT: "mqtt"; AppSync GraphQL: "graphql-ws"; AppSync Events:
// "aws-appsync-event-ws"), before the AppSync `header-<base64url>` one.
const SUBPROTOCOL = { iot: 'mqtt', 'appsync-graphql': 'graphql-ws', 'appsync-events': 'aws-appsync-event-ws' }
// An empty JSON object, base64: AppSync's `payload=` query parameter for the connection.
const EMPTY_PAYLOAD = 'e30='

/**
 * Signs a WebSocket handshake for API Gateway, IoT Core, AppSync GraphQL or AppSync Events, with the plan the
 * signer's rules and AWS host inference give the `wss:` URL (customer-code hosts, API Gateway and AppSync,
 * need a rule, as for HTTP). Signs again on every call: call it for every connect and reconnect.
 *
 * - API Gateway: a presigned URL (or, with `headers: true`, signed upgrade headers for Node's `ws`).
 * - IoT: a presigned URL for `iotdevicegateway` with the session token appended after signing; subprotocol `mqtt`.
 * - AppSync: the authorization of `POST https://<api host>/graphql/connect` (GraphQL) or `…/event` (Events)
 *   with body `{}`, in the `header-<base64url>` subprotocol (or the `header=` / `payload=` query).
 *
 * @example
 * const { url, protocols } = await signWebSocket(signer, 'wss://abc.execute-api.eu-west-1.amazonaws.com/prod')
 * const socket = new WebSocket(url, protocols)
 */
export async function signWebSocket(
  signer: Signer,
  url: string | URL,
  options: WebSocketSignOptions = {},
): Promise<WebSocketHandshake> {
  const target = realtimeTarget(url, options.protocol, options.httpUrl)
  checkOptions(target, options)
  const { signingDate } = options
  if (target.protocol === 'appsync-graphql' || target.protocol === 'appsync-events') {
    return appSyncHandshake(signer, target, options)
  }
  const plan = await planOf(signer, target.url, target)
  const request = { method: 'GET', url: target.url }
  if (options.headers) {
    const { request: signed } = await signer.sign(request, signingDate ? { signingDate } : {})
    return {
      protocol: target.protocol,
      url: target.url.href,
      protocols: [],
      headers: Object.fromEntries(signed.headers),
      plan,
    }
  }
  const expiresIn = options.expiresIn ?? DEFAULT_EXPIRES_IN
  const presigned = await signer.presign(request, signingDate ? { expiresIn, signingDate } : { expiresIn })
  const protocols = target.protocol === 'iot' ? [SUBPROTOCOL.iot] : []
  return { protocol: target.protocol, url: presigned, protocols, plan }
}

async function appSyncHandshake(
  signer: Signer,
  target: RealtimeTarget,
  options: WebSocketSignOptions,
): Promise<WebSocketHandshake> {
  const protocol = target.protocol as 'appsync-graphql' | 'appsync-events'
  const plan = await planOf(signer, await planUrlOf(signer, target), target)
  // GraphQL signs the connection for …/graphql/connect; Events for …/event itself.
  const basePath = (target.httpUrl as URL).pathname.replace(/\/$/, '')
  const path = protocol === 'appsync-graphql' ? `${basePath}/connect` : basePath
  const header = JSON.stringify(await appSyncAuthorization(signer, target, path, '{}', options.signingDate))
  const protocols = [SUBPROTOCOL[protocol]]
  const url = new URL(target.url)
  if (options.appSyncAuth === 'query') {
    url.searchParams.set('header', base64(header))
    url.searchParams.set('payload', EMPTY_PAYLOAD)
  } else {
    protocols.push(`header-${base64Url(header)}`)
  }
  return { protocol, url: url.href, protocols, plan }
}

async function planOf(signer: Signer, planUrl: URL, target: RealtimeTarget): Promise<SigningPlan> {
  const { plan, reason } = await signer.explain(planUrl)
  if (!plan) {
    throw new NoMatchingRuleError(`No signing rule claims ${target.url.host}: ${reason}`, {
      method: 'GET',
      url: target.url.href,
    })
  }
  return plan
}

function checkOptions(target: RealtimeTarget, options: WebSocketSignOptions): void {
  if (options.headers && target.protocol !== 'apigateway') {
    throw new InvalidRealtimeOptionError(
      `options.headers: only API Gateway takes a handshake signed in headers (${target.protocol} is signed in the URL or a subprotocol)`,
      'headers',
    )
  }
  const { expiresIn, appSyncAuth } = options
  if (expiresIn !== undefined && !(Number.isInteger(expiresIn) && expiresIn >= 1 && expiresIn <= 604_800)) {
    throw new InvalidRealtimeOptionError(
      'options.expiresIn must be an integer number of seconds from 1 to 604800',
      'expiresIn',
    )
  }
  if (appSyncAuth !== undefined && appSyncAuth !== 'subprotocol' && appSyncAuth !== 'query') {
    throw new InvalidRealtimeOptionError(
      "options.appSyncAuth must be 'subprotocol' or 'query'",
      'appSyncAuth',
    )
  }
}
