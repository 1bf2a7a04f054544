import { verifyRequest } from '@awssig/testing'
import { describe, expect, it } from 'vitest'
import { inferAwsHost } from '../../src/aws-hosts'
import { createSigner, InvalidInputError, InvalidRuleError } from '../../src/index'
import { CREDENTIALS, toFetchRequest } from '../support/verify'

// Issue 13, findings 2 and 3: customer-code hosts (API Gateway, AppSync, Lambda URLs, VPC Lattice, and API
// Gateway private APIs through a VPC endpoint) are claimed only by an exact host, or by a wildcard that opts
// in with `customerCode: true`; a VPC endpoint rule names the API IDs it may reach.

// Regional and zonal endpoint-specific DNS names of an interface endpoint:
// https://docs.aws.amazon.com/neptune-analytics/latest/userguide/gettingStarted-connecting-private-link-access.html
// (`vpce-1a2b3c4d-5e6f.<service>.<region>.vpce.amazonaws.com`, `vpce-1a2b3c4d-5e6f-us-east-1a.…`), and for
// API Gateway private APIs, where the `x-apigw-api-id` header (or the Host header) picks the API:
// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-api-test-invoke-url.html
const VPCE = 'vpce-0b7a22d021cc42f88-gectb2xb.execute-api.eu-west-1.vpce.amazonaws.com'
const VPCE_ZONAL = 'vpce-0b7a22d021cc42f88-gectb2xb-eu-west-1a.execute-api.eu-west-1.vpce.amazonaws.com'
const API_ID = 'a1b2c3d4e5'
const OTHER_API_ID = 'zz9yy8xx7w'

describe('API Gateway private APIs through a VPC endpoint', () => {
  it.each([VPCE, VPCE_ZONAL])('%s is customer code, its API chosen by a header', (host) => {
    expect(inferAwsHost(host)).toMatchObject({
      service: 'execute-api',
      region: 'eu-west-1',
      customerCode: true,
      apiChosenByHeader: true,
    })
  })

  it('other services behind a VPC endpoint stay AWS-operated', () => {
    const ec2 = inferAwsHost('vpce-1a2b3c4d-5e6f.ec2.us-east-1.vpce.amazonaws.com')
    expect(ec2).toMatchObject({ service: 'ec2', customerCode: false })
    expect(ec2?.apiChosenByHeader).toBeUndefined()
  })

  it.each([VPCE, VPCE_ZONAL])("%s gets no plan without a rule, even with awsHosts: 'all'", async (host) => {
    const all = createSigner({ credentials: CREDENTIALS, awsHosts: 'all' })
    const explanation = await all.explain(`https://${host}/prod/items`)
    expect(explanation.plan).toBeNull()
    expect(explanation.reason).toMatch(/apiIds/)
  })

  it('an exact rule for a VPC endpoint must name apiIds', async () => {
    // Checked against AWS host inference, which loads on demand: ready() and every call reject alike.
    const signer = createSigner({ credentials: CREDENTIALS, rules: [{ host: VPCE }] })
    await expect(signer.ready()).rejects.toThrow(InvalidRuleError)
    await expect(signer.sign({ method: 'GET', url: `https://${VPCE}/` })).rejects.toThrow(
      /rules\[0\]\.apiIds/,
    )
  })

  it.each([
    ['not an array', 'a1b2c3d4e5'],
    ['empty', []],
    ['not an API ID', ['A1B2.C3']],
  ])('apiIds %s is refused', (_label, apiIds) => {
    expect(() =>
      createSigner({ credentials: CREDENTIALS, rules: [{ host: VPCE, apiIds } as never] }),
    ).toThrow(/rules\[0\]\.apiIds/)
  })

  it('apiIds on a host that is not an API Gateway VPC endpoint is refused', async () => {
    const signer = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: 'abc123.execute-api.eu-west-1.amazonaws.com', apiIds: [API_ID] }],
    })
    await expect(signer.ready()).rejects.toThrow(/rules\[0\]\.apiIds/)
    // A rule outside AWS's domains is checked at createSigner itself.
    expect(() =>
      createSigner({
        credentials: CREDENTIALS,
        rules: [{ host: 'api.example.com', service: 'execute-api', region: 'eu-west-1', apiIds: [API_ID] }],
      }),
    ).toThrow(/rules\[0\]\.apiIds/)
  })

  const signer = createSigner({ credentials: CREDENTIALS, rules: [{ host: VPCE, apiIds: [API_ID] }] })

  it('a rule with apiIds signs x-apigw-api-id, and the verifier accepts the signature', async () => {
    const plan = await signer.resolve(`https://${VPCE}/prod/items`)
    expect(plan).toMatchObject({ service: 'execute-api', region: 'eu-west-1', apiIds: [API_ID] })
    const { request } = await signer.sign({
      method: 'GET',
      url: `https://${VPCE}/prod/items`,
      headers: { 'x-apigw-api-id': API_ID },
    })
    expect(request.headers.get('authorization')).toMatch(/SignedHeaders=host;x-amz-date;x-apigw-api-id,/)
    const verified = await verifyRequest(toFetchRequest(request), {
      credentials: [CREDENTIALS],
      endpoints: { [VPCE]: { service: 'execute-api', region: 'eu-west-1' } },
      now: () => new Date(),
    })
    expect(verified.ok).toBe(true)
  })

  it.each([
    ['without x-apigw-api-id', {}],
    ['with another API ID', { 'x-apigw-api-id': OTHER_API_ID }],
    [
      'with a Host header naming another API',
      { 'x-apigw-api-id': API_ID, host: `${OTHER_API_ID}.execute-api.eu-west-1.amazonaws.com` },
    ],
  ])('sign and presign refuse a request %s (typed, naming headers)', async (_label, headers) => {
    const request = { method: 'GET', url: `https://${VPCE}/prod/items`, headers }
    await expect(signer.sign(request)).rejects.toBeInstanceOf(InvalidInputError)
    await expect(signer.sign(request)).rejects.toMatchObject({ field: 'headers' })
    await expect(signer.presign(request, { expiresIn: 60 })).rejects.toMatchObject({ field: 'headers' })
  })

  it('a Host header naming an allowed API is accepted', async () => {
    const { request } = await signer.sign({
      method: 'GET',
      url: `https://${VPCE}/prod/items`,
      headers: { 'x-apigw-api-id': API_ID, host: `${API_ID}.execute-api.eu-west-1.amazonaws.com` },
    })
    expect(request.headers.get('authorization')).toMatch(/^AWS4-HMAC-SHA256 /)
  })
})

describe('wildcard rules and customer-code hosts', () => {
  const customerCodeHosts = [
    ['API Gateway', 'abc123.execute-api.eu-west-1.amazonaws.com'],
    ['AppSync', 'xyz.appsync-api.eu-west-1.amazonaws.com'],
    ['a Lambda function URL', 'abcdefghij.lambda-url.eu-west-1.on.aws'],
    ['VPC Lattice', 'svc-0123456789abcdef0.7d67968.vpc-lattice-svcs.eu-west-1.on.aws'],
  ] as const

  it.each(customerCodeHosts)('*.amazonaws.com / *.on.aws do not claim %s (%s)', async (_name, host) => {
    const broad = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: '*.amazonaws.com' }, { host: '*.on.aws' }],
    })
    const explanation = await broad.explain(`https://${host}/`)
    expect(explanation.plan).toBeNull()
    expect(explanation.reason).toMatch(/customerCode: true/)
  })

  it('the broad wildcard still claims hosts AWS operates', async () => {
    const broad = createSigner({ credentials: CREDENTIALS, rules: [{ host: '*.amazonaws.com' }] })
    expect((await broad.explain('https://ec2.eu-west-1.amazonaws.com/')).plan).toMatchObject({
      service: 'ec2',
      source: 'rule',
    })
  })

  it('*.execute-api.<region>.amazonaws.com spans every API of the region: no claim without the opt-in', async () => {
    const regional = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: '*.execute-api.eu-west-1.amazonaws.com' }],
    })
    expect(await regional.resolve('https://abc123.execute-api.eu-west-1.amazonaws.com/prod')).toBeNull()
    const optedIn = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: '*.execute-api.eu-west-1.amazonaws.com', customerCode: true }],
    })
    expect(
      (await optedIn.explain('https://abc123.execute-api.eu-west-1.amazonaws.com/prod')).plan,
    ).toMatchObject({
      service: 'execute-api',
      region: 'eu-west-1',
    })
  })

  it('a RegExp spanning API IDs needs the opt-in too', async () => {
    const pattern = /^[a-z0-9]+\.execute-api\.eu-west-1\.amazonaws\.com$/
    const plain = createSigner({ credentials: CREDENTIALS, rules: [{ host: pattern }] })
    expect(await plain.resolve('https://abc123.execute-api.eu-west-1.amazonaws.com/')).toBeNull()
    const optedIn = createSigner({ credentials: CREDENTIALS, rules: [{ host: pattern, customerCode: true }] })
    expect((await optedIn.resolve('https://abc123.execute-api.eu-west-1.amazonaws.com/'))?.service).toBe(
      'execute-api',
    )
  })

  it('an exact host claims as before', async () => {
    const exact = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: 'abc123.execute-api.eu-west-1.amazonaws.com' }],
    })
    expect((await exact.resolve('https://abc123.execute-api.eu-west-1.amazonaws.com/'))?.service).toBe(
      'execute-api',
    )
  })

  it('a wildcard VPC endpoint rule needs the opt-in and apiIds', async () => {
    const noIds = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: '*.execute-api.eu-west-1.vpce.amazonaws.com', customerCode: true }],
    })
    expect((await noIds.explain(`https://${VPCE}/`)).reason).toMatch(/apiIds/)
    const both = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: '*.execute-api.eu-west-1.vpce.amazonaws.com', customerCode: true, apiIds: [API_ID] }],
    })
    expect((await both.resolve(`https://${VPCE_ZONAL}/`))?.apiIds).toEqual([API_ID])
  })

  it.each([['yes'], [1], [null]])('customerCode: %s is refused (true or false only)', (value) => {
    expect(() =>
      createSigner({
        credentials: CREDENTIALS,
        rules: [{ host: '*.execute-api.eu-west-1.amazonaws.com', customerCode: value } as never],
      }),
    ).toThrow(/rules\[0\]\.customerCode/)
  })
})
