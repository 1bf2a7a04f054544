import { sha256Primitives } from '#sha256'
import { canonicalQueryString } from './canonical-query'
import { buildCanonicalRequest } from './canonical-request'
import { CONTENT_SHA256, PRESIGN_QUERY_PARAMS, UNSIGNED_PAYLOAD } from './constants'
import { longDateOf, type QuerySignature, type SigningInput } from './signing-input'
import { payloadHashOf, type SignatureAlgorithm } from './sigv4'
import { uriEscape } from './uri-escape'

/**
 * Query signing (a presigned URL), for both algorithms, as smithy's `presign` does it: `x-amz-*` headers move
 * into the query, the remaining headers are signed, and S3 signs `UNSIGNED-PAYLOAD` (the body is unknown when
 * the URL is made) while other services sign the hash of the body given (or of the empty body).
 */
export async function signQuery(
  signing: SigningInput,
  expiresIn: number,
  algorithm: SignatureAlgorithm,
): Promise<QuerySignature> {
  const { input, credentials } = signing
  const longDate = longDateOf(signing.signingDate)
  const shortDate = longDate.slice(0, 8)
  const scope = algorithm.scope(shortDate)
  const headers: Record<string, string> = {}
  const query: Record<string, string> = {}
  for (const [name, value] of Object.entries(input.signed)) {
    if (name === CONTENT_SHA256) continue
    if (name.startsWith('x-amz-')) query[name] = value
    else headers[name] = value
  }
  const payloadHash = signing.plan.s3 ? UNSIGNED_PAYLOAD : await payloadHashOf(input.body)
  if (credentials.sessionToken) query['X-Amz-Security-Token'] = credentials.sessionToken
  query['X-Amz-Algorithm'] = algorithm.id
  query['X-Amz-Credential'] = `${credentials.accessKeyId}/${scope}`
  query['X-Amz-Date'] = longDate
  query['X-Amz-Expires'] = String(expiresIn)
  if (algorithm.regionSet !== undefined) query['X-Amz-Region-Set'] = algorithm.regionSet
  query['X-Amz-SignedHeaders'] = Object.keys(headers).sort().join(';')

  const { canonicalRequest } = buildCanonicalRequest(
    input.method,
    input.canonicalPath,
    canonicalQueryString(input.encodedQuery, query),
    headers,
    payloadHash,
  )
  const stringToSign = `${algorithm.id}\n${longDate}\n${scope}\n${await sha256Primitives.sha256Hex(canonicalRequest)}`
  query['X-Amz-Signature'] = await algorithm.sign(stringToSign, shortDate)
  return { url: presignedUrl(input.url, query, PRESIGN_QUERY_PARAMS), canonicalRequest, stringToSign }
}

/**
 * Rebuilds a URL from the caller's query (as written, minus stale signing parameters) plus the parameters
 * the signer added, encoded the way they were signed.
 */
export function presignedUrl(
  url: URL,
  signedQuery: Record<string, string | string[] | null>,
  stale: ReadonlySet<string>,
): string {
  const kept: string[] = []
  const originalKeys = new Set<string>()
  for (const pair of url.search.slice(1).split('&')) {
    if (pair === '') continue
    const key = new URLSearchParams(pair).keys().next().value ?? ''
    if (stale.has(key.toLowerCase())) continue
    originalKeys.add(key)
    kept.push(pair)
  }
  for (const [key, value] of Object.entries(signedQuery)) {
    if (originalKeys.has(key) || value === null) continue
    for (const v of Array.isArray(value) ? value : [value]) kept.push(`${uriEscape(key)}=${uriEscape(v)}`)
  }
  return `${url.origin}${url.pathname}${kept.length > 0 ? `?${kept.join('&')}` : ''}`
}
