import { type IssueOptions, issueCredentials, requestId } from './issue-credentials'

/** Options of `createCognitoIdentityHandler`. */
export interface CognitoIdentityOptions extends IssueOptions {
  /** Identity pools that exist (`<region>:<uuid>`); unknown pools get `ResourceNotFoundException`. */
  identityPools: string[]
  /**
   * Valid login tokens by provider name. A `Logins` entry whose token is not listed gets
   * `NotAuthorizedException`. Without logins, identities are unauthenticated (allowed).
   * @default {}
   */
  logins?: Record<string, string[]>
}

/** One call the handler answered. */
export interface IdentityCall {
  operation: string
  status: number
  /** The request body as parsed (tokens included: tests only). */
  input: Record<string, unknown>
}

/** A Web handler answering as Cognito Identity does, with the state tests inspect. */
export interface CognitoIdentityHandler {
  /** Answers one Cognito Identity request (`GetId`, `GetCredentialsForIdentity`) as the service would. */
  handle(request: Request): Promise<Response>
  /** Every call answered, in order. */
  calls: IdentityCall[]
  /** Identity IDs minted by `GetId`. */
  identities: Map<string, { poolId: string }>
  /** The next call of `operation` fails with this AWS error code (status 400, 500 for `InternalErrorException`). */
  failNext(operation: 'GetId' | 'GetCredentialsForIdentity', code: string): void
}

const JSON_11 = 'application/x-amz-json-1.1'

function awsJsonError(code: string, message: string): Response {
  const status = code === 'InternalErrorException' ? 500 : code === 'TooManyRequestsException' ? 429 : 400
  return new Response(JSON.stringify({ __type: code, message }), {
    status,
    headers: { 'content-type': JSON_11, 'x-amzn-errortype': code, 'x-amzn-requestid': requestId() },
  })
}

const ok = (body: unknown): Response =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': JSON_11, 'x-amzn-requestid': requestId() },
  })

/**
 * Answers `GetId` and `GetCredentialsForIdentity` as Cognito Identity does (awsJson1_1: POST /,
 * `X-Amz-Target: AWSCognitoIdentityService.<Operation>`), with its documented errors: `ResourceNotFoundException`,
 * `NotAuthorizedException`, `InvalidParameterException`, `TooManyRequestsException`, `InternalErrorException`.
 * Issued credentials are pushed into `account`, so a verifying server accepts requests signed with them.
 */
export function createCognitoIdentityHandler(options: CognitoIdentityOptions): CognitoIdentityHandler {
  const calls: IdentityCall[] = []
  const identities = new Map<string, { poolId: string }>()
  const failures = new Map<string, string>()

  const answer = (operation: string, input: Record<string, unknown>): Response => {
    const failure = failures.get(operation)
    if (failure) {
      failures.delete(operation)
      return awsJsonError(failure, `${operation} failed (simulated).`)
    }
    const loginError = checkLogins(input.Logins, options.logins ?? {})
    if (loginError) return awsJsonError('NotAuthorizedException', loginError)
    if (operation === 'GetId') {
      const poolId = input.IdentityPoolId
      if (typeof poolId !== 'string')
        return awsJsonError('InvalidParameterException', 'IdentityPoolId is required.')
      if (!options.identityPools.includes(poolId)) {
        return awsJsonError('ResourceNotFoundException', 'IdentityPool not found.')
      }
      const id = `${poolId.split(':')[0]}:${crypto.randomUUID()}`
      identities.set(id, { poolId })
      return ok({ IdentityId: id })
    }
    if (operation === 'GetCredentialsForIdentity') {
      const id = input.IdentityId
      if (typeof id !== 'string') return awsJsonError('InvalidParameterException', 'IdentityId is required.')
      if (!identities.has(id)) return awsJsonError('ResourceNotFoundException', 'Identity not found.')
      const issued = issueCredentials(options)
      return ok({
        IdentityId: id,
        Credentials: {
          AccessKeyId: issued.accessKeyId,
          SecretKey: issued.secretAccessKey,
          SessionToken: issued.sessionToken,
          Expiration: issued.expiration.getTime() / 1000,
        },
      })
    }
    return awsJsonError('UnknownOperationException', 'Unknown operation.')
  }

  return {
    calls,
    identities,
    failNext: (operation, code) => failures.set(operation, code),
    handle: async (request) => {
      const operation = (request.headers.get('x-amz-target') ?? '').replace('AWSCognitoIdentityService.', '')
      let input: Record<string, unknown> = {}
      try {
        input = JSON.parse(await request.text()) as Record<string, unknown>
      } catch {
        const response = awsJsonError('SerializationException', 'The body is not JSON.')
        calls.push({ operation, status: response.status, input })
        return response
      }
      const response = answer(operation, input)
      calls.push({ operation, status: response.status, input })
      return response
    },
  }
}

/** `undefined` when every login token is known; otherwise the error message (never quoting the token). */
function checkLogins(logins: unknown, valid: Record<string, string[]>): string | undefined {
  if (logins === undefined) return undefined
  for (const [provider, token] of Object.entries(logins as Record<string, unknown>)) {
    if (!valid[provider]?.includes(String(token))) return `Invalid login token for ${provider}.`
  }
  return undefined
}
