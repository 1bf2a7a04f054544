import {
  abortable,
  keepsOwnAuthorization,
  type LoopRequest,
  prepareBody,
  redirectModeFor,
  type Signer,
  sendSigned,
  stripSignatureHeaders,
} from '@awssig/core'
import { IssuedSignatures } from './issued-signatures'
import type { SigningKyHooks, SigningKyRetryHook } from './signing-hooks'

/** Options of {@link createKyHooks}. */
export interface KyHooksOptions {
  /**
   * The fetch used for redirect hops and the clock-skew / wrong-region retry that the hooks send themselves. Under ky 1 the
   * instance's own `fetch` option is used when this is not set; ky 2 does not show its `fetch` to hooks.
   * @default the ky instance's `fetch` (ky 1), else globalThis.fetch
   */
  fetch?: typeof fetch
  /** Re-sign and retry once when AWS answers that the request time is skewed. @default true */
  retryOnClockSkew?: boolean
  /**
   * Re-sign for the bucket's region and retry once when S3 names it in a wrong-region answer (the region is
   * remembered on the signer for later requests).
   * @default true
   */
  retryOnWrongRegion?: boolean
}

interface KyOptionsView {
  redirect?: RequestRedirect
  fetch?: typeof fetch
  prefixUrl?: unknown
}

interface KyCall {
  request: Request
  options: KyOptionsView
  response?: Response
}

/**
 * Hooks that make a ky instance sign every request to a host that a rule (or AWS host inference) claims.
 * They work with ky 1 (≥ 1.7) and ky 2, detecting the major from the arguments ky passes.
 *
 * Order matters. ky 1 stops running `beforeRequest` hooks after the first one that returns a `Request`, and
 * anything that changes the request after it is signed breaks the signature: the signing hooks must come
 * **after** your own `beforeRequest` and `beforeRetry` hooks. Use {@link withSigning} to get that order.
 *
 * - Hosts no rule claims, and requests that already carry a signature, are left untouched.
 * - ky 1 runs `beforeRequest` on every retry, ky 2 only once and then `beforeRetry`: either way each attempt
 *   is signed again with a fresh `X-Amz-Date`, and the previous signature headers are replaced.
 * - The body ky built (`json`, `FormData`, `URLSearchParams`, bytes, streams) is read once and the signed
 *   bytes are sent; `prefixUrl`/`prefix` and `searchParams` are already part of the URL that is signed.
 * - Redirects: unless you set `redirect`, signed requests use `redirect: 'manual'` in Node and the
 *   `afterResponse` hook follows them, signing each hop for its own host or sending it with no credential
 *   header when no rule claims it; in browsers signed requests default to `redirect: 'error'`.
 * - Clock skew: on AWS's "request time too skewed" answers, `signer.clockOffsetMs` is set from the server's
 *   time and the request is signed and sent once more from `afterResponse` (keep ky's `retry.limit` above 0
 *   under ky 2, so ky keeps a copy of the body to resend).
 * - S3 wrong region: when S3 names the bucket's region (legacy global `bucket.s3.amazonaws.com` hosts), the
 *   signer remembers it and the request is signed for it and sent once more from `afterResponse`. Both
 *   retries go through `signer.learnFromResponse`, which loads only after a non-2xx answer.
 *
 * @example
 * import ky from 'ky'
 * import { createKyHooks, createSigner } from '@awssig/ky'
 *
 * const signer = createSigner({
 *   credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
 *   rules: [{ host: 'abc123.execute-api.eu-west-1.amazonaws.com' }],
 * })
 * const api = ky.create({ prefixUrl: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod', hooks: createKyHooks(signer) })
 * const items = await api.post('items', { json: { name: 'a' } }).json()
 */
export function createKyHooks(signer: Signer, options: KyHooksOptions = {}): SigningKyHooks {
  const context: HooksContext = {
    signer,
    options,
    issued: new IssuedSignatures(),
    signedBodies: new WeakMap(),
  }
  const sign = (request: Request, kyOptions: KyOptionsView) => signKyRequest(context, request, kyOptions)
  return {
    beforeRequest: [
      async (...args: unknown[]) => {
        const call = readCall(args)
        return sign(call.request, call.options)
      },
    ],
    beforeRetry: [
      // Resolves with the signed Request under ky 2; typed as nothing (see SigningKyRetryHook).
      (async (...args: unknown[]) => {
        const call = readCall(args)
        // ky 1 runs beforeRequest again for this attempt, and signs there.
        if (isKy1Options(call.options)) return undefined
        return sign(call.request, call.options)
      }) as SigningKyRetryHook,
    ],
    afterResponse: [async (...args: unknown[]) => continueInLoop(context, readCall(args))],
  }
}

/** What the hooks of one `createKyHooks` call share. */
interface HooksContext {
  signer: Signer
  options: KyHooksOptions
  /** The signatures these hooks issued (so a retry re-signs ours and leaves a caller's own alone). */
  issued: IssuedSignatures
  /** ky 2 without retries sends our Request itself (no copy is kept): the bytes, to send them again. */
  signedBodies: WeakMap<Request, Uint8Array | string>
}

/** Returns the signed replacement for `request`, or `undefined` to leave it as it is. */
async function signKyRequest(
  context: HooksContext,
  request: Request,
  kyOptions: KyOptionsView,
): Promise<Request | undefined> {
  const { signer, issued, signedBodies } = context
  const url = request.url
  const authorization = request.headers.get('authorization')
  const ours = authorization !== null && issued.has(authorization)
  // Waits only on the first request to a host under an AWS domain, while AWS host inference loads (the
  // Request's body is a stream: nothing the caller can change meanwhile).
  let plan = signer.resolveLoaded(url)
  if (plan === undefined) plan = await signer.resolve(url)
  if (!ours && keepsOwnAuthorization(plan, url, request.headers)) return undefined
  if (plan === null && signer.options.unmatched !== 'error') return undefined

  const { signal } = request
  const mode = redirectModeFor(kyOptions.redirect, request.method, url)
  const prepared = await prepareBody(request.body, plan, {
    maxBodyBytes: signer.options.maxBodyBytes,
    method: request.method,
    url,
    signal,
  })
  const streamed = prepared.body !== undefined && request.body === prepared.body
  const body = streamed ? undefined : (prepared.body as Uint8Array | string | undefined)
  const signed = await abortable(
    signer.sign({ method: request.method, url, headers: stripSignatureHeaders(request.headers), body }),
    signal,
  )
  const signature = signed.request.headers.get('authorization')
  if (signature !== null) issued.add(signature, signed.plan)
  const init: RequestInit & { duplex?: 'half' } = {
    headers: [...signed.request.headers],
    redirect: mode.transport,
  }
  // A streamed body stays in `request` and moves to the replacement; a buffered one is sent as signed.
  if (!streamed) init.body = body as BodyInit | undefined
  else init.duplex = 'half'
  const replacement = new Request(request, init)
  if (body !== undefined) signedBodies.set(replacement, body)
  return replacement
}

/** Continues in core's loop from ky's answer: redirects under the credential policy, learning, one retry. */
async function continueInLoop(context: HooksContext, call: KyCall): Promise<Response | undefined> {
  const { signer, issued, signedBodies, options } = context
  const { request, options: kyOptions, response } = call
  // A success costs one comparison: the loop (and core's response side) runs only for other answers.
  if (response === undefined || response.status < 300) return undefined
  const authorization = request.headers.get('authorization')
  if (authorization === null || !issued.has(authorization)) return undefined
  let body: Uint8Array | string | undefined
  if (request.bodyUsed) {
    body = signedBodies.get(request)
    if (body === undefined) return undefined
  } else if (request.body !== null) {
    body = new Uint8Array(await request.clone().arrayBuffer())
  }
  const loopRequest: LoopRequest = {
    method: request.method,
    url: request.url,
    headers: request.headers,
    body,
  }
  const baseFetch: typeof fetch =
    options.fetch ?? kyOptions.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const rest = { signal: request.signal, credentials: request.credentials, cache: request.cache }
  const answer = await sendSigned(
    signer,
    loopRequest,
    (hop) =>
      baseFetch(hop.url, {
        ...rest,
        method: hop.method,
        headers: hop.headers,
        body: hop.body as BodyInit,
        redirect: hop.redirect,
      }),
    {
      signal: request.signal,
      redirect: kyOptions.redirect,
      retryOnClockSkew: options.retryOnClockSkew !== false,
      retryOnWrongRegion: options.retryOnWrongRegion !== false,
      first: { response, plan: issued.planOf(authorization) },
    },
  )
  return answer === response ? undefined : answer
}

/**
 * ky 1 calls hooks with positional arguments (`request, options, …` for beforeRequest, `request, options,
 * response, state` for afterResponse) and ky 2 with one state object; beforeRetry takes a state object in both.
 */
function readCall(args: unknown[]): KyCall {
  const [first, second, third] = args
  if (isRequestLike(first)) {
    const call: KyCall = { request: first, options: (second ?? {}) as KyOptionsView }
    if (third instanceof Response) call.response = third
    return call
  }
  const state = first as { request: Request; options?: KyOptionsView; response?: Response }
  const call: KyCall = { request: state.request, options: state.options ?? {} }
  if (state.response !== undefined) call.response = state.response
  return call
}

/** ky 1's normalized options always carry `prefixUrl` and `fetch`; ky 2 renamed one and hides the other. */
function isKy1Options(options: KyOptionsView): boolean {
  return 'prefixUrl' in options || typeof options.fetch === 'function'
}

function isRequestLike(value: unknown): value is Request {
  return (
    (typeof Request !== 'undefined' && value instanceof Request) ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as Request).url === 'string' &&
      typeof (value as Request).clone === 'function')
  )
}
