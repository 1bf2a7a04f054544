import type { AwsHostInference } from './aws-hosts/types'
import { applyPayloadFlags, describeScope } from './plan-facts'
import { vpceNeedsApiIds } from './rules/customer-code-claim'
import type { AwsHostsMode, PlanDraft, SigningPlan } from './types'

export { inferAwsHost } from './aws-hosts/infer-aws-host'
export { customerCodeRefusal } from './rules/customer-code-claim'
export { planForWebSocket } from './websocket-plan'

/**
 * What planning a host under an AWS domain needs beyond the rules: AWS host inference, the customer-code
 * policy, and the plan inference gives. One module, loaded on demand in browser builds
 * (signer/import-host-inference.ts), so an app that signs only for its own domains never downloads it.
 */
export type AwsHostPlanning = Pick<
  typeof import('./aws-host-planning'),
  'inferAwsHost' | 'customerCodeRefusal' | 'planFromInferred' | 'planForWebSocket'
>

/**
 * The plan for a host inference recognised and no rule claimed, or why there is none: an API Gateway VPC
 * endpoint never (the header, not the host, picks whose API it reaches), customer code only with
 * `awsHosts: 'all'`, and hosts inference declines. `prefix` says why the rules did not claim it.
 */
export function planFromInferred(
  inferred: AwsHostInference,
  hostname: string,
  display: string,
  prefix: string,
  awsHosts: AwsHostsMode,
): SigningPlan | string {
  if (inferred.apiChosenByHeader) return `${prefix}${vpceNeedsApiIds(display)}`
  if (inferred.customerCode && awsHosts !== 'all') {
    return __DEV__
      ? `${prefix}${hostname} is an AWS host that runs customer code (${inferred.service}); it is signed only when a rule names it (a wildcard rule with customerCode: true) or awsHosts is 'all', so credentials never reach a third-party API hosted on AWS.`
      : `${prefix}${hostname}: customer code (${inferred.service})`
  }
  if (inferred.declined !== undefined) return `${prefix}${inferred.declined}`
  return planFromInference(inferred, display)
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
