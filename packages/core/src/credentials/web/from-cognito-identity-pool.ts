import { callCognitoIdentity } from './call-cognito-identity'
import { IdentityCallError } from './identity-call-error'
import { defaultIdentityIdStorage, readQuietly, writeQuietly } from './identity-id-storage'
import { requireString, resolveToken } from './resolve-token'
import type {
  IdentityIdStorage,
  TemporaryCredentials,
  TemporaryCredentialsProvider,
  TokenInput,
  WebProviderOptions,
} from './types'

/** Options of `fromCognitoIdentityPool`, named as in `@aws-sdk/credential-providers`. */
export interface FromCognitoIdentityPoolParameters extends WebProviderOptions {
  /** `<region>:<uuid>`, as the Cognito console shows it. */
  identityPoolId: string
  /**
   * Tokens of the identity providers the user signed in with, keyed by provider name
   * (`cognito-idp.<region>.amazonaws.com/<userPoolId>`, `accounts.google.com`, …). A function is called on
   * every refresh, so it can return a fresh token. Without logins the identity is unauthenticated.
   */
  logins?: Record<string, TokenInput>
  /** Role to assume when the pool allows choosing one (`CustomRoleArn`). */
  customRoleArn?: string
  /** The AWS account ID of the pool (`AccountId` of `GetId`). */
  accountId?: string
  /**
   * Identity ID cache key part. With it the identity ID is kept in `cache`, so the next page load reuses it.
   * @default 'ANONYMOUS' without logins; no caching with logins (as the AWS SDK)
   */
  userIdentifier?: string
  /** Where the identity ID is kept. @default localStorage where available, otherwise memory */
  cache?: IdentityIdStorage
  /** `region` of the Cognito Identity endpoint. @default the region prefix of `identityPoolId` */
  clientConfig?: { region?: string }
}

// Errors after which a cached identity ID must not be reused: the identity is gone or not this user's.
const STALE_IDENTITY = new Set([
  'ResourceNotFoundException',
  'NotAuthorizedException',
  'InvalidParameterException',
])

/**
 * Temporary credentials from a Cognito identity pool, for browsers, Workers, Deno and Bun without the AWS SDK:
 * `GetId` (once, then cached as the AWS SDK caches it) and `GetCredentialsForIdentity`, both unsigned calls.
 * Give the result to `createSigner({ credentials })`: the signer calls it again before `expiration`, and
 * concurrent requests share one call.
 *
 * @example
 * import { fromCognitoIdentityPool } from '@awssig/core/credentials'
 * const signer = createSigner({
 *   credentials: fromCognitoIdentityPool({ identityPoolId: 'eu-west-1:1a2b3c4d-…' }),
 * })
 */
export function fromCognitoIdentityPool(
  options: FromCognitoIdentityPoolParameters,
): TemporaryCredentialsProvider {
  const identityPoolId = requireString(options.identityPoolId, 'identityPoolId')
  const region = options.clientConfig?.region ?? identityPoolId.split(':')[0] ?? ''
  requireString(region, 'clientConfig.region')
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const hasLogins = options.logins !== undefined && Object.keys(options.logins).length > 0
  const userIdentifier = options.userIdentifier ?? (hasLogins ? undefined : 'ANONYMOUS')
  const cacheKey = userIdentifier && `aws:cognito-identity-credentials:${identityPoolId}:${userIdentifier}`
  const cache = options.cache ?? defaultIdentityIdStorage()
  let identityId: Promise<string> | undefined

  const resolveLogins = async (): Promise<Record<string, string> | undefined> => {
    if (!hasLogins) return undefined
    const entries = Object.entries(options.logins ?? {})
    const tokens = await Promise.all(entries.map(([name, token]) => resolveToken(token, `logins["${name}"]`)))
    return Object.fromEntries(entries.map(([name], i) => [name, tokens[i] as string]))
  }

  const getIdentityId = async (logins: Record<string, string> | undefined): Promise<string> => {
    const cached = cacheKey ? await readQuietly(cache, cacheKey) : undefined
    if (cached) return cached
    const answer = await callCognitoIdentity(fetchImpl, region, 'GetId', {
      IdentityPoolId: identityPoolId,
      ...(options.accountId ? { AccountId: options.accountId } : {}),
      ...(logins ? { Logins: logins } : {}),
    })
    if (typeof answer.IdentityId !== 'string' || answer.IdentityId === '') {
      throw new IdentityCallError('GetId', 'InvalidResponse', 200)
    }
    if (cacheKey) writeQuietly(cache, cacheKey, answer.IdentityId)
    return answer.IdentityId
  }

  return async () => {
    const logins = await resolveLogins()
    // One GetId for concurrent first calls; the ID is then kept for the life of the provider.
    identityId ??= getIdentityId(logins)
    const pending = identityId
    try {
      const id = await pending
      const answer = await callCognitoIdentity(fetchImpl, region, 'GetCredentialsForIdentity', {
        IdentityId: id,
        ...(logins ? { Logins: logins } : {}),
        ...(options.customRoleArn ? { CustomRoleArn: options.customRoleArn } : {}),
      })
      return toCredentials(answer, id)
    } catch (error) {
      const code = error instanceof IdentityCallError ? error.code : ''
      if (identityId === pending && STALE_IDENTITY.has(code)) {
        identityId = undefined
        if (cacheKey) writeQuietly(cache, cacheKey, undefined)
      }
      throw error
    }
  }
}

/** Maps `GetCredentialsForIdentity`'s answer; `Expiration` is epoch seconds in awsJson1_1. */
function toCredentials(answer: Record<string, unknown>, identityId: string): TemporaryCredentials {
  const c = (answer.Credentials ?? {}) as Record<string, unknown>
  const expiration = typeof c.Expiration === 'number' ? new Date(c.Expiration * 1000) : undefined
  if (
    typeof c.AccessKeyId !== 'string' ||
    typeof c.SecretKey !== 'string' ||
    typeof c.SessionToken !== 'string' ||
    !expiration
  ) {
    throw new IdentityCallError('GetCredentialsForIdentity', 'InvalidResponse', 200)
  }
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretKey,
    sessionToken: c.SessionToken,
    expiration,
    // Kept as the AWS SDK returns it: apps use it as the user's ID in S3 prefixes and IAM policies.
    ...({ identityId } as object),
  }
}
