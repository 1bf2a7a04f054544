import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toResponse } from '../verify/to-response'
import type { VerifierOptions, VerifySuccess } from '../verify/types'
import { verifyRequest } from '../verify/verify-request'
import { createLoopbackFetch } from './loopback-fetch'
import { toFetchRequest } from './node-request'

/** Options of `startVerifyingServer`. */
export interface VerifyingServerOptions extends VerifierOptions {
  /** Port on 127.0.0.1. @default 0 (any free port) */
  port?: number
  /**
   * Answer CORS preflights and add CORS headers, for a page served from another origin: `true` allows any
   * origin (echoing the request's `Origin`), a string allows that origin only.
   * @default false
   */
  cors?: boolean | string
  /**
   * Answers a verified request.
   * @default a JSON echo `{ ok: true, method, path, query, bodySha256, scope, signedHeaders, … }`
   */
  resolver?: (info: { request: Request; verification: VerifySuccess }) => Response | Promise<Response>
}

/** One request the server answered. */
export interface ServedRequest {
  method: string
  url: string
  status: number
}

/** A running verifying server. */
export interface VerifyingServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  port: number
  /** fetch that sends requests for declared hosts to this server, keeping their `Host` header. */
  fetch: typeof fetch
  /** Stops the server and closes open connections. */
  close(): Promise<void>
  /** Every request answered so far, in order. */
  requests: ServedRequest[]
}

// Headers a page must be allowed to read: clock-skew correction reads Date, and the error headers.
const EXPOSED = 'date, x-amzn-errortype, x-amzn-requestid, x-amz-request-id, x-amz-bucket-region'

function corsHeaders(cors: boolean | string | undefined, origin: string | undefined): Record<string, string> {
  if (!cors) return {}
  const allowed = cors === true ? (origin ?? '*') : cors
  return { 'access-control-allow-origin': allowed, 'access-control-expose-headers': EXPOSED, vary: 'Origin' }
}

async function send(
  res: ServerResponse,
  response: Response,
  extra: Record<string, string>,
  now: Date,
): Promise<void> {
  // Every answer carries the verifier's clock, as AWS's do: clients correct their clock skew from it.
  const headers: Record<string, string> = { date: now.toUTCString(), ...extra }
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  res.writeHead(response.status, headers)
  // Written as the resolver produces it: a streamed answer (server-sent events) reaches the client event by
  // event, and a client that goes away stops the stream.
  if (!response.body) {
    res.end()
    return
  }
  const reader = response.body.getReader()
  res.on('close', () => {
    reader.cancel().catch(() => undefined)
  })
  for (;;) {
    const { value, done } = await reader.read()
    if (done || res.destroyed) break
    res.write(value)
  }
  res.end()
}

/**
 * Starts a real HTTP server on 127.0.0.1 that verifies every request as AWS would and answers like AWS:
 * the error for a refused request, the JSON echo (or `resolver`'s answer) for an accepted one. It routes by
 * the `Host` header and also accepts absolute-form targets, so it works as an HTTP proxy for `http://`
 * URLs (axios `proxy`, Chromium `--proxy-server`). `fetch` on the handle reaches it for declared hosts.
 *
 * @example
 * const server = await startVerifyingServer({
 *   endpoints: { 'abc.execute-api.eu-west-1.amazonaws.com': { service: 'execute-api', region: 'eu-west-1' } },
 *   credentials: [{ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }],
 * })
 * const response = await server.fetch('https://abc.execute-api.eu-west-1.amazonaws.com/prod/items')
 * await server.close()
 */
export async function startVerifyingServer(options: VerifyingServerOptions): Promise<VerifyingServer> {
  const { port = 0, cors, resolver, ...verifierOptions } = options
  const requests: ServedRequest[] = []
  const server = createServer((req, res) => {
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined
    const extra = corsHeaders(cors, origin)
    const handle = async () => {
      if (cors && req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
        res.writeHead(204, {
          ...extra,
          'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
          'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
          'access-control-max-age': '600',
          date: (verifierOptions.now?.() ?? new Date()).toUTCString(),
        })
        res.end()
        requests.push({ method: 'OPTIONS', url: req.url ?? '/', status: 204 })
        return
      }
      const request = await toFetchRequest(req)
      const result = await verifyRequest(request, verifierOptions)
      const response =
        result.ok && resolver ? await resolver({ request, verification: result }) : toResponse(result)
      requests.push({ method: request.method, url: request.url, status: response.status })
      await send(res, response, extra, verifierOptions.now?.() ?? new Date())
    }
    handle().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain', ...extra })
      res.end(String(error))
    })
  })
  // Longer than any client pool keeps an idle socket (undici 4 s; node:http agents keep theirs until the
  // server closes them): a server closing an idle keep-alive socket just as a client reuses it is a "socket
  // hang up" on a busy machine, which a test would read as a signing failure.
  server.keepAliveTimeout = 65_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const actualPort = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    fetch: createLoopbackFetch(actualPort, verifierOptions.endpoints),
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
