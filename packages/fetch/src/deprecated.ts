// Exports of the first release that were the request loop's plumbing. The loop now lives in @awssig/core
// (`sendSigned`, `stripCredentialHeaders`, `isBrowserLike` …); these aliases stay for one release.
import {
  sendSigned as coreSendSigned,
  type FirstAnswer,
  type LoopRequest,
  type SendHop,
  type SendSignedOptions,
  type Signer,
  stripCredentialHeaders,
  stripSignatureHeaders,
} from '@awssig/core'
import { copyHeaders } from './copy-headers'
import { toInit } from './hop-init'

/** @deprecated The request shape of the old `sendSigned`; use core's `LoopRequest`. */
export interface OutgoingRequest {
  method: string
  url: string
  headers: Headers
  body: ArrayBuffer | ArrayBufferView | string | ReadableStream<Uint8Array> | undefined
}

/** @deprecated The options of the old `sendSigned(signer, request, options)`; use core's `sendSigned`. */
export interface LegacySendSignedOptions {
  /** The fetch that sends each hop. */
  fetch: typeof fetch
  init?: RequestInit
  redirect: RequestRedirect
  followRedirects: boolean
  retryOnClockSkew?: boolean
  retryOnWrongRegion?: boolean
}

/** Core's request loop: `sendSigned(signer, request, send, options)`. */
export function sendSigned(
  signer: Signer,
  request: LoopRequest,
  send: SendHop,
  options?: SendSignedOptions,
): Promise<Response>
/** @deprecated Use `sendSigned(signer, request, send, options)` (core's loop); removed in the next release. */
export function sendSigned(
  signer: Signer,
  request: OutgoingRequest,
  options: LegacySendSignedOptions,
  first?: FirstAnswer,
): Promise<Response>
export function sendSigned(
  signer: Signer,
  request: LoopRequest | OutgoingRequest,
  third: SendHop | LegacySendSignedOptions,
  fourth?: SendSignedOptions | FirstAnswer,
): Promise<Response> {
  if (typeof third === 'function') return coreSendSigned(signer, request, third, fourth as SendSignedOptions)
  const legacy = third
  const init = legacy.init ?? {}
  // The hop's own redirect mode matters: the runtime's fetch must not follow a redirect itself, or it would
  // carry X-Amz-Security-Token to wherever the redirect leads.
  const send: SendHop = (hop) => legacy.fetch(hop.url, toInit(hop, init))
  const options: SendSignedOptions = {
    signal: init.signal ?? null,
    retryOnClockSkew: legacy.retryOnClockSkew !== false,
    retryOnWrongRegion: legacy.retryOnWrongRegion !== false,
  }
  if (!legacy.followRedirects) options.redirect = legacy.redirect
  if (fourth !== undefined) options.first = fourth as FirstAnswer
  return coreSendSigned(signer, request, send, options)
}

/** @deprecated The entries of `headers` as pairs: `[...headers]`. */
export function headerPairs(headers: Headers): [string, string][] {
  return [...headers]
}

/** @deprecated Use core's `stripSignatureHeaders`. */
export function signableHeaderPairs(headers: Headers): [string, string][] {
  return stripSignatureHeaders(headers)
}

/** @deprecated Use core's `stripCredentialHeaders` (which also strips `Cookie` and `Proxy-Authorization`). */
export function withoutCredentialHeaders(headers: HeadersInit): Headers {
  return new Headers(stripCredentialHeaders(copyHeaders(headers)))
}

/** @deprecated Use core's `stripSignatureHeaders`. */
export function withoutSignatureHeaders(headers: HeadersInit): Headers {
  return new Headers(stripSignatureHeaders(copyHeaders(headers)))
}
