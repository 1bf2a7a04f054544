import { isValidRegion } from '../aws-hosts/regions'
import { parseAwsError } from './parse-aws-error'

// Codes whose answer names the bucket's real region in `<Region>`.
const REGION_NAMING_CODES = new Set([
  'AuthorizationHeaderMalformed',
  'AuthorizationQueryParametersError',
  'PermanentRedirect',
  'IllegalLocationConstraintException',
])

/**
 * The region S3 says a bucket lives in: the `x-amz-bucket-region` header (sent on any status, including
 * for HEAD requests without a body), else `<Region>` in an `AuthorizationHeaderMalformed`,
 * `AuthorizationQueryParametersError` or `PermanentRedirect` body, else the region the message expects
 * ("the region 'us-east-1' is wrong; expecting 'us-west-2'"). Undefined when none is named or the value is
 * not a region name. Reads a clone, so `response` stays readable.
 *
 * @example
 * if (response.status === 400 || response.status === 301) {
 *   const region = await s3RegionFromResponse(response) // 'us-west-2'
 * }
 */
export async function s3RegionFromResponse(response: Response): Promise<string | undefined> {
  const header = response.headers.get('x-amz-bucket-region')?.trim()
  if (header && isValidRegion(header)) return header
  if (response.status < 300) return undefined
  const error = await parseAwsError(response)
  if (!error || error.code === undefined || !REGION_NAMING_CODES.has(error.code)) return undefined
  const region = error.elements.Region ?? /expecting '([^']*)'/.exec(error.message ?? '')?.[1]
  return region !== undefined && isValidRegion(region) ? region : undefined
}
