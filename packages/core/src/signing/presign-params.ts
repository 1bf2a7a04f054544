import type { HttpRequest as SmithyHttpRequest } from '@smithy/types'
import { CONTENT_SHA256, UNSIGNED_PAYLOAD } from './constants'

/**
 * Prepares a request for query signing. S3 presigned URLs sign `UNSIGNED-PAYLOAD` (the body is unknown
 * when the URL is made) through a header that is neither hoisted into the query nor signed; other services
 * sign the hash of the body given (or of the empty body).
 */
export function preparePresignRequest(
  request: SmithyHttpRequest,
  s3: boolean,
): { request: SmithyHttpRequest; keepOut: Set<string> } {
  const headers = { ...request.headers }
  delete headers[CONTENT_SHA256]
  const keepOut = new Set<string>()
  if (s3) {
    headers[CONTENT_SHA256] = UNSIGNED_PAYLOAD
    keepOut.add(CONTENT_SHA256)
  }
  return { request: { ...request, headers, body: s3 ? undefined : request.body }, keepOut }
}
