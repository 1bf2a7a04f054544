import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP } from 'node:net'
import { TransportError } from '../cli-error'
import { type ConnectOverride, pickConnectTarget } from './connect-override'

/** What {@link sendRequest} sends: exactly these headers and bytes, nothing re-encoded. */
export interface OutgoingRequest {
  method: string
  url: string
  headers: Headers
  body?: Uint8Array
}

/** A received response with its body fully read. */
export interface ReceivedResponse {
  status: number
  statusText: string
  httpVersion: string
  /** Raw header pairs in the order received. */
  headers: [string, string][]
  body: Uint8Array
}

/** Options of {@link sendRequest}. */
export interface SendOptions {
  connectTo?: readonly ConnectOverride[]
  /** Abort after this many milliseconds. @default no limit */
  timeoutMs?: number
  /** Accept any TLS certificate (curl's `-k`). @default false */
  insecure?: boolean
}

/**
 * Sends a signed request with node:http(s). Unlike `fetch`, this can open the connection to another
 * address (`--connect-to`) while sending the URL's `Host` header, and adds no headers of its own
 * besides `Content-Length`, so the bytes on the wire are the ones that were signed.
 */
export function sendRequest(outgoing: OutgoingRequest, options: SendOptions = {}): Promise<ReceivedResponse> {
  const url = new URL(outgoing.url)
  const target = pickConnectTarget(url, options.connectTo ?? [])
  const headers: Record<string, string> = { host: url.host }
  outgoing.headers.forEach((value, name) => {
    headers[name] = value
  })
  if (outgoing.body !== undefined) headers['content-length'] = String(outgoing.body.byteLength)
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = request(
      {
        method: outgoing.method,
        host: target.host,
        port: target.port,
        path: `${url.pathname}${url.search}`,
        headers,
        // TLS must still check the certificate for the URL's host, not the address connected to
        // (SNI carries names only, never IP addresses).
        ...(isIP(url.hostname) ? {} : { servername: url.hostname }),
        rejectUnauthorized: !options.insecure,
      },
      (response: IncomingMessage) => {
        const chunks: Uint8Array[] = []
        response.on('data', (chunk: Uint8Array) => chunks.push(chunk))
        response.on('error', (error) => reject(transportError(error, url, target)))
        response.on('end', () => {
          const pairs: [string, string][] = []
          for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) {
            pairs.push([response.rawHeaders[i]!, response.rawHeaders[i + 1]!])
          }
          resolve({
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            httpVersion: response.httpVersion,
            headers: pairs,
            body: concat(chunks),
          })
        })
      },
    )
    // --max-time bounds the whole exchange, as in curl, not only the idle time between packets.
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(
            () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
            options.timeoutMs,
          )
    req.on('close', () => clearTimeout(timer))
    req.on('error', (error) => reject(transportError(error, url, target)))
    req.end(outgoing.body)
  })
}

function transportError(error: Error, url: URL, target: { host: string; port: number }): TransportError {
  const code = (error as { code?: string }).code
  const via = target.host === url.hostname ? '' : ` (connecting to ${target.host}:${target.port})`
  const why =
    code === 'ECONNREFUSED'
      ? 'the connection was refused'
      : code === 'ENOTFOUND'
        ? 'the host name could not be resolved'
        : code === 'ETIMEDOUT'
          ? 'it timed out'
          : error.message
  return new TransportError(`Could not send the request to ${url.host}${via}: ${why}.`, { cause: error })
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}
