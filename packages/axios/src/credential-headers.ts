import { SIGNATURE_HEADERS } from '@awssig/core'
import type { AxiosHeaders } from 'axios'

/**
 * Headers that carry a signature or the material it was computed over (core's list). A retried or redirected
 * request still holds the previous attempt's values, which must never be sent again: they are removed before
 * re-signing, and before a request leaves for a host no rule claims.
 */
const CREDENTIAL_HEADERS = SIGNATURE_HEADERS

/**
 * Headers a transport writes or rewrites after the interceptor has run (axios' http adapter adds
 * `User-Agent`, `Content-Length` and `Accept-Encoding` to the same headers object; undici adds its own).
 * Signing one of them would turn any later change into a `SignatureDoesNotMatch`.
 */
const TRANSPORT_HEADERS = new Set([
  'accept',
  'accept-encoding',
  'accept-language',
  'connection',
  'content-length',
  'expect',
  'host',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'sec-fetch-mode',
  'te',
  'transfer-encoding',
  'upgrade',
  'user-agent',
])

/** Removes every credential header (any case) from `headers`, in place. */
export function stripCredentialHeaders(headers: AxiosHeaders): void {
  for (const name of CREDENTIAL_HEADERS) headers.delete(name)
}

/** Removes credential headers, in place, from a plain header object such as follow-redirects' options. */
export function stripCredentialHeaderKeys(headers: Record<string, unknown> | undefined): void {
  if (!headers) return
  const names = new Set<string>(CREDENTIAL_HEADERS)
  for (const key of Object.keys(headers)) {
    if (names.has(key.toLowerCase())) delete headers[key]
  }
}

/**
 * The headers handed to the signer: everything the caller set, minus transport-owned headers and stale
 * credential headers. The signer then signs its own allowlist (`host`, `content-type`, `content-md5`,
 * `x-amz-*`, or what `signedHeaders` adds) out of these.
 */
export function headersToSign(headers: AxiosHeaders): Headers {
  const result = new Headers()
  const credentialNames = new Set<string>(CREDENTIAL_HEADERS)
  for (const [name, value] of Object.entries(headers.toJSON(true) as Record<string, unknown>)) {
    const lower = name.toLowerCase()
    if (TRANSPORT_HEADERS.has(lower) || credentialNames.has(lower)) continue
    if (value === undefined || value === null || value === false) continue
    result.set(lower, Array.isArray(value) ? value.join(', ') : String(value))
  }
  return result
}
