/** The payload hash S3 accepts in place of the body's SHA-256. */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD'

/** The header carrying the payload hash. */
export const CONTENT_SHA256 = 'x-amz-content-sha256'

/** Lowercase names of the query parameters a presigned URL carries (stale ones are dropped before re-signing). */
export const PRESIGN_QUERY_PARAMS: ReadonlySet<string> = new Set([
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-signedheaders',
  'x-amz-signature',
  'x-amz-security-token',
  'x-amz-region-set',
])
