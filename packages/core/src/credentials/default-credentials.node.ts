import type { AwsCredentialIdentityProvider } from './credential-identity'

/**
 * The AWS SDK's default Node chain (env, SSO, ini, process, web identity, ECS, IMDS), from the optional
 * peer `@aws-sdk/credential-providers`. Reached only through the `node` condition of `#default-credentials`.
 */
export async function loadDefaultCredentials(): Promise<AwsCredentialIdentityProvider> {
  let module: { fromNodeProviderChain: () => AwsCredentialIdentityProvider }
  try {
    // Kept as a dynamic import so the peer is only required when credentials were omitted.
    module = await import('@aws-sdk/credential-providers')
  } catch (error) {
    throw new Error(
      'No credentials were given and the default chain could not be loaded. Pass `credentials` to createSigner, ' +
        'or install the optional peer @aws-sdk/credential-providers, which provides the default chain in Node.',
      { cause: error },
    )
  }
  return module.fromNodeProviderChain()
}

/** Which environment this implementation serves (for messages and tests). */
export const defaultCredentialsRuntime = 'node'
