import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What a loopback server received. */
export interface Received {
  method: string
  url: string
  headers: Record<string, string>
  body: Uint8Array
}

export interface Loopback {
  port: number
  origin: string
  received: Received[]
  close(): Promise<void>
}

/**
 * A real HTTP server on 127.0.0.1 (port 0). The handler gets a fetch `Request` rebuilt from what arrived on
 * the wire (absolute URL from the Host header) and answers with a fetch `Response`.
 */
export async function startLoopback(
  handle: (request: Request, received: Received) => Response | Promise<Response>,
): Promise<Loopback> {
  const received: Received[] = []
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Uint8Array[] = []
    for await (const chunk of req) chunks.push(chunk as Uint8Array)
    const body = new Uint8Array(Buffer.concat(chunks))
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
    }
    const entry: Received = { method: req.method ?? 'GET', url: req.url ?? '/', headers, body }
    received.push(entry)
    const hasBody = body.byteLength > 0 && req.method !== 'GET' && req.method !== 'HEAD'
    const request = new Request(`http://${headers.host}${entry.url}`, {
      method: entry.method,
      headers: Object.entries(headers).filter(
        ([name]) => name !== 'connection' && name !== 'transfer-encoding',
      ),
      body: hasBody ? body : undefined,
    })
    const response = await handle(request, entry)
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(Buffer.from(await response.arrayBuffer()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
