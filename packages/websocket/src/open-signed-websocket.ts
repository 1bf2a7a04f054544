import type { Signer } from '@awssig/core'
import {
  createAppSyncMessageSigner,
  type GraphQLSubscription,
  InvalidRealtimeOptionError,
  type RealtimeProtocol,
  signWebSocket,
  type WebSocketHandshake,
  type WebSocketSignOptions,
} from '@awssig/core/realtime'
import { AppSyncSession } from './appsync-session'
import { WebSocketConnectionError } from './errors'
import { resolveWebSocket, type WebSocketConstructorLike, type WebSocketLike } from './websocket-like'

/** Options of `openSignedWebSocket`: how to sign (see `signWebSocket`) and how to connect. */
export interface OpenSignedWebSocketOptions extends WebSocketSignOptions {
  /** The WebSocket constructor. @default `ws` in Node when installed, else the global `WebSocket` */
  WebSocket?: WebSocketConstructorLike
  /** Longest wait for the socket to open (and, for AppSync, for `connection_ack`). @default 15000 */
  connectTimeoutMs?: number
  /** AppSync: close when nothing arrives for this long. @default the `connectionTimeoutMs` of `connection_ack` */
  keepAliveTimeoutMs?: number
}

/** A subscription; `unsubscribe` stops its data and tells the service. */
export interface RealtimeSubscription {
  id: string
  /** Stops the subscription and tells the service. */
  unsubscribe(): void
}

/** An open, signed WebSocket. */
export interface SignedWebSocket {
  readonly protocol: RealtimeProtocol
  /**
   * The underlying socket (the global `WebSocket` or a `ws` instance). Not enumerable: its `url` is the
   * presigned URL, with the session token and signature, so logging this object does not print it.
   */
  readonly socket: WebSocketLike
  /** Sends as is (API Gateway, IoT's MQTT frames, or AppSync messages already signed). */
  send(data: string | ArrayBufferLike | ArrayBufferView): void
  /** Every message from the service (text as strings, binary as ArrayBuffer). Returns a remover. */
  onMessage(listener: (data: string | ArrayBuffer) => void): () => void
  /** AppSync Events: a signed `subscribe`; resolves on `subscribe_success`. Events arrive parsed. */
  subscribe(channel: string, onEvent: (event: unknown) => void): Promise<RealtimeSubscription>
  /** AppSync Events: a signed `publish` of 1…5 JSON values; resolves on `publish_success`. */
  publish(channel: string, events: unknown[]): Promise<void>
  /** AppSync GraphQL: a signed `start`; resolves on `start_ack`. `onData` gets each payload's `data`. */
  subscribeGraphQL(
    subscription: GraphQLSubscription,
    onData: (data: unknown) => void,
  ): Promise<RealtimeSubscription>
  /** Closes the socket (WebSocket close code and reason). */
  close(code?: number, reason?: string): void
  /** Settles when the socket closes. */
  readonly closed: Promise<{ code: number; reason: string }>
}

/**
 * Opens a signed WebSocket to API Gateway, IoT Core, AppSync GraphQL or AppSync Events in one line: signs the
 * handshake with `signer` (rules and AWS host inference, as for HTTP), connects (never following a
 * redirect), and for AppSync sends `connection_init`, waits for `connection_ack`, watches the keep-alive and
 * signs each `start` / `subscribe` / `publish`. Every call signs afresh: to reconnect, call it again.
 *
 * @example
 * const socket = await openSignedWebSocket(signer, 'wss://abc.appsync-realtime-api.eu-west-1.amazonaws.com/event/realtime')
 * await socket.subscribe('/default/*', (event) => console.log(event))
 */
export async function openSignedWebSocket(
  signer: Signer,
  url: string | URL,
  options: OpenSignedWebSocketOptions = {},
): Promise<SignedWebSocket> {
  const { WebSocket: given, connectTimeoutMs = 15_000, keepAliveTimeoutMs, ...signOptions } = options
  const handshake = await signWebSocket(signer, url, signOptions)
  const { WebSocket, sendsHeaders } = await resolveWebSocket(given)
  if (handshake.headers && !sendsHeaders) {
    throw new InvalidRealtimeOptionError(
      'options.headers: this WebSocket cannot send headers (use ws, or a presigned URL)',
      'headers',
    )
  }
  const socket = await connect(WebSocket, sendsHeaders, handshake, connectTimeoutMs)
  const appSync =
    handshake.protocol === 'appsync-graphql' || handshake.protocol === 'appsync-events'
      ? new AppSyncSession(
          socket,
          createAppSyncMessageSigner(signer, url, {
            protocol: handshake.protocol,
            ...(signOptions.httpUrl === undefined ? {} : { httpUrl: signOptions.httpUrl }),
          }),
          keepAliveTimeoutMs,
        )
      : undefined
  const listeners = new Set<(data: string | ArrayBuffer) => void>()
  socket.addEventListener('message', (event: { data: string | ArrayBuffer }) => {
    for (const listener of listeners) listener(event.data)
    if (appSync && typeof event.data === 'string') appSync.receive(parseJson(event.data))
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.addEventListener('close', (event: { code: number; reason: string }) => {
      appSync?.close(
        new WebSocketConnectionError(`The socket closed (${event.code} ${event.reason})`, {
          code: event.code,
        }),
      )
      resolve({ code: event.code, reason: event.reason })
    })
  })
  if (appSync) await appSync.init(connectTimeoutMs)

  const signed: SignedWebSocket = {
    protocol: handshake.protocol,
    socket,
    send: (data) => socket.send(data),
    onMessage(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    ...appSyncMethods(appSync, handshake.protocol),
    close: (code, reason) => socket.close(code, reason),
    closed,
  }
  // The socket remembers its presigned URL (token and signature); kept out of what logging or JSON shows.
  Object.defineProperty(signed, 'socket', { enumerable: false })
  return signed
}

type AppSyncMethods = Pick<SignedWebSocket, 'subscribe' | 'publish' | 'subscribeGraphQL'>

/** The AppSync methods; each signs its message afresh and throws on a socket of another protocol. */
function appSyncMethods(appSync: AppSyncSession | undefined, actual: RealtimeProtocol): AppSyncMethods {
  const session = (protocol: RealtimeProtocol) => {
    if (appSync?.messages.protocol !== protocol) {
      throw new InvalidRealtimeOptionError(
        `This method needs an ${protocol} socket, not ${actual}`,
        'protocol',
      )
    }
    return appSync
  }
  const subscription = (on: AppSyncSession, id: string): RealtimeSubscription => ({
    id,
    unsubscribe: () => on.unsubscribe(id),
  })
  return {
    async subscribe(channel, onEvent) {
      const events = session('appsync-events')
      const id = crypto.randomUUID()
      await events.request(await events.messages.subscribe(id, channel), onEvent)
      return subscription(events, id)
    },
    async publish(channel, list) {
      const events = session('appsync-events')
      await events.request(await events.messages.publish(crypto.randomUUID(), channel, list))
    },
    async subscribeGraphQL(graphql, onData) {
      const graph = session('appsync-graphql')
      const id = crypto.randomUUID()
      await graph.request(await graph.messages.start(id, graphql), onData)
      return subscription(graph, id)
    },
  }
}

/** Opens the socket; errors name the host and path only (a presigned query is a credential). */
function connect(
  WebSocket: WebSocketConstructorLike,
  isWs: boolean,
  handshake: WebSocketHandshake,
  timeoutMs: number,
): Promise<WebSocketLike> {
  const { host, pathname } = new URL(handshake.url)
  const where = `${host}${pathname}`
  // A redirected handshake would carry the signature elsewhere: ws is told never to follow one (browsers
  // never do).
  const socket = isWs
    ? new WebSocket(handshake.url, handshake.protocols, {
        followRedirects: false,
        ...(handshake.headers ? { headers: handshake.headers } : {}),
      })
    : new WebSocket(handshake.url, handshake.protocols)
  socket.binaryType = 'arraybuffer'
  return new Promise((resolve, reject) => {
    const fail = (message: string, code?: number) => {
      clearTimeout(timer)
      reject(new WebSocketConnectionError(message, code === undefined ? {} : { code }))
    }
    const timer = setTimeout(() => {
      socket.close()
      fail(`Timed out opening a WebSocket to ${where}`)
    }, timeoutMs)
    socket.addEventListener('open', () => {
      clearTimeout(timer)
      resolve(socket)
    })
    socket.addEventListener('error', () => fail(`The WebSocket handshake with ${where} failed`))
    socket.addEventListener('close', (event: { code: number }) =>
      fail(`${where} closed the WebSocket during the handshake`, event.code),
    )
  })
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
