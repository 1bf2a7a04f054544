import { readBody, type Signer } from '@awssig/core'
import { copyHeaders, isAlreadySigned } from './credential-headers'
import { isBrowserLike } from './environment'
import { isStream, type OutgoingRequest, sendSigned } from './send-signed'

/** Options of {@link createSignedFetch}. */
export interface SignedFetchOptions {
  /**
   * The fetch that sends the signed requests (an instrumented fetch, undici's, a test double …).
   * @default globalThis.fetch, looked up at each call (so test interceptors installed later apply)
   */
  fetch?: typeof fetch
  /**
   * Re-sign and retry once when AWS answers that the request time is skewed (the server's time is kept in
   * `signer.clockOffsetMs` for later requests).
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

/** Methods the fetch standard upper-cases; others (`patch`) are sent as written. */
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'])

/**
 * Wraps `fetch` so every request to a host that a rule (or AWS host inference) claims is signed with the
 * plan `signer` resolves for it, and sent with exactly the bytes that were signed.
 *
 * - Hosts no rule claims are passed to the underlying fetch with the original arguments, untouched (with
 *   `unmatched: 'error'` the call rejects with `NoMatchingRuleError` instead). So are requests that already
 *   carry a signature: an `Authorization` header or a presigned URL (`X-Amz-Signature`).
 * - Every body kind fetch accepts is read once into the bytes that are signed and sent; `FormData` keeps the
 *   boundary it was signed with. Binary bodies (`ArrayBuffer`, typed arrays, `DataView`) are not copied: they
 *   are hashed within this call and passed to fetch as they are, so a buffer changed before the promise
 *   settles is rejected by AWS, never signed afresh. A `Request` passed in is cloned, so it stays usable. A `ReadableStream` is
 *   buffered up to `maxBodyBytes` (`BodyTooLargeError` before anything is sent), or streamed with
 *   `UNSIGNED-PAYLOAD` when the plan allows it (S3 rules with `unsignedPayload: true`).
 * - Redirects: where the caller did not choose `redirect` (for a `Request`, its default `'follow'` counts as
 *   not chosen), signed requests are sent with `redirect: 'manual'` in Node, Deno and Bun and the redirects
 *   are followed here (at most 20), each hop signed again for its own host, or sent without any credential
 *   header to a host no rule claims. In browsers and workers, where script cannot follow redirects itself,
 *   the default is `redirect: 'error'`.
 * - Clock skew: an AWS answer saying the request time is too skewed (or the signature expired / is not yet
 *   current) sets `signer.clockOffsetMs` from the server's time; the request is signed again and retried once.
 * - S3 wrong region: when S3 names the bucket's region (`x-amz-bucket-region`, `<Region>`), the signer
 *   remembers it for that bucket and the request is signed for it and retried once. Both go through
 *   `signer.learnFromResponse`, loaded only after a non-2xx answer; other services' scope errors are returned
 *   as they are (see `diagnose`).
 * - `signal`, timeouts and every other option are passed on; responses are returned as they arrive (never
 *   buffered).
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
    const callerHeaders = copyHeaders(init?.headers ?? original?.headers)
    if (isAlreadySigned(url, callerHeaders)) return baseFetch(input, init)
    const plan = signer.resolve(url)
    if (plan === null && signer.options.unmatched !== 'error') return baseFetch(input, init)

    const callerRedirect =
      init?.redirect ?? (original && original.redirect !== 'follow' ? original.redirect : undefined)
    const followHere = callerRedirect === undefined && !isBrowserLike()
    const redirect: RequestRedirect = callerRedirect ?? (followHere ? 'manual' : 'error')
    const maxBodyBytes = signer.options.maxBodyBytes

    let outgoing: OutgoingRequest
    let rest: RequestInit
    if (original) {
      const { fromRequest } = await import('./request-input')
      ;({ outgoing, rest } = await fromRequest(original, init, url, plan?.unsignedPayload, maxBodyBytes, {
        readBody,
        copyHeaders,
        withoutRequestParts,
      }))
    } else {
      const method = normalizeMethod(init?.method ?? 'GET')
      const headers = callerHeaders
      rest = withoutRequestParts(init)
      let body: OutgoingRequest['body']
      if (isStream(init?.body) && plan?.unsignedPayload) {
        body = init.body
      } else if (isBinary(init?.body)) {
        // Sent as given, not copied: signing starts within this call and hashes the bytes before anything
        // is awaited, and fetch snapshots them when it is called.
        body = init.body
      } else {
        const read = await readBody(init?.body, { maxBodyBytes, method, url })
        if (read.contentType !== undefined && !headers.has('content-type')) {
          headers.set('content-type', read.contentType)
        }
        body = read.body
      }
      outgoing = { method, url, headers, body }
    }

    return sendSigned(signer, outgoing, {
      fetch: baseFetch,
      init: rest,
      redirect,
      followRedirects: followHere,
      retryOnClockSkew: options.retryOnClockSkew !== false,
      retryOnWrongRegion: options.retryOnWrongRegion !== false,
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

/** An ArrayBuffer or a view of one (typed array, DataView), by tag so other realms' buffers count too. */
function isBinary(body: unknown): body is ArrayBuffer | ArrayBufferView {
  return ArrayBuffer.isView(body) || Object.prototype.toString.call(body) === '[object ArrayBuffer]'
}

function absoluteUrl(input: string | URL): string | undefined {
  try {
    const base = (globalThis as { location?: { href?: string } }).location?.href
    return new URL(input, base).href
  } catch {
    return undefined
  }
}

function normalizeMethod(method: string): string {
  const upper = method.toUpperCase()
  return NORMALIZED_METHODS.has(upper) ? upper : method
}

/** The options of `init` other than those the signed request sets itself. */
function withoutRequestParts(init: RequestInit | undefined): RequestInit {
  if (!init) return {}
  const { method: _method, headers: _headers, body: _body, redirect: _redirect, ...rest } = init
  return rest
}
