import type { PresignHelpers } from './sign-query'
import type { QuerySignature, SigningInput } from './signing-input'
import type { SignatureAlgorithm } from './sigv4'

// Loaded with import() on the first presign (see sign-query.ts). It imports nothing at run time: the
// helpers it shares with header signing come in as `helpers`, so bundlers emit it as one self-contained lazy
// chunk instead of splitting the shared helpers into a chunk of their own.

/**
 * Query signing (a presigned URL), for both algorithms, as smithy's `presign` does it: `x-amz-*` headers move
 * into the query, the remaining headers are signed, and S3 signs `UNSIGNED-PAYLOAD` (the body is unknown when
 * the URL is made) while other services sign the hash of the body given (or of the empty body).
 */
export async function presignQuery(
  signing: SigningInput,
  expiresIn: number,
  algorithm: SignatureAlgorithm,
  helpers: PresignHelpers,
): Promise<QuerySignature> {
  const { input, credentials } = signing
  const longDate = helpers.longDateOf(signing.signingDate)
  const shortDate = longDate.slice(0, 8)
  const scope = algorithm.scope(shortDate)
  const headers: Record<string, string> = {}
  const query: Record<string, string> = {}
  for (const [name, value] of Object.entries(input.signed)) {
    if (name === helpers.CONTENT_SHA256) continue
    if (name.startsWith('x-amz-')) query[name] = value
    else headers[name] = value
  }
  const payloadHash = signing.plan.s3 ? helpers.UNSIGNED_PAYLOAD : await helpers.payloadHashOf(input.body)
  if (credentials.sessionToken) query['X-Amz-Security-Token'] = credentials.sessionToken
  query['X-Amz-Algorithm'] = algorithm.id
  query['X-Amz-Credential'] = `${credentials.accessKeyId}/${scope}`
  query['X-Amz-Date'] = longDate
  query['X-Amz-Expires'] = String(expiresIn)
  if (algorithm.regionSet !== undefined) query['X-Amz-Region-Set'] = algorithm.regionSet
  query['X-Amz-SignedHeaders'] = Object.keys(headers).sort().join(';')

  const { canonicalRequest } = helpers.buildCanonicalRequest(
    input.method,
    input.canonicalPath,
    helpers.canonicalQueryString([
      ...input.encodedQuery,
      ...Object.entries(query).map(
        ([name, value]) => [helpers.uriEscape(name), helpers.uriEscape(value)] as const,
      ),
    ]),
    headers,
    payloadHash,
  )
  const stringToSign = `${algorithm.id}\n${longDate}\n${scope}\n${await helpers.sha256Hex(canonicalRequest)}`
  query['X-Amz-Signature'] = await algorithm.sign(stringToSign, shortDate)
  return { url: presignedUrl(input.url, query, helpers), canonicalRequest, stringToSign }
}

/**
 * Rebuilds a URL from the caller's query (as written, minus stale signing parameters) plus the parameters
 * the signer added, encoded the way they were signed.
 */
function presignedUrl(url: URL, signedQuery: Record<string, string>, helpers: PresignHelpers): string {
  const kept: string[] = []
  const originalKeys = new Set<string>()
  for (const pair of url.search.slice(1).split('&')) {
    if (pair === '') continue
    const key = new URLSearchParams(pair).keys().next().value ?? ''
    if (helpers.PRESIGN_QUERY_PARAMS.has(key.toLowerCase())) continue
    originalKeys.add(key)
    kept.push(pair)
  }
  for (const [key, value] of Object.entries(signedQuery)) {
    if (!originalKeys.has(key)) kept.push(`${helpers.uriEscape(key)}=${helpers.uriEscape(value)}`)
  }
  return `${url.origin}${url.pathname}${kept.length > 0 ? `?${kept.join('&')}` : ''}`
}
