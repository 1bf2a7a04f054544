import { readFileSync } from 'node:fs'
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'

/** What a station received, as it arrived on the wire. */
export interface Arrival {
  method: string
  path: string
  headers: Record<string, string>
  body: string
}

/** A loopback HTTP(S) server that records every request and answers with a handler. */
export interface Station {
  origin: string
  port: number
  arrivals: Arrival[]
  close(): Promise<void>
}

const TLS = {
  key: readFileSync(new URL('./tls/key.pem', import.meta.url)),
  cert: readFileSync(new URL('./tls/cert.pem', import.meta.url)),
}

/**
 * Starts a recording server on `host` (127.0.0.1 or 127.0.0.2: two hostnames on one machine, so a rule can
 * claim one and not the other), over https with the test certificate or over plain http.
 */
export async function startStation(
  scheme: 'http' | 'https',
  host: '127.0.0.1' | '127.0.0.2',
  handle: (request: Request, arrival: Arrival) => Response | Promise<Response>,
): Promise<Station> {
  const arrivals: Arrival[] = []
  const listener = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Uint8Array<ArrayBuffer>[] = []
    for await (const chunk of req) chunks.push(chunk as Uint8Array<ArrayBuffer>)
    const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer())
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
    }
    const arrival: Arrival = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers,
      body: new TextDecoder().decode(bytes),
    }
    arrivals.push(arrival)
    const hasBody = bytes.byteLength > 0 && arrival.method !== 'GET' && arrival.method !== 'HEAD'
    const request = new Request(`${scheme}://${headers.host}${arrival.path}`, {
      method: arrival.method,
      headers: Object.entries(headers).filter(([n]) => n !== 'connection' && n !== 'transfer-encoding'),
      body: hasBody ? bytes : undefined,
    })
    const response = await handle(request, arrival)
    // Headers first, then the body as it is produced: a trickling answer reaches the client as it trickles.
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.flushHeaders()
    if (response.body) for await (const chunk of response.body) res.write(chunk)
    res.end()
  }
  const server = scheme === 'https' ? createHttpsServer(TLS, listener) : createHttpServer(listener)
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `${scheme}://${host}:${port}`,
    port,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
