import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@awssig/core'
import { SigningFailedError } from '../cli-error'

/**
 * The credentials the CLI signs with: a named profile (`--profile`), otherwise the AWS SDK's default
 * Node chain (environment variables `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`,
 * then `AWS_PROFILE` or the default profile, SSO, `credential_process`, web identity, ECS and EC2
 * metadata). The SDK is imported only when a request is actually signed, so `explain` and `--help` stay
 * fast. A failure becomes a {@link SigningFailedError} (exit code 3) whose message says what to set.
 */
export function createCredentialProvider(profile?: string): AwsCredentialIdentityProvider {
  let pending: Promise<AwsCredentialIdentity> | undefined
  return () => {
    pending ??= loadCredentials(profile)
    return pending
  }
}

async function loadCredentials(profile: string | undefined): Promise<AwsCredentialIdentity> {
  const providers = await import('@aws-sdk/credential-providers')
  try {
    const provider = profile ? providers.fromIni({ profile }) : providers.fromNodeProviderChain()
    return await provider()
  } catch (error) {
    const detail = safeDetail((error as Error | undefined)?.message)
    // No `cause`: the SDK's error can quote a credential_process command line or its output verbatim.
    throw new SigningFailedError(
      profile
        ? `Could not load credentials for profile "${profile}"${detail ? ` (${detail})` : ''}.`
        : 'No AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or pass --profile NAME.',
    )
  }
}

/** Anything shaped like a key or token (a long run of base64, hex or URL-encoded characters). */
const SECRET_LIKE = /(?:[A-Za-z0-9+/=_-]|%[0-9A-Fa-f]{2}|\\\/){20,}/g

/**
 * The first sentence of the SDK's message, safe to print. A failed `credential_process` is reported without
 * its command line (`Command failed: <command>` quotes it, and it may carry a secret); anything else that
 * looks like a key or token is replaced.
 */
function safeDetail(message: string | undefined): string {
  if (/Command failed/i.test(message ?? '')) return 'its credential_process command failed'
  const first =
    (message ?? '')
      .split(/\.\s|\n/)[0]
      ?.replace(/\.$/, '')
      .trim() ?? ''
  return first.replace(SECRET_LIKE, '[redacted]')
}
