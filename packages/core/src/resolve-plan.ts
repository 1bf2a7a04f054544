import type { AwsHostPlanning } from './aws-host-planning'
import { looksLikeAwsHost } from './aws-hosts/looks-like-aws-host'
import type { AwsHostInference } from './aws-hosts/types'
import { planFromRule } from './plan-from-rule'
import type { CompiledRule } from './rules/compile-rules'
import type { NormalizedHost } from './rules/host-pattern'
import type { AwsHostsMode, Explanation } from './types'

/** A plan plus the rule that produced it (for per-rule credentials). */
export interface ResolvedPlan {
  explanation: Explanation
  rule?: CompiledRule
}

/**
 * Decides how to sign for one host: the first matching rule wins, AWS host inference applies only when no
 * rule matches, and customer-code hosts need a rule or `awsHosts: 'all'`. Never guesses a region.
 * `aws` is what planning a host under an AWS domain needs (loaded on demand: aws-host-planning.ts); it may
 * be undefined for any other host, for which inference says nothing.
 */
export function resolvePlan(
  host: NormalizedHost,
  rules: readonly CompiledRule[],
  awsHosts: AwsHostsMode,
  protocol: string,
  aws: AwsHostPlanning | undefined,
): ResolvedPlan {
  const display = host.port === undefined ? host.hostname : `${host.hostname}:${host.port}`
  // Only web schemes carry a signature, and never to a malformed host (`iam.amazonaws.com..`).
  if (!WEB_SCHEMES.has(protocol) || host.hostname.endsWith('.')) {
    return none(
      __DEV__
        ? `${protocol}//${host.hostname} is not signed: awssig signs https: and wss: URLs (http: and ws: only for a host a rule names) with a well-formed host.`
        : `${protocol}//${host.hostname}`,
    )
  }
  const clearText = protocol === 'http:' || protocol === 'ws:'
  const skipped: string[] = []
  let inference: AwsHostInference | null | undefined
  const infer = () => {
    // Inference never claims a host outside AWS's domains: such hosts need no inference loaded.
    if (inference === undefined)
      inference = aws && looksLikeAwsHost(host.hostname) ? aws.inferAwsHost(host.hostname) : null
    return inference
  }

  for (const rule of rules) {
    if (!rule.matcher.matches(host)) continue
    const inferred = infer()
    // Only a host inference knows can run customer code; the refusal's code loads with inference.
    const refusal =
      inferred &&
      aws?.customerCodeRefusal(rule, inferred, `rules[${rule.index}] (${rule.matcher.source})`, display)
    if (refusal) {
      skipped.push(refusal)
      continue
    }
    const plan = planFromRule(rule, inferred, display)
    if (typeof plan === 'string') {
      skipped.push(plan)
      continue
    }
    if (clearText && !isLoopback(host.hostname)) {
      plan.warnings.push(
        __DEV__
          ? `${protocol} sends the signature and any session token in clear text; signed only because rules[${rule.index}] names ${display}.`
          : `${display}: ${protocol}`,
      )
    }
    return { explanation: { plan, reason: plan.reason, warnings: [...plan.warnings] }, rule }
  }

  // Production builds keep each decision and its facts, without the prose (src/build-flags.d.ts).
  const prefix =
    skipped.length > 0
      ? `${skipped.join(' ')} `
      : rules.length > 0 && __DEV__
        ? `No rule matches ${display}. `
        : ''
  return planByInference(host, display, prefix, awsHosts, clearText ? protocol : undefined, infer, aws)
}

/**
 * The plan AWS host inference gives when no rule claimed the host: never for clear text, customer code only
 * with `awsHosts: 'all'`, an API Gateway VPC endpoint never. `prefix` says why the rules did not claim it.
 * What only a host inference knows needs is decided in the lazily loaded aws-host-planning.ts.
 */
function planByInference(
  host: NormalizedHost,
  display: string,
  prefix: string,
  awsHosts: AwsHostsMode,
  clearTextProtocol: string | undefined,
  infer: () => AwsHostInference | null,
  aws: AwsHostPlanning | undefined,
): ResolvedPlan {
  if (awsHosts === false) {
    return none(
      __DEV__
        ? `${prefix}AWS host inference is off (awsHosts: false), so ${display} is sent unsigned.`.trim()
        : `${prefix}${display}: awsHosts is false`,
    )
  }
  // Clear text: inference never consents to http:/ws: (a rule naming the host is the consent: emulators, tests).
  if (clearTextProtocol) {
    return none(
      __DEV__
        ? `${prefix}${clearTextProtocol} URLs are signed only for a host a rule names: AWS host inference claims https: and wss: only, so the signature and session token never travel in clear text.`
        : `${prefix}${display}: ${clearTextProtocol}`,
    )
  }
  const inferred = infer()
  if (!inferred || !aws) {
    const why = !__DEV__
      ? `${host.hostname}: not an AWS hostname awssig knows`
      : looksLikeAwsHost(host.hostname)
        ? `${host.hostname} is under an AWS domain but is not a hostname awssig recognises; add a rule with service and region.`
        : `${host.hostname} is not an AWS hostname.`
    return none(`${prefix}${why}`)
  }
  const decided = aws.planFromInferred(inferred, host.hostname, display, prefix, awsHosts)
  return typeof decided === 'string'
    ? none(decided)
    : { explanation: { plan: decided, reason: decided.reason, warnings: [...decided.warnings] } }
}

const WEB_SCHEMES = new Set(['https:', 'wss:', 'http:', 'ws:'])

/** Loopback hosts: clear text to them never leaves the machine. */
const isLoopback = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname)

function none(reason: string): ResolvedPlan {
  return { explanation: { plan: null, reason, warnings: [] } }
}
