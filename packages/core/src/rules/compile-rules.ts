import { inferAwsHost, isValidRegion, looksLikeAwsHost } from '../aws-hosts'
import type { AwsHostInference } from '../aws-hosts/types'
import { InvalidRuleError } from '../errors'
import type { CredentialsInput, SigningAlgorithm } from '../types'
import { compileHostPattern, type HostMatcher } from './host-pattern'
import { S3_FAMILY_SERVICES } from './s3-family'

/** A validated rule, ready to match. */
export interface CompiledRule {
  index: number
  matcher: HostMatcher
  service?: string
  region?: string
  algorithm?: SigningAlgorithm
  regionSet?: string[]
  credentials?: CredentialsInput
  unsignedPayload: boolean
  payloadHashOnly?: boolean
  replaceBearer: boolean
}

const RULE_FIELDS = new Set([
  'host',
  'service',
  'region',
  'algorithm',
  'regionSet',
  'credentials',
  'unsignedPayload',
  'payloadHashOnly',
  'replaceBearer',
])
/** What `credentials` must be, in a rule and in the signer options alike. */
export const CREDENTIALS_SHAPE =
  'must be { accessKeyId, secretAccessKey, sessionToken? } with non-empty strings, or a provider function'
/** A production build's validation message: the place, without the prose (development builds have it). */
export const invalidIn = (where: string): string =>
  `${where} is invalid; a development build of @awssig/core says why and how to fix it`
const EXAMPLE_RULE = "{ host: 'api.example.com', service: 'execute-api', region: 'eu-west-1' }"
const SERVICE_PATTERN = /^[a-z0-9][a-z0-9._-]*$/i
const REGION_SET_ENTRY = /^(?:\*|[a-z0-9]+(?:-[a-z0-9]+)*(?:-\*)?)$/

/** The error AWS answers when the credential scope names another region than the endpoint's. */
export function awsWrongRegionMessage(region: string): string {
  return `Credential should be scoped to a valid region, not '${region}'.`
}

/**
 * Validates every rule once, up front. Each problem throws `InvalidRuleError` naming the rule index, the
 * field, and the fix, so a typo fails at startup instead of as a 403 in production.
 */
export function compileRules(rules: unknown): CompiledRule[] {
  if (rules === undefined) return []
  if (!Array.isArray(rules)) {
    throw new InvalidRuleError(
      __DEV__ ? `options.rules must be an array of rules like ${EXAMPLE_RULE}.` : invalidIn('options.rules'),
      -1,
      'rules',
    )
  }
  // Array.from visits holes (as undefined), which map would skip and leave for a later crash.
  return Array.from(rules as unknown[], (rule, index) => compileRule(rule, index))
}

function compileRule(rule: unknown, index: number): CompiledRule {
  // `problem` is empty in production builds (its text is guarded by __DEV__ at each call).
  const fail = (field: string, problem: string): never => {
    const where = `rules[${index}].${field}`
    throw new InvalidRuleError(__DEV__ ? `${where}: ${problem}` : invalidIn(where), index, field)
  }
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
    throw new InvalidRuleError(
      __DEV__ ? `rules[${index}] must be an object like ${EXAMPLE_RULE}.` : invalidIn(`rules[${index}]`),
      index,
      'rule',
    )
  }
  // Own properties only, on an object without a prototype: a polluted Object.prototype (`credentials`,
  // `service`, `region`) must never complete or sign a rule.
  const r: Record<string, unknown> = Object.assign(Object.create(null), rule)
  for (const key of Object.keys(r)) {
    if (!RULE_FIELDS.has(key)) {
      fail(key, __DEV__ ? `unknown field; a rule has ${[...RULE_FIELDS].join(', ')}` : '')
    }
  }
  if (!('host' in r)) fail('host', __DEV__ ? "is required, e.g. 'api.example.com' or '*.example.com'" : '')
  const matcher = compileHostPattern(r.host)
  if (typeof matcher === 'string') fail('host', matcher)
  const compiledMatcher = matcher as HostMatcher

  const algorithm = r.algorithm
  if (algorithm !== undefined && algorithm !== 'sigv4' && algorithm !== 'sigv4a') {
    fail(
      'algorithm',
      __DEV__ ? `'${shown(algorithm)}' is not an algorithm; use 'sigv4' (default) or 'sigv4a'` : '',
    )
  }

  const service = r.service
  if (service !== undefined) {
    if (typeof service !== 'string' || service.trim() === '') {
      fail(
        'service',
        __DEV__ ? "must be a non-empty signing name like 'execute-api' (or omit it for AWS hostnames)" : '',
      )
    } else if (!SERVICE_PATTERN.test(service)) {
      fail('service', __DEV__ ? `'${service}' is not a signing name: use letters, digits, '-', '.', '_'` : '')
    }
  }

  const region = r.region
  if (region !== undefined) {
    if (algorithm === 'sigv4a') {
      fail('region', __DEV__ ? "SigV4A signs for a region set: use regionSet: ['us-*'] instead" : '')
    }
    if (typeof region !== 'string' || !isValidRegion(region)) {
      fail('region', __DEV__ ? `'${shown(region)}' is not an AWS region like 'us-east-1'` : '')
    }
  }

  const regionSet = r.regionSet
  if (regionSet !== undefined) {
    if (algorithm !== 'sigv4a') {
      fail('regionSet', __DEV__ ? "is only for SigV4A: add algorithm: 'sigv4a' (or use region)" : '')
    }
    if (!Array.isArray(regionSet) || regionSet.length === 0) {
      fail('regionSet', __DEV__ ? "must be a non-empty array like ['us-*']" : '')
    }
    for (const entry of regionSet as unknown[]) {
      if (typeof entry !== 'string' || !REGION_SET_ENTRY.test(entry)) {
        fail(
          'regionSet',
          __DEV__ ? `'${shown(entry)}' is not a region or wildcard like 'us-east-1', 'us-*', '*'` : '',
        )
      }
    }
  }

  const credentials = r.credentials
  if (credentials !== undefined && !isCredentialsInput(credentials)) {
    fail('credentials', __DEV__ ? CREDENTIALS_SHAPE : '')
  }

  const unsignedPayload = r.unsignedPayload
  if (unsignedPayload !== undefined && typeof unsignedPayload !== 'boolean') {
    fail('unsignedPayload', __DEV__ ? 'must be true or false' : '')
  }
  if (r.replaceBearer !== undefined && typeof r.replaceBearer !== 'boolean') {
    fail('replaceBearer', __DEV__ ? 'must be true or false' : '')
  }

  const payloadHashOnly = r.payloadHashOnly
  if (payloadHashOnly !== undefined && typeof payloadHashOnly !== 'boolean') {
    fail('payloadHashOnly', __DEV__ ? 'must be true or false' : '')
  }
  if (payloadHashOnly === true) {
    // Nothing is signed, so nothing about signing may be configured: a field here would be a mistake.
    const extra = Object.keys(r).find(
      (key) => key !== 'host' && key !== 'payloadHashOnly' && r[key] !== undefined,
    )
    if (extra) fail(extra, __DEV__ ? 'must be absent with payloadHashOnly: nothing is signed' : '')
    return {
      index,
      matcher: compiledMatcher,
      unsignedPayload: false,
      payloadHashOnly: true,
      replaceBearer: false,
    }
  }

  // Exact hosts can be checked against AWS's hostname conventions now; patterns only at resolve time.
  const inference: AwsHostInference | null =
    compiledMatcher.kind === 'exact' && compiledMatcher.hostname
      ? inferAwsHost(compiledMatcher.hostname)
      : null

  const noRegion = __DEV__ ? `is required: the hostname '${compiledMatcher.source}' names no region` : ''
  if (compiledMatcher.kind === 'exact') {
    if (service === undefined && !inference) {
      fail(
        'service',
        __DEV__
          ? `is required: '${compiledMatcher.source}' is not an AWS hostname awssig knows; add service and region`
          : '',
      )
    }
    if (
      service === undefined &&
      region === undefined &&
      regionSet === undefined &&
      inference &&
      !inference.region &&
      !inference.regionSet
    ) {
      fail('region', noRegion)
    }
    if (typeof region === 'string' && inference?.hostRegion && inference.hostRegion !== region) {
      fail(
        'region',
        __DEV__
          ? `'${region}' contradicts the hostname '${compiledMatcher.source}'; AWS would answer "${awsWrongRegionMessage(region)}" Remove region or set it to '${inference.hostRegion}'`
          : '',
      )
    }
  }
  // A wildcard over a domain AWS does not operate matches no hostname inference understands, so a missing
  // service or region could never be filled in: the rule would silently sign nothing.
  if (
    compiledMatcher.kind === 'suffix' &&
    compiledMatcher.hostname &&
    !looksLikeAwsHost(`x.${compiledMatcher.hostname}`)
  ) {
    const notAws = __DEV__
      ? `is required: '${compiledMatcher.source}' is not under an AWS domain, so no hostname can supply it`
      : ''
    if (service === undefined) fail('service', notAws)
    if (region === undefined && algorithm !== 'sigv4a') {
      fail('region', __DEV__ ? `${notAws}; add region, or algorithm: 'sigv4a' with regionSet` : '')
    }
  }
  if (
    typeof service === 'string' &&
    service !== '' &&
    region === undefined &&
    algorithm !== 'sigv4a' &&
    compiledMatcher.kind === 'exact' &&
    !inference?.region
  ) {
    fail('region', noRegion)
  }

  if (unsignedPayload === true) {
    const effectiveService = typeof service === 'string' ? service : inference?.service
    if (effectiveService === undefined) {
      if (compiledMatcher.kind === 'exact') fail('unsignedPayload', __DEV__ ? 'needs a service' : '')
    } else if (!S3_FAMILY_SERVICES.has(effectiveService) && !inference?.unsignedPayload) {
      fail(
        'unsignedPayload',
        __DEV__
          ? `only S3-family services (${[...S3_FAMILY_SERVICES].join(', ')}) accept it, not '${effectiveService}'; remove it`
          : '',
      )
    }
  }

  // Every field is validated above: absent ones stay undefined. The region set is copied (inputs are never
  // kept where the caller could change them later).
  return {
    index,
    matcher: compiledMatcher,
    unsignedPayload: unsignedPayload === true,
    replaceBearer: r.replaceBearer === true,
    service: service as string | undefined,
    region: region as string | undefined,
    algorithm: algorithm as SigningAlgorithm | undefined,
    regionSet: regionSet === undefined ? undefined : [...(regionSet as string[])],
    credentials: credentials as CredentialsInput | undefined,
  }
}

/**
 * Whether `value` is credentials as a rule or the signer options accept them: a provider function, or
 * `{ accessKeyId, secretAccessKey, sessionToken? }` with non-empty strings.
 */
export function isCredentialsInput(value: unknown): boolean {
  if (typeof value === 'function') return true
  if (typeof value !== 'object' || value === null) return false
  const { accessKeyId, secretAccessKey, sessionToken } = value as Record<string, unknown>
  return (
    typeof accessKeyId === 'string' &&
    accessKeyId !== '' &&
    typeof secretAccessKey === 'string' &&
    secretAccessKey !== '' &&
    (sessionToken === undefined || typeof sessionToken === 'string')
  )
}

/** A value for a message; String() throws for objects without a prototype. */
function shown(value: unknown): string {
  try {
    return String(value)
  } catch {
    return Object.prototype.toString.call(value)
  }
}
