import { toResponse, verifyRequest } from '@awssig/testing'
import { describe, expect, it } from 'vitest'
import { createSigner, isAwsSigError, type Signer } from '../../src/index'
import { CREDENTIALS, toFetchRequest } from '../support/verify'

// Issue 13, finding 1: a clock-skew answer moves the clock of its own origin only, within ±7 days.

const PARTNER = 'api.partner.example'
const EC2 = 'ec2.us-west-2.amazonaws.com'
const DAY = 86_400_000
const RULES = [{ host: PARTNER, service: 'execute-api', region: 'eu-west-1' }]

function skewAnswer(date: string): Response {
  return new Response('<Error><Code>RequestTimeTooSkewed</Code><Message>skewed</Message></Error>', {
    status: 403,
    headers: { date, 'content-type': 'application/xml' },
  })
}

async function learnFrom(signer: Signer, host: string, date: string) {
  const url = `https://${host}/`
  const { plan } = await signer.sign({ method: 'GET', url })
  return signer.learnFromResponse(skewAnswer(date), plan, url)
}

const signerAt = (now: Date) => createSigner({ credentials: CREDENTIALS, rules: RULES, now: () => now })
const dateOf = async (signer: Signer, host: string) =>
  (await signer.sign({ method: 'GET', url: `https://${host}/` })).request.headers.get('x-amz-date')

describe('learned clock offsets', () => {
  const now = new Date('2026-12-03T10:00:00Z')

  it('a partner host on a rule moves only its own origin’s clock', async () => {
    const signer = signerAt(now)
    const lesson = await learnFrom(signer, PARTNER, 'Thu, 03 Dec 2026 13:00:00 GMT')
    expect(lesson).toMatchObject({ retry: true, reason: 'clock-skew' })
    expect(await dateOf(signer, PARTNER)).toBe('20261203T130000Z')
    expect(await dateOf(signer, EC2)).toBe('20261203T100000Z')
  })

  it('a claimed host that moves its clock past the credentials’ expiry cannot make every request call the provider', async () => {
    let calls = 0
    const provider = async () => {
      calls++
      return { ...CREDENTIALS, expiration: new Date(now.getTime() + 3_600_000) }
    }
    const signer = createSigner({ credentials: provider, rules: RULES, now: () => now })
    await learnFrom(signer, PARTNER, 'Fri, 04 Dec 2026 10:00:00 GMT')
    const before = calls
    for (let i = 0; i < 20; i++) await signer.sign({ method: 'GET', url: `https://${PARTNER}/` })
    expect(calls - before).toBeLessThanOrEqual(1)
  })

  it('presign uses only its own origin’s offset', async () => {
    const signer = signerAt(now)
    await learnFrom(signer, PARTNER, 'Thu, 03 Dec 2026 13:00:00 GMT')
    const url = await signer.presign({ method: 'GET', url: `https://${EC2}/` }, { expiresIn: 900 })
    expect(new URL(url).searchParams.get('X-Amz-Date')).toBe('20261203T100000Z')
  })

  it.each([
    ['years ahead', 'Sat, 03 Dec 2036 10:00:00 GMT'],
    ['years behind', 'Sat, 03 Dec 2016 10:00:00 GMT'],
    ['the largest Date', 'Sat, 13 Sep 275760 00:00:00 GMT'],
    ['8 days ahead', 'Fri, 11 Dec 2026 10:00:01 GMT'],
    ['garbage', 'not a date'],
  ])('a server time %s is ignored, never fatal', async (_, date) => {
    const signer = signerAt(now)
    const lesson = await learnFrom(signer, PARTNER, date)
    expect(lesson.retry).toBe(false)
    expect(await dateOf(signer, PARTNER)).toBe('20261203T100000Z')
    expect(signer.clockOffsetMs).toBe(0)
  })

  it.each([
    ['hours', 5 * 3_600_000],
    ['six days behind', -6 * DAY],
    ['seven days ahead', 7 * DAY],
  ])('a device off by %s recovers after one retry (verifier accepts the retry)', async (_, skew) => {
    const server = () => new Date(now.getTime() + skew)
    const signer = signerAt(now)
    const options = {
      credentials: [CREDENTIALS],
      endpoints: { [EC2]: { service: 'ec2', region: 'us-west-2' } },
      now: server,
    }
    const first = await signer.sign({ method: 'GET', url: `https://${EC2}/` })
    const answer = toResponse(await verifyRequest(toFetchRequest(first.request), options))
    expect(answer.status).toBe(403)
    expect((await signer.learnFromResponse(answer, first.plan, first.request.url)).retry).toBe(true)
    const again = await signer.sign({ method: 'GET', url: `https://${EC2}/` })
    expect(toResponse(await verifyRequest(toFetchRequest(again.request), options)).status).toBe(200)
  })

  it('clockOffsetMs (deprecated) reads the latest correction; writing it sets every origin', async () => {
    const signer = signerAt(now)
    await learnFrom(signer, PARTNER, 'Thu, 03 Dec 2026 13:00:00 GMT')
    expect(signer.clockOffsetMs).toBe(3 * 3_600_000)
    signer.clockOffsetMs = 60_000
    expect(await dateOf(signer, PARTNER)).toBe('20261203T100100Z')
    expect(await dateOf(signer, EC2)).toBe('20261203T100100Z')
  })

  it('writing an absurd clockOffsetMs is a typed error naming the field', () => {
    const signer = signerAt(now)
    for (const value of [Number.NaN, 1e16, -30 * DAY]) {
      let caught: unknown
      try {
        signer.clockOffsetMs = value
      } catch (error) {
        caught = error
      }
      expect(isAwsSigError(caught)).toBe(true)
      expect((caught as { field?: string }).field).toBe('clockOffsetMs')
    }
  })

  it('the map of learned origins is bounded', async () => {
    const signer = signerAt(now)
    const hosts = Array.from({ length: 70 }, (_, i) => `ec2.us-west-${(i % 2) + 1}.amazonaws.com:${1000 + i}`)
    for (const host of hosts) await learnFrom(signer, host, 'Thu, 03 Dec 2026 11:00:00 GMT')
    // The oldest origins were forgotten (signed with the local clock again); the newest kept.
    expect(await dateOf(signer, hosts[0]!)).toBe('20261203T100000Z')
    expect(await dateOf(signer, hosts[69]!)).toBe('20261203T110000Z')
  })
})
