import type { WebSocketHandshake } from '@awssig/core/realtime'
import { redactHeader, redactSecrets } from './redact'

/**
 * A handshake safe for `-v` and errors: the presigned query's signature and token, the signed headers and
 * AppSync's `header-…` subprotocol (base64 of the signature and token) are redacted; the plan stays.
 */
export function redactHandshake(handshake: WebSocketHandshake): Record<string, unknown> {
  const url = new URL(handshake.url)
  const header = url.searchParams.get('header')
  let printable = redactSecrets(handshake.url)
  if (header !== null)
    printable = printable.replace(encodeURIComponent(header), '<redacted>').replace(header, '<redacted>')
  return {
    protocol: handshake.protocol,
    url: printable,
    protocols: handshake.protocols.map((p) => (p.startsWith('header-') ? 'header-<redacted>' : p)),
    ...(handshake.headers
      ? {
          headers: Object.fromEntries(
            Object.entries(handshake.headers).map(([name, value]) => [name, redactHeader(name, value)]),
          ),
        }
      : {}),
    plan: handshake.plan,
  }
}
