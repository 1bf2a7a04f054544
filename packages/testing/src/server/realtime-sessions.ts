import type { WebSocket } from 'ws'
import { appSyncErrorOf, connectionAck, connectionError } from '../realtime/appsync-answers'
import type { RealtimeKind } from '../realtime/realtime-kind'
import { verifyAppSyncMessage } from '../realtime/verify-appsync-message'
import type { VerifierOptions, VerifyResult } from '../verify/types'
import { CONNACK, PINGRESP, publishPacket, readMqttPacket, suback, topicMatches } from './mqtt-lite'

/** One accepted WebSocket connection and what it subscribed to. */
export interface RealtimeSession {
  kind: RealtimeKind
  socket: WebSocket
  url: URL
  handshake: VerifyResult
  /** Subscription id → GraphQL data or Events channel; MQTT topic filters (id = filter). */
  subscriptions: Map<string, string>
}

/** What sessions share: the verifier options, the keep-alive settings, and every open session. */
export interface SessionContext {
  verifier: VerifierOptions
  connectionTimeoutMs: number
  sessions: Set<RealtimeSession>
  /** Every client message, in order (for assertions). */
  messages: Array<{ kind: RealtimeKind; message: unknown; ok: boolean; answer?: unknown }>
}

/** Answers one client message the way the session's service does. */
export async function onClientMessage(
  session: RealtimeSession,
  data: Uint8Array | string,
  context: SessionContext,
): Promise<void> {
  if (session.kind === 'iot')
    return onMqttFrame(session, typeof data === 'string' ? new TextEncoder().encode(data) : data, context)
  const text = typeof data === 'string' ? data : new TextDecoder().decode(data)
  if (session.kind === 'apigateway') {
    context.messages.push({ kind: session.kind, message: text, ok: true })
    session.socket.send(text)
    return
  }
  let message: Record<string, unknown>
  try {
    message = JSON.parse(text) as Record<string, unknown>
  } catch {
    session.socket.close(1003, 'Invalid JSON')
    return
  }
  await onAppSyncMessage(session, session.kind, message, context)
}

async function onAppSyncMessage(
  session: RealtimeSession,
  kind: 'appsync-graphql' | 'appsync-events',
  message: Record<string, unknown>,
  context: SessionContext,
): Promise<void> {
  const send = (answer: unknown) => session.socket.send(JSON.stringify(answer))
  const { type } = message
  if (type === 'connection_init') {
    const ok = session.handshake.ok
    const answer = session.handshake.ok
      ? connectionAck(kind, context.connectionTimeoutMs)
      : connectionError(kind, appSyncErrorOf(session.handshake))
    context.messages.push({ kind, message, ok, answer })
    send(answer)
    return
  }
  if (type === 'stop' || type === 'unsubscribe') {
    const id = String(message.id)
    session.subscriptions.delete(id)
    context.messages.push({ kind, message, ok: true })
    send(type === 'stop' ? { type: 'complete', id } : { type: 'unsubscribe_success', id })
    return
  }
  const verdict = await verifyAppSyncMessage(kind, message, session.url, context.verifier)
  context.messages.push({ kind, message, ok: verdict.ok, answer: verdict.answer })
  send(verdict.answer)
  if (!verdict.ok) return
  if (type === 'start' || type === 'subscribe') session.subscriptions.set(verdict.id, verdict.channel ?? '')
  if (type === 'publish') {
    for (const event of verdict.events ?? []) deliverEvent(context, verdict.channel ?? '', event)
  }
}

/** AppSync Events: `data` to every subscription whose channel (`/ns/*` wildcards) covers `channel`. */
export function deliverEvent(context: SessionContext, channel: string, event: string): void {
  for (const session of context.sessions) {
    if (session.kind !== 'appsync-events') continue
    for (const [id, pattern] of session.subscriptions) {
      const prefix = pattern.endsWith('/*') ? pattern.slice(0, -1) : undefined
      if (pattern === channel || (prefix && channel.startsWith(prefix))) {
        session.socket.send(JSON.stringify({ type: 'data', id, event }))
      }
    }
  }
}

/** AppSync GraphQL: `data` with `payload` to every started subscription. */
export function deliverGraphQLData(context: SessionContext, payload: unknown): void {
  for (const session of context.sessions) {
    if (session.kind !== 'appsync-graphql') continue
    for (const id of session.subscriptions.keys()) {
      session.socket.send(JSON.stringify({ type: 'data', id, payload: { data: payload } }))
    }
  }
}

function onMqttFrame(session: RealtimeSession, frame: Uint8Array, context: SessionContext): void {
  const packet = readMqttPacket(frame)
  context.messages.push({ kind: 'iot', message: packet, ok: true })
  if (packet.kind === 'connect') session.socket.send(CONNACK)
  else if (packet.kind === 'pingreq') session.socket.send(PINGRESP)
  else if (packet.kind === 'subscribe') {
    for (const topic of packet.topics) session.subscriptions.set(topic, topic)
    session.socket.send(suback(packet.packetId, packet.topics.length))
  } else if (packet.kind === 'publish') {
    for (const other of context.sessions) {
      if (other.kind !== 'iot') continue
      if ([...other.subscriptions.keys()].some((filter) => topicMatches(filter, packet.topic))) {
        other.socket.send(publishPacket(packet.topic, packet.payload))
      }
    }
  } else if (packet.kind === 'disconnect') session.socket.close(1000)
}
