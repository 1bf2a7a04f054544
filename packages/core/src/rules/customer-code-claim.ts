import type { AwsHostInference } from '../aws-hosts/types'
import type { CompiledRule } from './compile-rules'

/**
 * Why a matching rule may not claim a host that runs customer code, or undefined when it may. An exact host
 * names one API (the user's own); a wildcard or RegExp over API or URL IDs spans every customer's, so it
 * claims them only with `customerCode: true`. An API Gateway VPC endpoint reaches whichever private API the
 * `x-apigw-api-id` header names, so only a rule bounding it with `apiIds` claims it.
 * The sentence is the explanation's (production builds keep the rule, host and field).
 */
export function customerCodeRefusal(
  rule: CompiledRule,
  inferred: AwsHostInference | null,
  label: string,
  display: string,
): string | undefined {
  if (!inferred?.customerCode) return undefined
  if (rule.matcher.kind !== 'exact' && !rule.customerCode) {
    return __DEV__
      ? `${label} matches ${display}, which runs customer code (${inferred.service}); a wildcard or RegExp spans every customer's hosts there, so it claims them only with customerCode: true (or name the host exactly).`
      : `${label}: ${display} customerCode`
  }
  if (inferred.apiChosenByHeader && rule.apiIds === undefined) return vpceNeedsApiIds(display, label)
  return undefined
}

/** Why an API Gateway VPC endpoint host gets no plan without a rule naming its API IDs. */
export function vpceNeedsApiIds(display: string, label?: string): string {
  return __DEV__
    ? `${label ? `${label} matches ${display}, but ` : ''}${display} is an API Gateway VPC endpoint: the x-apigw-api-id header picks any private API it may reach, so only a rule naming the allowed API IDs (apiIds: ['a1b2c3d4e5']) signs for it.`
    : `${label ? `${label}: ` : ''}${display}: apiIds`
}
