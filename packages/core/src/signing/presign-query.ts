import type { PresignOptions, SignableRequest } from '../types'
import type { PresignHelpers, QuerySigningHelpers } from './sign-query'
import type { QuerySignature, SigningInput } from './signing-input'
import type { SignatureAlgorithm } from './sigv4'

// Loaded with import() on the first presign (see sign-query.ts). It imports nothing at run time: the
// helpers it shares with header signing come in as `helpers`, so bundlers emit it as one self-contained lazy
// chunk instead of splitting the shared helpers into a chunk of their own.

const MAX_PRESIGN_SECONDS = 604_800

/** `signer.presign`, loaded on its first call (see sign-query.ts). */
export async function presignRequest(
  request: SignableRequest,
  options: PresignOptions,
  helpers: PresignHelpers,
): Promise<string> {
  const expiresIn = options?.expiresIn
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_PRESIGN_SECONDS) {
    throw helpers.invalid(
      'expiresIn',
      `presign: expiresIn must be an integer number of seconds from 1 to ${MAX_PRESIGN_SECONDS}`,
    )
  }
  const url = helpers.toUrl(request.url)
  if (helpers.isAlreadySigned(url, request.headers)) return url.href
  const { signing, explanation } = await helpers.prepare(url, options.signingDate)
  if (!signing) {
    throw helpers.noRule(`Cannot presign: no signing rule claims ${url.host}: ${explanation.reason}`, {
      method: request.method,
      url: url.href,
    })
  }
  const algorithm = await helpers.algorithmFor(signing)
  return (await presignQuery(signing, expiresIn, algorithm, helpers)).url
}

/**
 * Query signing (a presigned URL), for both algorithms, as smithy's `presign` does it: `x-amz-*` headers move
 * into the query, the remaining headers are signed, and S3 signs `UNSIGNED-PAYLOAD` (the body is unknown when
 * the URL is made) while other services sign the hash of the body given (or of the empty body).
 */
export async function presignQuery(
  signing: SigningInput,
  expiresIn: number,
  algorithm: SignatureAlgorithm,
  helpers: QuerySigningHelpers,
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
  const payloadHash =
    signing.plan.s3 || signing.plan.unsignedPayload
      ? helpers.UNSIGNED_PAYLOAD
      : await helpers.payloadHashOf(input.body)
  // IoT Core MQTT over WebSockets reads the token from the URL but leaves it out of the canonical query.
  // https://docs.aws.amazon.com/iot/latest/developerguide/protocols.html#mqtt-ws
  const tokenAfterSigning = signing.plan.service === 'iotdevicegateway' && input.url.protocol === 'wss:'
  if (credentials.sessionToken && !tokenAfterSigning) query['X-Amz-Security-Token'] = credentials.sessionToken
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
      // A moved header replaces the caller's parameter of the same name, as in smithy's presign.
      ...input.encodedQuery.filter(([name]) => !Object.hasOwn(query, name)),
      ...Object.entries(query).map(
        ([name, value]) => [helpers.uriEscape(name), helpers.uriEscape(value)] as const,
      ),
    ]),
    headers,
    payloadHash,
  )
  const stringToSign = `${algorithm.id}\n${longDate}\n${scope}\n${await helpers.sha256Hex(canonicalRequest)}`
  query['X-Amz-Signature'] = await algorithm.sign(stringToSign, shortDate)
  if (credentials.sessionToken && tokenAfterSigning) query['X-Amz-Security-Token'] = credentials.sessionToken
  return { url: presignedUrl(input.url, query, helpers), canonicalRequest, stringToSign }
}

/**
 * Rebuilds a URL from the caller's query (as written, minus stale signing parameters and those a moved header
 * replaces) plus the parameters the signer added, encoded the way they were signed.
 */
function presignedUrl(url: URL, signedQuery: Record<string, string>, helpers: QuerySigningHelpers): string {
  const kept: string[] = []
  for (const pair of url.search.slice(1).split('&')) {
    if (pair === '') continue
    const key = new URLSearchParams(pair).keys().next().value ?? ''
    if (helpers.PRESIGN_QUERY_PARAMS.has(key.toLowerCase()) || Object.hasOwn(signedQuery, key)) continue
    kept.push(pair)
  }
  for (const [key, value] of Object.entries(signedQuery)) {
    kept.push(`${helpers.uriEscape(key)}=${helpers.uriEscape(value)}`)
  }
  return `${url.origin}${url.pathname}${kept.length > 0 ? `?${kept.join('&')}` : ''}`
}
