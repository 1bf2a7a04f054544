import type { PlanDraft } from './types'

/** Sets the payload flags of a plan: S3 path rules, `x-amz-content-sha256`, `UNSIGNED-PAYLOAD`. */
export function applyPayloadFlags(
  plan: PlanDraft,
  s3: boolean,
  contentSha256: boolean,
  unsignedPayload: boolean,
): void {
  if (s3) plan.s3 = true
  if (s3 || contentSha256) plan.contentSha256 = true
  if (unsignedPayload) plan.unsignedPayload = true
}

/** The scope a plan signs for, as explanations state it (a fact production builds keep). */
export function describeScope(plan: {
  algorithm: string
  service: string
  region?: string | undefined
  regionSet?: string[] | undefined
}): string {
  return plan.algorithm === 'sigv4a'
    ? `SigV4A for service ${plan.service}, region set ${(plan.regionSet ?? ['*']).join(',')}`
    : `SigV4 for service ${plan.service} in ${plan.region ?? '?'}`
}
