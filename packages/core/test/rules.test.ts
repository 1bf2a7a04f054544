import { createSigner, InvalidRuleError, isAwsSigError, type SigningRule } from '@awssig/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CREDENTIALS } from './support/verify'

function invalid(rules: unknown[], options: Record<string, unknown> = {}): InvalidRuleError {
  try {
    createSigner({ credentials: CREDENTIALS, rules: rules as SigningRule[], ...options })
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRuleError)
    return error as InvalidRuleError
  }
  throw new Error('createSigner accepted an invalid rule')
}

/**
 * What a signer with `rules` rejects with once its rules are checked against AWS host inference (rules naming
 * an exact AWS hostname: inference loads on demand, so `ready()` and every call settle it).
 */
async function invalidAgainstHost(rules: unknown[]): Promise<InvalidRuleError> {
  const signer = createSigner({ credentials: CREDENTIALS, rules: rules as SigningRule[] })
  const error = await signer.ready().then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(InvalidRuleError)
  return error as InvalidRuleError
}

describe('rule validation: each invalid input throws InvalidRuleError naming index, field and fix', () => {
  const ok = { host: 'api.example.com', service: 'execute-api', region: 'eu-west-1' }
  it.each([
    ['bad region', { ...ok, region: 'eu-west1' }, 'region', /not an AWS region.*us-east-1/],
    ['upper-case region', { ...ok, region: 'EU-WEST-1' }, 'region', /not an AWS region/],
    ['unknown algorithm', { ...ok, algorithm: 'sigv5' }, 'algorithm', /'sigv4' \(default\) or 'sigv4a'/],
    ['regionSet on SigV4', { ...ok, regionSet: ['us-*'] }, 'regionSet', /only for SigV4A/],
    ['region on SigV4A', { ...ok, algorithm: 'sigv4a' }, 'region', /regionSet/],
    [
      'empty regionSet',
      { host: 'a.example', service: 's', algorithm: 'sigv4a', regionSet: [] },
      'regionSet',
      /non-empty/,
    ],
    [
      'bad regionSet entry',
      { host: 'a.example', service: 's', algorithm: 'sigv4a', regionSet: ['us east'] },
      'regionSet',
      /wildcard/,
    ],
    ['empty service', { ...ok, service: '' }, 'service', /non-empty signing name/],
    ['service with a slash', { ...ok, service: 'a/b' }, 'service', /not a signing name/],
    ['empty host', { ...ok, host: '' }, 'host', /empty/],
    ['URL as host', { ...ok, host: 'https://api.example.com/x' }, 'host', /bare host/],
    [
      'backslash in host (URL reads it as a path)',
      { ...ok, host: 'api.example.com\\evil' },
      'host',
      /bare host/,
    ],
    ['star inside host', { ...ok, host: 'api.*.example.com' }, 'host', /leading '\*\.'/],
    ['bad port', { ...ok, host: 'api.example.com:99999' }, 'host', /valid hostname|outside/],
    ['global RegExp', { ...ok, host: /example/g }, 'host', /g or y flag/],
    ['number host', { ...ok, host: 42 }, 'host', /string .* or a RegExp/],
    ['missing host', { service: 's3', region: 'us-east-1' }, 'host', /required/],
    ['unknown field', { ...ok, regoin: 'eu-west-1' }, 'regoin', /unknown field/],
    ['unsignedPayload on execute-api', { ...ok, unsignedPayload: true }, 'unsignedPayload', /S3-family/],
    [
      'unsignedPayload not boolean',
      { ...ok, service: 's3', unsignedPayload: 'yes' },
      'unsignedPayload',
      /true or false/,
    ],
    [
      'credentials without secret',
      { ...ok, credentials: { accessKeyId: 'AKID' } },
      'credentials',
      /secretAccessKey/,
    ],
    ['non-AWS host without service', { host: 'api.example.com' }, 'service', /not an AWS hostname/],
    [
      'non-AWS host without region',
      { host: 'api.example.com', service: 'execute-api' },
      'region',
      /required/,
    ],
    [
      'wildcard over a non-AWS domain without service',
      { host: '*.corp.example', region: 'eu-west-1' },
      'service',
      /not under an AWS domain/,
    ],
    [
      'wildcard over a non-AWS domain without region',
      { host: '*.corp.example', service: 'execute-api' },
      'region',
      /not under an AWS domain.*add region/,
    ],
  ])('%s', (_name, rule, field, message) => {
    const error = invalid([ok, rule])
    expect(error.ruleIndex).toBe(1)
    expect(error.field).toBe(field)
    expect(error.message).toMatch(/^rules\[1\]/)
    expect(error.message).toMatch(message)
    expect(error.name).toBe('InvalidRuleError')
    expect(isAwsSigError(error)).toBe(true)
  })

  it('a wildcard rule may leave the region to the hostname under an AWS domain, or sign SigV4A elsewhere', async () => {
    const signer = createSigner({
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
      rules: [
        { host: '*.execute-api.eu-west-1.amazonaws.com', customerCode: true },
        { host: '*.corp.example', service: 'execute-api', algorithm: 'sigv4a' },
      ],
    })
    expect(await signer.resolve('https://abc.execute-api.eu-west-1.amazonaws.com/')).toMatchObject({
      service: 'execute-api',
      region: 'eu-west-1',
    })
    expect(await signer.resolve('https://api.corp.example/')).toMatchObject({
      algorithm: 'sigv4a',
      regionSet: ['*'],
    })
  })

  it('an exact-host rule contradicting the region in an AWS hostname quotes the AWS error', async () => {
    const error = await invalidAgainstHost([{ host: 'ec2.us-west-2.amazonaws.com', region: 'eu-west-1' }])
    expect(error.field).toBe('region')
    expect(error.message).toContain("Credential should be scoped to a valid region, not 'eu-west-1'.")
    expect(error.message).toContain("'us-west-2'")
  })

  it.each(['execute-api', 's3-object-lambda', 'aoss', 'es.x_y', 'AppSync', '9lives'])(
    'service %s is a signing name as rules may write it',
    async (service) => {
      const signer = createSigner({ rules: [{ host: 'api.example.com', service, region: 'eu-west-1' }] })
      expect(await signer.resolve('https://api.example.com/')).toMatchObject({ service })
    },
  )

  it('a non-object rule and a non-array rules option', () => {
    expect(invalid(['api.example.com']).field).toBe('rule')
    expect(() => createSigner({ rules: {} as never })).toThrow(InvalidRuleError)
  })

  it.each([
    ['awsHosts', 'yes'],
    ['unmatched', 'throw'],
    ['now', 5],
    ['maxBodyBytes', -1],
    ['refreshBeforeExpiryMs', Number.NaN],
    ['signedHeaders', ['bad header']],
    ['credentials', { accessKeyId: '' }],
    ['regoin', 'x'],
  ])('option %s = %j is refused', (field, value) => {
    const error = invalid([], { [field]: value })
    expect(error.ruleIndex).toBe(-1)
    expect(error.field).toBe(field)
  })
})

describe('rule matching', () => {
  const signer = createSigner({
    credentials: CREDENTIALS,
    rules: [
      { host: 'api.example.com:8443', service: 'on-port', region: 'eu-west-1' },
      { host: 'API.Example.com', service: 'exact', region: 'eu-west-1' },
      { host: '*.corp.example', service: 'wild', region: 'eu-west-2' },
      { host: /^svc-\d+\.internal$/, service: 'regexp', region: 'eu-west-3' },
      { host: 'bücher.example', service: 'idn', region: 'eu-north-1' },
    ],
  })
  it.each([
    ['https://api.example.com:8443/', 'on-port'],
    ['https://api.example.com/', 'exact'],
    ['https://API.EXAMPLE.COM./x', 'exact'],
    ['http://api.example.com:8080/', 'exact'],
    ['https://a.corp.example/', 'wild'],
    ['https://a.b.corp.example:444/', 'wild'],
    ['https://svc-12.internal/', 'regexp'],
    ['https://xn--bcher-kva.example/', 'idn'],
    ['https://BÜCHER.example/', 'idn'],
  ])('%s → %s', async (url, service) => {
    expect((await signer.resolve(url))?.service).toBe(service)
  })
  it.each(['https://corp.example/', 'https://svc-x.internal/', 'https://other.example/'])(
    '%s → no plan',
    async (url) => {
      expect(await signer.resolve(url)).toBeNull()
    },
  )

  it('first matching rule wins over AWS inference', async () => {
    const s = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: '*.amazonaws.com', service: 'mine', region: 'eu-west-1' }],
    })
    expect(await s.resolve('https://ec2.us-west-2.amazonaws.com/')).toMatchObject({
      service: 'mine',
      source: 'rule',
      ruleIndex: 0,
    })
  })

  it('a wildcard rule whose region contradicts the hostname adds a warning', async () => {
    const s = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: '*.amazonaws.com', service: 'ec2', region: 'eu-west-1' }],
    })
    const plan = await s.resolve('https://ec2.us-west-2.amazonaws.com/')
    expect(plan?.warnings.join(' ')).toContain(
      "Credential should be scoped to a valid region, not 'eu-west-1'.",
    )
  })

  it('a rule may leave service and region to inference (customer-code host named by a rule)', async () => {
    const s = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: 'abc123.execute-api.eu-west-1.amazonaws.com' }],
    })
    expect(await s.resolve('https://abc123.execute-api.eu-west-1.amazonaws.com/prod')).toMatchObject({
      service: 'execute-api',
      region: 'eu-west-1',
      source: 'rule',
    })
  })
})

describe('fuzzing rules and options: always InvalidRuleError or a working signer, never a crash', () => {
  const value = fc.oneof(
    fc.anything(),
    fc.constantFrom(
      '',
      '*',
      '*.',
      '*.example.com',
      'a..b',
      'us-east-1',
      'us-*',
      'sigv4',
      'sigv4a',
      's3',
      'ex ample',
    ),
    fc.constantFrom(/x/, /x/g, ['us-*'], [], [''], null, Number.NaN, -1, 1e20),
  )
  const ruleArb = fc.record(
    {
      host: value,
      service: value,
      region: value,
      algorithm: value,
      regionSet: value,
      unsignedPayload: value,
      credentials: value,
    },
    { requiredKeys: [] },
  )
  it('2,000 random rules and options', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ruleArb, { maxLength: 3 }),
        fc.record(
          { awsHosts: value, unmatched: value, maxBodyBytes: value, signedHeaders: value },
          { requiredKeys: [] },
        ),
        async (rules, options) => {
          let signer: ReturnType<typeof createSigner>
          try {
            signer = createSigner({
              credentials: CREDENTIALS,
              rules: rules as SigningRule[],
              ...(options as object),
            })
            await signer.ready()
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidRuleError)
            expect((error as InvalidRuleError).message.length).toBeGreaterThan(10)
            return
          }
          for (const url of [
            'https://api.example.com/',
            'https://ec2.us-west-2.amazonaws.com/',
            'http://a.b.example.com:8080/',
          ]) {
            const { plan, reason } = await signer.explain(url)
            expect(typeof reason).toBe('string')
            if (plan) expect(plan.algorithm === 'sigv4' ? plan.region : plan.regionSet).toBeTruthy()
          }
        },
      ),
      { numRuns: 2000 },
    )
  })
})
