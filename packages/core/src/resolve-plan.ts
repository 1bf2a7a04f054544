import { inferAwsHost, looksLikeAwsHost } from './aws-hosts'
import type { AwsHostInference } from './aws-hosts/types'
import type { CompiledRule } from './rules/compile-rules'
import { awsWrongRegionMessage } from './rules/compile-rules'
import type { NormalizedHost } from './rules/host-pattern'
import { CONTENT_SHA256_SERVICES, S3_FAMILY_SERVICES } from './rules/s3-family'
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
  if (awsHosts === false) {
    return none(
      __DEV__
        ? `${prefix}AWS host inference is off (awsHosts: false), so ${display} is sent unsigned.`.trim()
        : `${prefix}${display}: awsHosts is false`,
    )
  }
  // Issue 13 (clear text): refusing http: for inference is ready but waits for the adapters' and CLI's test
  // harnesses, which reach loopback servers with http: URLs to AWS hostnames (see the issue note).
  if (clearText && CLEAR_TEXT_NEEDS_RULE) {
    return none(
      __DEV__
        ? `${prefix}${protocol} URLs are signed only for a host a rule names: AWS host inference claims https: and wss: only, so the signature and session token never travel in clear text.`
        : `${prefix}${display}: ${protocol}`,
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
  if (inferred.customerCode && awsHosts !== 'all') {
    return none(
      __DEV__
        ? `${prefix}${host.hostname} is an AWS host that runs customer code (${inferred.service}); it is signed only when a rule names it or awsHosts is 'all', so credentials never reach a third-party API hosted on AWS.`
        : `${prefix}${host.hostname}: customer code (${inferred.service}), signed only by a rule or awsHosts: 'all'`,
    )
  }
  if (inferred.declined !== undefined) return none(`${prefix}${inferred.declined}`)
  const plan = planFromInference(inferred, display)
  return { explanation: { plan, reason: plan.reason, warnings: [...plan.warnings] } }
}

const CLEAR_TEXT_NEEDS_RULE = false
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

/** A plan, or a sentence saying why this matching rule cannot produce one (the next rule is tried). */
function planFromRule(
  rule: CompiledRule,
  inferred: AwsHostInference | null,
  display: string,
): SigningPlan | string {
  const label = `rules[${rule.index}] (${rule.matcher.source})`
  if (rule.payloadHashOnly) {
    return {
      service: '',
      algorithm: 'sigv4',
      source: 'rule',
      ruleIndex: rule.index,
      reason: __DEV__
        ? `${label} matches ${display} → x-amz-content-sha256 only (nothing signed, no credentials).`
        : `${label}: payload hash only`,
      warnings: [],
      payloadHashOnly: true,
    }
  }
  const service = rule.service ?? inferred?.service
  if (!service) {
    return __DEV__
      ? `${label} matches ${display} but names no service, and ${display} is not an AWS hostname awssig understands.`
      : `${label}: no service for ${display}.`
  }
  const algorithm = rule.algorithm ?? (rule.region === undefined ? inferred?.algorithm : undefined) ?? 'sigv4'
  const plan: PlanDraft = {
    service,
    algorithm,
    source: 'rule',
    ruleIndex: rule.index,
    reason: '',
    warnings: [],
    regionCertain:
      rule.region !== undefined || rule.regionSet !== undefined || (inferred?.regionCertain ?? true),
  }
  if (algorithm === 'sigv4a') {
    plan.regionSet = [...(rule.regionSet ?? inferred?.regionSet ?? ['*'])]
  } else {
    const region = rule.region ?? inferred?.region
    if (!region) {
      return __DEV__
        ? `${label} matches ${display} but names no region, and the hostname does not name one.`
        : `${label}: no region for ${display}.`
    }
    plan.region = region
    if (rule.region && inferred?.hostRegion && inferred.hostRegion !== rule.region) {
      plan.warnings.push(
        __DEV__
          ? `${label} signs ${display} for ${rule.region}, but the hostname names ${inferred.hostRegion}; AWS would answer "${awsWrongRegionMessage(rule.region)}"`
          : `${label}: region ${rule.region}, hostname ${inferred.hostRegion}`,
      )
    }
  }
  if (rule.service && inferred && inferred.service !== rule.service && !inferred.customerCode) {
    plan.warnings.push(
      __DEV__
        ? `${label} signs ${display} as service '${rule.service}', but AWS's hostname conventions say '${inferred.service}'.`
        : `${label}: service ${rule.service}, hostname ${inferred.service}`,
    )
  }
  const inferredApplies =
    inferred !== null && (rule.service === undefined || rule.service === inferred.service)
  const s3 = inferredApplies ? inferred.s3 : S3_FAMILY_SERVICES.has(service)
  const contentSha256 = CONTENT_SHA256_SERVICES.has(service) || (inferredApplies && inferred.contentSha256)
  // UNSIGNED-PAYLOAD: where the service requires it (from the host), or where the rule asks and S3 takes it.
  const required = inferredApplies && inferred.unsignedPayload
  if (rule.unsignedPayload && !s3 && !required) {
    plan.warnings.push(
      __DEV__
        ? `${label}: unsignedPayload ignored, '${service}' is not an S3-family service.`
        : `${label}: unsignedPayload ignored`,
    )
  }
  applyPayloadFlags(plan, s3, contentSha256, required || (rule.unsignedPayload && s3))
  if (rule.replaceBearer) plan.replaceBearer = true
  const from =
    rule.service && (rule.region || rule.regionSet)
      ? ''
      : inferred
        ? __DEV__
          ? ` (completed by AWS host inference: ${inferred.reason})`
          : ' (+ AWS host inference)'
        : ''
  // Production builds leave it to plan.replaceBearer.
  const bearer = __DEV__ && rule.replaceBearer ? '; a Bearer Authorization is replaced by the signature' : ''
  plan.reason = `${label} matches ${display}${from} → ${describeScope(plan)}${bearer}.`
  return plan as SigningPlan
}

function applyPayloadFlags(
  plan: PlanDraft,
  s3: boolean,
  contentSha256: boolean,
  unsignedPayload: boolean,
): void {
  if (s3) plan.s3 = true
  if (s3 || contentSha256) plan.contentSha256 = true
  if (unsignedPayload) plan.unsignedPayload = true
}

function describeScope(plan: {
  algorithm: string
  service: string
  region?: string | undefined
  regionSet?: string[] | undefined
}): string {
  return plan.algorithm === 'sigv4a'
    ? `SigV4A for service ${plan.service}, region set ${(plan.regionSet ?? ['*']).join(',')}`
    : `SigV4 for service ${plan.service} in ${plan.region ?? '?'}`
}
