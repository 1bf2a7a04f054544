import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import { realtimeKindOf } from '../realtime/realtime-kind'
import { verifyWebSocketHandshake } from '../realtime/verify-handshake'
import type { VerifierOptions } from '../verify/types'
import {
  deliverEvent,
  deliverGraphQLData,
  onClientMessage,
  type RealtimeSession,
  type SessionContext,
} from './realtime-sessions'

/** `ws`'s WebSocket constructor, as the loopback server's `WebSocket` takes it. */
export type LoopbackWebSocketConstructor = new (
  address: string,
  protocols?: string | string[],
  options?: WebSocket.ClientOptions,
) => WebSocket

/** Options of `startRealtimeServer`. */
export interface RealtimeServerOptions extends VerifierOptions {
  /** Port on 127.0.0.1. @default 0 (any free port) */
  port?: number
  /**
   * Serve `wss://` with this key and certificate (PEM), e.g. for a browser told to ignore certificate
   * errors. @default plain `ws://`
   */
  tls?: { key: string; cert: string }
  /** AppSync: the `connectionTimeoutMs` sent in `connection_ack`. @default 300000 */
  connectionTimeoutMs?: number
  /** AppSync: how often `ka` is sent. @default 60000 */
  keepAliveMs?: number
}

/** A running realtime server. */
export interface RealtimeServer {
  /** `ws://127.0.0.1:<port>` (`wss://` with `tls`) */
  url: string
  port: number
  /** Every accepted or refused handshake, in order. */
  handshakes: Array<{ kind: string; url: string; ok: boolean; status?: number }>
  /** Every client message with the verdict and answer. */
  messages: SessionContext['messages']
  /**
   * `ws`'s WebSocket, sent to this server whatever the URL's host, with that host in `Host` (as a TLS proxy
   * would forward it): pass it as `openSignedWebSocket`'s `WebSocket` option, or construct it directly.
   */
  WebSocket: LoopbackWebSocketConstructor
  /** AppSync GraphQL: sends `data` with `payload` to every started subscription. */
  publishGraphQL(payload: unknown): void
  /** AppSync Events: sends an event (a JSON text) to every subscription covering `channel`. */
  publishEvent(channel: string, event: string): void
  /** Stops the server and closes open connections. */
  close(): Promise<void>
}

// Subprotocols the services select (the auth `header-…` one is never echoed back).
const SELECTED = ['mqtt', 'graphql-ws', 'aws-appsync-event-ws']

/**
 * A loopback WebSocket server on 127.0.0.1 that plays API Gateway (echo), IoT Core (a minimal MQTT broker),
 * AppSync GraphQL and AppSync Events, and checks every signature with `verifyWebSocketHandshake` and
 * `verifyAppSyncMessage`. It routes by the `Host` header the client sends (the service's host), so a client
 * connects to `ws://127.0.0.1:<port>/<path>` with `Host: <the signed host>`.
 * API Gateway and IoT refuse a bad handshake with the HTTP answer AWS sends; AppSync accepts the socket and
 * answers `connection_init` with `connection_error`.
 *
 * @example
 * const server = await startRealtimeServer({ credentials, endpoints: { 'abc.execute-api.eu-west-1.amazonaws.com': { service: 'execute-api', region: 'eu-west-1' } } })
 */
export async function startRealtimeServer(options: RealtimeServerOptions): Promise<RealtimeServer> {
  const context: SessionContext = {
    verifier: options,
    connectionTimeoutMs: options.connectionTimeoutMs ?? 300_000,
    sessions: new Set(),
    messages: [],
  }
  const handshakes: RealtimeServer['handshakes'] = []
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => SELECTED.find((p) => protocols.has(p)) ?? false,
  })
  const answer = (_req: IncomingMessage, res: ServerResponse) => res.writeHead(426).end('Upgrade Required')
  const server = options.tls ? createTlsServer(options.tls, answer) : createServer(answer)

  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', `wss://${req.headers.host ?? '127.0.0.1'}`)
    const protocols = (req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !/^(host|connection|upgrade|sec-websocket-)/.test(name))
        headers.set(name, value)
    }
    const kind = realtimeKindOf(url, protocols)
    const { result } = await verifyWebSocketHandshake({ url, protocols, headers }, options)
    if (!result.ok && (kind === 'apigateway' || kind === 'iot')) {
      handshakes.push({ kind, url: url.pathname, ok: false, status: result.status })
      socket.end(
        `HTTP/1.1 ${result.status} Forbidden\r\ncontent-type: ${result.headers.get('content-type') ?? 'text/plain'}\r\nconnection: close\r\n\r\n${result.body}`,
      )
      return
    }
    handshakes.push({ kind, url: url.pathname, ok: result.ok })
    wss.handleUpgrade(req, socket, head, (ws) => {
      const session: RealtimeSession = { kind, socket: ws, url, handshake: result, subscriptions: new Map() }
      context.sessions.add(session)
      const keepAlive =
        kind === 'appsync-graphql' || kind === 'appsync-events'
          ? setInterval(() => ws.send(JSON.stringify({ type: 'ka' })), options.keepAliveMs ?? 60_000)
          : undefined
      // One message at a time, in arrival order, as the services answer them: verifying is asynchronous, and a
      // publish verified before the subscribe sent just ahead of it would find no subscriber.
      let inOrder: Promise<void> = Promise.resolve()
      ws.on('message', (data: Buffer, isBinary: boolean) => {
        const message = isBinary ? new Uint8Array(data) : data.toString('utf8')
        inOrder = inOrder.then(() => onClientMessage(session, message, context)).catch(() => undefined)
      })
      ws.on('close', () => {
        clearInterval(keepAlive)
        context.sessions.delete(session)
      })
    })
  }
  server.on('upgrade', (req, socket, head) => {
    upgrade(req, socket, head).catch(() => socket.destroy())
  })

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `${options.tls ? 'wss' : 'ws'}://127.0.0.1:${port}`,
    port,
    handshakes,
    messages: context.messages,
    WebSocket: loopbackWebSocket(port, options.tls !== undefined),
    publishGraphQL: (payload) => deliverGraphQLData(context, payload),
    publishEvent: (channel, event) => deliverEvent(context, channel, event),
    close: async () => {
      for (const session of context.sessions) session.socket.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())))
    },
  }
}

function loopbackWebSocket(port: number, tls: boolean): LoopbackWebSocketConstructor {
  return class LoopbackWebSocket extends WebSocket {
    constructor(
      address: string | URL | null,
      protocols?: string | string[],
      options?: WebSocket.ClientOptions,
    ) {
      const target = new URL(String(address))
      super(`${tls ? 'wss' : 'ws'}://127.0.0.1:${port}${target.pathname}${target.search}`, protocols, {
        ...options,
        // A test certificate: the loopback server is not the host it plays.
        ...(tls ? { rejectUnauthorized: false } : {}),
        headers: { ...options?.headers, host: target.host },
      })
    }
  }
}
