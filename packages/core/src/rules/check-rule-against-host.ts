import { looksLikeAwsHost } from '../aws-hosts/looks-like-aws-host'
import type { AwsHostInference } from '../aws-hosts/types'
import type { HostMatcher } from './host-pattern'
import type { RuleInput, RuleProblem } from './rule-field-checks'
import { RuleCode } from './rule-messages'
import { S3_FAMILY_SERVICES } from './s3-family'

/**
 * True when checking this rule needs AWS host inference: its host is one exact hostname under an AWS domain.
 * Such rules are checked once inference has loaded (signer/plan-lookup.ts); every other rule at once.
 */
export function needsHostInference(matcher: HostMatcher): boolean {
  return matcher.kind === 'exact' && matcher.hostname !== undefined && looksLikeAwsHost(matcher.hostname)
}

/**
 * Checks a rule whose fields are each valid against what its host says: an exact AWS hostname names its
 * service and region (a rule may complete them, not contradict them), a wildcard outside AWS's domains can
 * supply neither, and fields that only make sense for some hosts (`unsignedPayload`, `apiIds`) are refused
 * elsewhere. Patterns are checked here only as far as the pattern itself tells; the rest at resolve time.
 * `inference` is what inference says of the rule's exact host (null for patterns and for hosts outside AWS's
 * domains, which inference never claims).
 */
export function checkRuleAgainstHost(
  r: RuleInput,
  matcher: HostMatcher,
  inference: AwsHostInference | null,
): RuleProblem | undefined {
  const { service, region, regionSet, algorithm } = r

  if (matcher.kind === 'exact') {
    if (service === undefined && !inference) return ['service', RuleCode.serviceUnknownHost]
    if (
      service === undefined &&
      region === undefined &&
      regionSet === undefined &&
      inference &&
      !inference.region &&
      !inference.regionSet
    ) {
      return ['region', RuleCode.regionNotInHost]
    }
    if (typeof region === 'string' && inference?.hostRegion && inference.hostRegion !== region) {
      return ['region', RuleCode.regionContradictsHost]
    }
    // The header, not the host, picks the API behind an API Gateway VPC endpoint: the rule must bound it.
    if (inference?.apiChosenByHeader && r.apiIds === undefined) return ['apiIds', RuleCode.apiIdsRequired]
    if (r.apiIds !== undefined && !inference?.apiChosenByHeader) return ['apiIds', RuleCode.apiIdsNotVpce]
  }
  // A wildcard over a domain AWS does not operate matches no hostname inference understands, so a missing
  // service or region could never be filled in: the rule would silently sign nothing.
  if (matcher.kind === 'suffix' && matcher.hostname && !looksLikeAwsHost(`x.${matcher.hostname}`)) {
    if (service === undefined) return ['service', RuleCode.serviceNotAwsDomain]
    if (region === undefined && algorithm !== 'sigv4a') return ['region', RuleCode.regionNotAwsDomain]
  }
  if (
    typeof service === 'string' &&
    region === undefined &&
    algorithm !== 'sigv4a' &&
    matcher.kind === 'exact' &&
    !inference?.region
  ) {
    return ['region', RuleCode.regionNotInHost]
  }
  if (r.unsignedPayload === true) {
    const effectiveService = typeof service === 'string' ? service : inference?.service
    if (effectiveService === undefined) {
      if (matcher.kind === 'exact') return ['unsignedPayload', RuleCode.unsignedPayloadNeedsService]
    } else if (!S3_FAMILY_SERVICES.has(effectiveService) && !inference?.unsignedPayload) {
      return ['unsignedPayload', RuleCode.unsignedPayloadNotS3]
    }
  }
  return undefined
}
