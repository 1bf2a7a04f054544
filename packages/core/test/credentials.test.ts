import { CredentialsError, createSigner, isAwsSigError } from '@awssig/core'
import type { AwsCredentialIdentity } from '@smithy/types'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CREDENTIALS } from './support/verify'

const URL_EC2 = 'https://ec2.us-west-2.amazonaws.com/?Action=DescribeRegions'
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'

function clock(start = Date.parse('2026-11-22T12:00:00Z')) {
  let t = start
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms
    },
    at: () => t,
  }
}

function counting(lifetimeMs: number | undefined, c: ReturnType<typeof clock>) {
  let calls = 0
  const provider = vi.fn(async (): Promise<AwsCredentialIdentity> => {
    calls += 1
    await new Promise((r) => setTimeout(r, 5))
    return {
      accessKeyId: `AKID${calls}`,
      secretAccessKey: SECRET,
      ...(lifetimeMs === undefined ? {} : { expiration: new Date(c.at() + lifetimeMs) }),
    }
  })
  return provider
}

const keyOf = (headers: Headers) => /Credential=([^/]+)/.exec(headers.get('authorization') ?? '')?.[1]

describe('credentials', () => {
  it('static credentials are used as given', async () => {
    const { request } = await createSigner({ credentials: CREDENTIALS }).sign({ method: 'GET', url: URL_EC2 })
    expect(keyOf(request.headers)).toBe('AKIDEXAMPLE')
  })

  it('a provider without expiration is called once', async () => {
    const c = clock()
    const provider = counting(undefined, c)
    const signer = createSigner({ credentials: provider, now: c.now })
    for (let i = 0; i < 5; i++) await signer.sign({ method: 'GET', url: URL_EC2 })
    c.advance(365 * 86_400_000)
    await signer.sign({ method: 'GET', url: URL_EC2 })
    expect(provider).toHaveBeenCalledTimes(1)
  })

  it('refreshes refreshBeforeExpiryMs before expiry', async () => {
    const c = clock()
    const provider = counting(3_600_000, c)
    const signer = createSigner({ credentials: provider, now: c.now, refreshBeforeExpiryMs: 300_000 })
    await signer.sign({ method: 'GET', url: URL_EC2 })
    c.advance(3_600_000 - 300_001)
    expect(keyOf((await signer.sign({ method: 'GET', url: URL_EC2 })).request.headers)).toBe('AKID1')
    c.advance(2)
    expect(keyOf((await signer.sign({ method: 'GET', url: URL_EC2 })).request.headers)).toBe('AKID2')
    expect(provider).toHaveBeenCalledTimes(2)
  })

  it('never refreshes earlier than half the remaining lifetime', async () => {
    const c = clock()
    const provider = counting(10_000, c)
    const signer = createSigner({ credentials: provider, now: c.now, refreshBeforeExpiryMs: 300_000 })
    await signer.sign({ method: 'GET', url: URL_EC2 })
    c.advance(4_999)
    await signer.sign({ method: 'GET', url: URL_EC2 })
    expect(provider).toHaveBeenCalledTimes(1)
    c.advance(2)
    await signer.sign({ method: 'GET', url: URL_EC2 })
    expect(provider).toHaveBeenCalledTimes(2)
  })

  it('concurrent signs share one in-flight provider call', async () => {
    const c = clock()
    const provider = counting(3_600_000, c)
    const signer = createSigner({ credentials: provider, now: c.now })
    const results = await Promise.all(
      Array.from({ length: 50 }, () => signer.sign({ method: 'GET', url: URL_EC2 })),
    )
    expect(provider).toHaveBeenCalledTimes(1)
    expect(new Set(results.map((r) => keyOf(r.request.headers)))).toEqual(new Set(['AKID1']))
  })

  it('a failing provider gives CredentialsError with the cause, no secrets, and the next call retries', async () => {
    let fail = true
    const cause = new Error('IMDS timed out')
    const provider = vi.fn(async () => {
      if (fail) throw cause
      return CREDENTIALS
    })
    const signer = createSigner({ credentials: provider })
    const error = await signer.sign({ method: 'POST', url: URL_EC2 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CredentialsError)
    expect(isAwsSigError(error)).toBe(true)
    // The cause is a redacted stand-in (its message and stack could quote a secret): name and message kept.
    expect((error as CredentialsError).cause).toMatchObject({ name: 'Error', message: 'IMDS timed out' })
    expect((error as CredentialsError).message).toContain('IMDS timed out')
    expect((error as CredentialsError).method).toBe('POST')
    expect((error as CredentialsError).url).toContain('ec2.us-west-2.amazonaws.com')
    fail = false
    const { request } = await signer.sign({ method: 'GET', url: URL_EC2 })
    expect(keyOf(request.headers)).toBe('AKIDEXAMPLE')
    expect(provider).toHaveBeenCalledTimes(2)
  })

  it('a provider whose own message quotes a secret or token: the CredentialsError message redacts it', async () => {
    const token = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ'
    const signer = createSigner({
      credentials: async () => {
        throw new Error(`profile default: bad secret ${SECRET} with token ${token}`)
      },
    })
    const error = (await signer.sign({ method: 'GET', url: URL_EC2 }).catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(CredentialsError)
    expect(error.message).toContain('profile default: bad secret [redacted]')
    expect(error.message).not.toContain(SECRET)
    expect(error.message).not.toContain(token)
  })

  it('a provider returning garbage gives CredentialsError naming the field, never the value', async () => {
    const signer = createSigner({
      credentials: async () => ({ accessKeyId: 'AKID', secretAccessKey: '', sessionToken: 'tok-secret-123' }),
    })
    const error = (await signer.sign({ method: 'GET', url: URL_EC2 }).catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(CredentialsError)
    expect(error.message).toContain('secretAccessKey')
    expect(error.message).not.toContain('tok-secret-123')
  })

  it('per-rule credentials are memoized separately from the signer’s', async () => {
    const c = clock()
    const main = counting(undefined, c)
    const other = vi.fn(async () => ({ accessKeyId: 'AKIDRULE', secretAccessKey: SECRET }))
    const signer = createSigner({
      credentials: main,
      now: c.now,
      rules: [{ host: 'api.example.com', service: 'execute-api', region: 'eu-west-1', credentials: other }],
    })
    const a = await signer.sign({ method: 'GET', url: 'https://api.example.com/' })
    const b = await signer.sign({ method: 'GET', url: URL_EC2 })
    await signer.sign({ method: 'GET', url: 'https://api.example.com/' })
    expect(keyOf(a.request.headers)).toBe('AKIDRULE')
    expect(keyOf(b.request.headers)).toBe('AKID1')
    expect(other).toHaveBeenCalledTimes(1)
    expect(main).toHaveBeenCalledTimes(1)
  })

  describe('omitted credentials in Node use the default chain of @aws-sdk/credential-providers', () => {
    const saved = { ...process.env }
    afterEach(() => {
      process.env = { ...saved }
    })
    it('reads AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN', async () => {
      process.env.AWS_ACCESS_KEY_ID = 'AKIDFROMENV'
      process.env.AWS_SECRET_ACCESS_KEY = SECRET
      process.env.AWS_SESSION_TOKEN = 'env-token'
      const { request } = await createSigner().sign({ method: 'GET', url: URL_EC2 })
      expect(keyOf(request.headers)).toBe('AKIDFROMENV')
      expect(request.headers.get('x-amz-security-token')).toBe('env-token')
    })
  })
})
