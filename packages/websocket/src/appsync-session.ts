import type { AppSyncMessageSigner } from '@awssig/core/realtime'
import { WebSocketConnectionError } from './errors'
import type { WebSocketLike } from './websocket-like'

type Message = Record<string, unknown>
type Pending = { resolve: () => void; reject: (error: Error) => void }

/** One AppSync connection: acknowledgements by message id, data routed to subscriptions, keep-alive. */
export class AppSyncSession {
  private readonly pending = new Map<string, Pending>()
  private readonly listeners = new Map<string, (payload: unknown) => void>()
  private keepAlive: ReturnType<typeof setTimeout> | undefined
  private timeoutMs = 300_000
  private acknowledged = false

  constructor(
    private readonly socket: WebSocketLike,
    readonly messages: AppSyncMessageSigner,
    private readonly keepAliveOverrideMs?: number,
  ) {}

  /** `connection_init`, then waits for `connection_ack` (keep-alive starts) or `connection_error`. */
  init(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new WebSocketConnectionError('No connection_ack from AppSync')),
        timeoutMs,
      )
      this.pending.set('connection', {
        resolve: () => {
          clearTimeout(timer)
          resolve()
        },
        reject: (error) => {
          clearTimeout(timer)
          reject(error)
        },
      })
      this.socket.send(JSON.stringify({ type: 'connection_init' }))
    })
  }

  /** Sends a signed message and waits for its acknowledgement. */
  async request(message: Message, onData?: (payload: unknown) => void): Promise<void> {
    const id = String(message.id)
    const acknowledged = new Promise<void>((resolve, reject) => this.pending.set(id, { resolve, reject }))
    if (onData) this.listeners.set(id, onData)
    this.socket.send(JSON.stringify(message))
    try {
      await acknowledged
    } catch (error) {
      this.listeners.delete(id)
      throw error
    }
  }

  /** Stops routing data for `id` and tells AppSync (`stop` for GraphQL, `unsubscribe` for Events). */
  unsubscribe(id: string): void {
    this.listeners.delete(id)
    const type = this.messages.protocol === 'appsync-graphql' ? 'stop' : 'unsubscribe'
    this.socket.send(JSON.stringify({ type, id }))
  }

  /** Handles one server message (any message counts as a sign of life). */
  receive(message: Message): void {
    this.armKeepAlive()
    const type = String(message.type)
    const id = typeof message.id === 'string' ? message.id : undefined
    if (type === 'connection_ack') {
      const payload = (message.payload ?? message) as { connectionTimeoutMs?: number }
      this.timeoutMs = this.keepAliveOverrideMs ?? payload.connectionTimeoutMs ?? this.timeoutMs
      this.acknowledged = true
      this.armKeepAlive()
      this.settle('connection')
    } else if (type === 'connection_error') {
      this.settle('connection', errorOf(message, 'AppSync refused the connection'))
    } else if (type === 'data' && id) {
      const payload =
        this.messages.protocol === 'appsync-graphql'
          ? (message.payload as Message)?.data
          : parseEvent(message.event)
      this.listeners.get(id)?.(payload)
    } else if (id && /(_ack|_success)$/.test(type)) {
      this.settle(id)
    } else if (id && /(^error|_error)$/.test(type)) {
      this.settle(id, errorOf(message, `AppSync refused ${type.replace(/_error$/, '')} ${id}`))
    }
  }

  /** Rejects everything pending and stops the keep-alive watchdog. */
  close(reason: Error): void {
    this.acknowledged = false
    clearTimeout(this.keepAlive)
    for (const id of [...this.pending.keys()]) this.settle(id, reason)
  }

  private settle(id: string, error?: Error): void {
    const pending = this.pending.get(id)
    if (!pending) return
    this.pending.delete(id)
    if (error) pending.reject(error)
    else pending.resolve()
  }

  // AppSync sends `ka` within connectionTimeoutMs; silence longer than that means the link is dead. Armed
  // from connection_ack on (before it, the connect timeout applies).
  private armKeepAlive(): void {
    if (!this.acknowledged) return
    clearTimeout(this.keepAlive)
    this.keepAlive = setTimeout(() => this.socket.close(4000, 'keep-alive timeout'), this.timeoutMs)
  }
}

function parseEvent(event: unknown): unknown {
  if (typeof event !== 'string') return event
  try {
    return JSON.parse(event)
  } catch {
    return event
  }
}

function errorOf(message: Message, what: string): WebSocketConnectionError {
  const errors = ((message.payload as Message | undefined)?.errors ?? message.errors) as
    | Array<{ errorType?: string; message?: string; errorCode?: number }>
    | undefined
  const first = errors?.[0]
  const detail = first ? `: ${first.errorType ?? 'Error'}: ${first.message ?? ''}` : ''
  return new WebSocketConnectionError(`${what}${detail}`, {
    ...(first?.errorType ? { errorType: first.errorType } : {}),
    ...(first?.errorCode ? { code: first.errorCode } : {}),
  })
}
