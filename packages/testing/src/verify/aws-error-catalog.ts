import type { AwsError } from './aws-error'
import type { Dialect } from './types'

/** Where the signature came from: S3 words header and query problems differently. */
export type AuthSource = 'header' | 'query'

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'

/** `20150830T123600Z` */
export function formatAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

/** `2015-08-30T12:36:00Z` (S3's `<ServerTime>`). */
function formatIsoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}/, '')
}

/** The code a dialect uses for "the signature is wrong" family errors. */
function signatureCode(dialect: Dialect): string {
  return dialect === 'apigateway' ? 'InvalidSignatureException' : 'SignatureDoesNotMatch'
}

function malformed(source: AuthSource, detail: string): AwsError {
  return source === 'header'
    ? {
        status: 400,
        code: 'AuthorizationHeaderMalformed',
        message: `The authorization header is malformed; ${detail}`,
      }
    : { status: 400, code: 'AuthorizationQueryParametersError', message: detail }
}

/** No endpoint is declared for the host (the verifier's own error: real AWS would not resolve the name). */
export function unknownEndpoint(host: string): AwsError {
  return { status: 404, code: 'UnknownEndpoint', message: `No endpoint is declared for host '${host}'.` }
}

/** Neither an `Authorization` header nor presigned query parameters. */
export function missingAuthentication(dialect: Dialect): AwsError {
  if (dialect === 'apigateway') {
    return {
      status: 403,
      code: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    }
  }
  if (dialect === 's3') return { status: 403, code: 'AccessDenied', message: 'Access Denied' }
  return {
    status: 403,
    code: 'MissingAuthenticationToken',
    message: 'Request is missing Authentication Token',
  }
}

/** Both an `Authorization` header and `X-Amz-Signature` in the query. */
export function conflictingAuthentication(dialect: Dialect): AwsError {
  const message =
    'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified'
  return dialect === 'apigateway'
    ? { status: 403, code: 'IncompleteSignatureException', message }
    : { status: 400, code: 'InvalidArgument', message }
}

/** A required part of the signature is missing or malformed (`detail` says which). */
export function incompleteSignature(dialect: Dialect, source: AuthSource, detail: string): AwsError {
  if (dialect === 's3') return malformed(source, detail)
  return dialect === 'apigateway'
    ? { status: 403, code: 'IncompleteSignatureException', message: detail }
    : { status: 400, code: 'IncompleteSignature', message: detail }
}

/** An access key id the account does not know. */
export function unknownAccessKey(dialect: Dialect, accessKeyId: string): AwsError {
  if (dialect === 's3') {
    return {
      status: 403,
      code: 'InvalidAccessKeyId',
      message: 'The AWS Access Key Id you provided does not exist in our records.',
      elements: [['AWSAccessKeyId', accessKeyId]],
    }
  }
  return invalidSecurityToken(dialect)
}

/** The session token is missing, unsigned, or not the one issued with the key. */
export function invalidSecurityToken(dialect: Dialect): AwsError {
  if (dialect === 's3') {
    return {
      status: 400,
      code: 'InvalidToken',
      message: 'The provided token is malformed or otherwise invalid.',
    }
  }
  return {
    status: 403,
    code: dialect === 'apigateway' ? 'UnrecognizedClientException' : 'InvalidClientTokenId',
    message: 'The security token included in the request is invalid.',
  }
}

/** The credential scope names another service. */
export function wrongService(dialect: Dialect, source: AuthSource, expected: string, got: string): AwsError {
  if (dialect === 's3') {
    const detail = `incorrect service "${got}". This endpoint belongs to "${expected}".`
    return source === 'header'
      ? malformed(source, detail)
      : malformed(source, `Error parsing the X-Amz-Credential parameter; ${detail}`)
  }
  return {
    status: 403,
    code: signatureCode(dialect),
    message: `Credential should be scoped to correct service: '${expected}'.`,
  }
}

/** The SigV4 credential scope names another region. S3 answers 400 and names the bucket's region. */
export function wrongRegion(dialect: Dialect, source: AuthSource, expected: string, got: string): AwsError {
  if (dialect === 's3') {
    const detail = `the region '${got}' is wrong; expecting '${expected}'`
    const base =
      source === 'header'
        ? malformed(source, detail)
        : malformed(source, `Error parsing the X-Amz-Credential parameter; ${detail}`)
    return { ...base, elements: [['Region', expected]], headers: { 'x-amz-bucket-region': expected } }
  }
  return {
    status: 403,
    code: signatureCode(dialect),
    message: `Credential should be scoped to a valid region, not '${got}'.`,
  }
}

/** A SigV4A region set that does not include the endpoint's region (the verifier's own wording). */
export function regionSetMismatch(dialect: Dialect, regionSet: readonly string[], region: string): AwsError {
  return {
    status: 403,
    code: dialect === 's3' ? 'AccessDenied' : signatureCode(dialect),
    message: `The region set '${regionSet.join(',')}' does not cover the region '${region}' of this endpoint.`,
  }
}

/** SigV4 sent to a SigV4A-only endpoint (S3 Multi-Region Access Points). */
export function sigv4aRequired(dialect: Dialect): AwsError {
  const message =
    'The authorization mechanism you have provided is not supported. Please use AWS4-ECDSA-P256-SHA256.'
  return dialect === 'apigateway'
    ? { status: 403, code: 'InvalidSignatureException', message }
    : { status: 400, code: 'InvalidRequest', message }
}

/** The date in the credential scope differs from the request date. */
export function scopeDateMismatch(
  dialect: Dialect,
  source: AuthSource,
  scopeDate: string,
  amzDate: string,
): AwsError {
  if (dialect === 's3')
    return malformed(source, 'Invalid credential date. Date is not the same as X-Amz-Date.')
  return {
    status: 403,
    code: signatureCode(dialect),
    message: `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
  }
}

/** The request date is outside the dialect's clock window (header signing). */
export function clockSkew(dialect: Dialect, requestDate: Date, now: Date, windowMinutes: number): AwsError {
  const amzDate = formatAmzDate(requestDate)
  if (dialect === 's3') {
    return {
      status: 403,
      code: 'RequestTimeTooSkewed',
      message: 'The difference between the request time and the current time is too large.',
      elements: [
        ['RequestTime', amzDate],
        ['ServerTime', formatIsoSeconds(now)],
        ['MaxAllowedSkewMilliseconds', String(windowMinutes * 60_000)],
      ],
    }
  }
  const window = windowMinutes * 60_000
  const message =
    requestDate.getTime() < now.getTime()
      ? `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(new Date(now.getTime() - window))} (${formatAmzDate(now)} - ${windowMinutes} min.)`
      : `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(new Date(now.getTime() + window))} (${formatAmzDate(now)} + ${windowMinutes} min.)`
  return { status: 403, code: signatureCode(dialect), message }
}

/** A presigned URL used after `X-Amz-Date + X-Amz-Expires`. */
export function presignedExpired(dialect: Dialect, expires: number, expiresAt: Date, now: Date): AwsError {
  if (dialect === 's3') {
    return {
      status: 403,
      code: 'AccessDenied',
      message: 'Request has expired',
      elements: [
        ['X-Amz-Expires', String(expires)],
        ['Expires', formatIsoSeconds(expiresAt)],
        ['ServerTime', formatIsoSeconds(now)],
      ],
    }
  }
  return {
    status: 403,
    code: dialect === 'apigateway' ? 'AccessDeniedException' : 'AccessDenied',
    message: 'Request has expired',
  }
}

/** `X-Amz-Expires` that is not a whole number of seconds in 1…604800. */
export function invalidExpires(dialect: Dialect, raw: string): AwsError {
  const value = Number(raw)
  const message = !/^\d+$/.test(raw)
    ? 'X-Amz-Expires should be a number'
    : value > 604800
      ? 'X-Amz-Expires must be less than a week (in seconds) that is 604800'
      : 'X-Amz-Expires must be non-negative'
  return dialect === 'apigateway'
    ? { status: 403, code: 'IncompleteSignatureException', message }
    : { status: 400, code: 'AuthorizationQueryParametersError', message }
}

/** S3 header signing without `x-amz-content-sha256`. */
export function missingContentSha256(): AwsError {
  return {
    status: 400,
    code: 'InvalidRequest',
    message: 'Missing required header for this request: x-amz-content-sha256',
  }
}

/** S3: `x-amz-content-sha256` is not a hash, `UNSIGNED-PAYLOAD` or a streaming mode. */
export function invalidContentSha256(): AwsError {
  return {
    status: 400,
    code: 'InvalidArgument',
    message:
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.',
  }
}

/** S3: streaming (chunk-signed) uploads, which this verifier does not implement. */
export function streamingNotImplemented(): AwsError {
  return {
    status: 501,
    code: 'NotImplemented',
    message: 'A header you provided implies functionality that is not implemented',
  }
}

/** S3: `x-amz-content-sha256` differs from the hash of the body received. */
export function contentSha256Mismatch(claimed: string, computed: string): AwsError {
  return {
    status: 400,
    code: 'XAmzContentSHA256Mismatch',
    message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
    elements: [
      ['ClientComputedContentSHA256', claimed],
      ['S3ComputedContentSHA256', computed],
    ],
  }
}

/** The signature does not match; the answer includes the canonical request and string to sign computed. */
export function signatureMismatch(
  dialect: Dialect,
  canonicalRequest: string,
  stringToSign: string,
  accessKeyId: string,
): AwsError {
  return {
    status: 403,
    code: signatureCode(dialect),
    message: SIGNATURE_MISMATCH,
    canonicalRequest,
    stringToSign,
    ...(dialect === 's3' ? { elements: [['AWSAccessKeyId', accessKeyId]] as Array<[string, string]> } : {}),
  }
}
