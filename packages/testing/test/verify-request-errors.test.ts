import { describe, expect, it } from 'vitest'
import { toResponse, type VerifierOptions, type VerifyResult, verifyRequest } from '../src/index'
import { CREDENTIALS, SESSION_CREDENTIALS, signForTest } from './support/sign-for-test'

const NOW = new Date('2026-11-22T12:00:00Z')
const API = 'abc123.execute-api.eu-west-1.amazonaws.com'
const BUCKET = 'bucket.s3.eu-central-1.amazonaws.com'
const STS = 'sts.us-west-2.amazonaws.com'
const MRAP = 'mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com'
const SIGV4A_API = 'api.example.com'
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'

const options: VerifierOptions = {
  credentials: [
    CREDENTIALS,
    {
      accessKeyId: 'ASIATEMPORARY',
      secretAccessKey: 'temporary-secret',
      sessionToken: 'session-token-example',
    },
  ],
  endpoints: {
    [API]: { service: 'execute-api', region: 'eu-west-1' },
    [BUCKET]: { service: 's3', region: 'eu-central-1' },
    [STS]: { service: 'sts', region: 'us-west-2' },
    [MRAP]: { service: 's3', region: 'eu-west-1', algorithm: 'sigv4a', sigv4aOnly: true },
    [SIGV4A_API]: { service: 'execute-api', region: 'us-west-2', algorithm: 'sigv4a' },
  },
  now: () => NOW,
}

function summary(result: VerifyResult): string {
  return result.ok ? 'ok' : `${result.status} ${result.code}: ${result.message}`
}

async function failure(request: Request, overrides: Partial<VerifierOptions> = {}) {
  const result = await verifyRequest(request, { ...options, ...overrides })
  if (result.ok) throw new Error('expected a failure')
  // Every answer carries the verifier's clock in Date.
  expect(result.headers.get('date')).toBe(NOW.toUTCString())
  return result
}

const apiRequest = (overrides: Partial<Parameters<typeof signForTest>[0]> = {}) =>
  signForTest({
    url: `https://${API}/prod/items?b=2&a=1`,
    service: 'execute-api',
    region: 'eu-west-1',
    date: NOW,
    ...overrides,
  })

const s3Request = (overrides: Partial<Parameters<typeof signForTest>[0]> = {}) =>
  signForTest({
    url: `https://${BUCKET}/my%20key.txt`,
    service: 's3',
    region: 'eu-central-1',
    date: NOW,
    s3: true,
    contentSha256: 'hash',
    ...overrides,
  })

describe('API Gateway dialect (JSON errors, 5-minute window)', () => {
  it('accepts a correctly signed request', async () => {
    const result = await verifyRequest(await apiRequest(), options)
    expect(summary(result)).toBe('ok')
    if (!result.ok) return
    expect(result.scope).toBe('20261122/eu-west-1/execute-api/aws4_request')
    expect(result.query).toEqual([
      ['b', '2'],
      ['a', '1'],
    ])
  })

  it('Missing Authentication Token', async () => {
    const result = await failure(new Request(`https://${API}/prod/items`))
    expect(summary(result)).toBe('403 MissingAuthenticationTokenException: Missing Authentication Token')
    expect(JSON.parse(result.body)).toEqual({ message: 'Missing Authentication Token' })
    expect(result.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException')
    expect(result.headers.get('content-type')).toBe('application/json')
  })

  it('an unknown access key: The security token included in the request is invalid.', async () => {
    const result = await failure(await apiRequest({ accessKeyId: 'AKIDUNKNOWN' }))
    expect(summary(result)).toBe(
      '403 UnrecognizedClientException: The security token included in the request is invalid.',
    )
  })

  it('a wrong or missing session token: The security token included in the request is invalid.', async () => {
    const wrong = await failure(
      await apiRequest({
        accessKeyId: 'ASIATEMPORARY',
        secretAccessKey: 'temporary-secret',
        sessionToken: 'other-token',
      }),
    )
    expect(summary(wrong)).toBe(
      '403 UnrecognizedClientException: The security token included in the request is invalid.',
    )
    const missing = await failure(
      await apiRequest({ accessKeyId: 'ASIATEMPORARY', secretAccessKey: 'temporary-secret' }),
    )
    expect(missing.message).toBe('The security token included in the request is invalid.')
    const right = await verifyRequest(
      await apiRequest({
        accessKeyId: 'ASIATEMPORARY',
        secretAccessKey: 'temporary-secret',
        sessionToken: 'session-token-example',
      }),
      options,
    )
    expect(summary(right)).toBe('ok')
  })

  it("Credential should be scoped to a valid region, not '<region>'.", async () => {
    const result = await failure(await apiRequest({ region: 'us-east-1' }))
    expect(summary(result)).toBe(
      "403 InvalidSignatureException: Credential should be scoped to a valid region, not 'us-east-1'.",
    )
  })

  it("Credential should be scoped to correct service: '<service>'.", async () => {
    const result = await failure(await apiRequest({ service: 'lambda' }))
    expect(summary(result)).toBe(
      "403 InvalidSignatureException: Credential should be scoped to correct service: 'execute-api'.",
    )
  })

  it('signature mismatch, with the canonical request and string to sign in the message body', async () => {
    const result = await failure(await apiRequest({ secretAccessKey: 'wrong-secret' }))
    expect(summary(result)).toBe(`403 InvalidSignatureException: ${SIGNATURE_MISMATCH}`)
    const { message } = JSON.parse(result.body) as { message: string }
    expect(message).toBe(
      `${SIGNATURE_MISMATCH}\n\nThe Canonical String for this request should have been\n'${result.canonicalRequest}'\n\nThe String-to-Sign should have been\n'${result.stringToSign}'\n`,
    )
    expect(result.canonicalRequest).toContain('/prod/items\na=1&b=2\n')
  })

  it('Signature expired (5 min.)', async () => {
    const result = await failure(await apiRequest({ date: new Date(NOW.getTime() - 5 * 60_000 - 1000) }))
    expect(summary(result)).toBe(
      '403 InvalidSignatureException: Signature expired: 20261122T115459Z is now earlier than 20261122T115500Z (20261122T120000Z - 5 min.)',
    )
  })

  it('Signature not yet current (5 min.)', async () => {
    const result = await failure(await apiRequest({ date: new Date(NOW.getTime() + 5 * 60_000 + 1000) }))
    expect(summary(result)).toBe(
      '403 InvalidSignatureException: Signature not yet current: 20261122T120501Z is still later than 20261122T120500Z (20261122T120000Z + 5 min.)',
    )
  })

  it('accepts a request 5 minutes off', async () => {
    expect(
      summary(await verifyRequest(await apiRequest({ date: new Date(NOW.getTime() - 5 * 60_000) }), options)),
    ).toBe('ok')
  })

  it('refuses UNSIGNED-PAYLOAD: API Gateway hashes the body itself', async () => {
    const result = await failure(
      await apiRequest({ method: 'POST', body: '{"a":1}', contentSha256: 'UNSIGNED-PAYLOAD' }),
    )
    expect(summary(result)).toBe(`403 InvalidSignatureException: ${SIGNATURE_MISMATCH}`)
  })

  it('checks x-amz-content-sha256 against the body', async () => {
    const signed = await apiRequest({ method: 'POST', body: '{"a":1}', contentSha256: 'hash' })
    expect(summary(await verifyRequest(signed, options))).toBe('ok')
    const other = new Request(signed, { body: '{"a":2}' })
    expect((await failure(other)).message).toBe(SIGNATURE_MISMATCH)
  })

  it('an Authorization header missing its parts, or not signing host', async () => {
    const headers = { 'x-amz-date': '20261122T120000Z' }
    const partial = await failure(
      new Request(`https://${API}/prod`, {
        headers: {
          ...headers,
          authorization:
            'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/eu-west-1/execute-api/aws4_request',
        },
      }),
    )
    expect(summary(partial)).toBe(
      "403 IncompleteSignatureException: Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter.",
    )
    const shortScope = await failure(
      new Request(`https://${API}/prod`, {
        headers: {
          ...headers,
          authorization:
            'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/execute-api/aws4_request, SignedHeaders=host, Signature=00',
        },
      }),
    )
    expect(shortScope.message).toBe(
      "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKIDEXAMPLE/20261122/execute-api/aws4_request'",
    )
    const noHost = await failure(
      new Request(`https://${API}/prod`, {
        headers: {
          ...headers,
          authorization:
            'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/eu-west-1/execute-api/aws4_request, SignedHeaders=x-amz-date, Signature=00',
        },
      }),
    )
    expect(noHost.message).toBe("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")
  })

  it('an Authorization header that is not SigV4', async () => {
    const result = await failure(
      new Request(`https://${API}/prod`, { headers: { authorization: 'Bearer abc' } }),
    )
    expect(result.code).toBe('IncompleteSignatureException')
  })
})

describe('S3 dialect (XML <Error>, 15-minute window)', () => {
  it('accepts a signed request with a single-encoded path', async () => {
    const result = await verifyRequest(await s3Request(), options)
    expect(summary(result)).toBe('ok')
    if (result.ok) expect(result.canonicalRequest.split('\n')[1]).toBe('/my%20key.txt')
  })

  it('accepts UNSIGNED-PAYLOAD', async () => {
    const result = await verifyRequest(
      await s3Request({ method: 'PUT', body: 'hello', contentSha256: 'UNSIGNED-PAYLOAD' }),
      options,
    )
    expect(summary(result)).toBe('ok')
  })

  it('The AWS Access Key Id you provided does not exist in our records.', async () => {
    const result = await failure(await s3Request({ accessKeyId: 'AKIDUNKNOWN' }))
    expect(summary(result)).toBe(
      '403 InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records.',
    )
    expect(result.body).toContain('<AWSAccessKeyId>AKIDUNKNOWN</AWSAccessKeyId>')
    expect(result.headers.get('content-type')).toBe('application/xml')
  })

  it('a wrong region: 400 AuthorizationHeaderMalformed naming the bucket region', async () => {
    const result = await failure(await s3Request({ region: 'us-east-1' }))
    expect(summary(result)).toBe(
      "400 AuthorizationHeaderMalformed: The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-central-1'",
    )
    expect(result.body).toContain('<Region>eu-central-1</Region>')
    expect(result.headers.get('x-amz-bucket-region')).toBe('eu-central-1')
  })

  it('a wrong region in a presigned URL', async () => {
    const result = await failure(await s3Request({ region: 'us-east-1', presign: 60 }))
    expect(summary(result)).toBe(
      "400 AuthorizationQueryParametersError: Error parsing the X-Amz-Credential parameter; the region 'us-east-1' is wrong; expecting 'eu-central-1'",
    )
    expect(result.headers.get('x-amz-bucket-region')).toBe('eu-central-1')
  })

  it('a wrong service', async () => {
    const result = await failure(await s3Request({ service: 'execute-api' }))
    expect(result.message).toBe(
      'The authorization header is malformed; incorrect service "execute-api". This endpoint belongs to "s3".',
    )
  })

  it('RequestTimeTooSkewed with <ServerTime>', async () => {
    const result = await failure(await s3Request({ date: new Date(NOW.getTime() - 16 * 60_000) }))
    expect(summary(result)).toBe(
      '403 RequestTimeTooSkewed: The difference between the request time and the current time is too large.',
    )
    expect(result.body).toContain('<RequestTime>20261122T114400Z</RequestTime>')
    expect(result.body).toContain('<ServerTime>2026-11-22T12:00:00Z</ServerTime>')
    expect(result.body).toContain('<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>')
  })

  it('signature mismatch, with <CanonicalRequest> and <StringToSign>', async () => {
    const result = await failure(await s3Request({ secretAccessKey: 'wrong-secret' }))
    expect(summary(result)).toBe(`403 SignatureDoesNotMatch: ${SIGNATURE_MISMATCH}`)
    expect(result.body).toContain(
      '<StringToSign>AWS4-HMAC-SHA256\n20261122T120000Z\n20261122/eu-central-1/s3/aws4_request\n',
    )
    expect(result.body).toContain('<CanonicalRequest>GET\n/my%20key.txt\n')
  })

  it('a path signed double-encoded does not match', async () => {
    const result = await failure(await s3Request({ s3: false }))
    expect(result.code).toBe('SignatureDoesNotMatch')
  })

  it('x-amz-content-sha256 is required, and must match the body', async () => {
    const missing = await failure(await s3Request({ contentSha256: undefined as never }))
    expect(summary(missing)).toBe(
      '400 InvalidRequest: Missing required header for this request: x-amz-content-sha256',
    )
    const signed = await s3Request({ method: 'PUT', body: 'hello' })
    const mismatch = await failure(new Request(signed, { body: 'hellp' }))
    expect(summary(mismatch)).toBe(
      "400 XAmzContentSHA256Mismatch: The provided 'x-amz-content-sha256' header does not match what was computed.",
    )
  })

  it('presigned: accepted until X-Amz-Expires, then Request has expired', async () => {
    const request = await s3Request({ presign: 900, contentSha256: undefined as never })
    expect(summary(await verifyRequest(request, options))).toBe('ok')
    const later = await verifyRequest(request, { ...options, now: () => new Date(NOW.getTime() + 901_000) })
    expect(summary(later)).toBe('403 AccessDenied: Request has expired')
    expect(later.ok ? '' : later.body).toContain('<X-Amz-Expires>900</X-Amz-Expires>')
  })

  it('presigned: a payload hash hoisted into the query is used and checked', async () => {
    const unsigned = await s3Request({
      url: `https://${BUCKET}/k?x-amz-content-sha256=UNSIGNED-PAYLOAD`,
      presign: 60,
      contentSha256: undefined as never,
    })
    expect(summary(await verifyRequest(unsigned, options))).toBe('ok')
    const hashed = await s3Request({
      url: `https://${BUCKET}/k?x-amz-content-sha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`,
      presign: 60,
      contentSha256: undefined as never,
    })
    const result = await verifyRequest(hashed, options)
    expect(summary(result)).toBe('ok')
    if (result.ok)
      expect(result.canonicalRequest.split('\n').at(-1)).toBe(
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      )
  })

  it('presigned: X-Amz-Expires longer than 7 days', async () => {
    const result = await failure(await s3Request({ presign: 604801, contentSha256: undefined as never }))
    expect(summary(result)).toBe(
      '400 AuthorizationQueryParametersError: X-Amz-Expires must be less than a week (in seconds) that is 604800',
    )
  })
})

describe('query dialect (EC2/IAM/STS: XML <ErrorResponse>, 15-minute window)', () => {
  const stsRequest = (overrides: Partial<Parameters<typeof signForTest>[0]> = {}) =>
    signForTest({
      url: `https://${STS}/?Action=GetCallerIdentity&Version=2011-06-15`,
      service: 'sts',
      region: 'us-west-2',
      date: NOW,
      ...overrides,
    })

  it('accepts a signed request, with a session token', async () => {
    const result = await verifyRequest(
      await stsRequest({
        ...SESSION_CREDENTIALS,
        accessKeyId: 'ASIATEMPORARY',
        secretAccessKey: 'temporary-secret',
      }),
      options,
    )
    expect(summary(result)).toBe('ok')
  })

  it('Signature expired (15 min.)', async () => {
    const result = await failure(await stsRequest({ date: new Date(NOW.getTime() - 16 * 60_000) }))
    expect(summary(result)).toBe(
      '403 SignatureDoesNotMatch: Signature expired: 20261122T114400Z is now earlier than 20261122T114500Z (20261122T120000Z - 15 min.)',
    )
    expect(result.body).toContain(
      '<ErrorResponse><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code>',
    )
  })

  it('Signature not yet current (15 min.)', async () => {
    const result = await failure(await stsRequest({ date: new Date(NOW.getTime() + 16 * 60_000) }))
    expect(result.message).toBe(
      'Signature not yet current: 20261122T121600Z is still later than 20261122T121500Z (20261122T120000Z + 15 min.)',
    )
  })

  it('a wrong region, an unknown key, a missing signature', async () => {
    expect(summary(await failure(await stsRequest({ region: 'us-east-1' })))).toBe(
      "403 SignatureDoesNotMatch: Credential should be scoped to a valid region, not 'us-east-1'.",
    )
    expect(summary(await failure(await stsRequest({ accessKeyId: 'AKIDUNKNOWN' })))).toBe(
      '403 InvalidClientTokenId: The security token included in the request is invalid.',
    )
    expect(summary(await failure(new Request(`https://${STS}/`)))).toBe(
      '403 MissingAuthenticationToken: Request is missing Authentication Token',
    )
  })

  it('reads the query as services do: + is a space, repeated keys and empty values kept', async () => {
    const request = await stsRequest({ url: `https://${STS}/?b=x+y&a=2&a=1&empty=&flag` })
    const result = await verifyRequest(request, options)
    expect(summary(result)).toBe('ok')
    if (!result.ok) return
    expect(result.canonicalRequest.split('\n')[2]).toBe('a=1&a=2&b=x%20y&empty=&flag=')
    expect(result.query).toEqual([
      ['b', 'x y'],
      ['a', '2'],
      ['a', '1'],
      ['empty', ''],
      ['flag', ''],
    ])
  })

  it('the scope date must match X-Amz-Date', async () => {
    const signed = await stsRequest()
    const headers = new Headers(signed.headers)
    headers.set('x-amz-date', '20261121T120000Z')
    const result = await failure(new Request(signed, { headers }))
    expect(result.message).toBe(
      "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20261122' != '20261121', from '20261121T120000Z'.",
    )
  })
})

describe('SigV4A', () => {
  it('accepts a region set with wildcards that covers the endpoint region', async () => {
    for (const regionSet of [['*'], ['us-*'], ['eu-west-1', 'us-west-2']]) {
      const request = await signForTest({
        url: `https://${SIGV4A_API}/items`,
        service: 'execute-api',
        regionSet,
        date: NOW,
      })
      const result = await verifyRequest(request, options)
      expect(summary(result)).toBe('ok')
      if (result.ok) expect([result.algorithm, result.regionSet]).toEqual(['sigv4a', regionSet])
    }
  })

  it('refuses a region set that does not cover the endpoint region', async () => {
    const request = await signForTest({
      url: `https://${SIGV4A_API}/items`,
      service: 'execute-api',
      regionSet: ['eu-*'],
      date: NOW,
    })
    expect(summary(await failure(request))).toBe(
      "403 InvalidSignatureException: The region set 'eu-*' does not cover the region 'us-west-2' of this endpoint.",
    )
  })

  it('a sigv4a endpoint also accepts SigV4 for its region', async () => {
    const request = await signForTest({
      url: `https://${SIGV4A_API}/items`,
      service: 'execute-api',
      region: 'us-west-2',
      date: NOW,
    })
    expect(summary(await verifyRequest(request, options))).toBe('ok')
  })

  it('S3 Multi-Region Access Points (sigv4aOnly) refuse SigV4 and accept SigV4A', async () => {
    const sigv4 = await signForTest({
      url: `https://${MRAP}/key`,
      service: 's3',
      region: 'eu-west-1',
      date: NOW,
      s3: true,
      contentSha256: 'hash',
    })
    expect(summary(await failure(sigv4))).toBe(
      '400 InvalidRequest: The authorization mechanism you have provided is not supported. Please use AWS4-ECDSA-P256-SHA256.',
    )
    const sigv4a = await signForTest({
      url: `https://${MRAP}/key`,
      service: 's3',
      regionSet: ['*'],
      date: NOW,
      s3: true,
      contentSha256: 'hash',
    })
    expect(summary(await verifyRequest(sigv4a, options))).toBe('ok')
  })

  it('presigned SigV4A', async () => {
    const request = await signForTest({
      url: `https://${SIGV4A_API}/items?x=1`,
      service: 'execute-api',
      regionSet: ['us-*'],
      date: NOW,
      presign: 300,
    })
    const result = await verifyRequest(request, options)
    expect(summary(result)).toBe('ok')
    if (result.ok) expect(result.authorization).toBe('query')
  })

  it('a tampered SigV4A request fails', async () => {
    const request = await signForTest({
      url: `https://${SIGV4A_API}/items`,
      service: 'execute-api',
      regionSet: ['*'],
      date: NOW,
    })
    const tampered = new Request(request.url.replace('/items', '/itemz'), request)
    expect((await failure(tampered)).message).toBe(SIGNATURE_MISMATCH)
  })
})

describe('endpoints', () => {
  it('defaults dialects from the service and lets an endpoint override it', async () => {
    const request = await apiRequest({ secretAccessKey: 'wrong' })
    expect((await failure(request)).code).toBe('InvalidSignatureException')
    const asQuery = await failure(request, {
      endpoints: { [API]: { service: 'execute-api', region: 'eu-west-1', dialect: 'query' } },
    })
    expect(asQuery.code).toBe('SignatureDoesNotMatch')
  })

  it('matches hostnames case-insensitively; a key with a port matches only that port', async () => {
    const endpoints = {
      'LOCALHOST:8080': { service: 'execute-api', region: 'eu-west-1' },
      '127.0.0.1': { service: 'execute-api', region: 'eu-west-1' },
    }
    const sign = (url: string) => signForTest({ url, service: 'execute-api', region: 'eu-west-1', date: NOW })
    expect(
      summary(await verifyRequest(await sign('http://localhost:8080/x'), { ...options, endpoints })),
    ).toBe('ok')
    expect(
      summary(await verifyRequest(await sign('http://127.0.0.1:1234/x'), { ...options, endpoints })),
    ).toBe('ok')
    const other = await verifyRequest(await sign('http://localhost:8081/x'), { ...options, endpoints })
    expect(summary(other)).toBe("404 UnknownEndpoint: No endpoint is declared for host 'localhost:8081'.")
  })

  it('a region may be a function of the request (latency routing)', async () => {
    let served = 'us-east-1'
    const endpoints = { [API]: { service: 'execute-api', region: () => served } }
    const request = await apiRequest({ region: 'us-east-1' })
    expect(summary(await verifyRequest(request, { ...options, endpoints }))).toBe('ok')
    served = 'eu-west-1'
    expect((await failure(request, { endpoints })).message).toBe(
      "Credential should be scoped to a valid region, not 'us-east-1'.",
    )
  })
})

describe('toResponse', () => {
  it('answers like AWS, with Date from the clock, or a JSON echo', async () => {
    const refused = toResponse(await verifyRequest(new Request(`https://${API}/prod`), options))
    expect(refused.status).toBe(403)
    expect(refused.headers.get('date')).toBe(NOW.toUTCString())
    expect(await refused.json()).toEqual({ message: 'Missing Authentication Token' })
    const accepted = toResponse(
      await verifyRequest(await apiRequest({ method: 'POST', body: 'hi' }), options),
    )
    expect(accepted.headers.get('date')).toBe(NOW.toUTCString())
    expect(await accepted.json()).toMatchObject({
      ok: true,
      method: 'POST',
      path: '/prod/items',
      bodySha256: '8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4',
      scope: '20261122/eu-west-1/execute-api/aws4_request',
      signedHeaders: ['host', 'x-amz-date'],
    })
  })
})
