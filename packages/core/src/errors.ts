const BRAND = Symbol.for('awssig.error')

/** Fields every awssig error may carry besides its message. */
export interface AwsSigErrorOptions {
  /** The underlying error (a provider failure, a missing module …). */
  cause?: unknown
  /** Method of the request being signed, when there is one. */
  method?: string
  /** URL of the request being signed, when there is one (query values are not secret, signatures are stripped). */
  url?: string
  /** The input at fault (`headers`, `signingDate`, `expiresIn`, `url`, …), for errors about bad input. */
  field?: string
}

/**
 * Base class of every error awssig throws. Messages never contain a secret key, session token or signature.
 *
 * @example
 * try { await signer.sign(req) } catch (e) { if (isAwsSigError(e)) console.error(e.name, e.message) }
 */
export class AwsSigError extends Error {
  override name: string = 'AwsSigError'
  /** Method of the request being signed, when known. */
  declare readonly method?: string
  /** URL of the request being signed, when known (with any `X-Amz-Signature`/token redacted). */
  declare readonly url?: string
  /** The input at fault, for errors about bad input (`headers`, `signingDate`, `expiresIn`, `url`, …). */
  declare readonly field?: string

  constructor(message: string, options: AwsSigErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    if (options.method !== undefined) this.method = options.method
    if (options.url !== undefined) this.url = redactUrl(options.url)
    if (options.field !== undefined) this.field = options.field
    // The repo's tests see every error through this line (vitest.shared.ts adds a collector after it when
    // they load core's source), so the library itself carries no test hook.
    Object.defineProperty(this, BRAND, { value: true })
  }
}

/** A signing rule or a `createSigner` option is invalid. Thrown by `createSigner`, never later. */
export class InvalidRuleError extends AwsSigError {
  override name = 'InvalidRuleError' as const
  /** Index of the offending rule in `options.rules`; `-1` for a top-level option. */
  declare readonly ruleIndex: number
  /** The offending field (`host`, `region`, `regionSet`, … or the option name). */
  declare readonly field: string

  constructor(message: string, ruleIndex: number, field: string, options: AwsSigErrorOptions = {}) {
    super(message, { ...options, field })
    this.ruleIndex = ruleIndex
  }
}

/**
 * A call got an argument it cannot use (a header value with CR/LF/NUL or outside Latin-1, an invalid
 * `signingDate`, `expiresIn` out of range, a URL that is not absolute, …). Thrown before anything is sent;
 * `field` names the input.
 *
 * @example
 * try { await signer.presign(req, { expiresIn: 0 }) } catch (e) { if (e instanceof InvalidInputError) e.field } // 'expiresIn'
 */
export class InvalidInputError extends AwsSigError {
  override name = 'InvalidInputError' as const
  declare readonly field: string

  constructor(message: string, field: string, options: AwsSigErrorOptions = {}) {
    super(message, { ...options, field })
  }
}

/** `unmatched: 'error'` and no rule or AWS host inference claims the request's host. */
export class NoMatchingRuleError extends AwsSigError {
  override name = 'NoMatchingRuleError' as const
}

/** Credentials are missing, invalid, or their provider failed. Nothing was sent. */
export class CredentialsError extends AwsSigError {
  override name = 'CredentialsError' as const
}

/** A SigV4A plan, but this runtime has no ECDSA P-256 (no `crypto.subtle`, or no ECDSA in it). */
export class SigV4aUnavailableError extends AwsSigError {
  override name = 'SigV4aUnavailableError' as const
}

/** The request body cannot be hashed (an unsupported type, or a stream without `UNSIGNED-PAYLOAD`). */
export class UnsignableBodyError extends AwsSigError {
  override name = 'UnsignableBodyError' as const
}

/** The body is larger than `maxBodyBytes`, so it was not buffered to hash it. */
export class BodyTooLargeError extends AwsSigError {
  override name = 'BodyTooLargeError' as const
  /** The configured `maxBodyBytes`. */
  declare readonly limit: number

  constructor(message: string, limit: number, options: AwsSigErrorOptions = {}) {
    super(message, options)
    this.limit = limit
  }
}

/**
 * True for any awssig error, also one created by another copy of the library (another bundle, realm or
 * version), because the check uses a `Symbol.for` brand instead of `instanceof`.
 *
 * @example if (isAwsSigError(e) && e.name === 'CredentialsError') showLogin()
 */
export function isAwsSigError(value: unknown): value is AwsSigError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true
}

const SECRET_QUERY_PARAMS = new Set(['x-amz-signature', 'x-amz-security-token', 'x-amz-credential'])

/** Removes presigned-URL credential material so an error's `url` can be logged. */
function redactUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return raw.split('?')[0] ?? ''
  }
  let changed = false
  for (const key of [...url.searchParams.keys()]) {
    if (SECRET_QUERY_PARAMS.has(key.toLowerCase())) {
      url.searchParams.set(key, 'REDACTED')
      changed = true
    }
  }
  url.username = ''
  url.password = ''
  return changed ? url.toString() : url.href
}

/**
 * A redirect awssig will not follow with the caller's credentials: the hop leaves the caller's origin while
 * the signer's `unmatched` is `'error'` (nothing is sent), or `redirect: 'follow'` was asked for in a browser,
 * where the runtime — not awssig — would follow and keep `X-Amz-*` headers on every hop.
 */
export class RedirectError extends AwsSigError {
  override name = 'RedirectError' as const
}
