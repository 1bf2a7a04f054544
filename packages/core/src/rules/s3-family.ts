/**
 * Signing names of the S3 family. Only these accept `UNSIGNED-PAYLOAD`, and they canonicalize paths with
 * single encoding and no dot-segment normalization (AWS SigV4 docs: "except for Amazon S3").
 */
export const S3_FAMILY_SERVICES: ReadonlySet<string> = new Set([
  's3',
  's3-object-lambda',
  's3-outposts',
  's3express',
])

/** Services that reject a request without `x-amz-content-sha256` (OpenSearch Serverless, besides S3). */
export const CONTENT_SHA256_SERVICES: ReadonlySet<string> = new Set([...S3_FAMILY_SERVICES, 'aoss'])
