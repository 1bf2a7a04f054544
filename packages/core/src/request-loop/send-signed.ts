import { findAwsDnsSuffix } from '../aws-hosts/dns-suffixes'
import { copyOfBytes } from '../body/copy-of-bytes'
import type { Signer } from '../create-signer'
import { RedirectError } from '../errors'
import type { SigningPlan } from '../types'
import { abortable, throwIfAborted } from './abort'
import { stripCredentialHeaders, stripSignatureHeaders } from './credential-headers'
import type { Answer, Attempt, Credentials, Exchange } from './exchange'
import { isStream, prepareBody, type WireBody } from './outgoing-body'
import { type RedirectMode, redirectModeFor } from './redirect-mode'

/** The request a caller made, in the shape every adapter translates to. */
export interface LoopRequest {
  method: string
  /** Absolute URL. */
  url: string
  /** The caller's headers (signature headers of an earlier attempt are ignored). */
  headers: Iterable<[string, string]>
  /** Any body fetch accepts; read once (streams only where the plan allows `UNSIGNED-PAYLOAD`). */
  body?: BodyInit | WireBody | null
}

/** One request the transport sends: a signed hop, or one stripped of every credential header. */
export interface Hop {
  method: string
  url: string
  headers: [string, string][]
  body: WireBody
  /** What the transport does with a redirect answer: `'manual'` when the loop follows it. */
  redirect: RequestRedirect
  /** Whether this hop carries a signature. */
  signed: boolean
}

/** Sends one hop and resolves with its answer (never following redirects itself). */
export type SendHop = (hop: Hop) => Promise<Response>

/** An answer the adapter already has (ky's first attempt), and the plan its request was signed with. */
export interface FirstAnswer {
  response: Response
  plan: SigningPlan | null
}

/** Options of {@link sendSigned}. */
export interface SendSignedOptions {
  /** The caller's signal: every step (body, credentials, error body, each hop) stops when it aborts. */
  signal?: AbortSignal | null
  /**
   * The redirect mode the caller chose; `undefined` when it chose none. `'follow'` and none are followed by
   * the loop itself in Node, Deno and Bun; in browsers none becomes `'error'` and `'follow'` a
   * `RedirectError`. `'manual'` and `'error'` go to the transport as they are.
   */
  redirect?: RequestRedirect
  /** Re-sign and retry once on a clock-skew answer. @default true */
  retryOnClockSkew?: boolean
  /** Re-sign and retry once when S3 names the bucket's region. @default true */
  retryOnWrongRegion?: boolean
  /** Continue from this answer to the first attempt instead of sending it. */
  first?: FirstAnswer
  /**
   * The plan the adapter already resolved for `request.url` (saves resolving it again); `undefined` or null:
   * resolved here.
   */
  plan?: SigningPlan | null
}

/**
 * The one request loop every adapter runs: sign, send, follow redirects under one credential policy, learn
 * from AWS's answer, retry at most once — and stop at the caller's signal at every await. It knows no HTTP
 * client: `send` puts a hop on the wire.
 *
 * Credentials go only where the caller sent them: a redirect hop is signed again only on the caller's origin
 * (or when S3 moves the same bucket to its regional host over https); every other hop is sent with no
 * `Authorization`, `X-Amz-*`, `Cookie` or `Proxy-Authorization` header, or not at all under
 * `unmatched: 'error'`.
 *
 * @example
 * const response = await sendSigned(signer, { method: 'GET', url, headers: [] }, (hop) =>
 *   fetch(hop.url, { method: hop.method, headers: hop.headers, body: hop.body, redirect: hop.redirect }),
 * )
 */
export async function sendSigned(
  signer: Signer,
  request: LoopRequest,
  send: SendHop,
  options: SendSignedOptions = {},
): Promise<Response> {
  const { signal } = options
  throwIfAborted(signal)
  const mode = redirectModeFor(options.redirect, request.method, request.url)
  let plan = options.first ? options.first.plan : (options.plan ?? signer.resolveLoaded(request.url))
  let callerBody = request.body ?? null
  if (plan === undefined) {
    // The first request to a host under an AWS domain waits for AWS host inference: bytes are copied first,
    // so what is signed is what the caller passed (see copy-of-bytes.ts).
    callerBody = copyOfBytes(callerBody)
    plan = await abortable(signer.resolve(request.url), signal)
  }
  const body = prepareBody(callerBody, plan, {
    maxBodyBytes: signer.options.maxBodyBytes,
    method: request.method,
    url: request.url,
    signal,
  })
  // Binary bodies come back at once and are hashed before anything is awaited: the signature covers the bytes
  // as they are at the caller's call.
  const prepared = body instanceof Promise ? await abortable(body, signal) : body
  const headers = stripSignatureHeaders(request.headers)
  if (
    prepared.contentType !== undefined &&
    !headers.some(([name]) => name.toLowerCase() === 'content-type')
  ) {
    headers.push(['content-type', prepared.contentType])
  }
  const attempt: Attempt = { method: request.method, url: request.url, headers, body: prepared.body }
  const hopSender = (hop: Attempt, credentials: Credentials) =>
    sendHop(signer, hop, send, mode, signal, credentials)
  const answer = options.first ? { ...options.first, url: attempt.url } : await hopSender(attempt, 'first')
  // Success returns here: the redirect policy and the response side are not even loaded, and the exchange
  // they work on is not even built (a signed call's overhead over signing is counted in microseconds).
  if (answer.response.status < 300) return answer.response
  const exchange: Exchange = {
    attempt,
    mode,
    signal,
    streamBody: isStream(attempt.body),
    sendHop: hopSender,
    untilAborted: (work) => abortable(work, signal),
    findAwsDnsSuffix,
    retries: {
      clockSkew: options.retryOnClockSkew !== false,
      wrongRegion: options.retryOnWrongRegion !== false,
    },
  }
  const { continueExchange } = await import('./continue-exchange')
  return continueExchange(signer, exchange, answer)
}

async function sendHop(
  signer: Signer,
  hop: Attempt,
  send: SendHop,
  mode: RedirectMode,
  signal: AbortSignal | null | undefined,
  credentials: Credentials,
): Promise<Answer> {
  throwIfAborted(signal)
  let headers: [string, string][]
  let plan: SigningPlan | null = null
  let method = hop.method
  if (credentials !== 'strip') {
    const streaming = isStream(hop.body)
    const signed = await abortable(
      signer.sign({
        method: hop.method,
        url: hop.url,
        headers: hop.headers,
        body: streaming ? undefined : (hop.body as Exclude<WireBody, ReadableStream>),
      }),
      signal,
    )
    plan = signed.plan
    // The method the signer signed (upper-cased): what an adapter passed as written (fetch sends `patch` so)
    // would not match it.
    if (plan) method = signed.request.method
    // A redirect hop that nothing claims after all keeps none of the caller's credential headers either.
    // headerPairs is this call's own array (sign builds it per call), so it is sent as it is.
    headers =
      plan === null && credentials === 'sign'
        ? stripCredentialHeaders(hop.headers)
        : signed.request.headerPairs
  } else {
    if (signer.options.unmatched === 'error') {
      const host = new URL(hop.url).host
      throw new RedirectError(
        __DEV__
          ? `A redirect leads away from the origin of the request (to ${host}); with unmatched: 'error' it is not sent.`
          : `redirect to ${host} not sent (unmatched: 'error')`,
        { method: hop.method, url: hop.url },
      )
    }
    headers = stripCredentialHeaders(hop.headers)
  }
  const response = await send({
    method,
    url: hop.url,
    headers,
    body: hop.body,
    redirect: mode.transport,
    signed: plan !== null,
  })
  return { response, plan, url: hop.url }
}
