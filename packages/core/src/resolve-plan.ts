import { inferAwsHost, looksLikeAwsHost } from './aws-hosts'
import type { AwsHostInference } from './aws-hosts/types'
import { applyPayloadFlags, describeScope } from './plan-facts'
import { planFromRule } from './plan-from-rule'
import type { CompiledRule } from './rules/compile-rules'
import { customerCodeRefusal, vpceNeedsApiIds } from './rules/customer-code-claim'
import type { NormalizedHost } from './rules/host-pattern'
import type { AwsHostsMode, Explanation, PlanDraft, SigningPlan } from './types'

/** A plan plus the rule that produced it (for per-rule credentials). */
export interface ResolvedPlan {
  explanation: Explanation
  rule?: CompiledRule
}

/**
 * Decides how to sign for one host: the first matching rule wins, AWS host inference applies only when no
 * rule matches, and customer-code hosts need a rule or `awsHosts: 'all'`. Never guesses a region.
 */
export function resolvePlan(
  host: NormalizedHost,
  rules: readonly CompiledRule[],
  awsHosts: AwsHostsMode,
  protocol = 'https:',
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
    if (inference === undefined) inference = inferAwsHost(host.hostname)
    return inference
  }

  for (const rule of rules) {
    if (!rule.matcher.matches(host)) continue
    const refusal = customerCodeRefusal(
      rule,
      infer(),
      `rules[${rule.index}] (${rule.matcher.source})`,
      display,
    )
    if (refusal !== undefined) {
      skipped.push(refusal)
      continue
    }
    const plan = planFromRule(rule, infer(), display)
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
  return planByInference(host, display, prefix, awsHosts, clearText ? protocol : undefined, infer)
}

/**
 * The plan AWS host inference gives when no rule claimed the host: never for clear text, customer code only
 * with `awsHosts: 'all'`, an API Gateway VPC endpoint never. `prefix` says why the rules did not claim it.
 */
function planByInference(
  host: NormalizedHost,
  display: string,
  prefix: string,
  awsHosts: AwsHostsMode,
  clearTextProtocol: string | undefined,
  infer: () => AwsHostInference | null,
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
  if (!inferred) {
    const why = !__DEV__
      ? `${host.hostname}: not an AWS hostname awssig knows`
      : looksLikeAwsHost(host.hostname)
        ? `${host.hostname} is under an AWS domain but is not a hostname awssig recognises; add a rule with service and region.`
        : `${host.hostname} is not an AWS hostname.`
    return none(`${prefix}${why}`)
  }
  // Not even awsHosts: 'all' claims a VPC endpoint: the header, not the host, picks whose API it reaches.
  if (inferred.apiChosenByHeader) return none(`${prefix}${vpceNeedsApiIds(display)}`)
  if (inferred.customerCode && awsHosts !== 'all') {
    return none(
      __DEV__
        ? `${prefix}${host.hostname} is an AWS host that runs customer code (${inferred.service}); it is signed only when a rule names it (a wildcard rule with customerCode: true) or awsHosts is 'all', so credentials never reach a third-party API hosted on AWS.`
        : `${prefix}${host.hostname}: customer code (${inferred.service})`,
    )
  }
  if (inferred.declined !== undefined) return none(`${prefix}${inferred.declined}`)
  const plan = planFromInference(inferred, display)
  return { explanation: { plan, reason: plan.reason, warnings: [...plan.warnings] } }
}

const WEB_SCHEMES = new Set(['https:', 'wss:', 'http:', 'ws:'])

/** Loopback hosts: clear text to them never leaves the machine. */
const isLoopback = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname)

function none(reason: string): ResolvedPlan {
  return { explanation: { plan: null, reason, warnings: [] } }
}

function planFromInference(inferred: AwsHostInference, display: string): SigningPlan {
  const plan: PlanDraft = {
    service: inferred.service,
    algorithm: inferred.algorithm,
    source: 'aws',
    reason: __DEV__
      ? `AWS host inference: ${inferred.reason} → ${describeScope(inferred)}.`
      : `AWS host inference → ${describeScope(inferred)}`,
    warnings: [],
    regionCertain: inferred.regionCertain,
  }
  if (inferred.algorithm === 'sigv4a') plan.regionSet = [...(inferred.regionSet ?? ['*'])]
  else if (inferred.region) plan.region = inferred.region
  if (!inferred.regionCertain) {
    plan.warnings.push(
      __DEV__
        ? `${display}: the region ${inferred.region ?? ''} is a best guess; AWS may answer with the bucket's real region.`
        : `${display}: region ${inferred.region ?? ''} is a guess`,
    )
  }
  // The host, not the signing name, says whether S3's path rules apply (the S3 on Outposts control plane
  // signs as s3-outposts with ordinary rules).
  applyPayloadFlags(plan, inferred.s3, inferred.contentSha256, inferred.unsignedPayload)
  return plan as SigningPlan
}
