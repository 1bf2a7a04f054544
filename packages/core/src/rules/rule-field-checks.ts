import { isValidRegion } from '../aws-hosts/regions'
import type { SigningRule } from '../types'

/** Every field of any rule shape (`keyof` a union names only the fields all its members share). */
type RuleField = SigningRule extends infer Rule ? (Rule extends unknown ? keyof Rule : never) : never

import { API_ID, REGION_SET_ENTRY, SERVICE_PATTERN } from './patterns'
import { RuleCode } from './rule-messages'

/** What is wrong with a rule: the field and the message code. */
export type RuleProblem = readonly [field: string, code: RuleCode]

/** A rule as read: own properties only, on an object without a prototype. */
export type RuleInput = Record<string, unknown>

/** One field's check: the problem's code, or undefined when the value is fine. */
type FieldCheck = (value: unknown, rule: RuleInput) => RuleCode | undefined

const boolean: FieldCheck = (value) => (typeof value === 'boolean' ? undefined : RuleCode.boolean)

/**
 * Every rule field with the check of its value on its own, in the order problems are reported. `host` is
 * compiled separately (host-pattern.ts); checks against the hostname follow in check-rule-against-host.ts.
 * Absent fields (`undefined`) are not checked.
 */
export const RULE_FIELD_CHECKS: Record<RuleField, FieldCheck> = {
  host: () => undefined,
  algorithm: (value) => (value === 'sigv4' || value === 'sigv4a' ? undefined : RuleCode.algorithm),
  service: (value) =>
    typeof value !== 'string' || value.trim() === ''
      ? RuleCode.serviceEmpty
      : SERVICE_PATTERN.test(value)
        ? undefined
        : RuleCode.serviceName,
  region: (value, rule) =>
    rule.algorithm === 'sigv4a'
      ? RuleCode.regionWithSigV4a
      : typeof value === 'string' && isValidRegion(value)
        ? undefined
        : RuleCode.regionName,
  regionSet: (value, rule) =>
    rule.algorithm !== 'sigv4a'
      ? RuleCode.regionSetWithoutSigV4a
      : !Array.isArray(value) || value.length === 0
        ? RuleCode.regionSetEmpty
        : // `every` skips holes, which are not entries either.
          value.length === Object.keys(value).length &&
            value.every((entry) => typeof entry === 'string' && REGION_SET_ENTRY.test(entry))
          ? undefined
          : RuleCode.regionSetEntry,
  credentials: (value) => (isCredentialsInput(value) ? undefined : RuleCode.credentials),
  unsignedPayload: boolean,
  replaceBearer: boolean,
  payloadHashOnly: boolean,
  customerCode: boolean,
  apiIds: (value) =>
    Array.isArray(value) &&
    value.length > 0 &&
    value.length === Object.keys(value).length &&
    value.every((id) => typeof id === 'string' && API_ID.test(id))
      ? undefined
      : RuleCode.apiIds,
}

/** The first field of `rule` whose value fails its own check, if any. */
export function firstFieldProblem(rule: RuleInput): RuleProblem | undefined {
  for (const [field, check] of Object.entries(RULE_FIELD_CHECKS) as [string, FieldCheck][]) {
    const value = rule[field]
    const code = value === undefined ? undefined : check(value, rule)
    if (code !== undefined) return [field, code]
  }
  return undefined
}

/**
 * Visible ASCII only: the key id and the session token travel in a header or a query, where a line break, a
 * NUL or a character above U+00FF cannot go (Headers would throw a TypeError quoting the whole value).
 * Checked again, the same way, for what a provider returns (credentials/provider-source.ts).
 */
const HEADER_SAFE = /^[\x21-\x7e]*$/

/**
 * Whether `value` is credentials as a rule or the signer options accept them: a provider function, or
 * `{ accessKeyId, secretAccessKey, sessionToken? }` with non-empty strings (key id and token in visible ASCII).
 */
export function isCredentialsInput(value: unknown): boolean {
  if (typeof value === 'function') return true
  if (typeof value !== 'object' || value === null) return false
  const { accessKeyId, secretAccessKey, sessionToken } = value as Record<string, unknown>
  return (
    typeof accessKeyId === 'string' &&
    accessKeyId !== '' &&
    HEADER_SAFE.test(accessKeyId) &&
    typeof secretAccessKey === 'string' &&
    secretAccessKey !== '' &&
    (sessionToken === undefined || (typeof sessionToken === 'string' && HEADER_SAFE.test(sessionToken)))
  )
}
