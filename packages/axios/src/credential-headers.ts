import { isCredentialHeader, isSignatureHeader } from '@awssig/core'
import type { AxiosHeaders } from 'axios'

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

/**
 * Removes, in place, the headers a previous signature wrote (any case): a retried or redirected request still
 * holds them, and they are never sent again. The caller's own `X-Amz-*` headers stay.
 */
export function stripSignatureHeaders(headers: AxiosHeaders): void {
  for (const name of Object.keys(headers.toJSON(true) as object)) {
    if (isSignatureHeader(name.toLowerCase())) headers.delete(name)
  }
}

/**
 * Removes, in place, every header core's policy counts as credential material (`Authorization`, every
 * `X-Amz-*`, `Cookie`, `Proxy-Authorization`): what a hop to another origin must not carry.
 */
export function stripCredentialHeaders(headers: AxiosHeaders): void {
  for (const name of Object.keys(headers.toJSON(true) as object)) {
    if (isCredentialHeader(name.toLowerCase())) headers.delete(name)
  }
}

/** The same, for a plain header object such as follow-redirects' options in `beforeRedirect`. */
export function stripCredentialHeaderKeys(headers: Record<string, unknown> | undefined): void {
  if (!headers) return
  for (const key of Object.keys(headers)) {
    if (isCredentialHeader(key.toLowerCase())) delete headers[key]
  }
}

/**
 * The headers handed to the signer: everything the caller set, minus transport-owned headers and stale
 * credential headers. The signer then signs its own allowlist (`host`, `content-type`, `content-md5`,
 * `x-amz-*`, or what `signedHeaders` adds) out of these.
 */
export function headersToSign(headers: AxiosHeaders): Headers {
  const result = new Headers()
  for (const [name, value] of Object.entries(headers.toJSON(true) as Record<string, unknown>)) {
    const lower = name.toLowerCase()
    if (TRANSPORT_HEADERS.has(lower) || isSignatureHeader(lower)) continue
    if (value === undefined || value === null || value === false) continue
    result.set(lower, Array.isArray(value) ? value.join(', ') : String(value))
  }
  return result
}
