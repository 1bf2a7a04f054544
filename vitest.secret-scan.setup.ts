/**
 * Issues 7 and 13, "Secrets": a net under every package's tests. Each awssig error created during a test
 * (observed below, where `AwsSigError` calls its parent constructor), each signer `createSigner` returned
 * (vitest.shared.ts wraps it, as tests load core's source, to push into `globalThis.__AWSSIG_SIGNER_SINK__`)
 * and everything the test writes through `console.*` is scanned after the test for the workspace's test
 * secret keys and session tokens; a test whose errors, signers or logs hold one fails.
 *
 * A test may add its own secrets: `(globalThis.__AWSSIG_TEST_SECRETS__ ??= []).push(value)`; they are
 * scanned for until the end of that test. Errors are scanned by message, `String(error)`, their own fields,
 * and as `util.inspect` prints them (`console.error(err)`), `cause` chain included: core replaces a
 * provider's error by a redacted stand-in. Signers are scanned as `util.inspect` and `JSON.stringify` print
 * them (`console.log(signer)`, a signer serialized into a log line).
 */
import { inspect } from 'node:util'
import { afterEach, beforeEach } from 'vitest'
// The same module instance the tests load: vitest.shared.ts aliases @awssig/core to these sources.
import { AwsSigError } from './packages/core/src/errors'
import {
  describeFindings,
  errorText,
  findSecrets,
  type KnownSecret,
  type SecretFinding,
  safeJson,
  WORKSPACE_TEST_SECRETS,
} from './packages/test-utils/src/secret-scan'

interface SecretScanGlobals {
  __AWSSIG_SIGNER_SINK__?: unknown[]
  __AWSSIG_TEST_SECRETS__?: string[]
}

const globals = globalThis as SecretScanGlobals
// One collector per worker: a worker that runs several test files evaluates this file once per file, and the
// console must be wrapped only once.
const STATE = Symbol.for('awssig.secretScan')
interface ScanState {
  errors: unknown[]
  signers: unknown[]
  logged: string[]
}
const holder = globalThis as { [STATE]?: ScanState }
const state: ScanState = holder[STATE] ?? installCollectors()

function installCollectors(): ScanState {
  const installed: ScanState = { errors: [], signers: [], logged: [] }
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
state.signers ??= []
globals.__AWSSIG_SIGNER_SINK__ = state.signers
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
  globals.__AWSSIG_SIGNER_SINK__ = state.signers
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
    const where = `awssig error #${index} (${String(name)})`
    findings.push(...findSecrets(errorText(error), secrets, where))
    findings.push(...findSecrets(printed(error), secrets, `${where} as util.inspect prints it`))
  })
  state.signers.forEach((signer, index) => {
    // Functions are printed by name only: a provider given as `vi.fn` records its results (the secrets it
    // returned) on itself, which is the mock's memory, not something the signer exposes.
    const data = withOpaqueFunctions(signer)
    findings.push(...findSecrets(printed(data), secrets, `signer #${index} as util.inspect prints it`))
    findings.push(...findSecrets(safeJson(signer), secrets, `signer #${index} as JSON.stringify writes it`))
  })
  state.logged.forEach((line, index) => {
    findings.push(...findSecrets(line, secrets, `console output #${index}`))
  })
  state.errors.length = 0
  state.signers.length = 0
  state.logged.length = 0
  if (findings.length > 0) {
    throw new Error(
      `A secret key or session token appeared in what this test produced:\n${describeFindings(findings)}`,
    )
  }
})

/** What `console.log(value)` / `console.error(value)` print in Node: `cause` chains and own fields included. */
function printed(value: unknown): string {
  try {
    return inspect(value, { depth: 6, showHidden: false, getters: false })
  } catch {
    return ''
  }
}

/** A copy of `value`'s own enumerable data, every function replaced by its name (cycles cut). */
function withOpaqueFunctions(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'function') return `[Function ${value.name}]`
  if (typeof value !== 'object' || value === null) return value
  if (seen.has(value)) return '[Circular]'
  seen.add(value)
  if (Array.isArray(value)) return value.map((item) => withOpaqueFunctions(item, seen))
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    try {
      copy[key] = withOpaqueFunctions((value as Record<string, unknown>)[key], seen)
    } catch {
      copy[key] = '[getter threw]'
    }
  }
  return copy
}
