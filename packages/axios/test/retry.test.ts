import { attachSigner, createSigner } from '@awssig/axios'
import { awsHandlers } from '@awssig/testing/msw'
import axios from 'axios'
import axiosRetry from 'axios-retry'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BODY_CASES, CREDENTIALS, ENDPOINTS, REGIONAL_HOST, RULES, sha256Hex } from './fixtures'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

/** A clock that moves one second per reading, so each attempt's X-Amz-Date must differ. */
function steppingClock(): () => Date {
  let tick = 0
  const start = Date.now()
  return () => new Date(start + 1000 * tick++)
}

const RETRIED_BODIES = BODY_CASES.filter((body) =>
  [
    'JSON object',
    'non-JSON string declared application/json',
    'FormData with a file',
    'Uint8Array window of a larger buffer',
    'Node Readable',
  ].includes(body.name),
)

describe.each(['http', 'fetch'] as const)('axios-retry with the %s adapter', (adapter) => {
  it.each(RETRIED_BODIES)(
    '503 twice, then 200: every attempt re-signed and verified ($name)',
    async (body) => {
      const attempts: Array<{ date: string | null; authorization: string | null; bodySha256: string }> = []
      server.resetHandlers(
        ...awsHandlers({
          credentials: [CREDENTIALS],
          endpoints: ENDPOINTS,
          resolver: async ({ request }: { request: Request }) => {
            const bytes = new Uint8Array(await request.arrayBuffer())
            attempts.push({
              date: request.headers.get('x-amz-date'),
              authorization: request.headers.get('authorization'),
              bodySha256: sha256Hex(bytes),
            })
            return attempts.length <= 2
              ? new Response('busy', { status: 503 })
              : Response.json({ ok: true, attempts: attempts.length })
          },
        }),
      )
      const api = axios.create({ adapter, baseURL: `https://${REGIONAL_HOST}/prod` })
      attachSigner(api, createSigner({ credentials: CREDENTIALS, rules: RULES, now: steppingClock() }))
      axiosRetry(api, {
        retries: 2,
        retryDelay: () => 0,
        retryCondition: (error) => error.response?.status === 503,
      })

      const response = await api.request({
        method: body.method,
        url: '/orders',
        data: body.make(),
        headers: body.headers ?? {},
      })

      expect(response.status).toBe(200)
      // The resolver only runs for requests the verifier accepted: three verified attempts.
      expect(attempts).toHaveLength(3)
      expect(new Set(attempts.map((attempt) => attempt.date)).size).toBe(3)
      expect(new Set(attempts.map((attempt) => attempt.authorization)).size).toBe(3)
      // Same bytes on every attempt: no double serialization.
      expect(new Set(attempts.map((attempt) => attempt.bodySha256)).size).toBe(1)
      if (body.bytes !== undefined) expect(attempts[0]!.bodySha256).toBe(sha256Hex(body.bytes))
    },
  )
})
