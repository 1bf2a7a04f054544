import { copyOfBytes, keepsOwnAuthorization, type LoopRequest, type Signer, sendSigned } from '@awssig/core'
import { headerPairsOf } from './copy-headers'
import { toInit } from './hop-init'

/** Options of {@link createSignedFetch}. */
export interface SignedFetchOptions {
  /**
   * The fetch that sends the signed requests (an instrumented fetch, undici's, a test double …).
   * @default globalThis.fetch, looked up at each call (so test interceptors installed later apply)
   */
  fetch?: typeof fetch
  /**
   * Re-sign and retry once when AWS answers that the request time is skewed (the server's time is kept on
   * the signer for later requests to that origin).
   * @default true
   */
  retryOnClockSkew?: boolean
  /**
   * Re-sign and retry once when S3 answers that a bucket lives in another region and names it (the legacy
   * global endpoint `bucket.s3.amazonaws.com`, signed for `us-east-1` by default); the region is remembered on
   * the signer, so later requests to the bucket are signed for it directly.
   * @default true
   */
  retryOnWrongRegion?: boolean
}

/** A function with the call shape of `fetch` that signs each request it sends. */
export type SignedFetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>

/**
 * Wraps `fetch` so every request to a host that a rule (or AWS host inference) claims is signed with the
 * plan `signer` resolves for it, and sent with exactly the bytes that were signed. The request loop — body,
 * signing, redirects, learning from AWS's answer, the one retry — is core's `sendSigned`; this function only
 * translates fetch's arguments to it.
 *
 * - Hosts no rule claims are passed to the underlying fetch with the original arguments, untouched (with
 *   `unmatched: 'error'` the call rejects with `NoMatchingRuleError` instead). So are requests that already
 *   carry a signature: an `Authorization` header or a presigned URL (`X-Amz-Signature`).
 * - Every body kind fetch accepts is read once into the bytes that are signed and sent; `FormData` keeps the
 *   boundary it was signed with. Binary bodies (`ArrayBuffer`, typed arrays, `DataView`) are not copied: they
 *   are hashed within this call and passed to fetch as they are, so a buffer changed before the promise
 *   settles is rejected by AWS, never signed afresh. A `Request` passed in is cloned, so it stays usable. A
 *   `ReadableStream` is buffered up to `maxBodyBytes` (`BodyTooLargeError` before anything is sent), or
 *   streamed with `UNSIGNED-PAYLOAD` when the plan allows it.
 * - Redirects: in Node, Deno and Bun signed requests go out with `redirect: 'manual'` (also when you ask for
 *   `'follow'`) and awssig follows them (at most 20). A hop is signed again only on the origin you called (or
 *   when S3 moves the same bucket to its regional endpoint over https); any other hop is sent without
 *   `Authorization`, `X-Amz-*`, `Cookie` or `Proxy-Authorization`. In browsers and workers, where script
 *   cannot follow redirects, signed requests default to `redirect: 'error'`, and `redirect: 'follow'` is a
 *   `RedirectError`. `'manual'` and `'error'` are passed on as chosen.
 * - Clock skew and S3 wrong region: learned from AWS's answer (an error body is read for at most 2 s and 64
 *   KiB, from a clone), then the request is signed again and retried once.
 * - `signal` stops every step, including reading a body stream and waiting for credentials; every other
 *   option is passed on; responses are returned as they arrive (never buffered).
 *
 * @example
 * import { createSigner, createSignedFetch } from '@awssig/fetch'
 *
 * const signer = createSigner({
 *   credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
 *   rules: [{ host: 'abc123.execute-api.eu-west-1.amazonaws.com' }],
 * })
 * const fetch = createSignedFetch(signer)
 * const response = await fetch('https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items', {
 *   method: 'POST',
 *   headers: { 'content-type': 'application/json' },
 *   body: JSON.stringify({ name: 'a' }),
 * })
 */
export function createSignedFetch(signer: Signer, options: SignedFetchOptions = {}): SignedFetch {
  const baseFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))

  return async function signedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const original = isRequest(input) ? input : undefined
    const url = absoluteUrl(original ? original.url : (input as string | URL))
    if (url === undefined) return baseFetch(input, init)
    // For a URL and init, this copy is also the outgoing request's (one copy of the caller's headers).
    const callerHeaders = headerPairsOf(init?.headers ?? original?.headers)
    let plan = signer.resolveLoaded(url)
    if (plan === undefined) {
      // The first request to a host under an AWS domain waits for AWS host inference to load: a byte body is
      // copied first, so what is signed is what the caller passed.
      if (init?.body != null) init = { ...init, body: copyOfBytes(init.body) }
      plan = await signer.resolve(url)
    }
    if (keepsOwnAuthorization(plan, url, callerHeaders)) return baseFetch(input, init)
    if (plan === null && signer.options.unmatched !== 'error') return baseFetch(input, init)

    // A Request's merge with init loads on first use: most callers pass a URL.
    let request: LoopRequest = {
      // Upper case, as signed (and as axios and ky send it), also in errors and on unsigned hops.
      method: (init?.method ?? 'GET').toUpperCase(),
      url,
      headers: callerHeaders,
      body: init?.body,
    }
    let rest = withoutRequestParts(init)
    let redirect = init?.redirect
    if (original) {
      // A Request's merge with init loads on first use: most callers pass a URL.
      const merged = (await import('./request-input')).readRequestInput(original, init)
      request = { method: merged.method.toUpperCase(), url, headers: merged.headers, body: merged.body }
      rest = { ...merged.options, ...rest }
      redirect = merged.redirect
    }
    return sendSigned(signer, request, (hop) => baseFetch(hop.url, toInit(hop, rest)), {
      signal: rest.signal ?? null,
      redirect,
      plan,
      // sendSigned reads undefined as true, as these options document.
      retryOnClockSkew: options.retryOnClockSkew,
      retryOnWrongRegion: options.retryOnWrongRegion,
    })
  }
}

function isRequest(input: unknown): input is Request {
  if (typeof Request !== 'undefined' && input instanceof Request) return true
  return (
    typeof input === 'object' &&
    input !== null &&
    typeof (input as Request).url === 'string' &&
    typeof (input as Request).clone === 'function' &&
    typeof (input as Request).method === 'string'
  )
}

function absoluteUrl(input: string | URL): string | undefined {
  try {
    const base = (globalThis as { location?: { href?: string } }).location?.href
    return new URL(input, base).href
  } catch {
    return undefined
  }
}

/** The options of `init` other than those the signed request sets itself. */
function withoutRequestParts(init: RequestInit | undefined): RequestInit {
  if (!init) return {}
  const { method: _method, headers: _headers, body: _body, redirect: _redirect, ...rest } = init
  return rest
}
