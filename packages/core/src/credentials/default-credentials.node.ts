import type { AwsCredentialIdentityProvider } from '@smithy/types'

/**
 * The AWS SDK's default Node chain (env, SSO, ini, process, web identity, ECS, IMDS), from the optional
 * peer `@aws-sdk/credential-providers`. Reached only through the `node` condition of `#default-credentials`.
 */
export async function loadDefaultCredentials(): Promise<AwsCredentialIdentityProvider> {
  // Kept as a dynamic import so the peer is only required when credentials were omitted.
  const module: { fromNodeProviderChain: () => AwsCredentialIdentityProvider } = await import(
    '@aws-sdk/credential-providers'
  )
  return module.fromNodeProviderChain()
}

/** Which environment this implementation serves (for messages and tests). */
export const defaultCredentialsRuntime = 'node'
