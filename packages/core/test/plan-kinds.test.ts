import { createSigner, type SignerOptions } from '@awssig/core'
import { type EndpointConfig, verifyRequest } from '@awssig/testing'
import { describe, expect, it } from 'vitest'
import { CREDENTIALS, OTHER_CREDENTIALS, SESSION_CREDENTIALS, toFetchRequest } from './support/verify'

const NOW = new Date('2026-11-22T12:00:00Z')
const now = () => NOW
const DAY = '20261122'

async function signAndVerify(
  url: string,
  endpoint: EndpointConfig,
  options: SignerOptions = {},
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
) {
  const signer = createSigner({ credentials: CREDENTIALS, now, ...options })
  const { request, plan } = await signer.sign({
    method: init.method ?? 'GET',
    url,
    body: init.body,
    headers: init.headers,
  })
  const host = new URL(url).hostname
  // The account knows one secret (and token) per access key id, as AWS does.
  const main = options.credentials === SESSION_CREDENTIALS ? SESSION_CREDENTIALS : CREDENTIALS
  const result = await verifyRequest(toFetchRequest(request), {
    credentials: [main, OTHER_CREDENTIALS],
    endpoints: { [host]: endpoint },
    now,
  })
  return { result, plan, request }
}

describe('every plan kind is accepted by the independent verifier with the scope AWS documents', () => {
  it('regional endpoint (inferred): ec2.us-west-2', async () => {
    const { result, plan } = await signAndVerify(
      'https://ec2.us-west-2.amazonaws.com/?Action=DescribeRegions&Version=2016-11-15',
      {
        service: 'ec2',
        region: 'us-west-2',
      },
    )
    expect(plan).toMatchObject({ service: 'ec2', region: 'us-west-2', source: 'aws' })
    expect(result).toMatchObject({ ok: true, scope: `${DAY}/us-west-2/ec2/aws4_request` })
  })

  it.each([
    ['route53.amazonaws.com', 'route53'],
    ['iam.amazonaws.com', 'iam'],
  ])('global endpoint %s signs for us-east-1', async (host, service) => {
    const { result, plan } = await signAndVerify(`https://${host}/`, { service, region: 'us-east-1' })
    expect(plan).toMatchObject({ service, region: 'us-east-1' })
    expect(result).toMatchObject({ ok: true, scope: `${DAY}/us-east-1/${service}/aws4_request` })
  })

  it.each([
    ['virtual-hosted', 'https://my-bucket.s3.eu-west-1.amazonaws.com/photos/a%20b+c.jpg'],
    ['path-style', 'https://s3.eu-west-1.amazonaws.com/my-bucket/photos/a%20b.jpg'],
    ['access point', 'https://my-ap-123456789012.s3-accesspoint.eu-west-1.amazonaws.com/key'],
  ])('S3 %s', async (_kind, url) => {
    const { result, plan, request } = await signAndVerify(
      url,
      { service: 's3', region: 'eu-west-1' },
      {},
      { method: 'PUT', body: 'hello', headers: { 'content-type': 'text/plain' } },
    )
    expect(plan).toMatchObject({ service: 's3', region: 'eu-west-1', s3: true })
    expect(request.headers.get('x-amz-content-sha256')).toMatch(/^[0-9a-f]{64}$/)
    expect(result).toMatchObject({ ok: true, scope: `${DAY}/eu-west-1/s3/aws4_request` })
  })

  it('S3 with unsignedPayload sends UNSIGNED-PAYLOAD', async () => {
    const { result, request } = await signAndVerify(
      'https://my-bucket.s3.eu-west-1.amazonaws.com/big',
      { service: 's3', region: 'eu-west-1' },
      {
        rules: [
          { host: '*.s3.eu-west-1.amazonaws.com', service: 's3', region: 'eu-west-1', unsignedPayload: true },
        ],
      },
      { method: 'PUT', body: 'large body' },
    )
    expect(request.headers.get('x-amz-content-sha256')).toBe('UNSIGNED-PAYLOAD')
    expect(result.ok).toBe(true)
  })

  it.each([
    [['us-*'], 'us-east-2'],
    [['*'], 'ap-southeast-2'],
  ])('SigV4A region set %j', async (regionSet, serverRegion) => {
    const { result, request } = await signAndVerify(
      'https://api.example.com/orders?id=7',
      { service: 'execute-api', region: serverRegion, algorithm: 'sigv4a' },
      { rules: [{ host: 'api.example.com', service: 'execute-api', algorithm: 'sigv4a', regionSet }] },
      { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } },
    )
    expect(request.headers.get('x-amz-region-set')).toBe(regionSet.join(','))
    expect(result).toMatchObject({ ok: true, algorithm: 'sigv4a', scope: `${DAY}/execute-api/aws4_request` })
  })

  it('S3 Multi-Region Access Point (inferred SigV4A *)', async () => {
    const { result, plan } = await signAndVerify(
      'https://mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com/key',
      {
        service: 's3',
        region: 'eu-central-1',
        algorithm: 'sigv4a',
        sigv4aOnly: true,
      },
    )
    expect(plan).toMatchObject({ service: 's3', algorithm: 'sigv4a', regionSet: ['*'] })
    expect(result).toMatchObject({ ok: true, algorithm: 'sigv4a' })
  })

  it('session token is sent and signed', async () => {
    const { result, request } = await signAndVerify(
      'https://sts.us-east-1.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15',
      { service: 'sts', region: 'us-east-1' },
      { credentials: SESSION_CREDENTIALS },
    )
    expect(request.headers.get('x-amz-security-token')).toBe('session-token-example')
    expect(result).toMatchObject({
      ok: true,
      signedHeaders: expect.arrayContaining(['x-amz-security-token']),
    })
  })

  it('per-rule credentials sign with that rule’s key', async () => {
    const { result } = await signAndVerify(
      'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items',
      { service: 'execute-api', region: 'eu-west-1' },
      { rules: [{ host: 'abc123.execute-api.eu-west-1.amazonaws.com', credentials: OTHER_CREDENTIALS }] },
    )
    expect(result).toMatchObject({
      ok: true,
      accessKeyId: OTHER_CREDENTIALS.accessKeyId,
      scope: `${DAY}/eu-west-1/execute-api/aws4_request`,
    })
  })

  describe('presigned URLs', () => {
    const verifyUrl = (url: string, endpoint: EndpointConfig, credentials = CREDENTIALS) =>
      verifyRequest(new Request(url), {
        credentials: [credentials],
        endpoints: { [new URL(url).hostname]: endpoint },
        now,
      })

    it('SigV4 (S3 GET, session token)', async () => {
      const signer = createSigner({ credentials: SESSION_CREDENTIALS, now })
      const url = await signer.presign(
        { method: 'GET', url: 'https://my-bucket.s3.eu-west-1.amazonaws.com/a/b c.txt' },
        { expiresIn: 900 },
      )
      expect(new URL(url).searchParams.get('X-Amz-Security-Token')).toBe('session-token-example')
      expect(await verifyUrl(url, { service: 's3', region: 'eu-west-1' }, SESSION_CREDENTIALS)).toMatchObject(
        {
          ok: true,
          authorization: 'query',
        },
      )
    })

    it('SigV4 (execute-api, rule)', async () => {
      const signer = createSigner({
        credentials: CREDENTIALS,
        now,
        rules: [{ host: 'api.example.com', service: 'execute-api', region: 'eu-west-1' }],
      })
      const url = await signer.presign(
        { method: 'GET', url: 'https://api.example.com/x?b=2&a=1&a=0' },
        { expiresIn: 60 },
      )
      expect(await verifyUrl(url, { service: 'execute-api', region: 'eu-west-1' })).toMatchObject({
        ok: true,
      })
    })

    it('SigV4A (region set us-*)', async () => {
      const signer = createSigner({
        credentials: CREDENTIALS,
        now,
        rules: [
          { host: 'api.example.com', service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] },
        ],
      })
      const url = await signer.presign(
        { method: 'GET', url: 'https://api.example.com/x?q=%E2%9C%93' },
        { expiresIn: 300 },
      )
      expect(new URL(url).searchParams.get('X-Amz-Region-Set')).toBe('us-*')
      expect(
        await verifyUrl(url, { service: 'execute-api', region: 'us-west-2', algorithm: 'sigv4a' }),
      ).toMatchObject({
        ok: true,
        algorithm: 'sigv4a',
        authorization: 'query',
      })
    })

    it('SigV4 (S3 PUT with a signed content-type)', async () => {
      const signer = createSigner({ credentials: CREDENTIALS, now })
      const url = await signer.presign(
        {
          method: 'PUT',
          url: 'https://my-bucket.s3.eu-west-1.amazonaws.com/up/load.txt',
          headers: { 'content-type': 'text/plain' },
        },
        { expiresIn: 600 },
      )
      expect(new URL(url).searchParams.get('X-Amz-SignedHeaders')).toBe('content-type;host')
      const request = new Request(url, {
        method: 'PUT',
        headers: { 'content-type': 'text/plain' },
        body: 'any bytes',
      })
      const result = await verifyRequest(request, {
        credentials: [CREDENTIALS],
        endpoints: { 'my-bucket.s3.eu-west-1.amazonaws.com': { service: 's3', region: 'eu-west-1' } },
        now,
      })
      expect(result).toMatchObject({ ok: true, authorization: 'query' })
    })

    it('SigV4A (S3 Multi-Region Access Point, inferred *)', async () => {
      const signer = createSigner({ credentials: CREDENTIALS, now })
      const url = await signer.presign(
        { method: 'GET', url: 'https://mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com/k%20ey' },
        { expiresIn: 3600 },
      )
      expect(new URL(url).searchParams.get('X-Amz-Region-Set')).toBe('*')
      expect(
        await verifyUrl(url, {
          service: 's3',
          region: 'ap-northeast-1',
          algorithm: 'sigv4a',
          sigv4aOnly: true,
        }),
      ).toMatchObject({ ok: true, algorithm: 'sigv4a', authorization: 'query' })
    })

    it('an expired presigned URL is refused', async () => {
      const signer = createSigner({
        credentials: CREDENTIALS,
        now: () => new Date(NOW.getTime() - 3_600_000),
      })
      const url = await signer.presign(
        { method: 'GET', url: 'https://my-bucket.s3.eu-west-1.amazonaws.com/k' },
        { expiresIn: 60 },
      )
      expect(await verifyUrl(url, { service: 's3', region: 'eu-west-1' })).toMatchObject({
        ok: false,
        status: 403,
      })
    })
  })
})

describe('a deliberately wrong rule is refused with the AWS error', () => {
  it('wrong region', async () => {
    const { result, plan } = await signAndVerify(
      'https://api.corp.example/items',
      { service: 'execute-api', region: 'us-east-1' },
      { rules: [{ host: '*.corp.example', service: 'execute-api', region: 'eu-west-1' }] },
    )
    expect(plan?.region).toBe('eu-west-1')
    expect(result).toMatchObject({
      ok: false,
      status: 403,
      message: "Credential should be scoped to a valid region, not 'eu-west-1'.",
    })
  })

  it('wrong service', async () => {
    const { result } = await signAndVerify(
      'https://api.corp.example/items',
      { service: 'execute-api', region: 'eu-west-1' },
      { rules: [{ host: 'api.corp.example', service: 'lambda', region: 'eu-west-1' }] },
    )
    expect(result).toMatchObject({
      ok: false,
      status: 403,
      message: "Credential should be scoped to correct service: 'execute-api'.",
    })
  })

  it('SigV4A region set that does not cover the endpoint', async () => {
    const { result } = await signAndVerify(
      'https://api.example.com/',
      { service: 'execute-api', region: 'eu-west-1', algorithm: 'sigv4a' },
      {
        rules: [
          { host: 'api.example.com', service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] },
        ],
      },
    )
    expect(result).toMatchObject({ ok: false, status: 403 })
    expect(result.ok === false && result.message).toContain("does not cover the region 'eu-west-1'")
  })

  it('wrong region on S3 names the bucket region', async () => {
    const { result } = await signAndVerify(
      'https://my-bucket.s3.amazonaws.com/k',
      { service: 's3', region: 'eu-west-1' },
      { rules: [{ host: 'my-bucket.s3.amazonaws.com', service: 's3', region: 'us-east-1' }] },
    )
    expect(result).toMatchObject({ ok: false, status: 400 })
    expect(result.ok === false && result.message).toContain(
      "the region 'us-east-1' is wrong; expecting 'eu-west-1'",
    )
  })

  it('a session token the account does not know is refused', async () => {
    const signer = createSigner({ credentials: { ...CREDENTIALS, sessionToken: 'stolen' }, now })
    const { request } = await signer.sign({ method: 'GET', url: 'https://sts.us-east-1.amazonaws.com/' })
    const result = await verifyRequest(toFetchRequest(request), {
      credentials: [SESSION_CREDENTIALS],
      endpoints: { 'sts.us-east-1.amazonaws.com': { service: 'sts', region: 'us-east-1' } },
      now,
    })
    expect(result.ok).toBe(false)
  })
})
