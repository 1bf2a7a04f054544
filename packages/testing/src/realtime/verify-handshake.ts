import { renderAwsError } from '../verify/aws-error'
import { invalidSecurityToken } from '../verify/aws-error-catalog'
import type { VerifierOptions, VerifyResult } from '../verify/types'
import { verifyRequest } from '../verify/verify-request'
import { decodeBase64Text, parseAuthorizationObject } from './decode-header'
import { appSyncSignedPath, type RealtimeKind, realtimeKindOf } from './realtime-kind'

/** A WebSocket opening handshake as a client would send it. */
export interface WebSocketHandshakeInput {
  /** `wss://…` (or the `https://` form of it), with its query as sent. */
  url: string | URL
  /** The offered subprotocols (`Sec-WebSocket-Protocol`). */
  protocols?: readonly string[]
  /** Upgrade request headers (API Gateway signed in headers). */
  headers?: HeadersInit
}

/** What the service concluded about a handshake. */
export interface RealtimeVerifyResult {
  kind: RealtimeKind
  result: VerifyResult
}

const TOKEN_PARAMETER = 'x-amz-security-token'

/**
 * Verifies a WebSocket handshake the way its service does, with this package's own canonicalization:
 * - API Gateway: the presigned URL (or signed upgrade headers) as a `GET` of the URL.
 * - IoT Core (`/mqtt`): a presigned `GET` whose `X-Amz-Security-Token` is *not* part of the signed query
 *   (it is read from the URL after the signature is checked), over the empty body.
 * - AppSync GraphQL and Events: the `header-<base64url>` subprotocol (or `header=` base64 and `payload=e30=`
 *   query), decoded into headers and checked as `POST https://<host>/graphql/connect` (GraphQL) or
 *   `POST https://<host>/event` (Events) with body `{}`.
 *
 * @example
 * const { kind, result } = await verifyWebSocketHandshake({ url, protocols }, { credentials, endpoints })
 */
export async function verifyWebSocketHandshake(
  input: WebSocketHandshakeInput,
  options: VerifierOptions,
): Promise<RealtimeVerifyResult> {
  const url = new URL(String(input.url))
  const protocols = input.protocols ?? []
  const kind = realtimeKindOf(url, protocols)
  const https = new URL(url.href.replace(/^wss?:/, 'https:'))
  if (kind === 'apigateway') {
    return {
      kind,
      result: await verifyRequest(new Request(https, { headers: input.headers ?? {} }), options),
    }
  }
  if (kind === 'iot') return { kind, result: await verifyIotHandshake(https, options) }
  return { kind, result: await verifyAppSyncConnect(kind, https, protocols, options) }
}

async function verifyIotHandshake(url: URL, options: VerifierOptions): Promise<VerifyResult> {
  const kept: string[] = []
  const tokens: string[] = []
  for (const pair of url.search.slice(1).split('&')) {
    if (pair === '') continue
    const [name = '', value = ''] = pair.split('=')
    if (decodeURIComponent(name).toLowerCase() === TOKEN_PARAMETER) tokens.push(decodeURIComponent(value))
    else kept.push(pair)
  }
  const unsigned = new URL(url.href)
  unsigned.search = kept.length > 0 ? `?${kept.join('&')}` : ''
  const credential = new URLSearchParams(unsigned.search).get('X-Amz-Credential') ?? ''
  const known = options.credentials.find((c) => c.accessKeyId === credential.split('/')[0])
  if (known && (tokens.length > 1 || tokens[0] !== known.sessionToken)) {
    return renderAwsError('query', invalidSecurityToken('query'), options.now?.() ?? new Date())
  }
  // The token was checked above; the signature covers the rest of the query only.
  const credentials = options.credentials.map(({ accessKeyId, secretAccessKey }) => ({
    accessKeyId,
    secretAccessKey,
  }))
  return verifyRequest(new Request(unsigned), { ...options, credentials })
}

async function verifyAppSyncConnect(
  kind: 'appsync-graphql' | 'appsync-events',
  url: URL,
  protocols: readonly string[],
  options: VerifierOptions,
): Promise<VerifyResult> {
  const subprotocol = protocols.find((p) => p.startsWith('header-'))
  let encoded = subprotocol?.slice('header-'.length)
  if (encoded === undefined) {
    encoded = url.searchParams.get('header') ?? undefined
    const payload = url.searchParams.get('payload')
    if (encoded !== undefined && (payload === null || decodeBase64Text(payload) !== '{}')) encoded = undefined
  }
  const authorization = parseAuthorizationObject(
    encoded === undefined ? undefined : decodeBase64Text(encoded),
  )
  return verifyAppSyncAuthorization(
    authorization ?? {},
    appSyncSignedPath(kind, 'connect'),
    '{}',
    url,
    options,
  )
}

/**
 * Checks an AppSync authorization object as the request it stands for: `POST https://<host><path>` with
 * the object's headers and `body`. Without a `host`, the realtime URL's host is used.
 */
export function verifyAppSyncAuthorization(
  authorization: Record<string, string>,
  path: string,
  body: string,
  realtimeUrl: URL,
  options: VerifierOptions,
): Promise<VerifyResult> {
  const headers = new Headers()
  let host = realtimeUrl.host
  for (const [name, value] of Object.entries(authorization)) {
    if (name.toLowerCase() === 'host') host = value
    else headers.set(name, value)
  }
  const request = new Request(`https://${host}${path}`, { method: 'POST', headers, body })
  return verifyRequest(request, options)
}
