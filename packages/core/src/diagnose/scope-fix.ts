import { inferAwsHost } from '../aws-hosts/infer-aws-host'
import type { SigningPlan } from '../types'
import type { Classification } from './classify-aws-error'

/** What the fix sentence is written from. Holds no credentials, so the sentence cannot leak any. */
export interface ScopeFixInput {
  classification: Classification
  plan: SigningPlan | null
  /** False when the caller did not say how the request was signed. */
  planKnown: boolean
  url: URL | undefined
  method: string | undefined
  serverTime: Date | undefined
  requestTime: Date | undefined
}

/** One sentence naming the likely fix for a classified AWS answer. */
export function scopeFix(input: ScopeFixInput): string {
  const { classification, plan } = input
  const host = input.url ? displayHost(input.url) : undefined
  const suggest: SuggestRule = (fields, plan = null) => suggestRule(host, plan, fields)
  switch (classification.kind) {
    case 'wrong-region':
      return wrongRegionFix(classification, plan, host, suggest)
    case 'wrong-service':
      return wrongServiceFix(classification, plan, suggest)
    case 'region-set':
      return regionSetFix(classification, plan, suggest)
    case 'clock-skew':
      return clockSkewFix(input.serverTime, input.requestTime)
    case 'signature-mismatch':
      return 'Check that the secret access key belongs to the access key id and that nothing changes the request after signing (path, query, a signed header or the body, e.g. a proxy or a body serialized twice); compare the canonical request AWS computed with sign(request, { debug: true }).'
    case 'invalid-token':
      return plan?.s3
        ? 'The session token is missing, expired or not the one issued with this access key: refresh the credentials (temporary credentials must include their sessionToken).'
        : 'The session token is missing, expired or not the one issued with this access key, or the access key id is unknown in this partition: refresh the credentials (temporary credentials must include their sessionToken).'
    case 'unknown-key':
      return 'AWS does not know this access key id: check which credentials are in use (a deleted or rotated key, or a key from another partition such as aws-cn or aws-us-gov).'
    case 'missing-auth':
      return missingAuthFix(input, host, suggest)
  }
}

function wrongRegionFix(
  classification: Classification,
  plan: SigningPlan | null,
  host: string | undefined,
  suggest: SuggestRule,
): string {
  const region = classification.expected?.region
  const signed = classification.signedRegion ?? plan?.region
  const was = signed === undefined ? '' : ` (it was signed for '${signed}')`
  if (region === undefined) {
    const endpoint = host === undefined ? 'The endpoint' : `The endpoint ${host}`
    return `${endpoint} is not in region '${signed ?? '?'}': sign for the region it lives in, e.g. ${suggest({ region: '<its region>' }, plan)}.`
  }
  // S3 names the bucket's region: the request can be re-signed for it directly (no rule needed per bucket).
  const retry = classification.s3Region
    ? ', or re-sign once for the region S3 named (s3RegionFromResponse)'
    : ''
  if (plan?.source === 'rule' && plan.ruleIndex !== undefined) {
    return `Sign for region '${region}'${was}: set region: '${region}' in rules[${plan.ruleIndex}] or add ${suggest({ region }, plan)} before it${retry}.`
  }
  return `Sign for region '${region}'${was}: add ${suggest({ region }, plan)} to rules${retry}.`
}

function wrongServiceFix(
  classification: Classification,
  plan: SigningPlan | null,
  suggest: SuggestRule,
): string {
  const service = classification.expected?.service ?? '?'
  const was = plan ? ` (it was signed as '${plan.service}')` : ''
  const fields: Record<string, string> = { service }
  if (plan?.region !== undefined) fields.region = plan.region
  if (plan?.source === 'rule' && plan.ruleIndex !== undefined) {
    return `Sign as service '${service}'${was}: set service: '${service}' in rules[${plan.ruleIndex}].`
  }
  return `Sign as service '${service}'${was}: add ${suggest(fields)} to rules.`
}

function regionSetFix(
  classification: Classification,
  plan: SigningPlan | null,
  suggest: SuggestRule,
): string {
  if (classification.sigv4aRequired) {
    return `This endpoint accepts only SigV4A: add ${suggest({ algorithm: 'sigv4a', regionSet: ['*'] })} to rules.`
  }
  const region = classification.expected?.region
  const set = plan?.regionSet ? `[${plan.regionSet.map((r) => `'${r}'`).join(', ')}]` : 'the region set'
  const where = plan?.source === 'rule' && plan.ruleIndex !== undefined ? ` of rules[${plan.ruleIndex}]` : ''
  return region === undefined
    ? `The SigV4A region set does not cover this endpoint's region: widen regionSet${where} (e.g. ['*']).`
    : `The SigV4A region set ${set} does not cover '${region}': add '${region}' (or '*') to regionSet${where}.`
}

function clockSkewFix(serverTime: Date | undefined, requestTime: Date | undefined): string {
  if (serverTime && requestTime) {
    const offset = serverTime.getTime() - requestTime.getTime()
    const minutes = Math.round(Math.abs(offset) / 60_000)
    const direction = offset > 0 ? 'behind' : 'ahead of'
    return `The request was signed with a clock about ${minutes} minutes ${direction} AWS's: add ${offset} to signer.clockOffsetMs, or correct the system clock.`
  }
  return "The request time is outside AWS's window: set signer.clockOffsetMs from the server time, or correct the system clock."
}

function missingAuthFix(input: ScopeFixInput, host: string | undefined, suggest: SuggestRule): string {
  const path = input.url?.pathname ?? '/'
  const route = `${input.method ?? ''} ${path}`.trim()
  if (input.planKnown && input.plan === null) {
    return `The request was sent unsigned because no rule or AWS host inference claims ${host ?? 'its host'}: add ${suggest({})} to rules.`
  }
  if (input.planKnown) {
    return `The request was signed but arrived without its signature (a proxy or redirect dropped Authorization), or API Gateway has no resource for ${route}: check the path and method.`
  }
  return `The request arrived unsigned, or API Gateway has no resource for ${route}: make sure a rule claims ${host ?? 'the host'} and check the path and method.`
}

/**
 * A rule literal for the fix sentence. `service` is left out when AWS host inference can supply it, and
 * placeholder values are left for the user to fill in.
 */
type SuggestRule = (fields: Record<string, string | string[]>, plan?: SigningPlan | null) => string

function suggestRule(
  host: string | undefined,
  plan: SigningPlan | null,
  fields: Record<string, string | string[]>,
): string {
  const parts = [`host: '${host ?? '<host>'}'`]
  const inferred = host === undefined ? null : inferAwsHost(host.replace(/:\d+$/, ''))
  const service = typeof fields.service === 'string' ? fields.service : plan?.service
  if (service !== undefined && (inferred === null || inferred.service !== service))
    parts.push(`service: '${service}'`)
  else if (service === undefined && inferred === null) parts.push("service: '<signing name>'")
  const needsRegion = fields.algorithm === undefined && fields.region === undefined && !inferred?.region
  if (needsRegion) parts.push("region: '<region>'")
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'service') continue
    parts.push(
      `${name}: ${Array.isArray(value) ? `[${value.map((v) => `'${v}'`).join(', ')}]` : `'${value}'`}`,
    )
  }
  return `{ ${parts.join(', ')} }`
}

/** Host with a non-default port, as a rule's `host` would name it. */
function displayHost(url: URL): string {
  const hostname = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname
  return url.port === '' ? hostname : `${hostname}:${url.port}`
}
