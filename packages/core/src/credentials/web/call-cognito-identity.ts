import { IdentityCallError } from './identity-call-error'
import { postToIdentityService } from './post-to-identity-service'

/**
 * Calls one Cognito Identity operation (awsJson1_1 protocol: POST /, `X-Amz-Target`, JSON body). `GetId` and
 * `GetCredentialsForIdentity` are public operations: AWS accepts them unsigned, which is the point.
 */
export async function callCognitoIdentity(
  fetchImpl: typeof fetch,
  region: string,
  operation: 'GetId' | 'GetCredentialsForIdentity',
  input: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const answer = await postToIdentityService(
    fetchImpl,
    operation,
    `https://cognito-identity.${region}.amazonaws.com/`,
    {
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityService.${operation}`,
      },
      body: JSON.stringify(input),
    },
  )
  let parsed: unknown
  try {
    parsed = answer.text ? JSON.parse(answer.text) : {}
  } catch (error) {
    throw new IdentityCallError(operation, 'InvalidResponse', answer.status, { cause: error })
  }
  const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>
  if (answer.status < 200 || answer.status >= 300) {
    throw new IdentityCallError(operation, jsonErrorCode(answer.headers, body), answer.status)
  }
  return body
}

/**
 * The error code of an awsJson1_1 error: `x-amzn-ErrorType` or `__type`, either possibly namespaced
 * (`com.amazonaws…#NotAuthorizedException`) or suffixed with `:http://…`.
 */
function jsonErrorCode(headers: Headers, body: Record<string, unknown>): string {
  const raw = headers.get('x-amzn-errortype') ?? (typeof body.__type === 'string' ? body.__type : '')
  const code = raw.split(':')[0]?.split('#').pop() ?? ''
  // A code is an identifier; anything else (a proxy's HTML page …) is not echoed.
  return /^[A-Za-z][A-Za-z0-9.]{0,99}$/.test(code) ? code : 'UnknownError'
}
