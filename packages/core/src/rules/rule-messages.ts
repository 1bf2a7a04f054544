import type { AwsHostInference } from '../aws-hosts/types'
import { REGION_SET_ENTRY } from './patterns'
import { S3_FAMILY_SERVICES } from './s3-family'

/**
 * The code of each rule validation problem. A TypeScript enum on purpose: the bundler inlines its members as
 * numbers, so production builds carry neither the prose nor the names.
 */
export enum RuleCode {
  unknownField,
  hostRequired,
  algorithm,
  serviceEmpty,
  serviceName,
  regionWithSigV4a,
  regionName,
  regionSetWithoutSigV4a,
  regionSetEmpty,
  regionSetEntry,
  credentials,
  boolean,
  apiIds,
  apiIdsRequired,
  apiIdsNotVpce,
  absentWithPayloadHashOnly,
  serviceUnknownHost,
  regionNotInHost,
  regionContradictsHost,
  serviceNotAwsDomain,
  regionNotAwsDomain,
  unsignedPayloadNeedsService,
  unsignedPayloadNotS3,
  hostType,
  hostEmpty,
  hostIsUrl,
  hostStar,
  hostInvalid,
  hostPortRange,
  hostPortMalformed,
  hostPublicSuffix,
  regexpFlags,
  regexpAnchors,
}

/** What a message may quote: the offending field's value, the whole rule (own properties), its fields' names. */
export interface RuleMessageContext {
  value: unknown
  rule: Record<string, unknown>
  fields: readonly string[]
  /** What AWS host inference says of the rule's exact host, for the checks that compare the two. */
  inference?: AwsHostInference | null
}

export const EXAMPLE_RULE = "{ host: 'api.example.com', service: 'execute-api', region: 'eu-west-1' }"
/** What `credentials` must be, in a rule and in the signer options alike. */
export const CREDENTIALS_SHAPE =
  'must be { accessKeyId, secretAccessKey, sessionToken? } with non-empty strings (accessKeyId and sessionToken in visible ASCII: they travel in headers), or a provider function'
const BOOLEAN = 'must be true or false'

/** The error AWS answers when the credential scope names another region than the endpoint's. */
export function awsWrongRegionMessage(region: string): string {
  return `Credential should be scoped to a valid region, not '${region}'.`
}

type Message = (c: RuleMessageContext) => string
const host = (c: RuleMessageContext): string => shown(c.rule.host)
const value = (c: RuleMessageContext): string => shown(c.value)

/**
 * Every rule validation message, by code: what is wrong and how to fix it. Only development builds carry
 * this prose ({@link ruleMessage} is read only under `__DEV__`); production builds say which rule and field
 * (`rules[2].region`), see {@link invalidIn}.
 */
const RULE_MESSAGES: Record<RuleCode, Message> = {
  [RuleCode.unknownField]: (c) => `unknown field; a rule has ${c.fields.join(', ')}`,
  [RuleCode.hostRequired]: () => "is required, e.g. 'api.example.com' or '*.example.com'",
  [RuleCode.algorithm]: (c) => `'${value(c)}' is not an algorithm; use 'sigv4' (default) or 'sigv4a'`,
  [RuleCode.serviceEmpty]: () =>
    "must be a non-empty signing name like 'execute-api' (or omit it for AWS hostnames)",
  [RuleCode.serviceName]: (c) => `'${value(c)}' is not a signing name: use letters, digits, '-', '.', '_'`,
  [RuleCode.regionWithSigV4a]: () => "SigV4A signs for a region set: use regionSet: ['us-*'] instead",
  [RuleCode.regionName]: (c) => `'${value(c)}' is not an AWS region like 'us-east-1'`,
  [RuleCode.regionSetWithoutSigV4a]: () => "is only for SigV4A: add algorithm: 'sigv4a' (or use region)",
  [RuleCode.regionSetEmpty]: () => "must be a non-empty array like ['us-*']",
  [RuleCode.regionSetEntry]: (c) =>
    `'${shown((c.value as unknown[]).find((entry) => typeof entry !== 'string' || !REGION_SET_ENTRY.test(entry)))}' is not a region or wildcard like 'us-east-1', 'us-*', '*'`,
  [RuleCode.credentials]: () => CREDENTIALS_SHAPE,
  [RuleCode.boolean]: () => BOOLEAN,
  [RuleCode.apiIds]: () => "must be a non-empty array of API Gateway API IDs like ['a1b2c3d4e5']",
  [RuleCode.apiIdsRequired]: (c) =>
    `is required: '${host(c)}' is an API Gateway VPC endpoint, where the x-apigw-api-id header picks any private API the endpoint may reach; name the API IDs this rule may call, like apiIds: ['a1b2c3d4e5']`,
  [RuleCode.apiIdsNotVpce]: (c) =>
    `is only for API Gateway VPC endpoint hosts (vpce-<id>.execute-api.<region>.vpce.amazonaws.com), not '${host(c)}'; remove it`,
  [RuleCode.absentWithPayloadHashOnly]: () => 'must be absent with payloadHashOnly: nothing is signed',
  [RuleCode.serviceUnknownHost]: (c) =>
    `is required: '${host(c)}' is not an AWS hostname awssig knows; add service and region`,
  [RuleCode.regionNotInHost]: (c) => `is required: the hostname '${host(c)}' names no region`,
  [RuleCode.regionContradictsHost]: (c) =>
    `'${value(c)}' contradicts the hostname '${host(c)}'; AWS would answer "${awsWrongRegionMessage(value(c))}" Remove region or set it to '${c.inference?.hostRegion}'`,
  [RuleCode.serviceNotAwsDomain]: (c) =>
    `is required: '${host(c)}' is not under an AWS domain, so no hostname can supply it`,
  [RuleCode.regionNotAwsDomain]: (c) =>
    `is required: '${host(c)}' is not under an AWS domain, so no hostname can supply it; add region, or algorithm: 'sigv4a' with regionSet`,
  [RuleCode.unsignedPayloadNeedsService]: () => 'needs a service',
  [RuleCode.unsignedPayloadNotS3]: (c) =>
    `only S3-family services (${[...S3_FAMILY_SERVICES].join(', ')}) accept it, not '${shown(c.rule.service ?? c.inference?.service)}'; remove it`,
  // Host patterns (rules[i].host): the value is the pattern.
  [RuleCode.hostType]: (c) =>
    `host must be a string like 'api.example.com' or a RegExp, not ${c.value === null ? 'null' : Array.isArray(c.value) ? 'an array' : typeof c.value}`,
  [RuleCode.hostEmpty]: () => "host is empty; write one like 'api.example.com'",
  [RuleCode.hostIsUrl]: (c) =>
    `host '${value(c)}' must be a bare host[:port] like 'api.example.com', not a URL`,
  [RuleCode.hostStar]: (c) => `host '${value(c)}' may have '*' only as a leading '*.' label, or use a RegExp`,
  [RuleCode.hostInvalid]: (c) => `host '${value(c)}' is not a valid hostname`,
  [RuleCode.hostPortRange]: (c) =>
    `host '${value(c)}' has port ${/:(\d+)$/.exec(value(c).trim())?.[1]}, outside 1…65535`,
  [RuleCode.hostPortMalformed]: (c) =>
    `host '${value(c)}' has a malformed port; write one like 'api.example.com:8443'`,
  [RuleCode.hostPublicSuffix]: (c) =>
    `host '${value(c)}' spans a public suffix (anyone can register a name under it); name your own domain, like '*.api.example.com'`,
  [RuleCode.regexpFlags]: (c) => `the RegExp ${value(c)} has the g or y flag (stateful test()); remove it`,
  [RuleCode.regexpAnchors]: (c) =>
    `the RegExp ${value(c)} must anchor the whole host with ^ and $, like /^api\\.example\\.com$/, or it would match api.example.com.evil.net`,
}

/** The prose for `code`. Development builds only: call it under `__DEV__` (production builds drop it). */
export function ruleMessage(code: RuleCode, context: RuleMessageContext): string {
  return RULE_MESSAGES[code](context)
}

/** A production build's validation message: the place, without the prose (development builds have it). */
export const invalidIn = (where: string): string =>
  `${where} is invalid; a development build of @awssig/core says why and how to fix it`

/** A value for a message; String() throws for objects without a prototype. */
export function shown(value: unknown): string {
  try {
    return String(value)
  } catch {
    return Object.prototype.toString.call(value)
  }
}
