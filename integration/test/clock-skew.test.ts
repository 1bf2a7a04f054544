import { createSigner, type Signer } from '@awssig/core'
import { startVerifyingServer, type VerifyingServer } from '@awssig/testing/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADAPTERS, type Call, createClient } from './support/clients'
import { API_HOST, BUCKET_HOST, ENDPOINTS, RULES, sha256Hex, TEST_CREDENTIALS } from './support/endpoints'
import { onNode20Lane } from './support/lanes'

const TWENTY_MINUTES = 20 * 60 * 1000

/**
 * Both dialects with their own clock windows and error shapes: API Gateway answers 403 JSON "Signature
 * expired / not yet current" (5-minute window); S3 answers 403 XML `RequestTimeTooSkewed` (15 minutes).
 */
const DIALECTS = [
  {
    dialect: 'apigateway',
    first: {
      method: 'POST',
      url: `https://${API_HOST}/prod/orders?dry=run`,
      contentType: 'application/json',
    },
    later: { method: 'GET', url: `https://${API_HOST}/prod/orders/1` },
  },
  {
    dialect: 's3',
    first: { method: 'PUT', url: `https://${BUCKET_HOST}/notes/a.txt`, contentType: 'text/plain' },
    later: { method: 'GET', url: `https://${BUCKET_HOST}/notes/a.txt` },
  },
] as const

describe.runIf(onNode20Lane).each([
  { direction: 'ahead', skewMs: TWENTY_MINUTES },
  { direction: 'behind', skewMs: -TWENTY_MINUTES },
])('server clock 20 minutes $direction', ({ skewMs }) => {
  let server: VerifyingServer
  beforeAll(async () => {
    server = await startVerifyingServer({
      port: 0,
      endpoints: ENDPOINTS,
      credentials: [TEST_CREDENTIALS],
      now: () => new Date(Date.now() + skewMs),
    })
  })
  afterAll(() => server.close())

  /** Sends `call` and returns what the server saw for it (status of each attempt). */
  async function sendCounting(send: () => Promise<unknown>): Promise<number[]> {
    const before = server.requests.length
    await send()
    return server.requests.slice(before).map((served) => served.status)
  }

  describe.each(DIALECTS)('$dialect dialect', ({ first, later }) => {
    it.each(ADAPTERS)('%s recovers with exactly one retry, then needs none', async (adapter) => {
      const signer = createSigner({ credentials: TEST_CREDENTIALS, rules: RULES })
      const client = createClient(adapter, signer, server)
      const body = JSON.stringify({ adapter, skewMs, note: 'skewed' })
      const firstCall: Call = { ...first, body }

      let answer: Awaited<ReturnType<typeof client.send>> | undefined
      const firstAttempts = await sendCounting(async () => {
        answer = await client.send(firstCall)
      })
      expect(answer?.status, answer?.text).toBe(200)
      // The retry carried the same bytes, re-signed: the server hashed what it received.
      expect(answer?.echo?.bodySha256).toBe(sha256Hex(body))
      expect(firstAttempts).toEqual([403, 200])
      expectOffsetNear(signer, skewMs)

      const laterAttempts = await sendCounting(async () => {
        answer = await client.send({ ...later })
      })
      expect(answer?.status, answer?.text).toBe(200)
      expect(laterAttempts).toEqual([200])
    })
  })

  it('the offset kept on the signer serves every adapter that shares it (one retry per origin, none after)', async () => {
    const signer = createSigner({ credentials: TEST_CREDENTIALS, rules: RULES })
    const [firstAdapter, ...others] = ADAPTERS
    // Offsets are learned per origin (a server's time corrects signatures to that server only).
    for (const { later } of DIALECTS) {
      const learn = await sendCounting(() => createClient(firstAdapter!, signer, server).send({ ...later }))
      expect(learn).toEqual([403, 200])
    }
    for (const adapter of others) {
      // axios-http reaches the server through a proxy with http: URLs: another origin, learned on its own.
      if (adapter === 'axios-http') continue
      for (const { later } of DIALECTS) {
        let status = 0
        const attempts = await sendCounting(async () => {
          status = (await createClient(adapter, signer, server).send({ ...later })).status
        })
        expect({ adapter, url: later.url, status, attempts }).toEqual({
          adapter,
          url: later.url,
          status: 200,
          attempts: [200],
        })
      }
    }
  })

  it('short-lived credentials whose expiration is in AWS time are not refetched once the offset is known', async () => {
    // STS and the container/instance endpoints state `expiration` in AWS's time: the signer judges it by its
    // corrected clock, so after the first recovery the provider is not asked again on every request.
    let calls = 0
    const provider = async () => {
      calls += 1
      return { ...TEST_CREDENTIALS, expiration: new Date(Date.now() + skewMs + 10 * 60_000) }
    }
    const signer = createSigner({ credentials: provider, rules: RULES, refreshBeforeExpiryMs: 60_000 })
    // axios-http sends http: URLs through a proxy (another origin, with an offset of its own): left out here.
    const clients = ADAPTERS.filter((adapter) => adapter !== 'axios-http').map((adapter) =>
      createClient(adapter, signer, server),
    )
    for (const { later } of DIALECTS) {
      expect(await sendCounting(() => clients[0]!.send({ ...later }))).toEqual([403, 200])
    }
    const callsAfterRecovery = calls
    expect(callsAfterRecovery).toBeLessThanOrEqual(3)

    const before = server.requests.length
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        clients[index % clients.length]!.send({ ...DIALECTS[index % 2]!.later }),
      ),
    )
    expect(answers.map((answer) => answer.status)).toEqual(Array(100).fill(200))
    expect(server.requests.length - before).toBe(100)
    expect(calls).toBe(callsAfterRecovery)
  })

  it.each(ADAPTERS)(
    '%s with its skew retry turned off gets the AWS refusal (the check can fail)',
    async (adapter) => {
      const signer = createSigner({ credentials: TEST_CREDENTIALS, rules: RULES })
      const client = createClient(adapter, signer, server, { skewRetry: false })
      for (const { later } of DIALECTS) {
        let answer: Awaited<ReturnType<typeof client.send>> | undefined
        const attempts = await sendCounting(async () => {
          answer = await client.send({ ...later })
        })
        expect(attempts).toEqual([403])
        expect(answer?.status).toBe(403)
        expect(answer?.text).toMatch(
          skewMs > 0
            ? /Signature expired|RequestTimeTooSkewed/
            : /Signature not yet current|RequestTimeTooSkewed/,
        )
      }
      expect(signer.clockOffsetMs).toBe(0)
    },
  )
})

/** The server's `Date` header has whole seconds, so the learned offset is within about a second. */
function expectOffsetNear(signer: Signer, skewMs: number): void {
  expect(Math.abs(signer.clockOffsetMs - skewMs)).toBeLessThan(2_000)
}
