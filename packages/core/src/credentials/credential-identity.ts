/**
 * AWS credentials, declared here rather than imported from `@smithy/types`: its declaration files
 * reference Node's types (`node:stream`, `Buffer`), so a browser project without `@types/node` failed to
 * type-check core. The shapes are structurally identical to smithy's `AwsCredentialIdentity` and
 * `AwsCredentialIdentityProvider` (test/credential-identity-types.test.ts checks both directions), so
 * providers from `@aws-sdk/credential-providers` fit without a cast.
 * @example
 * const credentials: AwsCredentialIdentity = { accessKeyId: 'AKID…', secretAccessKey: '…' }
 */
export interface AwsCredentialIdentity {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly sessionToken?: string
  readonly credentialScope?: string
  readonly accountId?: string
  /** When the credentials stop being valid; a provider is asked again before then. */
  readonly expiration?: Date
}

/**
 * A function that resolves credentials, such as `fromNodeProviderChain()` from
 * `@aws-sdk/credential-providers`.
 * @example
 * const provider: AwsCredentialIdentityProvider = async () => ({ accessKeyId: 'AKID…', secretAccessKey: '…' })
 */
export type AwsCredentialIdentityProvider = (
  // biome-ignore lint/suspicious/noExplicitAny: the SDK's identity-provider signature, kept as-is for assignability
  identityProperties?: Record<string, any>,
) => Promise<AwsCredentialIdentity>
