import type { Signer, SigningPlan } from '@awssig/core'
import { copyHeaders, headerPairs, signableHeaderPairs, withoutCredentialHeaders } from './credential-headers'

/** A request ready to be signed and sent: the caller's headers, and the exact body bytes (or a stream). */
export interface OutgoingRequest {
  method: string
  /** Absolute URL, as it goes on the wire. */
  url: string
  /** The caller's headers, including the `Content-Type` derived from the body; no signature headers. */
  headers: Headers
  /**
   * The exact bytes to hash and send; or a stream, sent as it is read and signed with `UNSIGNED-PAYLOAD`
   * (only where the plan allows it).
   */
  body: ArrayBuffer | ArrayBufferView | string | ReadableStream<Uint8Array> | undefined
}

/** How {@link sendSigned} sends. */
export interface SendSignedOptions {
  /** The underlying fetch. */
  fetch: typeof fetch
  /**
   * The rest of the caller's request options (signal, credentials, cache, keepalive, an undici
   * `dispatcher` …), passed on unchanged to every attempt.
   */
  init?: RequestInit
  /** `redirect` for the underlying fetch. */
  redirect: RequestRedirect
  /** Follow 301/302/303/307/308 here (requires `redirect: 'manual'` and a runtime that exposes them). */
  followRedirects: boolean
  /** Re-sign and retry once when AWS answers that the clock is skewed. @default true */
  retryOnClockSkew?: boolean
  /** Re-sign for the bucket's region and retry once when S3 names it in a wrong-region answer. @default true */
  retryOnWrongRegion?: boolean
}

/** An answer the caller already has (the ky hooks'), and the plan its request was signed with. */
export interface FirstAnswer {
  response: Response
  /** The plan the request was signed with; null when it was sent unsigned. */
  plan: SigningPlan | null
}

/**
 * Signs `request`, sends it, and handles what a signature makes special about the answer:
 * - redirects (when `followRedirects`): each hop is signed again for its own host if a rule or AWS
 *   inference claims it, and otherwise sent with no credential material at all (`Authorization` and every
 *   `X-Amz-*` header removed) — credentials never follow a redirect to a host that no rule claims;
 * - what AWS's answer teaches, through `signer.learnFromResponse` (loaded only after a non-2xx answer): on
 *   clock skew the server's time is kept on the signer (`signer.clockOffsetMs`); on an S3 wrong-region
 *   answer naming the bucket's region, that region is remembered for the host. Either way the request is
 *   signed again and sent once more (never twice; a streamed body cannot be replayed, so its answer is
 *   returned as it is).
 *
 * `first`, when given, is the answer to the first (already signed and sent) attempt: processing continues
 * from it. The ky hooks use this from `afterResponse`.
 *
 * @example
 * const response = await sendSigned(signer, { method: 'GET', url, headers: new Headers(), body: undefined }, {
 *   fetch: globalThis.fetch, redirect: 'manual', followRedirects: true,
 * })
 */
export async function sendSigned(
  signer: Signer,
  request: OutgoingRequest,
  options: SendSignedOptions,
  first?: FirstAnswer,
): Promise<Response> {
  const answer = await sendFollowingRedirects(signer, request, options, first)
  const learn = {
    clockSkew: options.retryOnClockSkew !== false,
    wrongRegion: options.retryOnWrongRegion !== false,
  }
  // Success (and unsigned hops) return here: the response-side code is not even loaded.
  if (answer.response.status < 300 || answer.plan === null || !(learn.clockSkew || learn.wrongRegion)) {
    return answer.response
  }
  const lesson = await signer.learnFromResponse(answer.response, answer.plan, answer.url, learn)
  if (!lesson.retry || isStream(request.body)) return answer.response
  discard(answer.response)
  return (await sendFollowingRedirects(signer, request, options)).response
}

/** An answer, with what the request that got it was signed with. */
export interface Answer {
  response: Response
  /** The plan the request that got this answer was signed with; null when it was sent unsigned. */
  plan: SigningPlan | null
  /** The URL of that request (the last hop). */
  url: string
}

async function sendFollowingRedirects(
  signer: Signer,
  request: OutgoingRequest,
  options: SendSignedOptions,
  first?: FirstAnswer,
): Promise<Answer> {
  const answer = first ? { ...first, url: request.url } : await sendOne(signer, request, options, true)
  const { status } = answer.response
  // Only a redirect status loads the redirect code: the request path carries this check alone.
  if (!options.followRedirects || status < 301 || status > 308) return answer
  const { followRedirects } = await import('./follow-redirects')
  return followRedirects(answer, request, {
    send: (hop) => sendOne(signer, hop, options, signer.resolve(hop.url) !== null),
    copyHeaders,
    isStream,
    discard,
  })
}

async function sendOne(
  signer: Signer,
  hop: OutgoingRequest,
  options: SendSignedOptions,
  sign: boolean,
): Promise<Answer> {
  const streaming = isStream(hop.body)
  let headers: Headers
  let plan: SigningPlan | null = null
  if (sign) {
    const signed = await signer.sign({
      method: hop.method,
      url: hop.url,
      headers: signableHeaderPairs(hop.headers),
      body: streaming ? undefined : (hop.body as ArrayBuffer | ArrayBufferView | string | undefined),
    })
    headers = signed.request.headers
    plan = signed.plan
  } else {
    headers = withoutCredentialHeaders(hop.headers)
  }
  const init: RequestInit & { duplex?: 'half' } = {
    ...options.init,
    method: hop.method,
    headers: headerPairs(headers),
    body: hop.body as BodyInit | undefined,
    redirect: options.redirect,
  }
  // Node's fetch refuses a stream body without it; browsers that stream uploads need it too.
  if (streaming) init.duplex = 'half'
  return { response: await options.fetch(hop.url, init), plan, url: hop.url }
}

function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined)
}

/** True for a `ReadableStream` body. */
export function isStream(body: unknown): body is ReadableStream<Uint8Array> {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ReadableStream).getReader === 'function' &&
    typeof (body as ReadableStream).tee === 'function'
  )
}
