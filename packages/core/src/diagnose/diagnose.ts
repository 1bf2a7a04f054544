import { inferAwsHost } from '../aws-hosts/infer-aws-host'
import type { SigningPlan } from '../types'
import { type Classification, classify } from './classify-aws-error'
import { parseAwsError } from './parse-aws-error'
import { scopeFix } from './scope-fix'
import { requestTimeOf, serverTimeOf } from './server-time'
import type { DiagnoseContext, ScopeDiagnosis } from './types'

export type { DiagnoseContext, ScopeDiagnosis, ScopeDiagnosisKind } from './types'

/**
 * Turns AWS's answer to a signed request into a typed diagnosis with the likely fix, or null when the
 * response is not an AWS authentication error (a success, an IAM `AccessDenied`, a throttle, a non-AWS
 * body). Reads the body of a clone, so `response` stays readable; a response whose body was already read
 * is diagnosed from its status and headers alone.
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
export async function diagnose(response: Response, context: DiagnoseContext): Promise<ScopeDiagnosis | null> {
  if (response.status < 300) return null
  const error = await parseAwsError(response)
  if (!error) return null
  const plan = context.plan ?? null
  const bucketRegion = response.headers.get('x-amz-bucket-region') ?? undefined
  const classification = classify(error, response.status, bucketRegion, plan)
  if (!classification) return null

  const diagnosis: ScopeDiagnosis = {
    kind: classification.kind,
    status: response.status,
    code: error.code ?? '',
    message: error.message ?? '',
    plan,
    fix: '',
  }
  if (classification.kind === 'clock-skew') {
    const serverTime = serverTimeOf(response, error)
    const requestTime = requestTimeOf(error)
    if (serverTime) diagnosis.serverTime = serverTime
    if (requestTime) diagnosis.requestTime = requestTime
  }
  const url = toUrl(context.url ?? response.url)
  const expected = completeExpected(classification, plan, url)
  if (expected) diagnosis.expected = expected
  diagnosis.fix = scopeFix({
    classification: { ...classification, ...(expected ? { expected } : {}) },
    plan,
    planKnown: context.plan !== undefined,
    url,
    method: context.method,
    serverTime: diagnosis.serverTime,
    requestTime: diagnosis.requestTime,
  })
  return diagnosis
}

/**
 * Fills in what the endpoint expects when AWS's words leave it out: a region quoted as wrong is compared
 * with the region the hostname names (`abc.execute-api.eu-west-1.amazonaws.com`).
 */
function completeExpected(
  classification: Classification,
  plan: SigningPlan | null,
  url: URL | undefined,
): Classification['expected'] | undefined {
  const expected = classification.expected ? { ...classification.expected } : undefined
  if (classification.kind !== 'wrong-region' || expected?.region !== undefined || !url) return expected
  const hostRegion = inferAwsHost(url.hostname)?.hostRegion
  const signed = classification.signedRegion ?? plan?.region
  if (hostRegion !== undefined && hostRegion !== signed) return { ...expected, region: hostRegion }
  return expected
}

function toUrl(raw: string | URL): URL | undefined {
  if (raw === '') return undefined
  try {
    return new URL(String(raw))
  } catch {
    return undefined
  }
}
