import { CredentialsError } from '../errors'
import type { AwsCredentialIdentity, CredentialsInput } from '../types'

/** Where a signer gets credentials from: memoized, refreshed before expiry, one refresh in flight. */
export interface CredentialSource {
  /** Current credentials; throws `CredentialsError` when they cannot be obtained. */
  get(): Promise<AwsCredentialIdentity>
}

export interface CredentialSourceOptions {
  /** Clock used to judge expiry (the signer's skew-corrected clock). */
  now: () => number
  /** Refresh this long before `expiration`, but never earlier than half the remaining lifetime. */
  refreshBeforeExpiryMs: number
}

/**
 * Wraps a credentials value or provider. A provider is called at most once per credential lifetime:
 * concurrent callers share one in-flight call, a failure is not remembered (the next call tries again).
 */
export function createCredentialSource(
  input: CredentialsInput | (() => Promise<CredentialsInput>),
  options: CredentialSourceOptions,
): CredentialSource {
  if (typeof input !== 'function') {
    const value = input
    return { get: async () => checkCredentials(value) }
  }
  // The provider machinery (memoizing, refresh before expiry, redacting the provider's message) loads on
  // demand, so apps with fixed credentials never download it; the import starts now, so the first get()
  // rarely waits for it.
  const loading = import('./provider-source').then(({ createProviderSource }) =>
    createProviderSource(input, options, {
      check: checkCredentials,
      failed: (message, cause) => new CredentialsError(message, { cause }),
    }),
  )
  loading.catch(() => undefined)
  let source: CredentialSource | undefined
  return {
    get: async () => {
      if (!source) {
        try {
          source = await loading
        } catch (error) {
          throw new CredentialsError(
            'The credentials provider could not be set up: its code failed to load.',
            {
              cause: error,
            },
          )
        }
      }
      return source.get()
    },
  }
}

/** Validates the shape without ever echoing a value: messages name fields only. */
function checkCredentials(value: unknown): AwsCredentialIdentity {
  if (typeof value !== 'object' || value === null) {
    throw new CredentialsError('Credentials must be an object with accessKeyId and secretAccessKey.')
  }
  const { accessKeyId, secretAccessKey, sessionToken } = value as Record<string, unknown>
  if (typeof accessKeyId !== 'string' || accessKeyId === '') {
    throw new CredentialsError('Credentials have no accessKeyId (a non-empty string is required).')
  }
  if (typeof secretAccessKey !== 'string' || secretAccessKey === '') {
    throw new CredentialsError('Credentials have no secretAccessKey (a non-empty string is required).')
  }
  if (sessionToken !== undefined && sessionToken !== null && typeof sessionToken !== 'string') {
    throw new CredentialsError('Credentials have a sessionToken that is not a string.')
  }
  return value as AwsCredentialIdentity
}
