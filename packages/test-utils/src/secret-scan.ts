/**
 * Scans text produced by the tests (error messages, `explain` output, CLI output) for credential secrets.
 * Also used by the repo-wide vitest setup file `vitest.secret-scan.setup.ts`, so it imports nothing but
 * Web APIs and works in every package's test run.
 */

/** A secret to look for, with a label the failure message shows instead of the value. */
export interface KnownSecret {
  label: string
  value: string
}

/**
 * The secret keys and session tokens the workspace's test suites use (collected by grepping the test
 * sources for `secretAccessKey:` / `sessionToken:`). Only values distinctive enough that no honest message
 * contains them by chance: `'x'`, `'stolen'` or `'wrong'` are left out to avoid false alarms.
 */
export const WORKSPACE_TEST_SECRETS: readonly KnownSecret[] = [
  { label: 'shared test secret key', value: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
  { label: 'shared test secret key (variant)', value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  { label: 'other test secret key', value: 'other/K7MDENG+bPxRfiCYOTHERSECRETKEY00' },
  { label: 'temporary secret key', value: 'temporary-secret' },
  { label: 'session token session-token-example', value: 'session-token-example' },
  { label: 'session token tok-secret-123', value: 'tok-secret-123' },
  { label: 'session token another-token', value: 'another-token' },
]

/** Where a secret was found: which secret, in which encoding, and where. Never the secret itself. */
export interface SecretFinding {
  label: string
  /** `raw`, `uri` (percent-encoded, as in a query string) or `json` (escaped as in a JSON string). */
  form: 'raw' | 'uri' | 'json'
  /** Name of the scanned text (a test's own label). */
  source: string
  index: number
}

/**
 * The forms a secret takes when copied into a URL (presigned query strings, canonical queries) or a JSON
 * document, besides the raw value. A secret key holds `/` and `+`, which both encodings change.
 */
function formsOf(value: string): Array<[SecretFinding['form'], string]> {
  const forms: Array<[SecretFinding['form'], string]> = [['raw', value]]
  const uri = encodeURIComponent(value)
  if (uri !== value) forms.push(['uri', uri])
  const json = JSON.stringify(value).slice(1, -1)
  if (json !== value) forms.push(['json', json])
  return forms
}

/** Every occurrence of any of `secrets` (in any form) in `text`; empty when the text is clean. */
export function findSecrets(text: string, secrets: readonly KnownSecret[], source = 'text'): SecretFinding[] {
  const findings: SecretFinding[] = []
  for (const secret of secrets) {
    if (secret.value === '') continue
    for (const [form, needle] of formsOf(secret.value)) {
      // URL encoders differ in case (%2f / %2F): compare case-insensitively for the encoded forms.
      const haystack = form === 'uri' ? text.toLowerCase() : text
      const index = haystack.indexOf(form === 'uri' ? needle.toLowerCase() : needle)
      if (index !== -1) findings.push({ label: secret.label, form, source, index })
    }
  }
  return findings
}

/** One line per finding, for an assertion message: labels and positions, never the secret. */
export function describeFindings(findings: readonly SecretFinding[]): string {
  return findings.map((f) => `${f.label} (${f.form}) in ${f.source} at index ${f.index}`).join('\n')
}

const AWSSIG_BRAND = Symbol.for('awssig.error')

/**
 * The text an error shows to whoever logs it: `name: message`, `String(error)`, and for awssig errors
 * the JSON of its own enumerable fields (`url`, `method`, `ruleIndex`, …). `cause` is left out on purpose:
 * it is the third party's original error, kept for debugging, and a provider's own error may quote what it
 * was given. Third-party errors (axios, ky) are scanned by message only: their own fields hold the request
 * config (signed headers included) by design.
 */
export function errorText(error: unknown): string {
  if (!(error instanceof Error) && (typeof error !== 'object' || error === null)) return String(error)
  const record = error as Error & Record<string | symbol, unknown>
  const parts = [`${String(record.name)}: ${String(record.message)}`, safeString(error)]
  if (record[AWSSIG_BRAND] === true) {
    const own: Record<string, unknown> = {}
    for (const key of Object.keys(record)) if (key !== 'cause') own[key] = record[key]
    parts.push(safeJson(own))
  }
  return parts.join('\n')
}

function safeString(value: unknown): string {
  try {
    return String(value)
  } catch {
    return ''
  }
}

/** What a log line gets when `value` is serialized; '' when it cannot be (a cycle, a throwing `toJSON`). */
export function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? ''
  } catch {
    return ''
  }
}

/**
 * Adds secrets for the global net (`vitest.secret-scan.setup.ts`) to scan for until the end of the current
 * test. Call it from a `beforeEach` (the net resets the list before every test).
 */
export function registerTestSecrets(...values: string[]): void {
  const globals = globalThis as { __AWSSIG_TEST_SECRETS__?: string[] }
  globals.__AWSSIG_TEST_SECRETS__ ??= []
  globals.__AWSSIG_TEST_SECRETS__.push(...values)
}
