import type { HttpRequest as SmithyHttpRequest } from '@smithy/types'
import { BodyTooLargeError, UnsignableBodyError } from '../errors'
import type { SigningPlan } from '../types'
import { type EncodedQueryParameter, encodedQueryOf } from './canonical-query'
import { CONTENT_SHA256, PRESIGN_QUERY_PARAMS, UNSIGNED_PAYLOAD } from './constants'
import { GENERATED_HEADERS, isSignedHeader, type SignedHeadersPolicy } from './signed-headers'
import { canonicalComponent } from './uri-escape'

/** What the signing functions need, derived once from a request. */
export interface CanonicalInput {
  /** The request in smithy's shape, holding only the headers that are signed. */
  smithyRequest: SmithyHttpRequest
  /** The caller's query parameters, canonically encoded (smithy's request carries none of them). */
  encodedQuery: EncodedQueryParameter[]
  /** Every outgoing header except stale generated ones (signed or not). */
  outgoing: Headers
  /** Whether to add `x-amz-content-sha256` (S3 family, OpenSearch Serverless, or the caller sent one). */
  applyChecksum: boolean
  /** The URL to send: the caller's, except that S3 paths are sent in their canonical encoding. */
  url: URL
}

export interface CanonicalInputOptions {
  method: string
  url: URL
  headers: Headers
  body: unknown
  plan: SigningPlan
  signedHeaders: SignedHeadersPolicy
  maxBodyBytes: number
  /** Presigning hoists `x-amz-*` into the query and keeps the query's own stale signing params out. */
  presign?: boolean
}

/**
 * Builds smithy's request shape from a URL and Headers. The query is canonicalized from its bytes (`+` is a
 * space, as AWS's form decoding reads it; repeated keys kept); for S3 the path is canonicalized once here (decode, then RFC 3986-encode each segment) because S3 neither
 * double-encodes nor normalizes paths.
 */
export function buildCanonicalInput(options: CanonicalInputOptions): CanonicalInput {
  const { url, plan, signedHeaders } = options
  const outgoing = new Headers()
  const signed: Record<string, string> = {}
  let applyChecksum = plan.contentSha256 === true || plan.s3 === true
  let hostHeader: string | undefined
  options.headers.forEach((value, name) => {
    if (GENERATED_HEADERS.has(name)) return
    if (name === CONTENT_SHA256 && /^[0-9a-f]{64}$/i.test(value.trim())) {
      // A hash from an earlier attempt may describe another body: recompute it, keep sending one.
      applyChecksum = true
      return
    }
    if (name === 'host') hostHeader = value
    outgoing.set(name, value)
    if (isSignedHeader(name, signedHeaders)) signed[name] = value
  })
  if (plan.unsignedPayload && !outgoing.has(CONTENT_SHA256)) {
    outgoing.set(CONTENT_SHA256, UNSIGNED_PAYLOAD)
    signed[CONTENT_SHA256] = UNSIGNED_PAYLOAD
  }
  signed.host = hostHeader ?? url.host

  const encodedQuery = encodedQueryOf(
    url.search,
    options.presign ? (name) => PRESIGN_QUERY_PARAMS.has(name.toLowerCase()) : undefined,
  )

  // S3 neither double-encodes nor normalizes, and servers differ on how they read a raw `+`, `(` or `:` in a
  // path; sending the path in its canonical encoding makes the wire bytes and the signed bytes identical.
  let wireUrl = url
  if (plan.s3) {
    const canonicalPath = url.pathname
      .split('/')
      .map((segment) => canonicalComponent(segment, false))
      .join('/')
    if (canonicalPath !== url.pathname) {
      wireUrl = new URL(url.href)
      wireUrl.pathname = canonicalPath
    }
  }
  const path = wireUrl.pathname
  const payloadHeader = outgoing.get(CONTENT_SHA256)
  const body = checkBody(
    options.body,
    options,
    payloadHeader !== null && !/^[0-9a-f]{64}$/i.test(payloadHeader),
  )

  const smithyRequest: SmithyHttpRequest = {
    method: options.method.toUpperCase(),
    protocol: url.protocol,
    hostname: url.hostname,
    path,
    // The query is canonicalized by awssig (see canonical-query.ts), byte for byte as the service reads it.
    query: {},
    headers: signed,
    body,
  }
  if (url.port) smithyRequest.port = Number(url.port)
  return { smithyRequest, encodedQuery, outgoing, applyChecksum, url: wireUrl }
}

/** The body as smithy can hash it; other bodies are allowed only when the payload is not hashed. */
function checkBody(body: unknown, options: CanonicalInputOptions, payloadNotHashed: boolean): unknown {
  if (body === undefined || body === null) return undefined
  if (payloadNotHashed) return undefined
  const context = { method: options.method, url: options.url.href }
  let size: number
  if (typeof body === 'string') {
    // A UTF-8 byte is at most 3 per UTF-16 unit, so only long strings need the exact count.
    size = body.length * 3 <= options.maxBodyBytes ? body.length : new TextEncoder().encode(body).byteLength
  } else if (body instanceof Uint8Array || body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    size = (body as ArrayBufferLike | ArrayBufferView).byteLength
  } else if (isForeignArrayBuffer(body)) {
    size = (body as ArrayBuffer).byteLength
  } else {
    throw new UnsignableBodyError(
      `Cannot hash a body of type ${describeBody(body)} to sign ${options.method} ${options.url.origin}${options.url.pathname}: pass a string, Uint8Array or ArrayBuffer (readBody() from @awssig/core turns FormData, Blob and streams into bytes).`,
      context,
    )
  }
  if (size > options.maxBodyBytes) {
    throw new BodyTooLargeError(
      `The body (${size} bytes) is larger than maxBodyBytes (${options.maxBodyBytes}), so it was not buffered to hash it; raise maxBodyBytes or use an S3 rule with unsignedPayload.`,
      options.maxBodyBytes,
      context,
    )
  }
  return body
}

function isForeignArrayBuffer(value: unknown): boolean {
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]'
}

function describeBody(body: unknown): string {
  const tag = Object.prototype.toString.call(body).slice(8, -1)
  return tag === 'Object' ? typeof body : tag
}
