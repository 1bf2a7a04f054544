import { http } from 'msw'
import { findEndpoint } from './verify/find-endpoint'
import { toResponse } from './verify/to-response'
import type { VerifierOptions, VerifySuccess } from './verify/types'
import { verifyRequest } from './verify/verify-request'

export { type EchoBody, echoBody, toResponse } from './verify/to-response'
export type { EndpointConfig, VerifierCredentials, VerifierOptions, VerifySuccess } from './verify/types'

// Every answer carries the verifier's clock, as AWS's do: clients correct their clock skew from it.
function withDate(response: Response, date: Date): Response {
  if (response.headers.has('date')) return response
  const headers = new Headers(response.headers)
  headers.set('date', date.toUTCString())
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
}

/** What the resolver of `awsHandlers` receives for a request AWS would accept. */
export interface AwsResolverInfo {
  /** The intercepted request (its body is unread). */
  request: Request
  /** What the verifier concluded: scope, signed headers, canonical request, … */
  verification: VerifySuccess
}

/** Options of `awsHandlers`: the verifier's options plus what to answer for accepted requests. */
export interface AwsHandlersOptions extends VerifierOptions {
  /**
   * Answers a verified request. A refused request never reaches it: the handler answers with AWS's error.
   * @default a JSON echo `{ ok: true, method, path, query, bodySha256, scope, signedHeaders, … }`
   */
  resolver?: (info: AwsResolverInfo) => Response | Promise<Response>
}

/**
 * msw 2 request handlers that verify every request to the declared hosts (http and https, any port unless
 * the endpoint key names one) as AWS would, answer refused requests with AWS's error response, and pass
 * accepted ones to `resolver`. The host comes from the request URL and only headers named in
 * `SignedHeaders` are used, because msw does not see the headers fetch adds on the wire.
 *
 * @example
 * const server = setupServer(...awsHandlers({
 *   credentials: [{ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }],
 *   endpoints: { 'abc.execute-api.eu-west-1.amazonaws.com': { service: 'execute-api', region: 'eu-west-1' } },
 * }))
 */
export function awsHandlers(options: AwsHandlersOptions) {
  const { resolver, ...verifierOptions } = options
  return [
    http.all(
      ({ request }) => findEndpoint(new URL(request.url), verifierOptions.endpoints) !== undefined,
      async ({ request }) => {
        const result = await verifyRequest(request, verifierOptions)
        if (!result.ok || !resolver) return toResponse(result)
        return withDate(await resolver({ request, verification: result }), result.date)
      },
    ),
  ]
}
