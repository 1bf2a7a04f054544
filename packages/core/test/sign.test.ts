import {
  AwsSigError,
  BodyTooLargeError,
  createSigner,
  InvalidInputError,
  isAwsSigError,
  NoMatchingRuleError,
  UnsignableBodyError,
} from '@awssig/core'
import { verifyRequest } from '@awssig/testing'
import { describe, expect, it } from 'vitest'
import { CREDENTIALS, SESSION_CREDENTIALS, toFetchRequest } from './support/verify'

const NOW = new Date('2026-11-22T12:00:00Z')
const now = () => NOW
const EC2 = 'https://ec2.us-west-2.amazonaws.com/?Action=DescribeRegions&Version=2016-11-15'
const VERIFY = {
  credentials: [CREDENTIALS],
  endpoints: { 'ec2.us-west-2.amazonaws.com': { service: 'ec2', region: 'us-west-2' } },
  now,
}

describe('signer.sign', () => {
  const signer = createSigner({ credentials: CREDENTIALS, now })

  it('adds authorization and x-amz-date, signs only host, content-type, content-md5 and x-amz-*', async () => {
    const { request, plan } = await signer.sign({
      method: 'POST',
      url: EC2,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': 'test/1.0',
        accept: 'application/json',
        'content-length': '3',
        'x-amz-target': 'X.Y',
        'x-custom': 'v',
      },
      body: 'a=b',
    })
    expect(plan?.service).toBe('ec2')
    expect(request.headers.get('x-amz-date')).toBe('20261122T120000Z')
    expect(request.headers.get('authorization')).toContain(
      'SignedHeaders=content-type;host;x-amz-date;x-amz-target,',
    )
    expect(request.headers.get('user-agent')).toBe('test/1.0')
    expect(request.headers.has('host')).toBe(false)
    expect(request.headers.has('x-amz-content-sha256')).toBe(false)
    expect((await verifyRequest(toFetchRequest(request), VERIFY)).ok).toBe(true)
  })

  it('signedHeaders: a list adds those names; "all" signs everything', async () => {
    const listed = createSigner({ credentials: CREDENTIALS, now, signedHeaders: ['X-Custom'] })
    const all = createSigner({ credentials: CREDENTIALS, now, signedHeaders: 'all' })
    const req = { method: 'GET', url: EC2, headers: { 'x-custom': 'v', accept: '*/*' } }
    expect((await listed.sign(req)).request.headers.get('authorization')).toContain(
      'SignedHeaders=host;x-amz-date;x-custom,',
    )
    expect((await all.sign(req)).request.headers.get('authorization')).toContain(
      'SignedHeaders=accept;host;x-amz-date;x-custom,',
    )
  })

  it('never mutates the input and returns a new Headers', async () => {
    const headers = new Headers({ 'content-type': 'text/plain' })
    const body = new Uint8Array([1, 2, 3])
    const input = { method: 'PUT', url: 'https://my-bucket.s3.eu-west-1.amazonaws.com/k', headers, body }
    const { request } = await signer.sign(input)
    expect([...headers.keys()]).toEqual(['content-type'])
    expect(input.url).toBe('https://my-bucket.s3.eu-west-1.amazonaws.com/k')
    expect(request.headers).not.toBe(headers)
    expect(request.body).toBe(body)
    expect([...body]).toEqual([1, 2, 3])
  })

  it('hashes the body when called, before credentials arrive: later changes to the buffer are not signed', async () => {
    const waiting = createSigner({
      credentials: () => new Promise((resolve) => setTimeout(() => resolve(CREDENTIALS), 10)),
      now,
    })
    // Inference loaded first: the body is hashed at the call, not copied (the next test covers the first call).
    await waiting.ready()
    const body = new Uint8Array([1, 2, 3, 4]).subarray(1)
    const pending = waiting.sign({ method: 'POST', url: EC2, body })
    body.fill(0)
    const { request } = await pending
    expect(request.body).toBe(body)
    const sent = (bytes: Uint8Array) => toFetchRequest({ ...request, body: bytes })
    expect((await verifyRequest(sent(new Uint8Array([2, 3, 4])), VERIFY)).ok).toBe(true)
    expect((await verifyRequest(sent(body), VERIFY)).ok).toBe(false)
  })

  it('the first call to an AWS host, which waits for inference to load, signs the bytes as they were at the call', async () => {
    const fresh = createSigner({ credentials: CREDENTIALS, now })
    expect(fresh.resolveLoaded(EC2)).toBeUndefined()
    const bytes = new ArrayBuffer(3)
    new Uint8Array(bytes).set([2, 3, 4])
    const pending = fresh.sign({ method: 'POST', url: EC2, body: bytes })
    new Uint8Array(bytes).fill(0)
    const { request } = await pending
    expect(request.body).not.toBe(bytes)
    const sent = (body: Uint8Array) => toFetchRequest({ ...request, body })
    expect((await verifyRequest(sent(new Uint8Array([2, 3, 4])), VERIFY)).ok).toBe(true)
    expect((await verifyRequest(sent(new Uint8Array(bytes)), VERIFY)).ok).toBe(false)
    expect(fresh.resolveLoaded(EC2)).toMatchObject({ service: 'ec2', region: 'us-west-2' })
  })

  it('replaces stale generated headers (a retry) instead of keeping two', async () => {
    const first = await signer.sign({ method: 'GET', url: EC2 })
    const later = createSigner({
      credentials: SESSION_CREDENTIALS,
      now: () => new Date(NOW.getTime() + 60_000),
    })
    const retry = await later.sign({
      method: 'GET',
      url: EC2,
      headers: { 'x-amz-date': '20200101T000000Z', 'x-amz-security-token': 'old', 'x-amz-region-set': '*' },
    })
    expect(retry.request.headers.get('x-amz-date')).toBe('20261122T120100Z')
    expect(retry.request.headers.get('x-amz-security-token')).toBe('session-token-example')
    expect(retry.request.headers.has('x-amz-region-set')).toBe(false)
    expect(first.request.headers.get('authorization')).not.toBe(retry.request.headers.get('authorization'))
  })

  it('recomputes a stale x-amz-content-sha256 in either case of hex (another body may have had it)', async () => {
    const url = 'https://bucket.s3.us-east-1.amazonaws.com/key'
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    for (const stale of ['ab'.repeat(32), 'AB'.repeat(32)]) {
      const { request } = await signer.sign({
        method: 'PUT',
        url,
        headers: { 'x-amz-content-sha256': stale },
        body: 'abc',
      })
      expect(request.headers.get('x-amz-content-sha256')).toBe(abc)
    }
  })

  it('passes through requests already carrying Authorization or X-Amz-Signature, and unclaimed hosts', async () => {
    const withAuth = await signer.sign({ method: 'GET', url: EC2, headers: { Authorization: 'Bearer x' } })
    expect(withAuth.plan).toBeNull()
    expect(withAuth.request.headers.get('authorization')).toBe('Bearer x')
    const presigned = `${EC2}&X-Amz-Signature=abc`
    expect((await signer.sign({ method: 'GET', url: presigned })).plan).toBeNull()
    const other = await signer.sign({ method: 'GET', url: 'https://example.com/a?b=c', headers: { a: 'b' } })
    expect(other.plan).toBeNull()
    expect(other.request.url).toBe('https://example.com/a?b=c')
    expect([...other.request.headers]).toEqual([['a', 'b']])
  })

  it("unmatched: 'error' throws NoMatchingRuleError with method and url", async () => {
    const strict = createSigner({ credentials: CREDENTIALS, unmatched: 'error' })
    const error = (await strict
      .sign({ method: 'GET', url: 'https://example.com/x' })
      .catch((e: unknown) => e)) as NoMatchingRuleError
    expect(error).toBeInstanceOf(NoMatchingRuleError)
    expect(error).toBeInstanceOf(AwsSigError)
    expect(error.name).toBe('NoMatchingRuleError')
    expect(error.method).toBe('GET')
    expect(error.url).toBe('https://example.com/x')
    expect(error.message).toContain('example.com is not an AWS hostname')
  })

  it('debug adds the canonical request and string to sign, equal to what the verifier computes', async () => {
    const result = await signer.sign({ method: 'GET', url: EC2 }, { debug: true })
    const verified = await verifyRequest(toFetchRequest(result.request), VERIFY)
    expect(verified.ok).toBe(true)
    if (verified.ok) {
      expect(result.canonicalRequest).toBe(verified.canonicalRequest)
      expect(result.stringToSign).toBe(verified.stringToSign)
    }
    expect((await signer.sign({ method: 'GET', url: EC2 })).canonicalRequest).toBeUndefined()
  })

  it('clockOffsetMs shifts the signing time; signingDate overrides it', async () => {
    const skewed = createSigner({ credentials: CREDENTIALS, now })
    expect(skewed.clockOffsetMs).toBe(0)
    skewed.clockOffsetMs = 20 * 60_000
    expect((await skewed.sign({ method: 'GET', url: EC2 })).request.headers.get('x-amz-date')).toBe(
      '20261122T122000Z',
    )
    const fixed = await skewed.sign(
      { method: 'GET', url: EC2 },
      { signingDate: new Date('2020-01-01T00:00:00Z') },
    )
    expect(fixed.request.headers.get('x-amz-date')).toBe('20200101T000000Z')
    expect(() => {
      skewed.clockOffsetMs = Number.NaN
    }).toThrow(InvalidInputError)
    expect(skewed.options.awsHosts).toBe(true)
    expect(skewed.options.maxBodyBytes).toBe(64 * 1024 * 1024)
  })

  it('bodies: unsupported types and bodies over maxBodyBytes give typed errors', async () => {
    const small = createSigner({ credentials: CREDENTIALS, now, maxBodyBytes: 4 })
    const tooLarge = (await small
      .sign({ method: 'POST', url: EC2, body: 'hello' })
      .catch((e: unknown) => e)) as BodyTooLargeError
    expect(tooLarge).toBeInstanceOf(BodyTooLargeError)
    expect(tooLarge.limit).toBe(4)
    const blob = (await signer
      .sign({ method: 'POST', url: EC2, body: new Blob(['x']) as never })
      .catch((e: unknown) => e)) as UnsignableBodyError
    expect(blob).toBeInstanceOf(UnsignableBodyError)
    expect(blob.message).toContain('readBody()')
    expect(isAwsSigError(blob)).toBe(true)
  })

  it('S3 paths are sent in their canonical encoding so wire and signature agree', async () => {
    const { request } = await signer.sign({
      method: 'GET',
      url: 'https://my-bucket.s3.eu-west-1.amazonaws.com/a+b/(c)!:d',
    })
    expect(request.url).toBe('https://my-bucket.s3.eu-west-1.amazonaws.com/a%2Bb/%28c%29%21%3Ad')
  })

  it('returns the method it signed: upper-cased, so a request sent as returned verifies', async () => {
    const { request } = await signer.sign({ method: 'patch', url: EC2 })
    expect(request.method).toBe('PATCH')
    const verified = await verifyRequest(toFetchRequest(request), VERIFY)
    expect(verified.ok, verified.ok ? '' : verified.message).toBe(true)
  })

  it('presign validates expiresIn', async () => {
    await expect(signer.presign({ method: 'GET', url: EC2 }, { expiresIn: 604_801 })).rejects.toThrow(
      InvalidInputError,
    )
    await expect(signer.presign({ method: 'GET', url: EC2 }, { expiresIn: 0 })).rejects.toThrow(
      InvalidInputError,
    )
    await expect(
      signer.presign({ method: 'GET', url: 'https://example.com/' }, { expiresIn: 60 }),
    ).rejects.toThrow(NoMatchingRuleError)
  })

  it('presign: an x-amz-* header replaces a query parameter of the same name, in the URL as in the signature', async () => {
    // As smithy's presign moves it; the URL used to keep the caller's value while the signature covered both.
    const url = await signer.presign(
      {
        method: 'GET',
        url: `${EC2}&x-amz-meta-note=from-query`,
        headers: { 'x-amz-meta-note': 'from-header' },
      },
      { expiresIn: 60 },
    )
    expect(new URL(url).searchParams.getAll('x-amz-meta-note')).toEqual(['from-header'])
    const verified = await verifyRequest(new Request(url), VERIFY)
    expect(verified.ok, verified.ok ? '' : verified.message).toBe(true)
  })
})

describe('secrets never appear in errors or explanations', () => {
  const secretKey = SESSION_CREDENTIALS.secretAccessKey
  const token = SESSION_CREDENTIALS.sessionToken
  it('in every error and explanation these tests produce', async () => {
    const texts: string[] = []
    const collect = (e: unknown) => {
      texts.push(String(e), JSON.stringify(e), (e as Error).stack ?? '', String((e as Error).cause ?? ''))
    }
    const signer = createSigner({ credentials: SESSION_CREDENTIALS, unmatched: 'error', maxBodyBytes: 1 })
    await signer.sign({ method: 'GET', url: 'https://example.com/' }).catch(collect)
    await signer.sign({ method: 'POST', url: EC2, body: 'xx' }).catch(collect)
    await signer.sign({ method: 'POST', url: EC2, body: {} as never }).catch(collect)
    await signer.presign({ method: 'GET', url: 'https://example.com/' }, { expiresIn: 1 }).catch(collect)
    const signed = await signer.sign({ method: 'GET', url: EC2 })
    const badUrl = `${EC2}&X-Amz-Security-Token=${token}&X-Amz-Signature=${'a'.repeat(64)}`
    const withUrl = new NoMatchingRuleError('x', { url: badUrl })
    texts.push(withUrl.url ?? '')
    try {
      createSigner({
        rules: [
          {
            host: 'a.example',
            service: 's',
            region: 'r',
            credentials: { accessKeyId: 'A', secretAccessKey: secretKey, sessionToken: 5 as never },
          },
        ],
      })
    } catch (e) {
      collect(e)
    }
    for (const url of [EC2, 'https://example.com/', 'https://abc.execute-api.eu-west-1.amazonaws.com/']) {
      texts.push(JSON.stringify(await signer.explain(url)))
    }
    const signature = /Signature=(\w+)/.exec(signed.request.headers.get('authorization')!)![1]!
    expect(texts.length).toBeGreaterThan(10)
    for (const text of texts) {
      expect(text).not.toContain(secretKey)
      expect(text).not.toContain(token)
      expect(text).not.toContain(signature)
      expect(text).not.toContain('a'.repeat(64))
    }
  })
})
