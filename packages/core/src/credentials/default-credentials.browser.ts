import type { AwsCredentialIdentityProvider } from '@smithy/types'

/**
 * Outside Node there is no default credential chain: browsers and workers must pass `credentials`
 * (e.g. from Cognito). Selected by the `default` condition of `#default-credentials`.
 */
export async function loadDefaultCredentials(): Promise<AwsCredentialIdentityProvider> {
  throw new Error('no default credential chain outside Node')
}

/** Which environment this implementation serves (for messages and tests). */
export const defaultCredentialsRuntime = 'browser'
