import type { DiagnoseContext, ScopeDiagnosis } from './types'

// The public entry points load the reading of AWS's answers on first use, so an app that only signs (and
// gets 2xx answers) never downloads it: these functions are async anyway.

/**
 * Turns AWS's answer to a signed request into a typed diagnosis with the likely fix, or null when the
 * response is not an AWS authentication error (a success, an IAM `AccessDenied`, a throttle, a non-AWS
 * body). Reads the body of a clone, so `response` stays readable; a response whose body was already read
 * is diagnosed from its status and headers alone. Success answers return null without loading anything.
 *
 * Recognises API Gateway/REST-JSON (`{"message"}` + `x-amzn-ErrorType`), JSON-protocol (`{"__type"}`),
 * S3 (`<Error>` + `x-amz-bucket-region`) and query-protocol (`<ErrorResponse>`) answers.
 *
 * @example
 * const { request, plan } = await signer.sign(req)
 * const response = await fetch(request.url, request)
 * const diagnosis = await diagnose(response, { plan, method: request.method, url: request.url })
 * if (diagnosis) console.warn(diagnosis.kind, diagnosis.fix)
 * // wrong-region  Sign for region 'eu-west-1' (it was signed for 'us-east-1'): set region: 'eu-west-1' in
 * //               rules[0] or add { host: 'abc.execute-api.eu-west-1.amazonaws.com', region: 'eu-west-1' } before it.
 */
export async function diagnose(
  response: Response,
  context: DiagnoseContext = {},
): Promise<ScopeDiagnosis | null> {
  if (response.status < 300) return null
  return (await import('./diagnose')).diagnose(response, context)
}

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
  return (await import('./s3-region-from-response')).s3RegionFromResponse(response)
}
