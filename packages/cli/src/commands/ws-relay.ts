import type { AppSyncMessageSigner } from '@awssig/core/realtime'
import type { SignedWebSocket } from '@awssig/websocket'
import { UsageError } from '../cli-error'
import type { CliIo } from '../cli-io'

/**
 * Relays between the terminal and an open socket, like wscat: each stdin line is sent as a text message;
 * for AppSync, a JSON line `{"type":"subscribe"|"publish"|"start", …}` without `authorization` is signed
 * first (an `id` is added when missing). Each message received is printed as one line (binary as base64);
 * AppSync's `ka` only with `-v`. When stdin ends, answers still on their way are printed: the socket closes
 * once nothing was sent or has arrived for `idleMs`. Resolves with the close code.
 */
export async function relay(
  socket: SignedWebSocket,
  messages: AppSyncMessageSigner | undefined,
  io: CliIo,
  verbose: boolean,
  idleMs = 500,
): Promise<number> {
  let lastMessageAt = Date.now()
  socket.onMessage((data) => {
    lastMessageAt = Date.now()
    if (typeof data !== 'string') {
      io.stdout.write(`<binary ${data.byteLength} bytes> ${base64(new Uint8Array(data))}\n`)
    } else if (verbose || !/^\{"type":"ka"\}$/.test(data)) {
      io.stdout.write(`${data}\n`)
    }
  })
  const stdinDone = (async () => {
    for await (const line of io.stdinLines?.() ?? []) {
      if (line.trim() === '') continue
      socket.send(messages ? await signLine(line, messages) : line)
      // Sending counts as activity: the answers to what was just sent are still on their way.
      lastMessageAt = Date.now()
    }
  })()
  const outcome = await Promise.race([socket.closed, stdinDone.then(() => undefined)])
  if (outcome) return outcome.code
  for (let idle = Date.now() - lastMessageAt; idle < idleMs; idle = Date.now() - lastMessageAt) {
    const closed = await Promise.race([socket.closed, sleep(idleMs - idle).then(() => undefined)])
    if (closed) return closed.code
  }
  socket.close(1000)
  return (await socket.closed).code
}

async function signLine(line: string, messages: AppSyncMessageSigner): Promise<string> {
  let message: Record<string, unknown>
  try {
    message = JSON.parse(line) as Record<string, unknown>
  } catch {
    return line
  }
  if (message.authorization !== undefined || typeof message !== 'object' || message === null) return line
  const id = typeof message.id === 'string' ? message.id : crypto.randomUUID()
  const channel = String(message.channel ?? '')
  switch (message.type) {
    case 'subscribe':
      return JSON.stringify(await messages.subscribe(id, channel))
    case 'publish':
      if (!Array.isArray(message.events)) throw new UsageError('A publish line needs "events": [ … ].')
      return JSON.stringify(await messages.publish(id, channel, message.events))
    case 'start': {
      const payload = (message.payload ?? message) as { query?: string; variables?: Record<string, unknown> }
      return JSON.stringify(
        await messages.start(id, {
          query: String(payload.query ?? ''),
          ...(payload.variables ? { variables: payload.variables } : {}),
        }),
      )
    }
    default:
      return line
  }
}

function base64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
