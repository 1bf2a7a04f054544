import type { VerifierOptions, VerifyResult } from '../verify/types'
import { appSyncErrorOf, messageError, messageSuccess } from './appsync-answers'
import { appSyncJson, parseAuthorizationObject } from './decode-header'
import { appSyncSignedPath, type RealtimeKind } from './realtime-kind'
import { verifyAppSyncAuthorization } from './verify-handshake'

/** What AppSync concluded about one client message. */
export interface AppSyncMessageVerdict {
  ok: boolean
  /** The message's `type` and `id`. */
  type: string
  id: string
  /** The answer AppSync sends (`start_ack`, `subscribe_success`, `publish_success`, or the error). */
  answer: Record<string, unknown>
  /** The signature check, when the message carried an authorization. */
  result?: VerifyResult
  /** Subscriptions: the GraphQL payload data or the Events channel; publish: the channel and events. */
  channel?: string
  events?: string[]
}

type Message = Record<string, unknown>

/**
 * Verifies an AppSync `start` (GraphQL), `subscribe` or `publish` (Events) message: its `authorization`
 * must sign `POST https://<host>/graphql` with the payload's `data` (GraphQL), or `POST https://<host>/event`
 * with the body AppSync rebuilds from the message, `{"channel":…}` or `{"channel":…,"events":[…]}`, using
 * AppSync's own serialization (see `appSyncJson`).
 */
export async function verifyAppSyncMessage(
  kind: Extract<RealtimeKind, 'appsync-graphql' | 'appsync-events'>,
  message: Message,
  realtimeUrl: URL,
  options: VerifierOptions,
): Promise<AppSyncMessageVerdict> {
  const type = String(message.type)
  const id = typeof message.id === 'string' ? message.id : ''
  const signed = signedPartsOf(kind, type, message)
  if (!signed) {
    const error = { errorType: 'BadRequestException', message: `Invalid ${type} message.` }
    return { ok: false, type, id, answer: messageError(type, id, error) }
  }
  const authorization = parseAuthorizationObject(JSON.stringify(signed.authorization ?? null)) ?? {}
  const path = appSyncSignedPath(kind, 'message')
  const result = await verifyAppSyncAuthorization(authorization, path, signed.body, realtimeUrl, options)
  const verdict = { type, id, result, ...signed.described }
  if (!result.ok) return { ...verdict, ok: false, answer: messageError(type, id, appSyncErrorOf(result)) }
  return { ...verdict, ok: true, answer: messageSuccess(type, id, signed.described.events?.length ?? 0) }
}

interface SignedParts {
  authorization: unknown
  body: string
  described: { channel?: string; events?: string[] }
}

function signedPartsOf(kind: RealtimeKind, type: string, message: Message): SignedParts | undefined {
  if (kind === 'appsync-graphql') {
    const payload = message.payload as
      | { data?: unknown; extensions?: { authorization?: unknown } }
      | undefined
    if (type !== 'start' || typeof payload?.data !== 'string') return undefined
    return {
      authorization: payload.extensions?.authorization,
      body: payload.data,
      described: { channel: payload.data },
    }
  }
  const { channel, events } = message
  if (typeof channel !== 'string') return undefined
  if (type === 'subscribe') {
    return { authorization: message.authorization, body: appSyncJson({ channel }), described: { channel } }
  }
  if (type !== 'publish' || !Array.isArray(events) || !events.every((e) => typeof e === 'string'))
    return undefined
  return {
    authorization: message.authorization,
    body: appSyncJson({ channel, events }),
    described: { channel, events: events as string[] },
  }
}
