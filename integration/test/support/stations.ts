import { readFileSync } from 'node:fs'
import { type Loopback, type Received, startLoopback } from '@awssig/test-utils/loopback'

/** What a station received, as it arrived on the wire. */
export type Arrival = Received

/** A loopback HTTP(S) server that records every request and answers with a handler. */
export type Station = Loopback

const TLS = {
  key: readFileSync(new URL('./tls/key.pem', import.meta.url)),
  cert: readFileSync(new URL('./tls/cert.pem', import.meta.url)),
}

/**
 * Starts a recording server on `host` (127.0.0.1 or 127.0.0.2: two hostnames on one machine, so a rule can
 * claim one and not the other), over https with this folder's test certificate or over plain http.
 */
export function startStation(
  scheme: 'http' | 'https',
  host: '127.0.0.1' | '127.0.0.2',
  handle: (request: Request, arrival: Arrival) => Response | Promise<Response>,
): Promise<Station> {
  return startLoopback(handle, { scheme, host, tls: TLS })
}
