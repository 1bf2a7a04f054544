import { CredentialsError } from '../errors'
import type { AwsCredentialIdentity, CredentialsInput } from '../types'

/** Where a signer gets credentials from: memoized, refreshed before expiry, one refresh in flight. */
export interface CredentialSource {
  /**
   * Current credentials; throws `CredentialsError` when they cannot be obtained. `now` (ms) judges expiry
   * when given (the clock of the origin being signed for), else the source's own clock.
   */
  get(now?: number): Promise<AwsCredentialIdentity>
}

export interface CredentialSourceOptions {
  /** Clock used to judge expiry (the signer's skew-corrected clock). */
  now: () => number
  /**
   * The uncorrected clock. Credentials due only by a server's correction (not by this clock) are refreshed at
   * most once every 10 seconds.
   */
  localNow: () => number
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
    // Fixed credentials were validated by createSigner (isCredentialsInput), so they are used as they are.
    const value = input
    return { get: async () => value }
  }
  // The provider machinery (memoizing, refresh before expiry, redacting the provider's message) loads on
  // demand, so apps with fixed credentials never download it; the import starts now, so the first get()
  // rarely waits for it.
  const loading = import('./provider-source').then(({ createProviderSource }) =>
    createProviderSource(input, options, {
      failed: (message, cause) => new CredentialsError(message, { cause }),
    }),
  )
  loading.catch(() => undefined)
  let source: CredentialSource | undefined
  return {
    get: async (now) => {
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
      return source.get(now)
    },
  }
}
