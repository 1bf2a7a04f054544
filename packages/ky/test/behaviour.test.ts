import {
  BINARY,
  CREDENTIALS,
  ENDPOINTS,
  HOSTS,
  RULES,
  sha256Hex,
  streamOf,
} from '@awssig/test-utils/fixtures'
import { awsHandlers } from '@awssig/testing/msw'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { BodyTooLargeError, createKyHooks, createSigner } from '../src'
import { MAJORS } from './majors'

const unclaimedSeen: Array<Record<string, string>> = []
const server = setupServer(
  http.all(`https://${HOSTS.unclaimed}/*`, ({ request }) => {
    unclaimedSeen.push(Object.fromEntries(request.headers))
    return HttpResponse.json({ ok: true })
  }),
)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  unclaimedSeen.length = 0
})
afterAll(() => server.close())

const MINUTES = 60_000

describe.each(MAJORS)('$name', (major) => {
  describe.each([
    ['API Gateway', `https://${HOSTS.regional}/prod`],
    ['S3', `https://${HOSTS.s3}`],
    ['query protocol (EC2)', `https://${HOSTS.regionalApi}`],
  ])('clock skew against %s', (_, base) => {
    it.each([20 * MINUTES, -20 * MINUTES])(
      'server clock off by %i ms: one signed retry from afterResponse',
      async (skew) => {
        let attempts = 0
        server.events.on('request:start', () => {
          attempts++
        })
        server.use(
          ...awsHandlers({
            credentials: [CREDENTIALS],
            endpoints: ENDPOINTS,
            now: () => new Date(Date.now() + skew),
          }),
        )
        const signer = createSigner({ credentials: CREDENTIALS, rules: RULES })
        // ky's default retry settings: ky 2 then keeps a copy of the (here streamed, S3) body to send again.
        const api = major.create(base, { hooks: createKyHooks(signer) })
        const response = await api('key', { method: 'put', body: 'payload' })
        expect(response.status).toBe(200)
        expect((await response.json()).bodySha256).toBe(await sha256Hex('payload'))
        expect(attempts).toBe(2)
        expect(Math.abs(signer.clockOffsetMs - skew)).toBeLessThan(2000)
        server.events.removeAllListeners()
      },
    )
  })

  it('passes requests for unclaimed hosts through untouched', async () => {
    const api = major.create(`https://${HOSTS.unclaimed}`, {
      hooks: createKyHooks(createSigner({ credentials: CREDENTIALS })),
    })
    const response = await api('x', { headers: { 'x-custom': '1' } })
    expect(response.status).toBe(200)
    expect(unclaimedSeen[0]).toEqual({ 'x-custom': '1' })
  })

  it('passes a presigned URL through unchanged', async () => {
    server.use(...awsHandlers({ credentials: [CREDENTIALS], endpoints: ENDPOINTS }))
    const signer = createSigner({ credentials: CREDENTIALS, rules: RULES })
    const presigned = await signer.presign(
      { method: 'GET', url: `https://${HOSTS.regional}/prod/items` },
      { expiresIn: 60 },
    )
    const response = await major.create('', { hooks: createKyHooks(signer) })(presigned)
    expect(response.status).toBe(200)
  })

  it('refuses a stream over maxBodyBytes with BodyTooLargeError before sending', async () => {
    let sent = 0
    server.events.on('request:start', () => {
      sent++
    })
    const signer = createSigner({ credentials: CREDENTIALS, rules: RULES, maxBodyBytes: 4 })
    const api = major.create(`https://${HOSTS.regional}/prod`, { hooks: createKyHooks(signer), retry: 0 })
    await expect(api('x', { method: 'post', body: streamOf(BINARY) })).rejects.toBeInstanceOf(
      BodyTooLargeError,
    )
    expect(sent).toBe(0)
    server.events.removeAllListeners()
  })

  it('streams to S3 with UNSIGNED-PAYLOAD where the rule allows it', async () => {
    server.use(...awsHandlers({ credentials: [CREDENTIALS], endpoints: ENDPOINTS }))
    const signer = createSigner({ credentials: CREDENTIALS, rules: RULES, maxBodyBytes: 4 })
    const api = major.create(`https://${HOSTS.s3}`, { hooks: createKyHooks(signer), retry: 0 })
    const response = await api('big-object', { method: 'put', body: streamOf(BINARY) })
    const echo = await response.json()
    expect(response.status, JSON.stringify(echo)).toBe(200)
    expect(echo.bodySha256).toBe(await sha256Hex(BINARY))
    expect(echo.signedHeaders).toContain('x-amz-content-sha256')
  })

  it('signs a large FormData body once: the boundary signed is the boundary sent', async () => {
    let seenType = ''
    server.use(
      ...awsHandlers({
        credentials: [CREDENTIALS],
        endpoints: ENDPOINTS,
        resolver: async ({ request }) => {
          seenType = request.headers.get('content-type') ?? ''
          const form = await request.formData()
          return HttpResponse.json({ size: (form.get('file') as File).size })
        },
      }),
    )
    const form = new FormData()
    form.append('file', new File([new Uint8Array(300_000)], 'big.bin'))
    const api = major.create(`https://${HOSTS.regional}/prod`, {
      hooks: createKyHooks(createSigner({ credentials: CREDENTIALS, rules: RULES })),
      retry: 0,
    })
    const response = await api('upload', { method: 'post', body: form })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ size: 300_000 })
    expect(seenType).toMatch(/^multipart\/form-data; boundary=/)
  })
})
