import { toResponse, type VerifierOptions, verifyRequest } from '@awssig/testing'
import { describe, expect, it } from 'vitest'
import { diagnose, s3RegionFromResponse } from '../../src/diagnose/load-on-demand'
import type { ScopeDiagnosis } from '../../src/diagnose/types'
import { createSigner } from '../../src/index'
import type { SignableRequest, SignerOptions, SignResult } from '../../src/types'
import { CREDENTIALS, SESSION_CREDENTIALS, toFetchRequest } from '../support/verify'

// Every error here is produced by @awssig/testing's independent verifier answering as AWS would; diagnose
// never sees a hand-written body in this file.

const SERVER_NOW = new Date('2026-11-22T12:00:00Z')
const API = 'abc123.execute-api.eu-west-1.amazonaws.com'
const CUSTOM_API = 'api.example.com'
const BUCKET_GLOBAL = 'my-bucket.s3.amazonaws.com'
const EC2 = 'ec2.us-west-2.amazonaws.com'
const SIGV4A_API = 'multi.example.com'
const MRAP = 'mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com'

const verifier = (overrides: Partial<VerifierOptions> = {}): VerifierOptions => ({
  credentials: [CREDENTIALS],
  endpoints: {
    [API]: { service: 'execute-api', region: 'eu-west-1' },
    [CUSTOM_API]: { service: 'execute-api', region: 'eu-west-1' },
    [BUCKET_GLOBAL]: { service: 's3', region: 'eu-west-1' },
    [EC2]: { service: 'ec2', region: 'us-west-2' },
    [SIGV4A_API]: { service: 'execute-api', region: 'eu-west-1', algorithm: 'sigv4a' },
    [MRAP]: { service: 's3', region: 'us-east-1', algorithm: 'sigv4a', sigv4aOnly: true },
  },
  now: () => SERVER_NOW,
  ...overrides,
})

const SECRETS = [CREDENTIALS.secretAccessKey, SESSION_CREDENTIALS.sessionToken]

interface Exchange {
  signed: SignResult
  response: Response
  diagnosis: ScopeDiagnosis | null
}

/** Signs with `options`, lets the verifier answer, and diagnoses the answer. */
async function exchange(
  options: SignerOptions,
  request: SignableRequest,
  verifierOptions: VerifierOptions = verifier(),
): Promise<Exchange> {
  const signer = createSigner({ credentials: CREDENTIALS, now: () => SERVER_NOW, ...options })
  const signed = await signer.sign(request)
  const response = toResponse(await verifyRequest(toFetchRequest(signed.request), verifierOptions))
  const diagnosis = await diagnose(response, {
    plan: signed.plan,
    method: request.method,
    url: signed.request.url,
  })
  expectNoSecrets(diagnosis, signed)
  return { signed, response, diagnosis }
}

function expectNoSecrets(diagnosis: ScopeDiagnosis | null, signed: SignResult): void {
  const text = JSON.stringify(diagnosis)
  const signature = /Signature=([0-9a-f]+)/.exec(signed.request.headers.get('authorization') ?? '')?.[1]
  for (const secret of [...SECRETS, ...(signature ? [signature] : [])]) expect(text).not.toContain(secret)
}

describe('diagnose against the verifier', () => {
  it('wrong region at API Gateway: names the region from the hostname and the rule to change', async () => {
    const { diagnosis, response } = await exchange(
      { rules: [{ host: '*.execute-api.eu-west-1.amazonaws.com', customerCode: true, region: 'us-east-1' }] },
      { method: 'GET', url: `https://${API}/prod/items` },
    )
    expect(response.status).toBe(403)
    expect(diagnosis).toMatchObject({
      kind: 'wrong-region',
      status: 403,
      code: 'InvalidSignatureException',
      message: "Credential should be scoped to a valid region, not 'us-east-1'.",
      expected: { region: 'eu-west-1' },
      plan: { source: 'rule', ruleIndex: 0, region: 'us-east-1' },
    })
    expect(diagnosis?.fix).toBe(
      `Sign for region 'eu-west-1' (it was signed for 'us-east-1'): set region: 'eu-west-1' in rules[0] or add { host: '${API}', region: 'eu-west-1' } before it.`,
    )
  })

  it('wrong region at a custom domain: the answer does not say the region, the fix asks for it', async () => {
    const { diagnosis } = await exchange(
      { rules: [{ host: CUSTOM_API, service: 'execute-api', region: 'us-east-1' }] },
      { method: 'GET', url: `https://${CUSTOM_API}/items` },
    )
    expect(diagnosis?.kind).toBe('wrong-region')
    expect(diagnosis?.expected).toBeUndefined()
    expect(diagnosis?.fix).toContain(`The endpoint ${CUSTOM_API} is not in region 'us-east-1'`)
    expect(diagnosis?.fix).toContain(
      `{ host: '${CUSTOM_API}', service: 'execute-api', region: '<its region>' }`,
    )
  })

  it('wrong region in the query protocol (XML <ErrorResponse>)', async () => {
    const { diagnosis } = await exchange(
      { rules: [{ host: /^ec2\..*$/, service: 'ec2', region: 'eu-west-1' }] },
      { method: 'GET', url: `https://${EC2}/?Action=DescribeRegions&Version=2016-11-15` },
    )
    expect(diagnosis).toMatchObject({
      kind: 'wrong-region',
      status: 403,
      code: 'SignatureDoesNotMatch',
      expected: { region: 'us-west-2' },
    })
  })

  it('wrong service', async () => {
    const { diagnosis } = await exchange(
      { rules: [{ host: CUSTOM_API, service: 'lambda', region: 'eu-west-1' }] },
      {
        method: 'POST',
        url: `https://${CUSTOM_API}/items`,
        body: '{"a":1}',
        headers: { 'content-type': 'application/json' },
      },
    )
    expect(diagnosis).toMatchObject({
      kind: 'wrong-service',
      code: 'InvalidSignatureException',
      message: "Credential should be scoped to correct service: 'execute-api'.",
      expected: { service: 'execute-api' },
    })
    expect(diagnosis?.fix).toBe(
      "Sign as service 'execute-api' (it was signed as 'lambda'): set service: 'execute-api' in rules[0].",
    )
  })

  describe('clock skew', () => {
    for (const minutes of [-20, 20]) {
      it(`API Gateway, client clock ${minutes} minutes off: serverTime from Date, and from the body without it`, async () => {
        const clientNow = new Date(SERVER_NOW.getTime() + minutes * 60_000)
        const { diagnosis, response } = await exchange(
          { rules: [{ host: API }], now: () => clientNow },
          { method: 'GET', url: `https://${API}/prod/items` },
        )
        expect(diagnosis?.kind).toBe('clock-skew')
        expect(diagnosis?.message).toMatch(
          minutes < 0 ? /^Signature expired: / : /^Signature not yet current: /,
        )
        expect(diagnosis?.serverTime?.toISOString()).toBe(SERVER_NOW.toISOString())
        expect(diagnosis?.requestTime?.toISOString()).toBe(clientNow.toISOString())
        expect(diagnosis?.fix).toContain(`add ${-minutes * 60_000} to signer.clockOffsetMs`)

        // A browser cannot read `Date` cross-origin: the time must come from the message.
        const headers = new Headers(response.headers)
        headers.delete('date')
        const withoutDate = new Response(await response.text(), { status: response.status, headers })
        const fromBody = await diagnose(withoutDate, { plan: null })
        expect(fromBody?.serverTime?.toISOString()).toBe(SERVER_NOW.toISOString())
      })
    }

    it('S3 RequestTimeTooSkewed: serverTime from <ServerTime> when Date is hidden', async () => {
      const clientNow = new Date(SERVER_NOW.getTime() - 20 * 60_000)
      const { diagnosis, response } = await exchange(
        { rules: [{ host: BUCKET_GLOBAL, region: 'eu-west-1' }], now: () => clientNow },
        { method: 'GET', url: `https://${BUCKET_GLOBAL}/key.txt` },
      )
      expect(diagnosis).toMatchObject({ kind: 'clock-skew', code: 'RequestTimeTooSkewed', status: 403 })
      expect(diagnosis?.serverTime?.toISOString()).toBe(SERVER_NOW.toISOString())
      const withoutDate = new Response(await response.text(), { status: 403 })
      const fromBody = await diagnose(withoutDate)
      expect(fromBody?.serverTime?.toISOString()).toBe(SERVER_NOW.toISOString())
      expect(fromBody?.requestTime?.toISOString()).toBe(clientNow.toISOString())
    })
  })

  it('a session token the account does not know: invalid-token', async () => {
    const { diagnosis } = await exchange(
      { credentials: SESSION_CREDENTIALS, rules: [{ host: API }] },
      { method: 'GET', url: `https://${API}/prod/items` },
    )
    expect(diagnosis).toMatchObject({
      kind: 'invalid-token',
      code: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    })
  })

  it('an expired token as STS words it (query protocol)', async () => {
    const { diagnosis } = await exchange(
      { credentials: { ...CREDENTIALS, accessKeyId: 'AKIDUNKNOWN' } },
      { method: 'GET', url: `https://${EC2}/?Action=DescribeRegions&Version=2016-11-15` },
    )
    expect(diagnosis).toMatchObject({ kind: 'invalid-token', code: 'InvalidClientTokenId' })
  })

  it('an unknown access key at S3: unknown-key', async () => {
    const { diagnosis } = await exchange(
      {
        credentials: { ...CREDENTIALS, accessKeyId: 'AKIDUNKNOWN' },
        rules: [{ host: BUCKET_GLOBAL, region: 'eu-west-1' }],
      },
      { method: 'GET', url: `https://${BUCKET_GLOBAL}/key.txt` },
    )
    expect(diagnosis).toMatchObject({
      kind: 'unknown-key',
      code: 'InvalidAccessKeyId',
      message: 'The AWS Access Key Id you provided does not exist in our records.',
    })
  })

  it('an unsigned request (no rule claims the host): missing-auth with the rule to add', async () => {
    const { diagnosis, signed } = await exchange({}, { method: 'GET', url: `https://${API}/prod/items` })
    expect(signed.plan).toBeNull()
    expect(diagnosis).toMatchObject({
      kind: 'missing-auth',
      code: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
      plan: null,
    })
    expect(diagnosis?.fix).toBe(
      `The request was sent unsigned because no rule or AWS host inference claims ${API}: add { host: '${API}' } to rules.`,
    )
  })

  it('S3 wrong region: diagnosis, s3RegionFromResponse, and a re-signed request the verifier accepts', async () => {
    const request: SignableRequest = { method: 'PUT', url: `https://${BUCKET_GLOBAL}/a/b.txt`, body: 'hello' }
    const { diagnosis, response, signed } = await exchange({}, request)
    expect(signed.plan).toMatchObject({ source: 'aws', region: 'us-east-1', regionCertain: false })
    expect(response.status).toBe(400)
    expect(diagnosis).toMatchObject({
      kind: 'wrong-region',
      code: 'AuthorizationHeaderMalformed',
      expected: { region: 'eu-west-1' },
    })
    expect(diagnosis?.fix).toContain(`add { host: '${BUCKET_GLOBAL}', region: 'eu-west-1' } to rules`)
    expect(diagnosis?.fix).toContain('re-sign once for the region S3 named')

    const region = await s3RegionFromResponse(response)
    expect(region).toBe('eu-west-1')
    // diagnose and s3RegionFromResponse read clones: the caller can still read the body.
    expect(await response.text()).toContain('<Code>AuthorizationHeaderMalformed</Code>')

    const retried = await exchange({ rules: [{ host: BUCKET_GLOBAL, region: region! }] }, request)
    expect(retried.response.status).toBe(200)
    expect(retried.diagnosis).toBeNull()
  })

  it('S3 wrong region on a presigned URL (AuthorizationQueryParametersError)', async () => {
    const signer = createSigner({ credentials: CREDENTIALS, now: () => SERVER_NOW })
    const url = await signer.presign(
      { method: 'GET', url: `https://${BUCKET_GLOBAL}/key.txt` },
      { expiresIn: 900 },
    )
    const response = toResponse(await verifyRequest(new Request(url), verifier()))
    const diagnosis = await diagnose(response, { plan: await signer.resolve(url), method: 'GET', url })
    expect(diagnosis).toMatchObject({
      kind: 'wrong-region',
      code: 'AuthorizationQueryParametersError',
      expected: { region: 'eu-west-1' },
    })
    expect(await s3RegionFromResponse(response)).toBe('eu-west-1')
    expect(JSON.stringify(diagnosis)).not.toContain(new URL(url).searchParams.get('X-Amz-Signature')!)
  })

  it('a SigV4A region set that does not cover the endpoint: region-set', async () => {
    const { diagnosis } = await exchange(
      { rules: [{ host: SIGV4A_API, service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] }] },
      { method: 'GET', url: `https://${SIGV4A_API}/items` },
    )
    expect(diagnosis).toMatchObject({ kind: 'region-set', expected: { region: 'eu-west-1' } })
    expect(diagnosis?.fix).toBe(
      "The SigV4A region set ['us-*'] does not cover 'eu-west-1': add 'eu-west-1' (or '*') to regionSet of rules[0].",
    )
  })

  it('SigV4 sent to a SigV4A-only endpoint (S3 Multi-Region Access Point): region-set', async () => {
    const { diagnosis } = await exchange(
      { rules: [{ host: MRAP, service: 's3', region: 'us-east-1' }] },
      { method: 'GET', url: `https://${MRAP}/key.txt` },
    )
    expect(diagnosis?.kind).toBe('region-set')
    expect(diagnosis?.fix).toContain("algorithm: 'sigv4a', regionSet: ['*']")
  })

  it('a request changed after signing: signature-mismatch without the canonical request API Gateway appends', async () => {
    const signer = createSigner({
      credentials: SESSION_CREDENTIALS,
      now: () => SERVER_NOW,
      rules: [{ host: API }],
    })
    const signed = await signer.sign({ method: 'GET', url: `https://${API}/prod/items?a=1` })
    const tampered = new Request(signed.request.url.replace('a=1', 'a=2'), {
      headers: signed.request.headers,
    })
    const result = await verifyRequest(tampered, verifier({ credentials: [SESSION_CREDENTIALS] }))
    expect(result.ok).toBe(false)
    const response = toResponse(result)
    // The verifier, like API Gateway, echoes the canonical request (with the session token) in the body.
    expect(await response.clone().text()).toContain(SESSION_CREDENTIALS.sessionToken)
    const diagnosis = await diagnose(response, { plan: signed.plan, url: tampered.url, method: 'GET' })
    expect(diagnosis).toMatchObject({
      kind: 'signature-mismatch',
      code: 'InvalidSignatureException',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    })
    expectNoSecrets(diagnosis, signed)
  })

  it('S3 signature mismatch: <StringToSign> and <CanonicalRequest> never reach the diagnosis', async () => {
    const signer = createSigner({ credentials: SESSION_CREDENTIALS, now: () => SERVER_NOW })
    const signed = await signer.sign({
      method: 'GET',
      url: `https://my-bucket.s3.eu-west-1.amazonaws.com/key.txt`,
    })
    const tampered = new Request(signed.request.url.replace('key.txt', 'key.TXT'), {
      headers: signed.request.headers,
    })
    const result = await verifyRequest(tampered, {
      ...verifier({ credentials: [SESSION_CREDENTIALS] }),
      endpoints: { 'my-bucket.s3.eu-west-1.amazonaws.com': { service: 's3', region: 'eu-west-1' } },
    })
    expect(result.ok).toBe(false)
    const diagnosis = await diagnose(toResponse(result), { plan: signed.plan })
    expect(diagnosis).toMatchObject({ kind: 'signature-mismatch', code: 'SignatureDoesNotMatch' })
    expectNoSecrets(diagnosis, signed)
    expect(JSON.stringify(diagnosis)).not.toContain('AWS4-HMAC-SHA256\\n')
  })

  it('an accepted request is not diagnosed', async () => {
    const { response, diagnosis } = await exchange(
      { rules: [{ host: API }] },
      { method: 'GET', url: `https://${API}/x` },
    )
    expect(response.status).toBe(200)
    expect(diagnosis).toBeNull()
  })
})
