import { callStsWebIdentity } from './call-sts-web-identity'
import { requireString } from './resolve-token'
import type { TemporaryCredentialsProvider, TokenInput, WebProviderOptions } from './types'

/** Options of `fromWebToken`, named as in `@aws-sdk/credential-providers`. */
export interface FromWebTokenInit extends WebProviderOptions {
  /** The role to assume. */
  roleArn: string
  /**
   * The OIDC ID token (or OAuth 2.0 access token) of the identity provider. A function is called on every
   * refresh, so CI and edge platforms can hand a fresh token each time.
   */
  webIdentityToken: TokenInput
  /** Names the session in CloudTrail. @default `awssig-<time>` */
  roleSessionName?: string
  /** OAuth 2.0 provider (`www.amazon.com`, `graph.facebook.com`); not for OIDC providers. */
  providerId?: string
  /** Managed policies that further limit the session. */
  policyArns?: { arn?: string }[]
  /** An inline session policy (JSON). */
  policy?: string
  /** Session length in seconds. @default 3600 (STS's default) */
  durationSeconds?: number
  /**
   * Region of the STS endpoint (`https://sts.<region>.amazonaws.com`). The regional endpoint answers faster
   * than the global one and keeps working when us-east-1 does not.
   * @default 'us-east-1'
   */
  clientConfig?: { region?: string }
}

/**
 * Temporary credentials from STS `AssumeRoleWithWebIdentity` (an unsigned call), for browser OIDC sign-in,
 * CI OIDC tokens and edge platforms, without the AWS SDK. Give the result to `createSigner({ credentials })`:
 * it is called again before `expiration`.
 *
 * @example
 * import { fromWebToken } from '@awssig/core/credentials'
 * const credentials = fromWebToken({
 *   roleArn: 'arn:aws:iam::123456789012:role/web',
 *   webIdentityToken: () => auth.getIdToken(),
 *   clientConfig: { region: 'eu-west-1' },
 * })
 */
export function fromWebToken(options: FromWebTokenInit): TemporaryCredentialsProvider {
  requireString(options.roleArn, 'roleArn')
  if (typeof options.webIdentityToken !== 'function') {
    requireString(options.webIdentityToken, 'webIdentityToken')
  }
  const region = requireString(options.clientConfig?.region ?? 'us-east-1', 'clientConfig.region')
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  return () => callStsWebIdentity(fetchImpl, region, options)
}
