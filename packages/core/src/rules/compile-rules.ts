import type { AwsHostInference } from '../aws-hosts/types'
import { InvalidRuleError } from '../errors'
import type { CredentialsInput, SigningAlgorithm } from '../types'
import { checkRuleAgainstHost, needsHostInference } from './check-rule-against-host'
import { compileHostPattern, type HostMatcher } from './host-pattern'
import { firstFieldProblem, RULE_FIELD_CHECKS, type RuleInput } from './rule-field-checks'
import { EXAMPLE_RULE, invalidIn, RuleCode, ruleMessage } from './rule-messages'

export { isCredentialsInput } from './rule-field-checks'
export { awsWrongRegionMessage, CREDENTIALS_SHAPE, invalidIn } from './rule-messages'

/** A validated rule, ready to match. */
export interface CompiledRule {
  index: number
  matcher: HostMatcher
  service?: string
  region?: string
  algorithm?: SigningAlgorithm
  regionSet?: string[]
  credentials?: CredentialsInput
  unsignedPayload: boolean
  payloadHashOnly?: boolean
  replaceBearer: boolean
  /** A wildcard or RegExp host may claim customer-code hosts. */
  customerCode: boolean
  /** API Gateway VPC endpoints: the API IDs `x-apigw-api-id` may name (frozen). */
  apiIds?: readonly string[]
  /**
   * The rule as given, when its exact host is under an AWS domain: it is checked against what AWS host
   * inference says of that host once inference has loaded ({@link checkRulesAgainstInference}).
   */
  uncheckedAgainstHost?: RuleInput
}

/**
 * Validates every rule once, up front. Each problem throws `InvalidRuleError` naming the rule index, the
 * field, and (in development builds) the fix, so a typo fails at startup instead of as a 403 in production.
 */
export function compileRules(rules: unknown): CompiledRule[] {
  if (rules === undefined) return []
  if (!Array.isArray(rules)) {
    throw new InvalidRuleError(
      __DEV__ ? `options.rules must be an array of rules like ${EXAMPLE_RULE}.` : invalidIn('options.rules'),
      -1,
      'rules',
    )
  }
  // Array.from visits holes (as undefined), which map would skip and leave for a later crash.
  return Array.from(rules as unknown[], (rule, index) => compileRule(rule, index))
}

/**
 * Checks the rules whose exact AWS hostname could not be checked without AWS host inference (they were
 * compiled with `uncheckedAgainstHost`), now that it has loaded: throws `InvalidRuleError` for the first
 * rule that contradicts its host, as `createSigner` does for every other problem.
 */
export function checkRulesAgainstInference(
  rules: readonly CompiledRule[],
  infer: (host: string) => AwsHostInference | null,
): void {
  for (const { index, matcher, uncheckedAgainstHost: r } of rules) {
    if (r === undefined) continue
    const inference = infer(matcher.hostname as string)
    const problem = checkRuleAgainstHost(r, matcher, inference)
    if (problem) throw ruleError(index, r, problem[0], problem[1], inference)
  }
  for (const rule of rules) delete rule.uncheckedAgainstHost
}

/** The error for one rule problem. The prose is read only in development builds (rule-messages.ts). */
function ruleError(
  index: number,
  r: RuleInput,
  field: string,
  code: RuleCode,
  inference?: AwsHostInference | null,
): InvalidRuleError {
  const where = `rules[${index}].${field}`
  return new InvalidRuleError(
    __DEV__
      ? `${where}: ${ruleMessage(code, { value: r[field], rule: r, fields: Object.keys(RULE_FIELD_CHECKS), inference })}`
      : invalidIn(where),
    index,
    field,
  )
}

function compileRule(rule: unknown, index: number): CompiledRule {
  const fail = (field: string, code: RuleCode): never => {
    throw ruleError(index, r, field, code)
  }
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
    throw new InvalidRuleError(
      __DEV__ ? `rules[${index}] must be an object like ${EXAMPLE_RULE}.` : invalidIn(`rules[${index}]`),
      index,
      'rule',
    )
  }
  // Own properties only, on an object without a prototype: a polluted Object.prototype (`credentials`,
  // `service`, `region`) must never complete or sign a rule.
  const r: RuleInput = Object.assign(Object.create(null), rule)
  const unknown = Object.keys(r).find((key) => !Object.hasOwn(RULE_FIELD_CHECKS, key))
  if (unknown !== undefined) fail(unknown, RuleCode.unknownField)
  if (!('host' in r)) fail('host', RuleCode.hostRequired)
  const matcher = compileHostPattern(r.host)
  if (typeof matcher === 'number') fail('host', matcher)
  const compiledMatcher = matcher as HostMatcher

  const fieldProblem = firstFieldProblem(r)
  if (fieldProblem) fail(...fieldProblem)

  if (r.payloadHashOnly === true) {
    // Nothing is signed, so nothing about signing may be configured: a field here would be a mistake.
    const extra = Object.keys(r).find(
      (key) => key !== 'host' && key !== 'payloadHashOnly' && r[key] !== undefined,
    )
    if (extra) fail(extra, RuleCode.absentWithPayloadHashOnly)
    return {
      index,
      matcher: compiledMatcher,
      unsignedPayload: false,
      payloadHashOnly: true,
      replaceBearer: false,
      customerCode: false,
    }
  }

  // An exact AWS hostname is checked against inference once it has loaded; every other host here and now
  // (inference says nothing of hosts outside AWS's domains, nor of patterns).
  const deferred = needsHostInference(compiledMatcher)
  const hostProblem = deferred ? undefined : checkRuleAgainstHost(r, compiledMatcher, null)
  if (hostProblem) fail(...hostProblem)

  // Every field is validated above: absent ones stay undefined. Arrays are copied (inputs are never kept
  // where the caller could change them later); the API IDs are frozen, as plans share them.
  const compiled: CompiledRule = {
    index,
    matcher: compiledMatcher,
    unsignedPayload: r.unsignedPayload === true,
    replaceBearer: r.replaceBearer === true,
    customerCode: r.customerCode === true,
    service: r.service as string | undefined,
    region: r.region as string | undefined,
    algorithm: r.algorithm as SigningAlgorithm | undefined,
    regionSet: r.regionSet === undefined ? undefined : [...(r.regionSet as string[])],
    credentials: r.credentials as CredentialsInput | undefined,
  }
  if (r.apiIds !== undefined) compiled.apiIds = Object.freeze([...(r.apiIds as string[])])
  if (deferred) {
    // The fields the check reads, without the credentials: secrets are kept in one place only.
    const { credentials: _, ...fields } = r
    compiled.uncheckedAgainstHost = Object.assign(Object.create(null), fields)
  }
  return compiled
}
