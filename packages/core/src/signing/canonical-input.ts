import { checkBodySize, describeBodyType, typeTagOf } from '../body/body-size'
import { UnsignableBodyError } from '../errors'
import type { SigningPlan } from '../types'
import { canonicalPath } from './canonical-path'
import { type EncodedQueryParameter, encodedQueryOf } from './canonical-query'
import { API_ID_HEADER, checkChosenApi } from './chosen-api'
import { CONTENT_SHA256, PRESIGN_QUERY_PARAMS, UNSIGNED_PAYLOAD } from './constants'
import { GENERATED_HEADERS, isSignedHeader, type SignedHeadersPolicy } from './signed-headers'
import { canonicalComponent } from './uri-escape'

/**
 * Outgoing headers by lowercase name: a plain map, not a `Headers`, whose first use in Node loads undici
 * (15–25 ms of a cold start). A `Headers` is built only if a caller reads `SignResult.request.headers`.
 */
export type HeaderMap = Map<string, string>

/** A body the signer can hash. */
export type HashableBody = string | Uint8Array | ArrayBuffer | ArrayBufferView

/** What the signing functions need, derived once from a request. */
export interface CanonicalInput {
  /** Upper-case method. */
  method: string
  /** The canonical URI (line 2 of the canonical request). */
  canonicalPath: string
  /** The caller's query parameters, canonically encoded. */
  encodedQuery: EncodedQueryParameter[]
  /**
   * The headers to sign, lowercase names (without the ones the signer generates until header signing adds
   * them: an input serves one signature).
   */
  signed: Record<string, string>
  /** The body to hash; `undefined` for none or when the payload is not hashed. */
  body: HashableBody | undefined
  /**
   * Every outgoing header except stale generated ones (signed or not): a fresh copy owned by this signature,
   * onto which the signer writes its headers. A plain map, not a `Headers` (see header-map.ts).
   */
  outgoing: HeaderMap
  /** Whether to add `x-amz-content-sha256` (S3 family, OpenSearch Serverless, or the caller sent one). */
  applyChecksum: boolean
  /** The URL to send: the caller's, except that S3 paths are sent in their canonical encoding. */
  url: URL
}

export interface CanonicalInputOptions {
  method: string
  url: URL
  /**
   * The caller's headers as checkedHeaders (checked-request.ts) gives them, or a `Headers`: pairs with
   * lowercase names. Never modified (a copy is made).
   */
  headers: HeadersInit | undefined
  body: unknown
  plan: SigningPlan
  signedHeaders: SignedHeadersPolicy
  maxBodyBytes: number
  /** Presigning hoists `x-amz-*` into the query and keeps the query's own stale signing params out. */
  presign?: boolean
}

// Both cases spelled out rather than `/i`: see SERVICE_PATTERN in rules/patterns.ts.
const HEX_SHA256 = /^[0-9a-fA-F]{64}$/

/**
 * Derives everything the signer needs from a URL and headers, in one pass over the headers. The query is
 * canonicalized from its bytes (`+` is a space, as AWS's form decoding reads it; repeated keys kept); for S3
 * the path is canonicalized once here (decode, then RFC 3986-encode each segment) because S3 neither
 * double-encodes nor normalizes paths.
 */
export function buildCanonicalInput(options: CanonicalInputOptions): CanonicalInput {
  const { url, plan, signedHeaders } = options
  const outgoing: HeaderMap = new Map(options.headers as Iterable<[string, string]> | undefined)
  if (plan.apiIds) checkChosenApi(outgoing, plan.apiIds, url)
  const signed: Record<string, string> = {}
  let applyChecksum = plan.contentSha256 === true || plan.s3 === true
  const stale: string[] = []
  let payloadNotHashed = false
  for (const [name, value] of outgoing) {
    if (GENERATED_HEADERS.has(name)) {
      stale.push(name)
      continue
    }
    if (name === CONTENT_SHA256) {
      if (HEX_SHA256.test(value.trim())) {
        // A hash from an earlier attempt may describe another body: recompute it, keep sending one.
        applyChecksum = true
        stale.push(name)
        continue
      }
      payloadNotHashed = true
    }
    // smithy never signs `date` (x-amz-date carries the time); neither do we, so both sign the same bytes.
    // The API a VPC endpoint reaches is part of what is signed.
    if (name !== 'date' && (isSignedHeader(name, signedHeaders) || (plan.apiIds && name === API_ID_HEADER)))
      signed[name] = value
  }
  for (const name of stale) outgoing.delete(name)
  if (plan.unsignedPayload && !payloadNotHashed) {
    outgoing.set(CONTENT_SHA256, UNSIGNED_PAYLOAD)
    signed[CONTENT_SHA256] = UNSIGNED_PAYLOAD
    payloadNotHashed = true
  }
  signed.host ??= url.host

  const encodedQuery = encodedQueryOf(
    url.search,
    options.presign ? (name) => PRESIGN_QUERY_PARAMS.has(name.toLowerCase()) : undefined,
  )

  // S3 neither double-encodes nor normalizes, and servers differ on how they read a raw `+`, `(` or `:` in a
  // path; sending the path in its canonical encoding makes the wire bytes and the signed bytes identical.
  let wireUrl = url
  if (plan.s3) {
    const path = url.pathname
      .split('/')
      .map((segment) => canonicalComponent(segment, false))
      .join('/')
    if (path !== url.pathname) {
      wireUrl = new URL(url.href)
      wireUrl.pathname = path
    }
  }
  return {
    method: options.method.toUpperCase(),
    canonicalPath: canonicalPath(wireUrl.pathname, !plan.s3),
    encodedQuery,
    signed,
    body: checkBody(options.body, options, payloadNotHashed),
    outgoing,
    applyChecksum,
    url: wireUrl,
  }
}

/** The body as the signer can hash it; other bodies are allowed only when the payload is not hashed. */
function checkBody(
  body: unknown,
  options: CanonicalInputOptions,
  payloadNotHashed: boolean,
): HashableBody | undefined {
  if (body === undefined || body === null || payloadNotHashed) return undefined
  const { method, url } = options
  const context = { method, url: url.href, field: 'body' }
  // The tag also admits ArrayBuffers of another realm (an iframe, a test environment).
  if (typeof body !== 'string' && !ArrayBuffer.isView(body) && typeTagOf(body) !== 'ArrayBuffer') {
    throw new UnsignableBodyError(
      // A programming error, met in development: production builds keep the facts, not the advice.
      `Cannot hash a body of type ${describeBodyType(body)} to sign ${method} ${url.origin}${url.pathname}${__DEV__ ? ': pass a string, Uint8Array or ArrayBuffer (readBody() from @awssig/core turns FormData, Blob and streams into bytes).' : ''}`,
      context,
    )
  }
  const hashable = body as HashableBody
  checkBodySize(typeof hashable === 'string' ? hashable : hashable.byteLength, options.maxBodyBytes, context)
  return hashable
}
