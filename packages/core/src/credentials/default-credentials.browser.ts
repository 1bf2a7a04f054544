import type { AwsCredentialIdentityProvider } from './credential-identity'

/**
 * Outside Node there is no default credential chain: browsers and workers must pass `credentials`
 * (e.g. from Cognito). Selected by the `default` condition of `#default-credentials`.
 */
export async function loadDefaultCredentials(): Promise<AwsCredentialIdentityProvider> {
  throw new Error(
    'No credentials were given and no default chain is available here. Pass `credentials` to createSigner ' +
      '(in Node, installing the optional peer @aws-sdk/credential-providers enables the default chain).',
  )
}

/** Which environment this implementation serves (for messages and tests). */
export const defaultCredentialsRuntime = 'browser'
