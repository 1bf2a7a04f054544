import { type VerifierOptions, verifyRequest } from '@awssig/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CredentialsError, createSigner, InvalidRuleError, isAwsSigError } from '../../src/index'
import type { SignerOptions, SigningPlan } from '../../src/types'
import { CREDENTIALS, OTHER_CREDENTIALS, SESSION_CREDENTIALS, toFetchRequest } from '../support/verify'

// Rules and createSigner options fuzzed with invalid values of every kind. The expectations come from the
// contract in issue 2, not from the core's code: every invalid input fails in createSigner with
// InvalidRuleError (rule index + field) or TypeError, and every accepted rule set signs as declared, which
// the independent verifier checks.

const NOW = new Date('2026-11-22T12:00:00Z')
// A role with a session token and its own key id, so the verifier can tell it from CREDENTIALS.
const SESSION_ROLE = { ...SESSION_CREDENTIALS, accessKeyId: 'AKIDSESSIONROLE' }
const SECRETS = [
  CREDENTIALS.secretAccessKey,
  SESSION_CREDENTIALS.sessionToken,
  OTHER_CREDENTIALS.secretAccessKey,
]

// ---------------------------------------------------------------------------------------------------------
// Valid rules, with what they declare, so the test can tell independently which host each one matches.

interface HostSpec {
  pattern: string | RegExp
  kind: 'exact' | 'suffix' | 'regexp'
  /** exact: the hostname; suffix: the part after `*.`. */
  hostname?: string
  port?: number
  regexp?: RegExp
}

interface RuleTemplate {
  host: HostSpec
  rule: Record<string, unknown>
  /** What a plan from this rule must say. */
  service: string
  region?: string
  regionSet?: string[]
  algorithm: 'sigv4' | 'sigv4a'
  /** Hosts this rule matches, for URLs and for the verifier. */
  sampleHosts: string[]
  s3: boolean
}

const exact = (hostname: string, port?: number): HostSpec => ({
  pattern: port === undefined ? hostname : `${hostname}:${port}`,
  kind: 'exact',
  hostname,
  ...(port === undefined ? {} : { port }),
})
const suffix = (hostname: string, port?: number): HostSpec => ({
  pattern: port === undefined ? `*.${hostname}` : `*.${hostname}:${port}`,
  kind: 'suffix',
  hostname,
  ...(port === undefined ? {} : { port }),
})

const REGIONS = [
  'us-east-1',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-southeast-2',
  'sa-east-1',
  'cn-north-1',
  'us-gov-west-1',
]
const region = fc.constantFrom(...REGIONS)
const customService = fc.constantFrom('execute-api', 'lambda', 'es', 'my.service_1', 'sts')
const ruleCredentials = fc.option(fc.constantFrom(OTHER_CREDENTIALS, SESSION_ROLE), { nil: undefined })
// A DNS label; `xn--` starts a punycode (IDNA) label, which URL rejects unless it decodes, so random ones are
// not valid hosts (seed -788043901 drew `xn--a.example.com` and createSigner rightly refused it).
const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/).filter((name) => !name.startsWith('xn--'))

const validTemplate: fc.Arbitrary<RuleTemplate> = fc.oneof(
  // A custom domain, exact, any port or one port.
  fc
    .record({
      name: label,
      port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
      service: customService,
      region,
      credentials: ruleCredentials,
    })
    .map(({ name, port, service, region, credentials }) => {
      const host = exact(`${name}.example.com`, port)
      return {
        host,
        rule: { host: host.pattern, service, region, ...(credentials ? { credentials } : {}) },
        service,
        region,
        algorithm: 'sigv4' as const,
        sampleHosts: [`${name}.example.com`],
        s3: false,
      }
    }),
  // A wildcard over a custom domain.
  fc.record({ name: label, service: customService, region }).map(({ name, service, region }) => {
    const host = suffix(`${name}.corp.example`)
    return {
      host,
      rule: { host: host.pattern, service, region },
      service,
      region,
      algorithm: 'sigv4' as const,
      sampleHosts: [`a.${name}.corp.example`, `x.y.${name}.corp.example`],
      s3: false,
    }
  }),
  // A RegExp.
  fc.record({ name: label, service: customService, region }).map(({ name, service, region }) => {
    const regexp = new RegExp(`^svc\\d*\\.${name}\\.internal$`, 'i')
    return {
      host: { pattern: regexp, kind: 'regexp' as const, regexp },
      rule: { host: regexp, service, region },
      service,
      region,
      algorithm: 'sigv4' as const,
      sampleHosts: [`svc1.${name}.internal`, `svc.${name}.internal`],
      s3: false,
    }
  }),
  // SigV4A with a region set.
  fc
    .record({
      name: label,
      set: fc.constantFrom(['*'], ['us-*'], ['us-east-1', 'eu-west-1'], ['eu-*', 'ap-southeast-2']),
    })
    .map(({ name, set: readonlySet }) => {
      const set = [...readonlySet]
      const host = exact(`${name}.multi.example`)
      return {
        host,
        rule: { host: host.pattern, service: 'execute-api', algorithm: 'sigv4a', regionSet: set },
        service: 'execute-api',
        regionSet: set,
        algorithm: 'sigv4a' as const,
        sampleHosts: [`${name}.multi.example`],
        s3: false,
      }
    }),
  // An AWS hostname, service and region left to inference (a customer-code host claimed by a rule).
  fc
    .record({ id: fc.stringMatching(/^[a-z0-9]{10}$/), region: fc.constantFrom('eu-west-1', 'us-west-2') })
    .map(({ id, region }) => {
      const hostname = `${id}.execute-api.${region}.amazonaws.com`
      return {
        host: exact(hostname),
        rule: { host: hostname },
        service: 'execute-api',
        region,
        algorithm: 'sigv4' as const,
        sampleHosts: [hostname],
        s3: false,
      }
    }),
  // S3 buckets under a regional wildcard, optionally UNSIGNED-PAYLOAD.
  fc
    .record({ region: fc.constantFrom('eu-west-1', 'ap-southeast-2'), unsigned: fc.boolean() })
    .map(({ region, unsigned }) => {
      const host = suffix(`s3.${region}.amazonaws.com`)
      return {
        host,
        rule: { host: host.pattern, service: 's3', region, ...(unsigned ? { unsignedPayload: true } : {}) },
        service: 's3',
        region,
        algorithm: 'sigv4' as const,
        sampleHosts: [`bucket-1.s3.${region}.amazonaws.com`],
        s3: true,
      }
    }),
)

// ---------------------------------------------------------------------------------------------------------
// Invalid values, by field. Each is invalid whatever the rest of the rule says.

// Objects without a prototype (from some config parsers) cannot be turned into strings by String().
const junk = fc.oneof(
  fc.anything({
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    maxDepth: 2,
  }),
  fc.constantFrom(
    Symbol('junk'),
    () => 'function',
    Number.NaN,
    Object.create(null),
    Object.assign(Object.create(null), { host: 'x' }),
    new Date(Number.NaN),
    10n,
  ),
)
const notString = junk.filter((v) => typeof v !== 'string' && v !== undefined)
const badRegionString = fc
  .oneof(
    fc.constantFrom(
      'US-EAST-1',
      'us-east',
      'global',
      'aws-global',
      '',
      ' ',
      'us-east-1 ',
      ' eu-west-1',
      'useast1',
      'us_east_1',
      'eu-west-1a',
      '*',
      'us-*',
    ),
    fc.string({ maxLength: 12 }),
  )
  // No AWS region has any other shape than `<letters>(-<letters>)+-<digits>`.
  .filter((s) => !/^[a-z]+(?:-[a-z]+)+-\d+$/.test(s))

const INVALID: Record<string, fc.Arbitrary<unknown>> = {
  host: fc.oneof(
    fc.constantFrom(
      'http://x.example.com',
      'https://x.example.com/path',
      'a b.example.com',
      '*.',
      '**.x',
      '*.*.x',
      'x.*.example.com',
      'x.example.com:0',
      'x.example.com:65536',
      'x.example.com:99999',
      'x.example.com:',
      'x.example.com:port',
      '',
      '   ',
      'a..b',
      '.example.com',
      'x.example.com/',
      'user@x.example.com',
      'x.example.com?q',
      'x.example.com#f',
      '[::1',
    ),
    fc.constantFrom(/x/g, /x/y, /x/gi),
    junk.filter((v) => typeof v !== 'string' && !(v instanceof RegExp) && v !== undefined),
  ),
  service: fc.oneof(
    fc.constantFrom('', ' ', 'execute api', 'execute-api!', '-lead', 's3/', 'é', '\n'),
    notString,
    fc.string({ maxLength: 10 }).filter((s) => !/^[a-z0-9][a-z0-9._-]*$/i.test(s)),
  ),
  region: fc.oneof(badRegionString, notString),
  algorithm: fc.oneof(
    fc.constantFrom('sigv5', 'SIGV4', 'SigV4a', 'v4', 'AWS4-HMAC-SHA256', ''),
    junk.filter((v) => v !== 'sigv4' && v !== 'sigv4a' && v !== undefined),
  ),
  credentials: fc.oneof(
    fc.constantFrom(
      {},
      { accessKeyId: '', secretAccessKey: 'x' },
      { accessKeyId: 'AKID', secretAccessKey: '' },
      { accessKeyId: 'AKID' },
      { secretAccessKey: 'x' },
      { accessKeyId: 1, secretAccessKey: 'x' },
      { accessKeyId: 'AKID', secretAccessKey: 'x', sessionToken: 5 },
      { accessKeyId: 'AKID', secretAccessKey: 'x', sessionToken: null },
      'AKID:secret',
      [],
    ),
    junk.filter((v) => typeof v !== 'function' && v !== undefined && !isCredentialShape(v)),
  ),
  unsignedPayload: junk.filter((v) => typeof v !== 'boolean' && v !== undefined),
}

function isCredentialShape(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false
  const r = v as Record<string, unknown>
  return (
    typeof r.accessKeyId === 'string' &&
    r.accessKeyId !== '' &&
    typeof r.secretAccessKey === 'string' &&
    r.secretAccessKey !== ''
  )
}

/** A valid template plus one invalid field (or an invalid combination), and the field that must be named. */
const mutatedRule = fc.oneof(
  ...Object.entries(INVALID).map(([field, values]) =>
    fc
      .tuple(validTemplate, values)
      .map(([template, value]) => ({ rule: { ...template.rule, [field]: value }, field })),
  ),
  // A region set on a SigV4 rule.
  fc
    .tuple(
      validTemplate.filter((t) => t.algorithm === 'sigv4'),
      fc.constantFrom(['*'], ['us-*']),
    )
    .map(([t, regionSet]) => ({ rule: { ...t.rule, regionSet }, field: 'regionSet' })),
  // A region on a SigV4A rule.
  fc
    .tuple(
      validTemplate.filter((t) => t.algorithm === 'sigv4a'),
      region,
    )
    .map(([t, r]) => ({ rule: { ...t.rule, region: r }, field: 'region' })),
  // Empty or invalid region set entries.
  fc
    .tuple(
      validTemplate.filter((t) => t.algorithm === 'sigv4a'),
      fc.oneof(
        fc.constantFrom([], [''], ['US-*'], ['us-**'], ['us east'], ['*', ''], [null], [42], ['us-*', {}]),
        notString.filter((v) => !Array.isArray(v)),
        fc.constant('us-*'),
      ),
    )
    .map(([t, regionSet]) => ({ rule: { ...t.rule, regionSet }, field: 'regionSet' })),
  // UNSIGNED-PAYLOAD on a service that hashes the body itself.
  fc
    .tuple(validTemplate.filter((t) => !t.s3))
    .map(([t]) => ({ rule: { ...t.rule, unsignedPayload: true }, field: 'unsignedPayload' })),
  // A region that contradicts the region in an exact AWS hostname.
  fc
    .tuple(fc.stringMatching(/^[a-z0-9]{10}$/), fc.constantFrom('us-east-1', 'ap-south-1'))
    .map(([id, r]) => ({
      rule: { host: `${id}.execute-api.eu-west-1.amazonaws.com`, region: r },
      field: 'region',
    })),
  // An exact custom host with neither service nor region: nothing to sign it with.
  label.map((name) => ({ rule: { host: `${name}.example.com` }, field: 'service' })),
  // An exact custom host with a service but no region.
  label.map((name) => ({ rule: { host: `${name}.example.com`, service: 'execute-api' }, field: 'region' })),
  // A misspelled field.
  fc
    .tuple(validTemplate, fc.constantFrom('hots', 'Region', 'regionset', 'signingName', 'unsigned'))
    .map(([t, key]) => ({ rule: { ...t.rule, [key]: 'x' }, field: key })),
)

/** Runs createSigner and returns what it threw (or undefined), failing on anything but the two allowed types. */
/** What createSigner throws for `options`, or what `ready()` rejects with (the rules' check against inference). */
async function thrownBy(options: unknown): Promise<unknown> {
  try {
    await createSigner(options as SignerOptions).ready()
    return undefined
  } catch (error) {
    return error
  }
}

function expectClearError(error: unknown): void {
  expect(error instanceof InvalidRuleError || error instanceof TypeError).toBe(true)
  const message = (error as Error).message
  expect(message.length).toBeGreaterThan(20)
  for (const secret of SECRETS) expect(message).not.toContain(secret)
}

describe('fuzzing rules: every invalid rule fails in createSigner, naming its index and field', () => {
  it('one invalid rule among valid ones', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(validTemplate, { maxLength: 4 }),
        mutatedRule,
        fc.nat(),
        async (valid, bad, at) => {
          const rules: unknown[] = valid.map((t) => t.rule)
          const index = at % (rules.length + 1)
          rules.splice(index, 0, bad.rule)
          const error = await thrownBy({ credentials: CREDENTIALS, rules })
          expect(error, `accepted ${describeValue(bad.rule)}`).toBeDefined()
          expectClearError(error)
          expect(error).toBeInstanceOf(InvalidRuleError)
          expect((error as InvalidRuleError).ruleIndex).toBe(index)
          expect((error as InvalidRuleError).field).toBe(bad.field)
          expect((error as Error).message).toContain(`rules[${index}]`)
          expect(isAwsSigError(error)).toBe(true)
        },
      ),
      { numRuns: 600 },
    )
  })

  // Found by this file: the message builders call String(value), which throws for objects without a
  // prototype, so the user gets "Cannot convert object to primitive value" instead of InvalidRuleError.
  it('values without a prototype give InvalidRuleError naming the field', async () => {
    const bare = () => Object.create(null)
    const base = { host: 'a.example.com', service: 'execute-api', region: 'us-east-1' }
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, algorithm: bare() }, 'algorithm'],
      [{ ...base, region: bare() }, 'region'],
      [
        { host: 'm.example.com', service: 'execute-api', algorithm: 'sigv4a', regionSet: [bare()] },
        'regionSet',
      ],
      [{ ...base, host: bare() }, 'host'],
      [{ ...base, service: bare() }, 'service'],
      [{ ...base, unsignedPayload: bare() }, 'unsignedPayload'],
    ]
    for (const [rule, field] of cases) {
      const error = await thrownBy({ credentials: CREDENTIALS, rules: [rule] })
      expect(error, field).toBeInstanceOf(InvalidRuleError)
      expect(error).toMatchObject({ ruleIndex: 0, field })
    }
  })

  // Found by this file: rules.map skips holes, so `rules: [ruleA, , ruleB]` crashes later in createSigner
  // with "Cannot read properties of undefined (reading 'credentials')".
  it('a hole in the rules array is reported as an invalid rule', async () => {
    const rules: unknown[] = []
    rules[0] = { host: 'a.example.com', service: 's', region: 'us-east-1' }
    rules[2] = { host: 'b.example.com', service: 's', region: 'us-east-1' }
    const error = await thrownBy({ credentials: CREDENTIALS, rules })
    expect(error).toBeInstanceOf(InvalidRuleError)
    expect(error).toMatchObject({ ruleIndex: 1 })
  })

  // Lead to decide: a wildcard or RegExp rule over a domain that is not AWS's, with no region (or no
  // service), can never produce a plan; createSigner accepts it, and resolve() skips it with a reason, so
  // with unmatched: 'pass' the requests it was meant for go out unsigned.
  it('a wildcard rule over a non-AWS domain without region is refused', async () => {
    const error = await thrownBy({
      credentials: CREDENTIALS,
      rules: [{ host: '*.corp.example', service: 'execute-api' }],
    })
    expect(error).toMatchObject({ ruleIndex: 0, field: 'region' })
  })

  it('a credentials provider can only be checked when called: a wrong shape is a CredentialsError at sign time', async () => {
    const provided = [
      5,
      null,
      {},
      { accessKeyId: 'AKID' },
      { accessKeyId: '', secretAccessKey: 'x' },
      'AKID:secret',
    ]
    for (const value of provided) {
      const signer = createSigner({
        credentials: CREDENTIALS,
        rules: [
          {
            host: 'a.example.com',
            service: 'execute-api',
            region: 'us-east-1',
            credentials: async () => value as never,
          },
        ],
      })
      const error = await signer.sign({ method: 'GET', url: 'https://a.example.com/' }).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error, describeValue(value)).toBeInstanceOf(CredentialsError)
    }
  })

  it('a rule that is not an object', async () => {
    for (const rule of [null, undefined, 'api.example.com', 42, [], [{ host: 'x' }], true]) {
      const error = await thrownBy({
        credentials: CREDENTIALS,
        rules: [{ host: 'a.example.com', service: 's', region: 'us-east-1' }, rule],
      })
      expectClearError(error)
      expect(error).toMatchObject({ ruleIndex: 1 })
    }
  })
})

// ---------------------------------------------------------------------------------------------------------
// Top-level options.

const INVALID_OPTIONS: Record<string, fc.Arbitrary<unknown>> = {
  rules: fc.oneof(
    fc.constantFrom('api.example.com', {}, { host: 'x' }, null, 42),
    notString.filter((v) => !Array.isArray(v)),
  ),
  awsHosts: fc.oneof(
    fc.constantFrom('yes', 'ALL', 'true', 1, 0, null, 'none'),
    junk.filter((v) => v !== true && v !== false && v !== 'all' && v !== undefined),
  ),
  unmatched: fc.oneof(
    fc.constantFrom('PASS', 'throw', 'Error', '', null, 1),
    junk.filter((v) => v !== 'pass' && v !== 'error' && v !== undefined),
  ),
  now: fc.oneof(
    fc.constantFrom('now', 42, null, {}),
    fc.constant(new Date()),
    junk.filter((v) => typeof v !== 'function' && v !== undefined),
  ),
  maxBodyBytes: fc.oneof(
    fc.constantFrom(
      -1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      1.5,
      2 ** 53,
      '1024',
      null,
      true,
    ),
    fc.integer({ max: -1 }),
    fc.double({ noInteger: true }),
  ),
  refreshBeforeExpiryMs: fc.oneof(
    fc.constantFrom(-1, Number.NaN, Number.POSITIVE_INFINITY, '300000', null, {}),
    fc.integer({ max: -1 }),
  ),
  signedHeaders: fc.oneof(
    fc.constantFrom('some', 'ALL', ['a b'], [42], ['x-amz-date', ''], {}, null, 'host'),
    fc.constant([{}]),
  ),
  credentials: INVALID.credentials!,
}

describe('fuzzing createSigner options', () => {
  it('one invalid option fails with InvalidRuleError (index -1, the option named) or TypeError', async () => {
    const mutated = fc.oneof(
      ...Object.entries(INVALID_OPTIONS).map(([field, values]) => values.map((value) => ({ field, value }))),
    )
    await fc.assert(
      fc.asyncProperty(mutated, async ({ field, value }) => {
        const error = await thrownBy({ credentials: CREDENTIALS, [field]: value })
        expect(error, `accepted ${field}: ${describeValue(value)}`).toBeDefined()
        expectClearError(error)
        if (error instanceof InvalidRuleError) {
          expect(error.ruleIndex).toBe(-1)
          expect(error.field).toBe(field)
        }
      }),
      { numRuns: 600 },
    )
  })

  it('options that are not an object, and unknown option names', async () => {
    for (const options of [null, 'x', 42, true, () => ({})]) {
      const error = await thrownBy(options)
      expectClearError(error)
    }
    for (const key of ['rule', 'Rules', 'region', 'service', 'credential']) {
      const error = await thrownBy({ credentials: CREDENTIALS, [key]: 'x' })
      expectClearError(error)
      expect(error).toMatchObject({ ruleIndex: -1, field: key })
    }
  })

  // Found by this file: `now` is only checked to be a function; one returning a non-Date (or an invalid
  // Date) crashes sign() with "resolved.now(...).getTime is not a function" / RangeError "Invalid time value".
  it('a clock that returns no valid Date fails clearly, at creation or as a typed error at sign time', async () => {
    for (const now of [() => 'not a date', () => new Date(Number.NaN), () => 1_700_000_000_000]) {
      let error = await thrownBy({ credentials: CREDENTIALS, now })
      if (error === undefined) {
        try {
          await createSigner({ credentials: CREDENTIALS, now: now as () => Date }).sign({
            method: 'GET',
            url: 'https://ec2.us-west-2.amazonaws.com/',
          })
        } catch (signError) {
          error = signError
        }
      }
      expect(error, String(now)).toBeDefined()
      expect(isAwsSigError(error) || error instanceof TypeError).toBe(true)
      expect((error as Error).message).toMatch(/\bnow\b/)
    }
  })

  // Found by this file: createSigner([]) returns a signer (an array has no own keys, so nothing is checked).
  it('an array as options is refused', async () => {
    expectClearError(await thrownBy([]))
  })

  it('arbitrary values anywhere: createSigner throws InvalidRuleError/TypeError or gives a signer that works', async () => {
    const anyOptions = fc.dictionary(
      fc.constantFrom(
        'credentials',
        'rules',
        'awsHosts',
        'unmatched',
        'now',
        'maxBodyBytes',
        'refreshBeforeExpiryMs',
        'signedHeaders',
      ),
      junk,
      { maxKeys: 4 },
    )
    await fc.assert(
      fc.asyncProperty(anyOptions, async (junkOptions) => {
        // Valid credentials unless the fuzzer replaced them, so sign never reaches the default chain.
        const options = { credentials: CREDENTIALS, ...junkOptions }
        const error = await thrownBy(options)
        if (error !== undefined) {
          expectClearError(error)
          return
        }
        const signer = createSigner(options as SignerOptions)
        for (const url of [
          'https://ec2.us-west-2.amazonaws.com/',
          'https://api.example.com/',
          'http://127.0.0.1:8080/x',
        ]) {
          await signer.resolve(url)
          await signer.explain(url)
        }
        // Accepted options must not crash later: sign either works or throws a typed awssig error.
        try {
          await signer.sign({
            method: 'GET',
            url: 'https://ec2.us-west-2.amazonaws.com/?Action=DescribeRegions',
          })
        } catch (error) {
          expect(isAwsSigError(error), `sign threw ${String(error)} for ${describeValue(options)}`).toBe(true)
        }
      }),
      { numRuns: 400 },
    )
  })
})

// ---------------------------------------------------------------------------------------------------------
// Valid rule sets behave as declared.

/** The independent matcher: which template (first wins) claims `url`. */
function firstMatch(templates: readonly RuleTemplate[], url: URL): number {
  const hostname = url.hostname.replace(/\.$/, '')
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port)
  return templates.findIndex(({ host }) => {
    if (host.port !== undefined && host.port !== port) return false
    if (host.kind === 'exact') return hostname === host.hostname
    if (host.kind === 'suffix')
      return hostname.endsWith(`.${host.hostname}`) && hostname.length > host.hostname!.length + 1
    return host.regexp!.test(hostname)
  })
}

const path = fc
  .array(fc.constantFrom('a', 'b c', '%2F', 'ü', '..', '', '~x'), { maxLength: 3 })
  .map((s) => `/${s.join('/')}`)

function urlsFor(templates: readonly RuleTemplate[]): fc.Arbitrary<string> {
  const claimed = templates.flatMap((t) =>
    t.sampleHosts.map((h) => (t.host.port === undefined ? h : `${h}:${t.host.port}`)),
  )
  const host = fc.oneof(
    ...(claimed.length > 0 ? [fc.constantFrom(...claimed)] : []),
    fc.constantFrom(
      'api.example.com',
      'API.EXAMPLE.COM.',
      'corp.example',
      'x.corp.example',
      'ec2.us-west-2.amazonaws.com',
      'my-bucket.s3.amazonaws.com',
      'bücher.example',
      '[::1]:9000',
      '127.0.0.1',
      'localhost:3000',
      'amazonaws.com.evil.example',
      's3.amazonaws.com',
    ),
    fc.domain(),
  )
  return fc
    .tuple(
      fc.constantFrom('https', 'http'),
      host,
      fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
      path,
    )
    .map(
      ([scheme, h, port, p]) =>
        `${scheme}://${h}${port !== undefined && !/:\d+$/.test(h) ? `:${port}` : ''}${p}`,
    )
}

function expectPlanAsDeclared(plan: SigningPlan | null, templates: readonly RuleTemplate[], url: URL): void {
  const index = firstMatch(templates, url)
  if (index === -1) {
    expect(plan?.source, `no rule matches ${url.host}`).not.toBe('rule')
    return
  }
  const t = templates[index]!
  expect(plan, `rules[${index}] (${String(t.host.pattern)}) matches ${url.host}`).toMatchObject({
    source: 'rule',
    ruleIndex: index,
    service: t.service,
    algorithm: t.algorithm,
  })
  if (t.algorithm === 'sigv4') expect(plan?.region).toBe(t.region)
  else expect(plan?.regionSet).toEqual(t.regionSet)
}

describe('valid random rules: resolve never throws and plans follow the rules', () => {
  it('resolve/explain on random URLs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(validTemplate, { maxLength: 6 })
          .chain((templates) =>
            fc.tuple(
              fc.constant(templates),
              fc.array(urlsFor(templates), { minLength: 1, maxLength: 8 }),
              fc.constantFrom(true, false, 'all' as const),
            ),
          ),
        async ([templates, urls, awsHosts]) => {
          const signer = createSigner({
            credentials: CREDENTIALS,
            rules: templates.map((t) => t.rule) as never,
            awsHosts,
          })
          for (const raw of urls) {
            const url = new URL(raw)
            const plan = await signer.resolve(url)
            expectPlanAsDeclared(plan, templates, url)
            const explanation = await signer.explain(raw)
            expect(explanation.reason.length).toBeGreaterThan(0)
            for (const secret of SECRETS) expect(JSON.stringify(explanation)).not.toContain(secret)
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('what an accepted rule signs, the verifier accepts for the declared service and region', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(
            validTemplate.filter((t) => t.algorithm === 'sigv4'),
            { minLength: 1, maxLength: 4 },
          )
          .chain((templates) =>
            fc.tuple(fc.constant(templates), fc.nat({ max: templates.length - 1 }), fc.nat(), path),
          ),
        async ([templates, pick, hostPick, p]) => {
          const t = templates[pick]!
          const host = t.sampleHosts[hostPick % t.sampleHosts.length]!
          const url = new URL(`https://${host}${t.host.port === undefined ? '' : `:${t.host.port}`}${p}`)
          const index = firstMatch(templates, url)
          const declared = templates[index]!
          const signer = createSigner({
            credentials: CREDENTIALS,
            rules: templates.map((x) => x.rule) as never,
            now: () => NOW,
          })
          const { request, plan } = await signer.sign({
            method: 'PUT',
            url,
            body: 'payload',
            headers: { 'content-type': 'text/plain' },
          })
          expectPlanAsDeclared(plan, templates, url)
          const options: VerifierOptions = {
            credentials: [CREDENTIALS, OTHER_CREDENTIALS, SESSION_ROLE],
            endpoints: {
              [url.hostname]: {
                service: declared.service,
                region: declared.region!,
                ...(declared.s3 ? { dialect: 's3' as const } : { dialect: 'query' as const }),
              },
            },
            now: () => NOW,
          }
          const result = await verifyRequest(toFetchRequest(request), options)
          expect(result.ok, result.ok ? '' : `${result.code}: ${result.message}`).toBe(true)
          const expectedKey =
            (declared.rule.credentials as { accessKeyId?: string } | undefined)?.accessKeyId ??
            CREDENTIALS.accessKeyId
          if (result.ok) expect(result.accessKeyId).toBe(expectedKey)
        },
      ),
      { numRuns: 80 },
    )
  })
})

/** A counterexample for an assertion message, with the test secrets masked (messages are scanned too). */
function describeValue(value: unknown): string {
  let text: string
  try {
    text = fc.stringify(value)
  } catch {
    text = typeof value
  }
  for (const secret of SECRETS) text = text.split(secret).join('<secret>')
  return text
}
