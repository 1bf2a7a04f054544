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
      throw new CredentialsError(
        'No credentials were given and no default chain is available here. Pass `credentials` to createSigner ' +
          '(in Node, installing the optional peer @aws-sdk/credential-providers enables the default chain).',
        { cause: error },
      )
    }
    return provider()
  }
}
