import { sha256Primitives } from '#sha256'
import type { HashableBody } from './canonical-input'
import { canonicalQueryString } from './canonical-query'
import { buildCanonicalRequest } from './canonical-request'
import { CONTENT_SHA256 } from './constants'
import { type HeaderSignature, longDateOf, type SigningInput } from './signing-input'
import { sigV4SigningKey } from './signing-key'

/** SHA-256 of the empty body, which every bodiless request signs. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

/** What differs between SigV4 and SigV4A once the canonical request is built. */
export interface SignatureAlgorithm {
  /** `AWS4-HMAC-SHA256` or `AWS4-ECDSA-P256-SHA256`. */
  id: string
  /** The credential scope for a `YYYYMMDD` date. */
  scope(shortDate: string): string
  /** SigV4A's comma-joined region set, sent (and signed) as `X-Amz-Region-Set`. */
  regionSet?: string
  /** Lowercase hex signature of the string to sign. */
  sign(stringToSign: string, shortDate: string): Promise<string>
}

/** SigV4: HMAC-SHA256 with the (cached) key derived for the day, region and service. */
export function sigV4Algorithm(signing: SigningInput): SignatureAlgorithm {
  const { credentials, plan } = signing
  const region = plan.region ?? ''
  const service = plan.service
  return {
    id: 'AWS4-HMAC-SHA256',
    scope: (shortDate) => `${shortDate}/${region}/${service}/aws4_request`,
    sign: async (stringToSign, shortDate) =>
      sha256Primitives.hmacHex(await sigV4SigningKey(credentials, shortDate, region, service), stringToSign),
  }
}

/** SigV4 header signing. */
export function signSigV4(signing: SigningInput): Promise<HeaderSignature> {
  return signHeaders(signing, sigV4Algorithm(signing))
}

/**
 * Header signing, for both algorithms: adds `x-amz-date` (and the session token, the region set, the payload
 * hash where needed) to the signed headers, builds the canonical request once, and writes the generated
 * headers onto the request's own copy of its headers (`input.outgoing`).
 */
export async function signHeaders(
  signing: SigningInput,
  algorithm: SignatureAlgorithm,
): Promise<HeaderSignature> {
  const { input, credentials } = signing
  const longDate = longDateOf(signing.signingDate)
  const shortDate = longDate.slice(0, 8)
  // The headers this signature generates: signed, then written onto the request's own copy of its headers.
  const generated: Record<string, string> = { 'x-amz-date': longDate }
  if (credentials.sessionToken) generated['x-amz-security-token'] = credentials.sessionToken
  if (algorithm.regionSet !== undefined) generated['x-amz-region-set'] = algorithm.regionSet
  // The input belongs to this one signature (buildCanonicalInput makes it per call): extend it in place.
  const headers = input.signed
  const preset = headers[CONTENT_SHA256]
  const payloadHash = preset ?? (await (signing.payloadHash ?? payloadHashOf(input.body)))
  if (input.applyChecksum && preset === undefined) generated[CONTENT_SHA256] = payloadHash
  Object.assign(headers, generated)

  const query = input.encodedQuery.length > 0 ? canonicalQueryString(input.encodedQuery) : ''
  const { canonicalRequest, signedHeaders } = buildCanonicalRequest(
    input.method,
    input.canonicalPath,
    query,
    headers,
    payloadHash,
  )
  const scope = algorithm.scope(shortDate)
  const stringToSign = `${algorithm.id}\n${longDate}\n${scope}\n${await sha256Primitives.sha256Hex(canonicalRequest)}`
  const signature = await algorithm.sign(stringToSign, shortDate)

  const outgoing = input.outgoing
  for (const name in generated) outgoing.set(name, generated[name] as string)
  outgoing.set(
    'authorization',
    `${algorithm.id} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  )
  return { headers: outgoing, canonicalRequest, stringToSign }
}

/** The hex SHA-256 of the body (of the empty body when there is none), as signed in the canonical request. */
export async function payloadHashOf(body: HashableBody | undefined): Promise<string> {
  if (body === undefined) return EMPTY_SHA256
  if ((typeof body === 'string' ? body.length : body.byteLength) === 0) return EMPTY_SHA256
  return sha256Primitives.sha256Hex(body)
}
