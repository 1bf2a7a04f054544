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
  const provider = input as () => Promise<AwsCredentialIdentity | CredentialsInput>
  let cached: { value: AwsCredentialIdentity; refreshAt: number } | undefined
  let inFlight: Promise<AwsCredentialIdentity> | undefined

  const refresh = (): Promise<AwsCredentialIdentity> => {
    inFlight ??= (async () => {
      let resolved: unknown
      try {
        resolved = await provider()
        // A provider that returns another provider (e.g. a lazily built chain) is followed once.
        if (typeof resolved === 'function') resolved = await (resolved as () => Promise<unknown>)()
      } catch (error) {
        throw new CredentialsError(
          `The credentials provider failed: ${safeMessage(error)}. Nothing was sent; the next request calls the provider again.`,
          { cause: error },
        )
      }
      const value = checkCredentials(resolved)
      const obtainedAt = options.now()
      cached = { value, refreshAt: refreshTime(value, obtainedAt, options.refreshBeforeExpiryMs) }
      return value
    })().finally(() => {
      inFlight = undefined
    })
    return inFlight
  }

  return {
    get: async () => {
      if (cached && options.now() < cached.refreshAt) return cached.value
      return refresh()
    },
  }
}

/** When to refresh: `refreshBeforeExpiryMs` ahead of expiry, capped at half the remaining lifetime. */
function refreshTime(
  value: AwsCredentialIdentity,
  obtainedAt: number,
  refreshBeforeExpiryMs: number,
): number {
  const expiration = value.expiration?.getTime()
  if (expiration === undefined || Number.isNaN(expiration)) return Number.POSITIVE_INFINITY
  const lifetime = Math.max(0, expiration - obtainedAt)
  return expiration - Math.min(refreshBeforeExpiryMs, lifetime / 2)
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

/**
 * A provider's error message, shortened. Provider messages describe what failed (a profile, an HTTP
 * status); they are not expected to hold secrets, but a long message is cut so it cannot carry a dump.
 */
// A provider's own message is the most useful part of the error, but it is third-party text: it could quote
// a key, a secret or a token. Anything shaped like one (a long run of base64 or hex characters) is replaced.
const SECRET_LIKE = /[A-Za-z0-9+/=_-]{20,}/g

function safeMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  const oneLine = text.replace(/\s+/g, ' ').trim().replace(SECRET_LIKE, '[redacted]')
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine || 'unknown error'
}
