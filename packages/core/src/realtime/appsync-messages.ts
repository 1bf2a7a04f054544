import type { Signer } from '@awssig/core'
import { appSyncAuthorization } from './appsync-authorization'
import { InvalidRealtimeOptionError } from './errors'
import { realtimeTarget } from './realtime-target'
import type { AppSyncAuthorization, RealtimeProtocol } from './types'

/** A GraphQL subscription for AppSync's `start` message. */
export interface GraphQLSubscription {
  query: string
  variables?: Record<string, unknown>
  operationName?: string
}

/** Signs AppSync messages: each `start`, `subscribe` and `publish` carries its own authorization. */
export interface AppSyncMessageSigner {
  protocol: 'appsync-graphql' | 'appsync-events'
  /**
   * The authorization of a payload exactly as given (`POST https://<api host>/graphql` or `…/event` with
   * `body`). The message builders below call it; it is public for tools that print it.
   */
  authorize(body: string, signingDate?: Date): Promise<AppSyncAuthorization>
  /** AppSync GraphQL: a signed `start` message for one subscription. */
  start(id: string, subscription: GraphQLSubscription): Promise<Record<string, unknown>>
  /** AppSync Events: a signed `subscribe` message. */
  subscribe(id: string, channel: string): Promise<Record<string, unknown>>
  /** AppSync Events: a signed `publish` message (1…5 events, each any JSON value). */
  publish(id: string, channel: string, events: unknown[]): Promise<Record<string, unknown>>
}

/** Options of `createAppSyncMessageSigner`. */
export interface AppSyncMessageOptions {
  /** @default detected from the URL's path */
  protocol?: Extract<RealtimeProtocol, 'appsync-graphql' | 'appsync-events'>
  /** The API's HTTP endpoint. @default derived from the realtime URL */
  httpUrl?: string | URL
}

const MAX_EVENTS = 5

/**
 * Signs AppSync realtime messages for the API behind `url` (its realtime `wss:` URL), with the same plan as
 * the handshake. Every call signs afresh (current credentials and time), so a re-subscribe re-signs.
 *
 * @example
 * const messages = createAppSyncMessageSigner(signer, 'wss://abc.appsync-realtime-api.eu-west-1.amazonaws.com/event/realtime')
 * socket.send(JSON.stringify(await messages.publish(crypto.randomUUID(), '/default/chat', [{ text: 'hi' }])))
 */
export function createAppSyncMessageSigner(
  signer: Signer,
  url: string | URL,
  options: AppSyncMessageOptions = {},
): AppSyncMessageSigner {
  const target = realtimeTarget(url, options.protocol, options.httpUrl)
  if (target.protocol !== 'appsync-graphql' && target.protocol !== 'appsync-events') {
    throw new InvalidRealtimeOptionError(
      `Only AppSync messages are signed; ${target.url.host}${target.url.pathname} is ${target.protocol}`,
      'protocol',
    )
  }
  const protocol = target.protocol
  const path = (target.httpUrl as URL).pathname
  const authorize = (body: string, signingDate?: Date) =>
    appSyncAuthorization(signer, target, path, body, signingDate)
  const expect = (wanted: typeof protocol, message: string) => {
    if (protocol !== wanted) throw new InvalidRealtimeOptionError(`${message} is ${wanted} only`, 'protocol')
  }

  return {
    protocol,
    authorize,
    async start(id, subscription) {
      expect('appsync-graphql', 'start')
      checkId(id)
      if (typeof subscription?.query !== 'string' || subscription.query === '') {
        throw new InvalidRealtimeOptionError('start: subscription.query must be a GraphQL document', 'query')
      }
      const data = JSON.stringify({
        query: subscription.query,
        variables: subscription.variables ?? {},
        ...(subscription.operationName ? { operationName: subscription.operationName } : {}),
      })
      const authorization = await authorize(data)
      return { id, type: 'start', payload: { data, extensions: { authorization } } }
    },
    async subscribe(id, channel) {
      expect('appsync-events', 'subscribe')
      checkId(id)
      checkChannel(channel)
      const authorization = await authorize(JSON.stringify({ channel }))
      return { type: 'subscribe', id, channel, authorization }
    },
    async publish(id, channel, events) {
      expect('appsync-events', 'publish')
      checkId(id)
      checkChannel(channel)
      if (!Array.isArray(events) || events.length < 1 || events.length > MAX_EVENTS) {
        throw new InvalidRealtimeOptionError(`publish: events must hold 1 to ${MAX_EVENTS} values`, 'events')
      }
      const serialized = events.map(serializeEvent)
      const authorization = await authorize(JSON.stringify({ channel, events: serialized }))
      return { type: 'publish', id, channel, events: serialized, authorization }
    },
  }
}

/**
 * An event as AppSync wants it (a JSON text), with `<` and `>` written `\u003c` and `\u003e`: the realtime
 * endpoint rebuilds the signed body with HTML-safe escaping, so raw angle brackets fail the signature
 * (aws-appsync-community#400). Both only occur inside JSON strings, where the escapes mean the same text.
 */
export function serializeEvent(event: unknown): string {
  const text = JSON.stringify(event)
  if (text === undefined) {
    throw new InvalidRealtimeOptionError('publish: an event is not JSON-serializable', 'events')
  }
  return text.replace(/</g, '\\u003c').replace(/>/g, '\\u003e')
}

function checkId(id: unknown): void {
  if (typeof id !== 'string' || id === '') {
    throw new InvalidRealtimeOptionError('a message id must be a non-empty string', 'id')
  }
}

function checkChannel(channel: unknown): void {
  // Channels are /namespace/segment…, up to 5 segments of letters, digits and dashes (AppSync Events).
  if (typeof channel !== 'string' || !/^\/[A-Za-z0-9-]+(\/[A-Za-z0-9*-]+){0,4}$/.test(channel)) {
    throw new InvalidRealtimeOptionError(
      `channel must look like /namespace/name (got ${JSON.stringify(channel)})`,
      'channel',
    )
  }
}
