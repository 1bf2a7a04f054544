import { type AwsError, renderAwsError } from './aws-error'
import {
  type AuthSource,
  clockSkew,
  conflictingAuthentication,
  contentSha256Mismatch,
  formatAmzDate,
  incompleteSignature,
  invalidContentSha256,
  invalidExpires,
  invalidSecurityToken,
  missingAuthentication,
  missingContentSha256,
  presignedExpired,
  regionSetMismatch,
  scopeDateMismatch,
  signatureMismatch,
  sigv4aRequired,
  streamingNotImplemented,
  unknownAccessKey,
  unknownEndpoint,
  wrongRegion,
  wrongService,
} from './aws-error-catalog'
import { parseQuery } from './canonical-query'
import { canonicalRequestOf } from './canonical-request'
import { constantTimeEqual, sha256, sha256Hex } from './crypto'
import { findEndpoint } from './find-endpoint'
import {
  PRESIGN_PARAMETERS,
  parseAuthorizationHeader,
  parsePresignedQuery,
  type SignatureParts,
} from './parse-authorization'
import { parseRegionSet, regionSetCovers } from './region-set'
import { SIGV4_ALGORITHM, SIGV4A_ALGORITHM, sigv4Signature, stringToSignOf } from './sigv4'
import { deriveSigV4aKeyPair, type SigV4aKeyPair, verifySigV4aSignature } from './sigv4a-key'
import type { Dialect, VerifierAlgorithm, VerifierCredentials, VerifierOptions, VerifyResult } from './types'

/** Longest validity of a presigned URL AWS accepts: 7 days. */
const MAX_PRESIGN_SECONDS = 604_800

// Key derivation is deterministic per credential object; remembering it keeps SigV4A checks cheap.
const keyPairs = new WeakMap<VerifierCredentials, Promise<SigV4aKeyPair>>()

function keyPairOf(credentials: VerifierCredentials): Promise<SigV4aKeyPair> {
  let pair = keyPairs.get(credentials)
  if (!pair) {
    pair = deriveSigV4aKeyPair(credentials.accessKeyId, credentials.secretAccessKey)
    keyPairs.set(credentials, pair)
  }
  return pair
}

function parseAmzDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value)
  if (!match) return undefined
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[]
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!))
  return Number.isNaN(date.getTime()) ? undefined : date
}

function missingParts(parts: SignatureParts, date: string | undefined, dialect: Dialect): string | undefined {
  if (parts.source === 'query') {
    const needsExpires = dialect === 's3'
    if (
      !parts.credential ||
      !parts.signature ||
      !date ||
      !parts.signedHeaders ||
      (needsExpires && !parts.expires)
    ) {
      return 'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.'
    }
    return undefined
  }
  const problems: string[] = []
  if (!parts.credential) problems.push("Authorization header requires 'Credential' parameter.")
  if (!parts.signature) problems.push("Authorization header requires 'Signature' parameter.")
  if (!parts.signedHeaders) problems.push("Authorization header requires 'SignedHeaders' parameter.")
  if (!date)
    problems.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
  return problems.length > 0 ? problems.join(' ') : undefined
}

/**
 * Checks a request the way AWS does — SigV4 or SigV4A, in the `Authorization` header or a presigned URL —
 * and returns what AWS would conclude: `{ ok: true, … }` with the canonical request and string to sign,
 * or `{ ok: false, status, code, message, body, headers }` with AWS's answer for the endpoint's dialect.
 *
 * The canonicalization is this package's own (written from the AWS SigV4 specification), so it is an
 * independent referee for any signer. The host is taken from `request.url`; only headers named in
 * `SignedHeaders` are used. The request's body is read from a clone, so the request stays usable.
 *
 * @example
 * const result = await verifyRequest(request, {
 *   credentials: [{ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }],
 *   endpoints: { 'abc.execute-api.eu-west-1.amazonaws.com': { service: 'execute-api', region: 'eu-west-1' } },
 * })
 * if (!result.ok) console.log(result.status, result.code, result.message)
 */
export async function verifyRequest(request: Request, options: VerifierOptions): Promise<VerifyResult> {
  const now = options.now?.() ?? new Date()
  const url = new URL(request.url)
  const endpoint = findEndpoint(url, options.endpoints)
  if (!endpoint) return renderAwsError('query', unknownEndpoint(url.host), now)
  const { config, dialect } = endpoint
  const fail = (error: AwsError) => renderAwsError(dialect, error, now)

  const parameters = parseQuery(url.search)
  const authorizationHeader = request.headers.get('authorization')
  const presigned = parameters.some((p) => p.name === 'X-Amz-Signature' || p.name === 'X-Amz-Algorithm')
  if (authorizationHeader !== null && presigned) return fail(conflictingAuthentication(dialect))
  if (authorizationHeader === null && !presigned) return fail(missingAuthentication(dialect))

  const parts =
    authorizationHeader !== null
      ? parseAuthorizationHeader(authorizationHeader)
      : parsePresignedQuery(parameters)
  const source: AuthSource = parts.source
  const algorithm: VerifierAlgorithm | undefined =
    parts.algorithm === SIGV4_ALGORITHM
      ? 'sigv4'
      : parts.algorithm === SIGV4A_ALGORITHM
        ? 'sigv4a'
        : undefined
  if (!algorithm) {
    const detail =
      source === 'query'
        ? 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256 and AWS4-ECDSA-P256-SHA256"'
        : 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.'
    return fail(
      dialect === 's3' && source === 'header'
        ? { status: 400, code: 'InvalidRequest', message: detail }
        : incompleteSignature(dialect, source, detail),
    )
  }

  let amzDate = source === 'query' ? parts.date : (request.headers.get('x-amz-date') ?? undefined)
  if (source === 'header' && amzDate === undefined) {
    const httpDate = request.headers.get('date')
    if (httpDate !== null && !Number.isNaN(Date.parse(httpDate))) amzDate = formatAmzDate(new Date(httpDate))
  }
  const missing = missingParts(parts, amzDate, dialect)
  if (missing) return fail(incompleteSignature(dialect, source, missing))
  const credential = parts.credential!
  const signature = parts.signature!
  const signedHeaders = parts.signedHeaders!.split(';')
  const requestDate = parseAmzDate(amzDate!)
  if (!requestDate) {
    return fail(
      incompleteSignature(
        dialect,
        source,
        `X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`,
      ),
    )
  }

  // Credential scope: key/date/region/service/aws4_request (SigV4) or key/date/service/aws4_request (SigV4A).
  const scopeParts = credential.split('/')
  const expected = algorithm === 'sigv4' ? 5 : 4
  if (scopeParts.length !== expected) {
    const example = algorithm === 'sigv4' ? 'keyid/date/region/service/term' : 'keyid/date/service/term'
    return fail(
      incompleteSignature(
        dialect,
        source,
        `Credential must have exactly ${expected} slash-delimited elements, e.g. ${example}, got '${credential}'`,
      ),
    )
  }
  const accessKeyId = scopeParts[0]!
  const scopeDate = scopeParts[1]!
  const scopeRegion = algorithm === 'sigv4' ? scopeParts[2]! : undefined
  const scopeService = scopeParts[expected - 2]!
  const terminator = scopeParts[expected - 1]!
  if (terminator !== 'aws4_request') {
    return fail(
      incompleteSignature(
        dialect,
        source,
        `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`,
      ),
    )
  }

  if (scopeService !== config.service)
    return fail(wrongService(dialect, source, config.service, scopeService))
  const region = typeof config.region === 'function' ? config.region(request) : config.region
  let regionSet: string[] | undefined
  if (algorithm === 'sigv4') {
    if (config.algorithm === 'sigv4a' && config.sigv4aOnly) return fail(sigv4aRequired(dialect))
    if (scopeRegion !== region) return fail(wrongRegion(dialect, source, region, scopeRegion!))
  } else {
    const rawSet =
      source === 'query' ? parts.regionSet : (request.headers.get('x-amz-region-set') ?? undefined)
    if (rawSet === undefined) {
      const name = source === 'query' ? 'X-Amz-Region-Set parameter' : 'X-Amz-Region-Set header'
      return fail(incompleteSignature(dialect, source, `AWS4-ECDSA-P256-SHA256 requires the ${name}.`))
    }
    if (source === 'header' && !signedHeaders.includes('x-amz-region-set')) {
      return fail(
        incompleteSignature(
          dialect,
          source,
          "'X-Amz-Region-Set' must be a 'SignedHeader' in the AWS Authorization.",
        ),
      )
    }
    regionSet = parseRegionSet(rawSet)
    if (!regionSetCovers(regionSet, region)) return fail(regionSetMismatch(dialect, regionSet, region))
  }

  if (scopeDate !== amzDate!.slice(0, 8)) return fail(scopeDateMismatch(dialect, source, scopeDate, amzDate!))

  const windowMinutes = dialect === 'apigateway' ? 5 : 15
  const skew = requestDate.getTime() - now.getTime()
  if (source === 'header') {
    if (Math.abs(skew) > windowMinutes * 60_000)
      return fail(clockSkew(dialect, requestDate, now, windowMinutes))
  } else {
    let expires = MAX_PRESIGN_SECONDS
    if (parts.expires !== undefined) {
      if (!/^\d+$/.test(parts.expires) || Number(parts.expires) > MAX_PRESIGN_SECONDS) {
        return fail(invalidExpires(dialect, parts.expires))
      }
      expires = Number(parts.expires)
    }
    if (skew > windowMinutes * 60_000) return fail(clockSkew(dialect, requestDate, now, windowMinutes))
    const expiresAt = new Date(requestDate.getTime() + expires * 1000)
    if (now.getTime() > expiresAt.getTime()) return fail(presignedExpired(dialect, expires, expiresAt, now))
  }

  const credentials = options.credentials.find((c) => c.accessKeyId === accessKeyId)
  if (!credentials) return fail(unknownAccessKey(dialect, accessKeyId))
  const sentToken =
    source === 'query' ? parts.securityToken : (request.headers.get('x-amz-security-token') ?? undefined)
  if (sentToken !== credentials.sessionToken) return fail(invalidSecurityToken(dialect))
  if (sentToken !== undefined && source === 'header' && !signedHeaders.includes('x-amz-security-token')) {
    // Only IoT WebSockets accept a token added after signing; regular services require it signed.
    return fail(
      incompleteSignature(
        dialect,
        source,
        "'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization.",
      ),
    )
  }
  if (!signedHeaders.includes('host')) {
    return fail(
      incompleteSignature(
        dialect,
        source,
        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
      ),
    )
  }

  const body = new Uint8Array(await request.clone().arrayBuffer())
  const bodySha256 = await sha256Hex(body)
  // Presigners hoist x-amz-* headers into the query (the AWS SDK's S3 presigner sends UNSIGNED-PAYLOAD so).
  const claimedSha256 =
    request.headers.get('x-amz-content-sha256') ??
    (source === 'query'
      ? parameters.find((p) => p.name.toLowerCase() === 'x-amz-content-sha256')?.value
      : undefined)
  let payloadHash = bodySha256
  let payloadMismatch = false
  if (dialect === 's3') {
    if (claimedSha256 === undefined) {
      if (source === 'header') return fail(missingContentSha256())
      payloadHash = 'UNSIGNED-PAYLOAD'
    } else if (claimedSha256 === 'UNSIGNED-PAYLOAD') {
      payloadHash = claimedSha256
    } else if (claimedSha256.startsWith('STREAMING-')) {
      return fail(streamingNotImplemented())
    } else if (!/^[0-9a-f]{64}$/.test(claimedSha256)) {
      return fail(invalidContentSha256())
    } else if (claimedSha256 !== bodySha256) {
      return fail(contentSha256Mismatch(claimedSha256, bodySha256))
    }
  } else if (claimedSha256 !== undefined && claimedSha256 !== bodySha256) {
    // These services hash the body themselves; a different claimed hash (or UNSIGNED-PAYLOAD) cannot match.
    payloadMismatch = true
  }

  const headers: Array<[string, string]> = [...request.headers].filter(([name]) => name !== 'host')
  headers.push(['host', url.host])
  if (signedHeaders.includes('content-length') && !request.headers.has('content-length')) {
    // fetch sets Content-Length on the wire, so a Request object (msw, tests) does not carry it.
    headers.push(['content-length', String(body.length)])
  }
  const s3 = dialect === 's3'
  const canonicalRequest = canonicalRequestOf({
    method: request.method,
    path: url.pathname,
    query: url.search,
    headers,
    signedHeaders,
    payloadHash,
    uri: { doubleEncode: !s3, normalize: !s3 },
    excludeQuery: source === 'query' ? ['X-Amz-Signature'] : [],
  })
  const scope =
    algorithm === 'sigv4'
      ? `${scopeDate}/${scopeRegion}/${scopeService}/aws4_request`
      : `${scopeDate}/${scopeService}/aws4_request`
  const algorithmName = algorithm === 'sigv4' ? SIGV4_ALGORITHM : SIGV4A_ALGORITHM
  const stringToSign = await stringToSignOf(algorithmName, amzDate!, scope, canonicalRequest)

  let valid: boolean
  if (algorithm === 'sigv4') {
    const computed = await sigv4Signature(
      credentials.secretAccessKey,
      { date: scopeDate, region: scopeRegion!, service: scopeService },
      stringToSign,
    )
    valid = constantTimeEqual(computed, signature.toLowerCase())
  } else {
    const { publicKey } = await keyPairOf(credentials)
    valid = verifySigV4aSignature(publicKey, await sha256(stringToSign), signature)
  }
  if (!valid || payloadMismatch)
    return fail(signatureMismatch(dialect, canonicalRequest, stringToSign, accessKeyId))

  return {
    ok: true,
    algorithm,
    authorization: source,
    accessKeyId,
    scope,
    service: scopeService,
    region,
    ...(regionSet ? { regionSet } : {}),
    signedHeaders,
    canonicalRequest,
    stringToSign,
    endpoint: endpoint.key,
    dialect,
    method: request.method,
    path: url.pathname,
    query: parameters.filter((p) => !PRESIGN_PARAMETERS.includes(p.name)).map((p) => [p.name, p.value]),
    bodySha256,
    date: now,
  }
}
