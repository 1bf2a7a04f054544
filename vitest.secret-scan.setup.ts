/**
 * Issue 7, "Secrets": a net under every package's tests. Each awssig error created during a test (observed
 * below, where `AwsSigError` calls its parent constructor) and everything the test writes through
 * `console.*` is scanned after the test for the workspace's test secret keys and session tokens; a test whose
 * errors or logs hold one fails.
 *
 * A test may add its own secrets: `(globalThis.__AWSSIG_TEST_SECRETS__ ??= []).push(value)`; they are
 * scanned for until the end of that test. Errors are scanned by message, `String(error)` and their own
 * fields, never `cause` (a provider's original error is kept for debugging and may quote its input).
 */
import { afterEach, beforeEach } from 'vitest'
// The same module instance the tests load: vitest.shared.ts aliases @awssig/core to these sources.
import { AwsSigError } from './packages/core/src/errors'
import {
  describeFindings,
  errorText,
  findSecrets,
  type KnownSecret,
  type SecretFinding,
  WORKSPACE_TEST_SECRETS,
} from './packages/test-utils/src/secret-scan'

interface SecretScanGlobals {
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
observeConstruction(AwsSigError, state.errors)

/**
 * Collects every instance of `base` and its subclasses, with no hook in the library: `base`'s constructor calls
 * `super(…)`, which constructs through `base`'s prototype (`Error`); a Proxy there sees each new error (as
 * created by `new InvalidRuleError(…)`, its own fields set right after, before the scan reads them).
 */
function observeConstruction(base: abstract new (...args: never[]) => Error, into: unknown[]): void {
  const OBSERVED = Symbol.for('awssig.secretScan.observed')
  const marked = base as unknown as { [OBSERVED]?: true }
  if (marked[OBSERVED]) return
  marked[OBSERVED] = true
  const parent = Object.getPrototypeOf(base) as new (...args: unknown[]) => Error
  const observed = new Proxy(parent, {
    construct(target, args, newTarget) {
      const error = Reflect.construct(target, args, newTarget) as Error
      into.push(error)
      return error
    },
  })
  Object.setPrototypeOf(base, observed)
}

beforeEach(() => {
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
