/**
 * Exit codes of the `awssig` binary.
 * - `0`: the response status was 2xx (or `explain` / `--presign` succeeded).
 * - `1`: the response status was not 2xx, or the request could not be sent.
 * - `2`: usage error: a bad flag or argument, an unreadable or invalid rules file.
 * - `3`: signing error: no credentials, no plan for the host, an unsignable body.
 */
export const ExitCode = {
  ok: 0,
  httpError: 1,
  usage: 2,
  signing: 3,
} as const

/** One of the values of {@link ExitCode}. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode]

/**
 * An error the CLI reports as one sentence on stderr, then exits with `exitCode`.
 * The message never contains a secret key, session token or signature.
 */
export class CliError extends Error {
  override readonly name: string = 'CliError'
  readonly exitCode: ExitCodeValue

  constructor(message: string, exitCode: ExitCodeValue, options?: { cause?: unknown }) {
    super(message, options)
    this.exitCode = exitCode
    // awssig's brand (as core's errors carry it): a message that never holds a secret. Core keeps such an
    // error as the `cause` of a CredentialsError (third-party causes it replaces by a redacted stand-in), so
    // the CLI's own sentence about a failed profile is the one reported.
    Object.defineProperty(this, Symbol.for('awssig.error'), { value: true })
  }
}

/** A bad flag, argument or rules file (exit code 2). */
export class UsageError extends CliError {
  override readonly name = 'UsageError'

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.usage, options)
  }
}

/** Credentials or signing failed (exit code 3). */
export class SigningFailedError extends CliError {
  override readonly name = 'SigningFailedError'

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.signing, options)
  }
}

/** The request could not be sent: connection refused, DNS, TLS, timeout (exit code 1). */
export class TransportError extends CliError {
  override readonly name = 'TransportError'

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.httpError, options)
  }
}
