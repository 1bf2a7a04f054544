import type { AwsHostInference } from './aws-hosts/types'
import { applyPayloadFlags, describeScope } from './plan-facts'
import type { CompiledRule } from './rules/compile-rules'
import { awsWrongRegionMessage } from './rules/compile-rules'
import { CONTENT_SHA256_SERVICES, S3_FAMILY_SERVICES } from './rules/s3-family'
import type { PlanDraft, SigningPlan } from './types'

/** A plan, or a sentence saying why this matching rule cannot produce one (the next rule is tried). */
export function planFromRule(
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
  applyRulePayload(plan, rule, inferred, label)
  if (rule.replaceBearer) plan.replaceBearer = true
  if (inferred?.apiChosenByHeader && rule.apiIds) plan.apiIds = rule.apiIds
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

/**
 * The payload flags of a rule's plan: from the host when inference describes the same service, else from the
 * service; `UNSIGNED-PAYLOAD` where the host requires it, or where the rule asks and S3 takes it.
 */
function applyRulePayload(
  plan: PlanDraft,
  rule: CompiledRule,
  inferred: AwsHostInference | null,
  label: string,
): void {
  const service = plan.service
  const inferredApplies =
    inferred !== null && (rule.service === undefined || rule.service === inferred.service)
  const s3 = inferredApplies ? inferred.s3 : S3_FAMILY_SERVICES.has(service)
  const contentSha256 = CONTENT_SHA256_SERVICES.has(service) || (inferredApplies && inferred.contentSha256)
  const required = inferredApplies && inferred.unsignedPayload
  if (rule.unsignedPayload && !s3 && !required) {
    plan.warnings.push(
      __DEV__
        ? `${label}: unsignedPayload ignored, '${service}' is not an S3-family service.`
        : `${label}: unsignedPayload ignored`,
    )
  }
  applyPayloadFlags(plan, s3, contentSha256, required || (rule.unsignedPayload && s3))
}
