import { CREDENTIALS, sha256Hex } from '@awssig/test-utils/fixtures'
import { awsHandlers } from '@awssig/testing/msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createKyHooks, createSigner, type SignerOptions } from '../src'
import { MAJORS } from './majors'

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

describe.each(MAJORS)('$name', (major) => {
  it.each([
    ['AWS host inference', {}],
    ['a rule without a region', { rules: [{ host: BUCKET }] }],
  ] as const)('S3 wrong region (%s): 200 after exactly one retry, then none', async (_, options) => {
    const signer = createSigner({ credentials: CREDENTIALS, ...(options as SignerOptions) })
    const api = major.create(`https://${BUCKET}`, { hooks: createKyHooks(signer) })

    const response = await api('notes/a.txt', { method: 'put', body: 'hello' })
    expect(response.status).toBe(200)
    expect((await response.json()).bodySha256).toBe(await sha256Hex('hello'))
    expect(attempts).toBe(2)
    expect((await signer.resolve(`https://${BUCKET}/`))?.region).toBe('eu-central-1')

    const later = await api('notes/b.txt')
    expect(later.status).toBe(200)
    expect(attempts).toBe(3)
  })

  it('retryOnWrongRegion: false gets the refusal (the check can fail)', async () => {
    const signer = createSigner({ credentials: CREDENTIALS })
    const api = major.create(`https://${BUCKET}`, {
      hooks: createKyHooks(signer, { retryOnWrongRegion: false }),
      throwHttpErrors: false,
    })
    const response = await api('k')
    expect(response.status).toBe(400)
    expect(attempts).toBe(1)
  })

  it("another service's wrong-region answer is not retried", async () => {
    const signer = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: API, service: 'execute-api', region: 'us-east-1' }],
    })
    const api = major.create(`https://${API}`, { hooks: createKyHooks(signer), throwHttpErrors: false })
    const response = await api('prod/items')
    expect(response.status).toBe(403)
    expect(await response.text()).toContain("not 'us-east-1'")
    expect(attempts).toBe(1)
  })
})
