import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer, type ServerOptions } from 'node:https'
import type { AddressInfo } from 'node:net'

/** What a loopback server received, as it arrived on the wire. */
export interface Received {
  method: string
  /** The request target as sent (path and query). */
  url: string
  headers: Record<string, string>
  body: Uint8Array<ArrayBuffer>
  /** `body` decoded as UTF-8. */
  text: string
}

export interface Loopback {
  port: number
  origin: string
  received: Received[]
  close(): Promise<void>
}

export interface LoopbackOptions {
  /** @default 'http' (https needs `tls`) */
  scheme?: 'http' | 'https'
  /** Two loopback hostnames on one machine, so a rule can claim one and not the other. @default '127.0.0.1' */
  host?: '127.0.0.1' | '127.0.0.2'
  tls?: Pick<ServerOptions, 'key' | 'cert'>
}

/**
 * A real HTTP(S) server on port 0 that records every request. The handler gets a fetch `Request` rebuilt from
 * what arrived (absolute URL from the Host header) and answers with a fetch `Response`, whose body is written
 * as it is produced: a trickling answer reaches the client as it trickles.
 */
export async function startLoopback(
  handle: (request: Request, received: Received) => Response | Promise<Response>,
  { scheme = 'http', host = '127.0.0.1', tls }: LoopbackOptions = {},
): Promise<Loopback> {
  const received: Received[] = []
  const listener = async (req: IncomingMessage, res: ServerResponse) => {
    const entry = await record(req)
    received.push(entry)
    const response = await handle(toRequest(scheme, entry), entry)
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.flushHeaders()
    if (response.body) for await (const chunk of response.body) res.write(chunk)
    res.end()
  }
  if (scheme === 'https' && !tls) throw new Error('startLoopback: https needs tls')
  const server = scheme === 'https' ? createHttpsServer(tls ?? {}, listener) : createHttpServer(listener)
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const { port } = server.address() as AddressInfo
  return {
    port,
    origin: `${scheme}://${host}:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

async function record(req: IncomingMessage): Promise<Received> {
  const chunks: Uint8Array<ArrayBuffer>[] = []
  for await (const chunk of req) chunks.push(chunk as Uint8Array<ArrayBuffer>)
  const body = new Uint8Array(await new Blob(chunks).arrayBuffer())
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  const text = new TextDecoder().decode(body)
  return { method: req.method ?? 'GET', url: req.url ?? '/', headers, body, text }
}

function toRequest(scheme: string, entry: Received): Request {
  const hasBody = entry.body.byteLength > 0 && entry.method !== 'GET' && entry.method !== 'HEAD'
  return new Request(`${scheme}://${entry.headers.host}${entry.url}`, {
    method: entry.method,
    headers: Object.entries(entry.headers).filter(([n]) => n !== 'connection' && n !== 'transfer-encoding'),
    body: hasBody ? entry.body : undefined,
  })
}
