import { isValidRegion } from '../aws-hosts/regions'
import type { SigningPlan } from '../types'
import type { AwsErrorBody } from './parse-aws-error'
import type { ScopeDiagnosisKind } from './types'

/** A classified answer before the fix text is written. */
export interface Classification {
  kind: ScopeDiagnosisKind
  expected?: { region?: string; service?: string }
  /** The region (or region set) the request was signed for, as AWS quotes it. */
  signedRegion?: string
  /** `region-set`: SigV4 was sent to an endpoint that takes only SigV4A. */
  sigv4aRequired?: boolean
  /** S3 named the bucket's region (header or `<Region>`): the adapters can re-sign and retry. */
  s3Region?: boolean
}

const INVALID_TOKEN_CODES = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidToken',
  'ExpiredToken',
  'ExpiredTokenException',
  'TokenRefreshRequired',
])
const REGION_CODES = new Set([
  'AuthorizationHeaderMalformed',
  'AuthorizationQueryParametersError',
  'PermanentRedirect',
  'IllegalLocationConstraintException',
])
const MISSING_AUTH_CODES = new Set(['MissingAuthenticationToken', 'MissingAuthenticationTokenException'])

/** Maps an AWS error to a diagnosis kind by AWS's wording first, then by error code. */
export function classify(
  error: AwsErrorBody,
  status: number,
  bucketRegion: string | undefined,
  plan: SigningPlan | null,
): Classification | null {
  const message = error.message ?? ''
  const code = error.code ?? ''
  // Regions quoted by the server are checked, so a garbled or hostile answer never becomes a signing region.
  const s3Region = [error.elements.Region, bucketRegion].find((r) => r !== undefined && isValidRegion(r))

  const validRegion = /Credential should be scoped to a valid region(?:, not '([^']*)')?/i.exec(message)
  if (validRegion) {
    return { kind: 'wrong-region', ...(validRegion[1] === undefined ? {} : { signedRegion: validRegion[1] }) }
  }
  // S3, header or presigned: "the region 'us-east-1' is wrong; expecting 'us-west-2'" (+ <Region>).
  const s3Wrong = /the region '([^']*)' is wrong; expecting '([^']*)'/.exec(message)
  if (s3Wrong) {
    const region = s3Region ?? (isValidRegion(s3Wrong[2]!) ? s3Wrong[2] : undefined)
    return {
      kind: 'wrong-region',
      signedRegion: s3Wrong[1]!,
      ...(region === undefined ? {} : { expected: { region }, s3Region: true }),
    }
  }
  const correctService = /Credential should be scoped to correct service: '([^']*)'/i.exec(message)
  if (correctService) return { kind: 'wrong-service', expected: { service: correctService[1]! } }
  const s3Service = /incorrect service "([^"]*)"\. This endpoint belongs to "([^"]*)"/.exec(message)
  if (s3Service) return { kind: 'wrong-service', expected: { service: s3Service[2]! } }

  if (/Please use AWS4-ECDSA-P256-SHA256/.test(message)) return { kind: 'region-set', sigv4aRequired: true }
  // "…requires the X-Amz-Region-Set header" is a malformed SigV4A request, not a set that misses the region.
  if (/region[- ]set/i.test(message) && !/requires the X-Amz-Region-Set/i.test(message)) {
    const region = /(?:cover|include)s? the region '([^']*)'/i.exec(message)?.[1]
    return { kind: 'region-set', ...(region === undefined ? {} : { expected: { region } }) }
  }

  if (/Signature (?:expired|not yet current):/.test(message) || code === 'RequestTimeTooSkewed') {
    return { kind: 'clock-skew' }
  }
  if (/request signature we calculated does not match/i.test(message)) return { kind: 'signature-mismatch' }
  if (
    /security token included in the request is (?:invalid|expired)/i.test(message) ||
    INVALID_TOKEN_CODES.has(code)
  ) {
    return { kind: 'invalid-token' }
  }
  if (/Access Key Id you provided does not exist/i.test(message) || code === 'InvalidAccessKeyId') {
    return { kind: 'unknown-key' }
  }
  if (/Missing Authentication Token/i.test(message) || MISSING_AUTH_CODES.has(code))
    return { kind: 'missing-auth' }

  // S3 sends x-amz-bucket-region on many answers: only a region error code, or a HEAD answer (no body) on
  // 301/400, means the bucket lives elsewhere.
  const regionAnswer =
    REGION_CODES.has(code) || (error.shape === 'headers' && (status === 301 || status === 400))
  if (s3Region !== undefined && regionAnswer && s3Region !== plan?.region) {
    return {
      kind: 'wrong-region',
      expected: { region: s3Region },
      ...(plan?.region === undefined ? {} : { signedRegion: plan.region }),
      s3Region: true,
    }
  }
  if (
    error.shape === 'headers' &&
    (code === 'SignatureDoesNotMatch' || code === 'InvalidSignatureException')
  ) {
    return { kind: 'signature-mismatch' }
  }
  return null
}
