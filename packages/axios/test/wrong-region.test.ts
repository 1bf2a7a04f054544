import { attachSigner, createSigner, type SignerOptions } from '@awssig/axios'
import { awsHandlers } from '@awssig/testing/msw'
import axios from 'axios'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CREDENTIALS } from './fixtures'

// The legacy global S3 host is signed for us-east-1 (a guess); the verifier's S3 dialect answers, as S3
// does, 400 AuthorizationHeaderMalformed naming eu-central-1 in <Region> and x-amz-bucket-region.
const BUCKET = 'bucket.s3.amazonaws.com'
const API = 'api.example.com'

const server = setupServer(
  ...awsHandlers({
    credentials: [CREDENTIALS],
    endpoints: {
      [BUCKET]: { service: 's3', region: 'eu-central-1', dialect: 's3' },
      [API]: { service: 'execute-api', region: 'eu-west-1' },
    },
  }),
)
let attempts = 0
server.events.on('request:start', () => {
  attempts++
})
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  attempts = 0
})
afterAll(() => server.close())

describe.each(['http', 'fetch'] as const)('the %s adapter', (adapter) => {
  it.each([
    ['AWS host inference', {}],
    ['a rule without a region', { rules: [{ host: BUCKET }] }],
  ] as const)('S3 wrong region (%s): 200 after exactly one retry, then none', async (_, options) => {
    const signer = createSigner({ credentials: CREDENTIALS, ...(options as SignerOptions) })
    const api = axios.create({ adapter, baseURL: `https://${BUCKET}` })
    attachSigner(api, signer)

    const first = await api.put('/notes/a.txt', 'hello', { headers: { 'content-type': 'text/plain' } })
    expect(first.status).toBe(200)
    expect(first.data.ok).toBe(true)
    expect(attempts).toBe(2)
    expect((await signer.resolve(`https://${BUCKET}/`))?.region).toBe('eu-central-1')

    const later = await api.get('/notes/b.txt')
    expect(later.status).toBe(200)
    expect(attempts).toBe(3)
  })

  it('with responseType text and no throw on 4xx, the retry still happens', async () => {
    const signer = createSigner({ credentials: CREDENTIALS })
    const api = axios.create({ adapter, baseURL: `https://${BUCKET}`, validateStatus: () => true })
    attachSigner(api, signer)
    const response = await api.get('/k', { responseType: 'text' })
    expect(response.status).toBe(200)
    expect(attempts).toBe(2)
  })

  it('wrongRegionRetry: false gets the refusal (the check can fail)', async () => {
    const signer = createSigner({ credentials: CREDENTIALS })
    const api = axios.create({ adapter, baseURL: `https://${BUCKET}`, validateStatus: () => true })
    attachSigner(api, signer, { wrongRegionRetry: false })
    const response = await api.get('/k')
    expect(response.status).toBe(400)
    expect(attempts).toBe(1)
  })

  it("another service's wrong-region answer is not retried", async () => {
    const signer = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: API, service: 'execute-api', region: 'us-east-1' }],
    })
    const api = axios.create({ adapter, baseURL: `https://${API}`, validateStatus: () => true })
    attachSigner(api, signer)
    const response = await api.get('/prod/items', { responseType: 'text' })
    expect(response.status).toBe(403)
    expect(response.data).toContain("not 'us-east-1'")
    expect(attempts).toBe(1)
  })
})
