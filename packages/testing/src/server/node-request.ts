import type { IncomingMessage } from 'node:http'

// Hop-by-hop and transport headers a fetch Request may not carry; none of them is ever signed.
const SKIPPED = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'expect',
])

async function readAll(message: IncomingMessage): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  for await (const chunk of message) chunks.push(chunk as Uint8Array)
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0))
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

/**
 * Turns an incoming message into a fetch Request whose URL carries the host the client addressed: the
 * absolute-form target when the server is used as an HTTP proxy, otherwise the `Host` header.
 */
export async function toFetchRequest(message: IncomingMessage): Promise<Request> {
  const target = message.url ?? '/'
  const url = /^https?:\/\//i.test(target)
    ? new URL(target)
    : new URL(`http://${message.headers.host ?? '127.0.0.1'}${target}`)
  const headers = new Headers()
  const raw = message.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!
    if (!SKIPPED.has(name.toLowerCase())) headers.append(name, raw[i + 1]!)
  }
  const method = message.method ?? 'GET'
  const body = await readAll(message)
  const hasBody = method !== 'GET' && method !== 'HEAD'
  return new Request(url, { method, headers, ...(hasBody ? { body: body as Uint8Array<ArrayBuffer> } : {}) })
}
