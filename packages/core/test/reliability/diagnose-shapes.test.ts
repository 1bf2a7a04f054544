import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../src/diagnose/load-on-demand'
import type { SigningPlan } from '../../src/types'

// Answers in the shapes and wording AWS services use that the verifier does not produce (JSON protocol,
// EC2's <Response><Errors>, S3 HEAD answers without a body, coral-decorated error types). The end-to-end
// cases against the verifier are in diagnose-verifier.test.ts.

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
const xml = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'application/xml', ...headers } })

const S3_PLAN: SigningPlan = {
  service: 's3',
  region: 'us-east-1',
  algorithm: 'sigv4',
  source: 'aws',
  reason: 'legacy S3 host',
  warnings: [],
  regionCertain: false,
  s3: true,
  contentSha256: true,
}

describe('diagnose: AWS error shapes', () => {
  it('JSON protocol: {"__type": "namespace#Code"} is cleaned to the bare code', async () => {
    const response = json(400, {
      __type: 'com.amazon.coral.service#UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    })
    expect(await diagnose(response)).toMatchObject({
      kind: 'invalid-token',
      code: 'UnrecognizedClientException',
      status: 400,
    })
  })

  it('x-amzn-ErrorType with a coral URL suffix, and "Message" with a capital M', async () => {
    const response = json(
      403,
      { Message: "Credential should be scoped to a valid region, not 'us-east-1'. " },
      {
        'x-amzn-ErrorType':
          'InvalidSignatureException:http://internal.amazon.com/coral/com.amazon.coral.service/',
      },
    )
    const diagnosis = await diagnose(response, {
      url: 'https://lambda.eu-central-1.amazonaws.com/2015-03-31/functions',
    })
    expect(diagnosis).toMatchObject({
      kind: 'wrong-region',
      code: 'InvalidSignatureException',
      message: "Credential should be scoped to a valid region, not 'us-east-1'.",
      expected: { region: 'eu-central-1' },
    })
  })

  it("a browser that cannot read x-amzn-ErrorType still gets the kind from the message; code is ''", async () => {
    const diagnosis = await diagnose(
      json(403, { message: "Credential should be scoped to correct service: 'execute-api'. " }),
    )
    expect(diagnosis).toMatchObject({ kind: 'wrong-service', code: '', expected: { service: 'execute-api' } })
  })

  it("EC2's <Response><Errors><Error> shape", async () => {
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>SignatureDoesNotMatch</Code><Message>Credential should be scoped to a valid region. </Message></Error></Errors><RequestID>1</RequestID></Response>'
    const diagnosis = await diagnose(xml(401, body), { url: 'https://ec2.ap-southeast-2.amazonaws.com/' })
    expect(diagnosis).toMatchObject({
      kind: 'wrong-region',
      code: 'SignatureDoesNotMatch',
      expected: { region: 'ap-southeast-2' },
    })
  })

  it('S3 HEAD answer without a body: the region comes from x-amz-bucket-region', async () => {
    const response = new Response(null, { status: 400, headers: { 'x-amz-bucket-region': 'ap-northeast-1' } })
    const diagnosis = await diagnose(response, {
      plan: S3_PLAN,
      method: 'HEAD',
      url: 'https://b.s3.amazonaws.com/k',
    })
    expect(diagnosis).toMatchObject({
      kind: 'wrong-region',
      code: '',
      expected: { region: 'ap-northeast-1' },
    })
    expect(diagnosis?.fix).toContain("add { host: 'b.s3.amazonaws.com', region: 'ap-northeast-1' } to rules")
  })

  it('a HEAD answer from API Gateway is read from x-amzn-ErrorType alone', async () => {
    const head = (type: string) => new Response(null, { status: 403, headers: { 'x-amzn-ErrorType': type } })
    expect((await diagnose(head('InvalidSignatureException')))?.kind).toBe('signature-mismatch')
    expect((await diagnose(head('UnrecognizedClientException')))?.kind).toBe('invalid-token')
    expect((await diagnose(head('MissingAuthenticationTokenException')))?.kind).toBe('missing-auth')
    expect(await diagnose(head('AccessDeniedException'))).toBeNull()
  })

  it('S3 sends x-amz-bucket-region on other errors too: those are not wrong-region', async () => {
    const body = '<Error><Code>InvalidArgument</Code><Message>Invalid argument.</Message></Error>'
    expect(
      await diagnose(xml(400, body, { 'x-amz-bucket-region': 'eu-west-1' }), { plan: S3_PLAN }),
    ).toBeNull()
  })

  it('S3 301 PermanentRedirect names the bucket region', async () => {
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.</Message><Endpoint>b.s3.eu-west-2.amazonaws.com</Endpoint><Bucket>b</Bucket><RequestId>1</RequestId></Error>'
    const diagnosis = await diagnose(xml(301, body, { 'x-amz-bucket-region': 'eu-west-2' }), {
      plan: S3_PLAN,
    })
    expect(diagnosis).toMatchObject({
      kind: 'wrong-region',
      code: 'PermanentRedirect',
      expected: { region: 'eu-west-2' },
    })
  })

  it('a region the server quotes that is not a region name never becomes expected.region', async () => {
    const body =
      "<Error><Code>AuthorizationHeaderMalformed</Code><Message>The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'us-west-2'</Message><Region>us-west-2 } evil</Region></Error>"
    const fromMessage = await diagnose(xml(400, body, { 'x-amz-bucket-region': 'EVIL' }), { plan: S3_PLAN })
    expect(fromMessage?.expected).toEqual({ region: 'us-west-2' })
    const hostile = body.replace("expecting 'us-west-2'", "expecting 'x' }, { host: 'evil'")
    const diagnosis = await diagnose(xml(400, hostile), { plan: S3_PLAN })
    expect(diagnosis?.kind).toBe('wrong-region')
    expect(diagnosis?.expected).toBeUndefined()
    expect(diagnosis?.fix).not.toContain('evil')
  })

  it('S3 ExpiredToken is invalid-token', async () => {
    const body =
      '<Error><Code>ExpiredToken</Code><Message>The provided token has expired.</Message><Token-0>session-token-example</Token-0></Error>'
    const diagnosis = await diagnose(xml(400, body), { plan: S3_PLAN })
    expect(diagnosis).toMatchObject({ kind: 'invalid-token', code: 'ExpiredToken' })
    expect(JSON.stringify(diagnosis)).not.toContain('session-token-example')
  })

  it('STS ExpiredToken in the query protocol (with an xmlns) is invalid-token', async () => {
    const body =
      '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <Error>\n    <Type>Sender</Type>\n    <Code>ExpiredToken</Code>\n    <Message>The security token included in the request is expired</Message>\n  </Error>\n  <RequestId>1</RequestId>\n</ErrorResponse>'
    expect(await diagnose(xml(403, body))).toMatchObject({
      kind: 'invalid-token',
      code: 'ExpiredToken',
      message: 'The security token included in the request is expired',
    })
  })

  it('a SigV4A request without X-Amz-Region-Set is not mistaken for a region-set mismatch', async () => {
    const message = 'AWS4-ECDSA-P256-SHA256 requires the X-Amz-Region-Set header.'
    expect(
      await diagnose(json(403, { message }, { 'x-amzn-ErrorType': 'IncompleteSignatureException' })),
    ).toBeNull()
  })

  it('serverTime from the message when the Date header is unreadable or absent', async () => {
    const message =
      'Signature not yet current: 20261122T122000Z is still later than 20261122T120500Z (20261122T120000Z + 5 min.)'
    const diagnosis = await diagnose(
      json(403, { message }, { 'x-amzn-ErrorType': 'InvalidSignatureException' }),
    )
    expect(diagnosis?.serverTime?.toISOString()).toBe('2026-11-22T12:00:00.000Z')
    expect(diagnosis?.requestTime?.toISOString()).toBe('2026-11-22T12:20:00.000Z')
    expect(diagnosis?.fix).toContain('about 20 minutes ahead of')
    expect(diagnosis?.fix).toContain('add -1200000 to signer.clockOffsetMs')
  })

  it('a real Date header wins over the body', async () => {
    const message =
      'Signature expired: 20261122T114000Z is now earlier than 20261122T115500Z (20261122T120000Z - 5 min.)'
    const response = json(403, { message }, { date: 'Sun, 22 Nov 2026 12:00:07 GMT' })
    expect((await diagnose(response))?.serverTime?.toISOString()).toBe('2026-11-22T12:00:07.000Z')
  })

  it('a missing-auth answer when the plan is unknown names both causes', async () => {
    const diagnosis = await diagnose(
      json(
        403,
        { message: 'Missing Authentication Token' },
        { 'x-amzn-ErrorType': 'MissingAuthenticationTokenException' },
      ),
      {
        method: 'POST',
        url: 'https://abc.execute-api.us-east-1.amazonaws.com/prod/nope?X-Amz-Signature=abc',
      },
    )
    expect(diagnosis?.kind).toBe('missing-auth')
    expect(diagnosis?.fix).toContain('API Gateway has no resource for POST /prod/nope')
    expect(diagnosis?.fix).not.toContain('X-Amz-Signature')
  })

  it('a signed request answered Missing Authentication Token points at the route or a dropped header', async () => {
    const plan: SigningPlan = { ...S3_PLAN, service: 'execute-api', s3: false, source: 'rule', ruleIndex: 0 }
    const diagnosis = await diagnose(json(403, { message: 'Missing Authentication Token' }), {
      plan,
      method: 'GET',
    })
    expect(diagnosis?.fix).toMatch(/^The request was signed but arrived without its signature/)
  })
})

describe('diagnose: what it declines and how it reads', () => {
  it('returns null for successes, IAM denials, throttles and non-AWS bodies', async () => {
    expect(await diagnose(json(200, { ok: true }))).toBeNull()
    expect(
      await diagnose(
        json(403, {
          __type: 'AccessDeniedException',
          Message: 'User: arn:aws:iam::1:user/x is not authorized',
        }),
      ),
    ).toBeNull()
    expect(await diagnose(json(400, { __type: 'ThrottlingException', message: 'Rate exceeded' }))).toBeNull()
    expect(await diagnose(new Response('<html><body>Forbidden</body></html>', { status: 403 }))).toBeNull()
    expect(await diagnose(new Response('not json {', { status: 403 }))).toBeNull()
    expect(await diagnose(new Response(null, { status: 403 }))).toBeNull()
  })

  it('never throws, whatever the status, headers and body', async () => {
    const kinds = [
      'wrong-region',
      'wrong-service',
      'region-set',
      'signature-mismatch',
      'clock-skew',
      'invalid-token',
      'unknown-key',
      'missing-auth',
    ]
    const fragment = fc.constantFrom(
      '<Error>',
      '</Error>',
      '<Code>',
      '</Code>',
      '<Message>',
      '</Message>',
      '<Region>',
      '</Region>',
      '<ServerTime>',
      '</ServerTime>',
      '<ErrorResponse>',
      '{"message":',
      '{"__type":"a#b:c",',
      '"Message":',
      "Credential should be scoped to a valid region, not '",
      "the region 'us-east-1' is wrong; expecting '",
      'Signature expired: 20261122T120000Z is now earlier than ',
      '(20261399T250000Z - 5 min.)',
      'region set',
      '&#x110000;',
      '&amp;',
      '"',
      '}',
      "'",
    )
    const body = fc.oneof(
      fc.string(),
      fc.json(),
      fc
        .array(fc.oneof(fragment, fc.string({ maxLength: 6 })), { maxLength: 12 })
        .map((parts) => parts.join('')),
    )
    const headers = fc.dictionary(
      fc.constantFrom('date', 'x-amzn-errortype', 'x-amz-bucket-region', 'content-type'),
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('Sun, 22 Nov 2026 12:00:00 GMT', 'eu-west-1', '#', ':'),
      ),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 300, max: 599 }),
        headers,
        body,
        async (status, headerValues, text) => {
          const clean = Object.fromEntries(
            Object.entries(headerValues).map(([k, v]) => [k, v.replace(/[^\x20-\x7e]/g, '')]),
          )
          const diagnosis = await diagnose(
            new Response(status === 304 ? null : text, { status, headers: clean }),
            { url: 'https://x.example.com/' },
          )
          if (diagnosis) {
            expect(kinds).toContain(diagnosis.kind)
            expect(diagnosis.fix.length).toBeGreaterThan(20)
            if (diagnosis.serverTime) expect(Number.isNaN(diagnosis.serverTime.getTime())).toBe(false)
          }
        },
      ),
      { numRuns: 500 },
    )
  })

  it('never consumes the caller’s response', async () => {
    const response = json(403, { message: 'Missing Authentication Token' })
    await diagnose(response)
    expect(response.bodyUsed).toBe(false)
    expect(await response.json()).toEqual({ message: 'Missing Authentication Token' })
  })

  it('a response whose body was already read is diagnosed from its headers, without throwing', async () => {
    const response = new Response('<Error><Code>AuthorizationHeaderMalformed</Code></Error>', {
      status: 400,
      headers: { 'x-amz-bucket-region': 'eu-west-3' },
    })
    await response.text()
    expect(await diagnose(response, { plan: S3_PLAN })).toMatchObject({
      kind: 'wrong-region',
      expected: { region: 'eu-west-3' },
    })
  })

  it('a body that fails mid-stream gives null, not an exception', async () => {
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('connection reset'))
      },
    })
    expect(await diagnose(new Response(body, { status: 403 }))).toBeNull()
  })

  it('stops reading a huge body instead of buffering it', async () => {
    let pulled = 0
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024))
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(chunk)
      },
    })
    expect(await diagnose(new Response(body, { status: 403 }))).toBeNull()
    expect(pulled).toBeLessThan(16)
  })
})
