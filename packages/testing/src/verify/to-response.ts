import type { VerifyResult, VerifySuccess } from './types'

/** The JSON the verifier's default handlers answer with for a request AWS would accept. */
export interface EchoBody {
  ok: true
  method: string
  path: string
  query: Array<[string, string]>
  bodySha256: string
  scope: string
  signedHeaders: string[]
  algorithm: VerifySuccess['algorithm']
  region: string
  regionSet?: string[]
  accessKeyId: string
}

/** The echo of an accepted request: method, path, decoded query, body hash, scope and signed headers. */
export function echoBody(result: VerifySuccess): EchoBody {
  return {
    ok: true,
    method: result.method,
    path: result.path,
    query: result.query,
    bodySha256: result.bodySha256,
    scope: result.scope,
    signedHeaders: result.signedHeaders,
    algorithm: result.algorithm,
    region: result.region,
    ...(result.regionSet ? { regionSet: result.regionSet } : {}),
    accessKeyId: result.accessKeyId,
  }
}

/**
 * A fetch `Response` as AWS would answer: the error status, body and headers for a refused request, or
 * `200` with the JSON echo (`echoBody`) for an accepted one. Always carries `Date` from the verifier's clock.
 *
 * @example
 * return toResponse(await verifyRequest(request, options))
 */
export function toResponse(result: VerifyResult): Response {
  if (!result.ok) return new Response(result.body, { status: result.status, headers: result.headers })
  return new Response(JSON.stringify(echoBody(result)), {
    status: 200,
    headers: { 'content-type': 'application/json', date: result.date.toUTCString() },
  })
}
