import { toResponse, type VerifierOptions, verifyRequest } from '@awssig/testing'
import { describe, expect, it } from 'vitest'
import { type CreateSignerOptions, createSigner, InvalidRuleError, type Signer } from '../../src/index'
import type { SignableRequest, SigningPlan } from '../../src/types'
import { CREDENTIALS, toFetchRequest } from '../support/verify'

// Every AWS answer in this file comes from @awssig/testing's verifier (its S3 dialect answers 400
// AuthorizationHeaderMalformed with <Region> and x-amz-bucket-region), except the PermanentRedirect shape
// the verifier does not produce.

const BUCKET = 'bucket.s3.amazonaws.com'
const PATH_STYLE = 's3.amazonaws.com'
const REGIONAL_BUCKET = 'bucket.s3.us-east-1.amazonaws.com'
const API = 'api.example.com'
const EC2 = 'ec2.us-west-2.amazonaws.com'

const verifier = (now?: () => Date): VerifierOptions => ({
  credentials: [CREDENTIALS],
  endpoints: {
    [BUCKET]: { service: 's3', region: 'eu-central-1', dialect: 's3' },
    [PATH_STYLE]: { service: 's3', region: 'eu-central-1', dialect: 's3' },
    [REGIONAL_BUCKET]: { service: 's3', region: 'eu-central-1', dialect: 's3' },
    [API]: { service: 'execute-api', region: 'eu-west-1' },
    [EC2]: { service: 'ec2', region: 'us-west-2' },
    ...Object.fromEntries(
      ['a', 'b', 'c'].map((name) => [`${name}.s3.amazonaws.com`, { service: 's3', region: 'eu-central-1' }]),
    ),
  },
  ...(now ? { now } : {}),
})

/** Signs, lets the verifier answer, and returns the answer with the plan that was used. */
async function send(signer: Signer, request: SignableRequest, options = verifier()) {
  const signed = await signer.sign(request)
  const response = toResponse(await verifyRequest(toFetchRequest(signed.request), options))
  return { response, plan: signed.plan, url: signed.request.url }
}

function signerWith(options: CreateSignerOptions = {}): Signer {
  return createSigner({ credentials: CREDENTIALS, ...options })
}

describe('S3 wrong-region answers', () => {
  it.each([
    ['AWS host inference (legacy global host, us-east-1 guessed)', {}],
    ['a rule without a region', { rules: [{ host: BUCKET }] }],
    ['a wildcard rule naming only the service', { rules: [{ host: '*.s3.amazonaws.com', service: 's3' }] }],
  ] as const)(
    '%s: learns the bucket region, retry succeeds, and later requests need none',
    async (_, options) => {
      const signer = signerWith(options as CreateSignerOptions)
      const request = { method: 'PUT', url: `https://${BUCKET}/notes/a.txt`, body: 'hello' }
      const first = await send(signer, request)
      expect(first.response.status).toBe(400)
      expect(first.plan?.region).toBe('us-east-1')

      const lesson = await signer.learnFromResponse(first.response, first.plan, first.url)
      expect(lesson).toMatchObject({ retry: true, reason: 'wrong-region', region: 'eu-central-1' })
      expect(lesson.diagnosis?.kind).toBe('wrong-region')
      // The caller's response is still readable.
      expect(await first.response.text()).toContain('AuthorizationHeaderMalformed')

      const plan = await signer.resolve(`https://${BUCKET}/other`)
      expect(plan?.region).toBe('eu-central-1')
      expect(plan?.reason).toMatch(/learned from AWS's answer/)
      expect(plan?.warnings.join(' ')).not.toMatch(/best guess/)
      expect((await signer.explain(`https://${BUCKET}/`)).reason).toMatch(/learned from AWS's answer/)

      const retry = await send(signer, request)
      expect(retry.response.status, await retry.response.clone().text()).toBe(200)
      expect(retry.plan?.region).toBe('eu-central-1')
    },
  )

  it('an explicit rule region wins: no retry, and explain says why', async () => {
    const signer = signerWith({ rules: [{ host: BUCKET, service: 's3', region: 'us-east-1' }] })
    const first = await send(signer, { method: 'GET', url: `https://${BUCKET}/k` })
    const lesson = await signer.learnFromResponse(first.response, first.plan, first.url)
    expect(lesson).toMatchObject({ retry: false, region: 'eu-central-1' })
    const explanation = await signer.explain(`https://${BUCKET}/k`)
    expect(explanation.plan?.region).toBe('us-east-1')
    expect(explanation.warnings.join(' ')).toMatch(
      /lives in eu-central-1, but rules\[0\] sets region 'us-east-1' explicitly/,
    )
    expect((await send(signer, { method: 'GET', url: `https://${BUCKET}/k` })).response.status).toBe(400)
  })

  it('a hostname that names its region is not re-signed for another (S3 would refuse it again)', async () => {
    const signer = signerWith()
    const first = await send(signer, { method: 'GET', url: `https://${REGIONAL_BUCKET}/k` })
    expect(first.response.status).toBe(400)
    const lesson = await signer.learnFromResponse(first.response, first.plan, first.url)
    expect(lesson).toMatchObject({ retry: false, region: 'eu-central-1' })
    expect((await signer.resolve(`https://${REGIONAL_BUCKET}/k`))?.region).toBe('us-east-1')
    expect((await signer.explain(`https://${REGIONAL_BUCKET}/k`)).warnings.join(' ')).toMatch(
      /send the request to an endpoint in eu-central-1/,
    )
  })

  it('path-style hosts remember the region per bucket, not for the whole host', async () => {
    const signer = signerWith()
    const first = await send(signer, { method: 'GET', url: `https://${PATH_STYLE}/bucket-a/key` })
    expect((await signer.learnFromResponse(first.response, first.plan, first.url)).retry).toBe(true)
    expect((await signer.resolve(`https://${PATH_STYLE}/bucket-a/other`))?.region).toBe('eu-central-1')
    expect((await signer.resolve(`https://${PATH_STYLE}/bucket-b/key`))?.region).toBe('us-east-1')
    const retry = await send(signer, { method: 'GET', url: `https://${PATH_STYLE}/bucket-a/key` })
    expect(retry.response.status).toBe(200)
  })

  it('a request signed before a concurrent one taught the region still gets its retry', async () => {
    const signer = signerWith()
    const [one, two] = await Promise.all([
      send(signer, { method: 'GET', url: `https://${BUCKET}/1` }),
      send(signer, { method: 'GET', url: `https://${BUCKET}/2` }),
    ])
    expect((await signer.learnFromResponse(one.response, one.plan, one.url)).retry).toBe(true)
    expect((await signer.learnFromResponse(two.response, two.plan, two.url)).retry).toBe(true)
    // Once signed for the named region, the same answer would change nothing: no retry, no loop.
    const stale = { ...one.plan!, region: 'eu-central-1' } as SigningPlan
    const again = await send(signer, { method: 'GET', url: `https://${BUCKET}/1` })
    expect(again.response.status).toBe(200)
    expect((await signer.learnFromResponse(one.response.clone(), stale, one.url)).retry).toBe(false)
  })

  it("reads <Region> from a PermanentRedirect body (S3's 301 for a bucket in another region)", async () => {
    const signer = signerWith()
    const plan = await signer.resolve(`https://${BUCKET}/k`)
    const response = new Response(
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed using the specified endpoint.</Message><Endpoint>bucket.s3.ap-south-1.amazonaws.com</Endpoint><Bucket>bucket</Bucket><Region>ap-south-1</Region></Error>',
      { status: 301, headers: { 'content-type': 'application/xml' } },
    )
    const lesson = await signer.learnFromResponse(response, plan, `https://${BUCKET}/k`)
    expect(lesson).toMatchObject({ retry: true, reason: 'wrong-region', region: 'ap-south-1' })
    expect((await signer.resolve(`https://${BUCKET}/k`))?.region).toBe('ap-south-1')
  })

  it('the region memory is bounded: least recently used bucket forgotten first', async () => {
    const signer = signerWith({ regionCacheSize: 2 })
    expect(signer.options.regionCacheSize).toBe(2)
    for (const name of ['a', 'b']) {
      const answer = await send(signer, { method: 'GET', url: `https://${name}.s3.amazonaws.com/k` })
      expect((await signer.learnFromResponse(answer.response, answer.plan, answer.url)).retry).toBe(true)
    }
    // Using a keeps it recent, so learning c evicts b.
    expect((await signer.resolve('https://a.s3.amazonaws.com/k'))?.region).toBe('eu-central-1')
    const c = await send(signer, { method: 'GET', url: 'https://c.s3.amazonaws.com/k' })
    expect((await signer.learnFromResponse(c.response, c.plan, c.url)).retry).toBe(true)
    expect((await signer.resolve('https://a.s3.amazonaws.com/k'))?.region).toBe('eu-central-1')
    expect((await signer.resolve('https://b.s3.amazonaws.com/k'))?.region).toBe('us-east-1')
    expect((await signer.resolve('https://c.s3.amazonaws.com/k'))?.region).toBe('eu-central-1')
  })

  it('validates regionCacheSize and defaults to 256', () => {
    expect(signerWith().options.regionCacheSize).toBe(256)
    for (const regionCacheSize of [0, -1, 1.5, Number.NaN, '8' as unknown as number]) {
      expect(() => signerWith({ regionCacheSize })).toThrow(InvalidRuleError)
    }
  })

  it('wrongRegion: false only diagnoses', async () => {
    const signer = signerWith()
    const first = await send(signer, { method: 'GET', url: `https://${BUCKET}/k` })
    const lesson = await signer.learnFromResponse(first.response, first.plan, first.url, {
      wrongRegion: false,
    })
    expect(lesson.retry).toBe(false)
    expect(lesson.diagnosis?.kind).toBe('wrong-region')
    expect((await signer.resolve(`https://${BUCKET}/k`))?.region).toBe('us-east-1')
  })
})

describe('answers that are not retried', () => {
  it("another service's wrong-region answer is diagnosed, never retried or remembered", async () => {
    const signer = signerWith({ rules: [{ host: API, service: 'execute-api', region: 'us-east-1' }] })
    const first = await send(signer, { method: 'GET', url: `https://${API}/prod/x` })
    expect(first.response.status).toBe(403)
    const lesson = await signer.learnFromResponse(first.response, first.plan, first.url)
    expect(lesson.retry).toBe(false)
    expect(lesson.reason).toBeUndefined()
    expect(lesson.diagnosis?.kind).toBe('wrong-region')
    expect((await signer.resolve(`https://${API}/`))?.region).toBe('us-east-1')
  })

  it('a 2xx answer returns at once without touching the body', async () => {
    const signer = signerWith()
    const ok = await send(signer, { method: 'GET', url: `https://${EC2}/?Action=DescribeRegions` })
    expect(ok.response.status).toBe(200)
    const lesson = await signer.learnFromResponse(ok.response, ok.plan, ok.url)
    expect(lesson).toEqual({ retry: false })
    expect(ok.response.bodyUsed).toBe(false)
    expect(ok.response.body?.locked ?? false).toBe(false)
  })

  it('an unsigned request (plan null) learns nothing', async () => {
    const signer = signerWith()
    const response = new Response('<Error><Code>RequestTimeTooSkewed</Code></Error>', { status: 403 })
    expect(await signer.learnFromResponse(response, null, 'https://example.com/')).toEqual({ retry: false })
  })
})

describe('clock-skew answers', () => {
  it.each([
    ['S3 (RequestTimeTooSkewed)', `https://bucket.s3.amazonaws.com/k`, 20],
    ['query protocol (Signature expired)', `https://${EC2}/?Action=DescribeRegions`, 20],
    ['query protocol (Signature not yet current)', `https://${EC2}/?Action=DescribeRegions`, -20],
  ] as const)('%s: sets clockOffsetMs from the server time and says retry', async (_, url, minutes) => {
    const skewMs = minutes * 60_000
    const options = verifier(() => new Date(Date.now() + skewMs))
    options.endpoints[BUCKET] = { service: 's3', region: 'us-east-1' }
    const signer = signerWith()
    const first = await send(signer, { method: 'GET', url }, options)
    expect(first.response.status).toBe(403)
    const lesson = await signer.learnFromResponse(first.response, first.plan, first.url)
    expect(lesson).toMatchObject({ retry: true, reason: 'clock-skew' })
    expect(Math.abs(signer.clockOffsetMs - skewMs)).toBeLessThan(2000)
    expect((await send(signer, { method: 'GET', url }, options)).response.status).toBe(200)
  })

  it('clockSkew: false leaves the clock alone', async () => {
    const options = verifier(() => new Date(Date.now() + 3_600_000))
    const signer = signerWith()
    const first = await send(signer, { method: 'GET', url: `https://${EC2}/` }, options)
    const lesson = await signer.learnFromResponse(first.response, first.plan, first.url, { clockSkew: false })
    expect(lesson.retry).toBe(false)
    expect(lesson.diagnosis?.kind).toBe('clock-skew')
    expect(signer.clockOffsetMs).toBe(0)
  })
})
