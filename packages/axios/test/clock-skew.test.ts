import { attachSigner, createSigner } from '@awssig/axios'
import { awsHandlers } from '@awssig/testing/msw'
import axios from 'axios'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CREDENTIALS, ENDPOINTS, REGIONAL_HOST, RULES } from './fixtures'

const S3_HOST = 'bucket.s3.eu-central-1.amazonaws.com'
const TWENTY_MINUTES = 20 * 60 * 1000

const server = setupServer()
let requests = 0
server.events.on('request:start', () => {
  requests++
})
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  requests = 0
})
afterAll(() => server.close())

function serverClock(offsetMs: number | (() => number)): () => Date {
  return () => new Date(Date.now() + (typeof offsetMs === 'number' ? offsetMs : offsetMs()))
}

const CASES = [
  {
    name: 'API Gateway, server 20 minutes ahead (Signature expired)',
    host: REGIONAL_HOST,
    offset: TWENTY_MINUTES,
  },
  {
    name: 'API Gateway, server 20 minutes behind (Signature not yet current)',
    host: REGIONAL_HOST,
    offset: -TWENTY_MINUTES,
  },
  { name: 'S3, server 20 minutes ahead (RequestTimeTooSkewed)', host: S3_HOST, offset: TWENTY_MINUTES },
  { name: 'S3, server 20 minutes behind (RequestTimeTooSkewed)', host: S3_HOST, offset: -TWENTY_MINUTES },
]

describe.each(['http', 'fetch'] as const)('clock skew with the %s adapter', (adapter) => {
  it.each(CASES)('$name: recovers after one retry and keeps the offset', async ({ host, offset }) => {
    server.resetHandlers(
      ...awsHandlers({
        credentials: [CREDENTIALS],
        endpoints: { ...ENDPOINTS, [S3_HOST]: { service: 's3', region: 'eu-central-1' } },
        now: serverClock(offset),
      }),
    )
    const signer = createSigner({ credentials: CREDENTIALS, rules: RULES })
    const api = axios.create({ adapter, baseURL: `https://${host}` })
    attachSigner(api, signer)

    const first = await api.put('/object.txt', 'content')
    expect(first.status).toBe(200)
    expect(requests).toBe(2)
    expect(Math.abs(signer.clockOffsetMs - offset)).toBeLessThan(5_000)

    // The offset is kept on the signer: the next request is right the first time.
    const second = await api.put('/object.txt', 'content')
    expect(second.status).toBe(200)
    expect(requests).toBe(3)
  })

  it('retries only once when the server clock keeps running away', async () => {
    let drift = 0
    server.resetHandlers(
      ...awsHandlers({
        credentials: [CREDENTIALS],
        endpoints: ENDPOINTS,
        now: serverClock(() => {
          drift += TWENTY_MINUTES
          return drift
        }),
      }),
    )
    const api = axios.create({ adapter, baseURL: `https://${REGIONAL_HOST}`, validateStatus: () => true })
    attachSigner(api, createSigner({ credentials: CREDENTIALS, rules: RULES }))
    const response = await api.get('/x')
    expect(response.status).toBe(403)
    expect(JSON.stringify(response.data)).toContain('Signature expired')
    expect(requests).toBe(2)
  })

  it('can be turned off', async () => {
    server.resetHandlers(
      ...awsHandlers({ credentials: [CREDENTIALS], endpoints: ENDPOINTS, now: serverClock(TWENTY_MINUTES) }),
    )
    const api = axios.create({ adapter, baseURL: `https://${REGIONAL_HOST}`, validateStatus: () => true })
    attachSigner(api, createSigner({ credentials: CREDENTIALS, rules: RULES }), { clockSkewRetry: false })
    const response = await api.get('/x')
    expect(response.status).toBe(403)
    expect(requests).toBe(1)
  })
})
