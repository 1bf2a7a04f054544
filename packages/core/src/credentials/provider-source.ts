import type { AwsCredentialIdentity, CredentialsInput } from '../types'
import type { CredentialSource, CredentialSourceOptions } from './credential-source'

// Loaded with import() by credential-source.ts when a provider function is given. It imports nothing at run
// time: a module shared with the up-front code would be split by bundlers into a chunk loaded up front anyway.

/** What the provider source needs from credential-source.ts, handed in rather than imported. */
export interface ProviderSourceHelpers {
  /** A `CredentialsError` with `message` and `cause`. */
  failed(message: string, cause?: unknown): Error
}

/** Credentials as obtained: when to refresh them (by the clock judging expiry), and when they came (locally). */
interface Cached {
  value: AwsCredentialIdentity
  refreshAt: number
  obtainedLocally: number
}

/**
 * A provider called at most once per credential lifetime: concurrent callers share one in-flight call, a
 * failure is not remembered (the next call tries again).
 */
export function createProviderSource(
  input: CredentialsInput | (() => Promise<CredentialsInput>),
  options: CredentialSourceOptions,
  helpers: ProviderSourceHelpers,
): CredentialSource {
  const provider = input as () => Promise<AwsCredentialIdentity | CredentialsInput>
  let cached: Cached | undefined
  let inFlight: Promise<AwsCredentialIdentity> | undefined

  // Due by the corrected clock of the origin being signed for, but not by the local one: a server (any host a
  // rule claims) moved its origin's clock. The provider is then called at most once per
  // MIN_REFRESH_INTERVAL_MS, never once per request to that host.
  const dueOnlyByCorrection = ({ refreshAt, obtainedLocally }: Cached) => {
    const local = options.localNow()
    return local < refreshAt && local - obtainedLocally < MIN_REFRESH_INTERVAL_MS
  }

  const refresh = (now: number): Promise<AwsCredentialIdentity> => {
    inFlight ??= (async () => {
      let resolved: unknown
      try {
        resolved = await provider()
        // A provider that returns another provider (e.g. a lazily built chain) is followed once.
        if (typeof resolved === 'function') resolved = await (resolved as () => Promise<unknown>)()
      } catch (error) {
        throw helpers.failed(
          `The credentials provider failed: ${safeMessage(error)}. Nothing was sent; the next request calls the provider again.`,
          redactedCause(error),
        )
      }
      const value = checkCredentials(resolved, helpers)
      const obtainedAt = now
      cached = {
        value,
        refreshAt: refreshTime(value, obtainedAt, options.refreshBeforeExpiryMs),
        obtainedLocally: options.localNow(),
      }
      return value
    })().finally(() => {
      inFlight = undefined
    })
    return inFlight
  }

  return {
    get: async (now = options.now()) => {
      if (cached && (now < cached.refreshAt || dueOnlyByCorrection(cached))) return cached.value
      return refresh(now)
    },
  }
}

const MIN_REFRESH_INTERVAL_MS = 10_000
// rule-field-checks.ts's check of fixed credentials, written again: this file imports nothing (see the top).
const HEADER_SAFE = /^[\x21-\x7e]*$/

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

/**
 * A provider's error message, shortened. Provider messages describe what failed (a profile, an HTTP
 * status); they are not expected to hold secrets, but a long message is cut so it cannot carry a dump.
 */
// A provider's own message is the most useful part of the error, but it is third-party text: it could quote
// a key, a secret or a token. Anything shaped like one (a long run of base64 or hex characters) is replaced.
// Runs may be URL-encoded (`%2F`, `%2B`) or JSON-escaped (`\/`): those count as part of the run.
const SECRET_LIKE = /(?:[A-Za-z0-9+/=_-]|%[0-9A-Fa-f]{2}|\\\/){20,}/g
// errors.ts's brand, read here rather than imported (see the note at the top of this file).
const AWSSIG_BRAND = Symbol.for('awssig.error')

function safeMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  // awssig's own errors (the web identity providers') never quote a secret, and their operation names and
  // AWS error codes (`GetCredentialsForIdentity`, `NotAuthorizedException`) are long enough to look like one.
  const ours =
    typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[AWSSIG_BRAND] === true
  const oneLine = ours ? text : text.replace(/\s+/g, ' ').trim().replace(SECRET_LIKE, '[redacted]')
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine || 'unknown error'
}

/**
 * The provider's error as `cause`, without what could hold a secret: `console.error(err)` and
 * `util.inspect` print the cause with its stack, and a stack starts with the message. A stand-in keeps the
 * name, a string `code` and the redacted message (awssig's own errors, which never quote a secret, are kept).
 */
function redactedCause(error: unknown): unknown {
  if (
    typeof error === 'object' &&
    error !== null &&
    (error as Record<symbol, unknown>)[AWSSIG_BRAND] === true
  )
    return error
  const stand = new Error(safeMessage(error))
  const { name, code } = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>
  if (typeof name === 'string') stand.name = name
  if (typeof code === 'string') Object.assign(stand, { code })
  // The stack is this function's, which says nothing about the provider: keep only the first line.
  stand.stack = `${stand.name}: ${stand.message}`
  return stand
}

/**
 * Validates what a provider returned without ever echoing a value: messages name fields only. (Fixed
 * credentials are checked once by createSigner instead.)
 */
function checkCredentials(value: unknown, helpers: ProviderSourceHelpers): AwsCredentialIdentity {
  if (typeof value !== 'object' || value === null) {
    throw helpers.failed('Credentials must be an object with accessKeyId and secretAccessKey.')
  }
  const { accessKeyId, secretAccessKey, sessionToken } = value as Record<string, unknown>
  if (typeof accessKeyId !== 'string' || accessKeyId === '') {
    throw helpers.failed('Credentials have no accessKeyId (a non-empty string is required).')
  }
  if (typeof secretAccessKey !== 'string' || secretAccessKey === '') {
    throw helpers.failed('Credentials have no secretAccessKey (a non-empty string is required).')
  }
  if (sessionToken !== undefined && sessionToken !== null && typeof sessionToken !== 'string') {
    throw helpers.failed('Credentials have a sessionToken that is not a string.')
  }
  // These two travel in headers, where Headers would throw a TypeError quoting the whole value.
  const field = !HEADER_SAFE.test(accessKeyId)
    ? 'accessKeyId'
    : typeof sessionToken === 'string' && !HEADER_SAFE.test(sessionToken)
      ? 'sessionToken'
      : undefined
  if (field) {
    throw helpers.failed(
      `Credentials have a ${field} with a character a header cannot carry (visible ASCII only: no spaces, line breaks or characters above U+007E).`,
    )
  }
  return value as AwsCredentialIdentity
}
