/**
 * Issue 7, "Secrets": a net under every package's tests. Each awssig error created during a test (core's
 * `AwsSigError` constructor pushes itself into `globalThis.__AWSSIG_ERROR_SINK__` when that array exists) and
 * everything the test writes through `console.*` is scanned after the test for the workspace's test secret
 * keys and session tokens; a test whose errors or logs hold one fails.
 *
 * A test may add its own secrets: `(globalThis.__AWSSIG_TEST_SECRETS__ ??= []).push(value)`; they are
 * scanned for until the end of that test. Errors are scanned by message, `String(error)` and their own
 * fields, never `cause` (a provider's original error is kept for debugging and may quote its input).
 */
import { afterEach, beforeEach } from 'vitest'
import {
  describeFindings,
  errorText,
  findSecrets,
  type KnownSecret,
  type SecretFinding,
  WORKSPACE_TEST_SECRETS,
} from './integration/test/support/secret-scan'

interface SecretScanGlobals {
  __AWSSIG_ERROR_SINK__?: unknown[]
  __AWSSIG_TEST_SECRETS__?: string[]
}

const globals = globalThis as SecretScanGlobals
// One collector per worker: a worker that runs several test files evaluates this file once per file, and the
// console must be wrapped only once.
const STATE = Symbol.for('awssig.secretScan')
interface ScanState {
  errors: unknown[]
  logged: string[]
}
const holder = globalThis as { [STATE]?: ScanState }
const state: ScanState = holder[STATE] ?? installCollectors()

function installCollectors(): ScanState {
  const installed: ScanState = { errors: [], logged: [] }
  holder[STATE] = installed
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    const original = console[method].bind(console)
    console[method] = (...args: unknown[]) => {
      installed.logged.push(args.map((arg) => (typeof arg === 'string' ? arg : errorText(arg))).join(' '))
      original(...args)
    }
  }
  return installed
}
globals.__AWSSIG_ERROR_SINK__ = state.errors

beforeEach(() => {
  globals.__AWSSIG_ERROR_SINK__ = state.errors
  globals.__AWSSIG_TEST_SECRETS__ = []
})

afterEach(() => {
  const secrets: KnownSecret[] = [
    ...WORKSPACE_TEST_SECRETS,
    ...(globals.__AWSSIG_TEST_SECRETS__ ?? []).map((value) => ({
      label: 'a secret this test registered',
      value,
    })),
  ]
  const findings: SecretFinding[] = []
  // Errors and logs from a file's beforeAll are counted with its first test.
  state.errors.forEach((error, index) => {
    const name = (error as { name?: unknown }).name
    findings.push(...findSecrets(errorText(error), secrets, `awssig error #${index} (${String(name)})`))
  })
  state.logged.forEach((line, index) => {
    findings.push(...findSecrets(line, secrets, `console output #${index}`))
  })
  state.errors.length = 0
  state.logged.length = 0
  if (findings.length > 0) {
    throw new Error(
      `A secret key or session token appeared in what this test produced:\n${describeFindings(findings)}`,
    )
  }
})
