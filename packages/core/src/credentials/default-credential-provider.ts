import { CredentialsError } from '../errors'
import type { AwsCredentialIdentity } from '../types'

/**
 * A provider that, on first use, loads the environment's default chain through the `#default-credentials`
 * subpath import: `node` → `@aws-sdk/credential-providers`' `fromNodeProviderChain`, anything else → a
 * clear `CredentialsError`. Browser bundles therefore never reference the Node-only package.
 */
export function createDefaultCredentialProvider(): () => Promise<AwsCredentialIdentity> {
  let chain: Promise<() => Promise<AwsCredentialIdentity>> | undefined
  return async () => {
    chain ??= import('#default-credentials').then((module) => module.loadDefaultCredentials())
    let provider: () => Promise<AwsCredentialIdentity>
    try {
      provider = await chain
    } catch (error) {
      chain = undefined
      // The explanation comes from the loaded module (it differs per runtime and stays out of the bundle).
      throw new CredentialsError(error instanceof Error ? error.message : String(error), { cause: error })
    }
    return provider()
  }
}
