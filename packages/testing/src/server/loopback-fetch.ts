import { request as httpRequest } from 'node:http'
import { findEndpoint } from '../verify/find-endpoint'
import type { EndpointConfig } from '../verify/types'

/**
 * A fetch that sends requests for declared hosts over real HTTP to the loopback server, keeping the
 * original `Host` header, so `https://abc.execute-api.eu-west-1.amazonaws.com/x` works offline. Other
 * hosts go to the global fetch.
 */
export function createLoopbackFetch(port: number, endpoints: Record<string, EndpointConfig>): typeof fetch {
  const loopbackFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init)
    const url = new URL(request.url)
    if (!findEndpoint(url, endpoints)) return fetch(request)
    const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined
    const headers: Record<string, string> = {}
    for (const [name, value] of request.headers) headers[name] = value
    headers.host = url.host
    if (body) headers['content-length'] = String(body.length)
    return new Promise<Response>((resolve, reject) => {
      const outgoing = httpRequest(
        { host: '127.0.0.1', port, method: request.method, path: `${url.pathname}${url.search}`, headers },
        (incoming) => {
          const responseHeaders = new Headers()
          const raw = incoming.rawHeaders
          for (let i = 0; i + 1 < raw.length; i += 2) responseHeaders.append(raw[i]!, raw[i + 1]!)
          const status = incoming.statusCode ?? 502
          const nullBody = status === 204 || status === 304 || request.method === 'HEAD'
          if (nullBody) incoming.resume()
          // The body is handed over as it arrives (server-sent events stream through); cancelling it
          // closes the connection.
          const body = nullBody
            ? null
            : new ReadableStream<Uint8Array>({
                start(controller) {
                  incoming.on('data', (chunk: Uint8Array) => controller.enqueue(new Uint8Array(chunk)))
                  incoming.on('end', () => controller.close())
                  incoming.on('error', (error) => controller.error(error))
                },
                cancel() {
                  incoming.destroy()
                },
              })
          resolve(
            new Response(body, {
              status,
              statusText: incoming.statusMessage ?? '',
              headers: responseHeaders,
            }),
          )
        },
      )
      outgoing.on('error', reject)
      request.signal?.addEventListener('abort', () =>
        outgoing.destroy(new DOMException('This operation was aborted', 'AbortError')),
      )
      outgoing.end(body)
    })
  }
  return loopbackFetch as typeof fetch
}
