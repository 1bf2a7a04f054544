import { isAwsSigError } from '@awssig/core'
import { CliError, ExitCode, type ExitCodeValue } from './cli-error'

/**
 * Maps any error to the one sentence and exit code the CLI reports. A `CliError` anywhere in the
 * `cause` chain wins (core wraps a failed credential provider in `CredentialsError`, whose cause is
 * ours); core's errors are signing errors (3) except rule validation (2); anything else is a bug and
 * says so without a stack trace.
 */
export function describeFailure(error: unknown): { message: string; exitCode: ExitCodeValue } {
  for (let current: unknown = error, depth = 0; current && depth < 8; depth++) {
    if (current instanceof CliError) return { message: current.message, exitCode: current.exitCode }
    current = (current as { cause?: unknown }).cause
  }
  if (isAwsSigError(error)) {
    const exitCode = error.name === 'InvalidRuleError' ? ExitCode.usage : ExitCode.signing
    return { message: asSentence(error.message), exitCode }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { message: asSentence(`Unexpected error: ${message}`), exitCode: ExitCode.signing }
}

function asSentence(message: string): string {
  const oneLine = message.replace(/\s*\n\s*/g, ' ').trim()
  return /[.!?]$/.test(oneLine) ? oneLine : `${oneLine}.`
}
