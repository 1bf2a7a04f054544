import type { ResolvedSignerOptions } from '../create-signer'
import { InvalidRuleError } from '../errors'
import { CREDENTIALS_SHAPE, invalidIn, isCredentialsInput } from '../rules/compile-rules'
import { TOKEN } from '../signing/checked-request'
import type { SignerOptions } from '../types'

type OptionCheck = readonly [isValid: (value: never) => boolean, mustBe: string]

/**
 * Every option, with its check and what the message says it must be (`rules` are checked by compileRules).
 * Its keys are the option names an unknown-option message lists.
 */
const OPTION_CHECKS: Record<keyof SignerOptions, OptionCheck> = {
  credentials: [isCredentialsInput, __DEV__ ? CREDENTIALS_SHAPE : ''],
  rules: [() => true, ''],
  awsHosts: [
    (v: unknown) => v === true || v === false || v === 'all',
    __DEV__ ? "must be true, false or 'all'" : '',
  ],
  unmatched: [(v: unknown) => v === 'pass' || v === 'error', __DEV__ ? "must be 'pass' or 'error'" : ''],
  now: [(v: unknown) => typeof v === 'function', __DEV__ ? 'must be a function returning a Date' : ''],
  maxBodyBytes: [
    (v: number) => Number.isSafeInteger(v) && v >= 0,
    __DEV__ ? 'must be a non-negative integer' : '',
  ],
  refreshBeforeExpiryMs: [
    (v: number) => Number.isFinite(v) && v >= 0,
    __DEV__ ? 'must be a non-negative number of milliseconds' : '',
  ],
  signedHeaders: [
    (v: unknown) =>
      v === 'all' ||
      v === 'default' ||
      (Array.isArray(v) && v.every((h) => typeof h === 'string' && TOKEN.test(h))),
    __DEV__ ? "must be 'default', 'all' or an array of header names" : '',
  ],
  regionCacheSize: [
    (v: number) => Number.isSafeInteger(v) && v >= 1,
    __DEV__ ? 'must be a positive integer (the most buckets whose region is remembered)' : '',
  ],
}

/**
 * The options with every default filled in, or `InvalidRuleError` naming the option (rule index -1) and what
 * it must be. Fixed credentials in the result are redacted: it is what `signer.options` shows.
 */
export function validateOptions(options: SignerOptions): ResolvedSignerOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    const message = __DEV__ ? 'createSigner(options): options must be an object.' : invalidIn('options')
    throw new InvalidRuleError(message, -1, 'options')
  }
  const resolved: Record<string, unknown> = {
    awsHosts: true,
    unmatched: 'pass',
    now: () => new Date(),
    maxBodyBytes: 64 * 1024 * 1024,
    refreshBeforeExpiryMs: 300_000,
    signedHeaders: 'default',
    regionCacheSize: 256,
  }
  for (const [key, value] of Object.entries(options)) {
    const check: OptionCheck | undefined = Object.hasOwn(OPTION_CHECKS, key)
      ? OPTION_CHECKS[key as keyof SignerOptions]
      : undefined
    const problem = !check
      ? __DEV__
        ? `unknown option; options are ${Object.keys(OPTION_CHECKS).join(', ')}`
        : ''
      : value !== undefined && !check[0](value as never) && check[1]
    // A string (empty in production builds) says what is wrong; false means nothing is.
    if (problem !== false) {
      const message = __DEV__ ? `options.${key}: ${problem}` : invalidIn(`options.${key}`)
      throw new InvalidRuleError(message, -1, key)
    }
    if (value !== undefined) resolved[key] = value
  }
  const { signedHeaders, rules } = resolved
  // Header names are compared in lower case; the rules array is copied (compileRules validates its rules).
  if (Array.isArray(signedHeaders)) resolved.signedHeaders = signedHeaders.map((h: string) => h.toLowerCase())
  // `options` is for reading the configuration: fixed credentials in it (and in its rules) are shown
  // redacted, so logging or serializing the signer never prints a secret. Signing uses the caller's own.
  resolved.credentials = redacted(resolved.credentials)
  resolved.rules = Array.isArray(rules)
    ? rules.map((rule: unknown) =>
        typeof rule === 'object' && rule !== null && 'credentials' in rule
          ? { ...rule, credentials: redacted(rule.credentials) }
          : rule,
      )
    : []
  return resolved as unknown as ResolvedSignerOptions
}

/** Fixed credentials with the secret key and token replaced; providers and anything else as they are. */
function redacted(credentials: unknown): unknown {
  if (typeof credentials !== 'object' || credentials === null) return credentials
  const copy: Record<string, unknown> = { ...credentials, secretAccessKey: '[redacted]' }
  if (copy.sessionToken !== undefined) copy.sessionToken = '[redacted]'
  return copy
}
