import { attachSigner, createSigner } from '@awssig/axios'
import { awsHandlers } from '@awssig/testing/msw'
import axios, { type AxiosInstance, type InternalAxiosRequestConfig } from 'axios'
import fc from 'fast-check'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CREDENTIALS, ENDPOINTS, REGIONAL_HOST, RULES, SESSION_CREDENTIALS, SIGV4A_HOST } from './fixtures'

/** Runs per property and adapter: 1,000 verified + 1,000 tampered = 2,000 generated requests per adapter. */
const RUNS = 1000

const server = setupServer(...awsHandlers({ credentials: [CREDENTIALS], endpoints: ENDPOINTS }))
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

const RESERVED = "!*'();:@&=+$,/?#[]% "
const textChar = fc.oneof(
  fc.constantFrom(...RESERVED.split('')),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  fc.constantFrom('ü', '日', '✓', '😀', '~', '-', '_', '.'),
)
const text = fc.array(textChar, { maxLength: 8 }).map((chars) => chars.join(''))
/** Printable ASCII with runs of spaces: header values a transport must not alter beyond trimming. */
const headerValue = fc
  .array(fc.oneof(fc.constantFrom(' ', '  ', '\t'), fc.stringMatching(/^[!-~]{1,4}$/)), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => parts.join(''))
  .filter((value) => value.trim().length > 0)

const body = fc.oneof(
  fc.constant(undefined),
  text,
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(text, fc.integer(), fc.boolean()), { maxKeys: 4 }),
  fc.uint8Array({ maxLength: 64 }),
  fc.array(fc.tuple(text, text), { maxLength: 4 }).map((pairs) => new URLSearchParams(pairs)),
)

const request = fc.record({
  host: fc.constantFrom(REGIONAL_HOST, SIGV4A_HOST),
  segments: fc.array(
    text.filter((segment) => segment !== '.' && segment !== '..'),
    { maxLength: 4 },
  ),
  query: fc.array(fc.tuple(text, text), { maxLength: 5 }),
  meta: headerValue,
  method: fc.constantFrom('get', 'post', 'put', 'delete', 'patch'),
  body,
})
type GeneratedRequest = typeof request extends fc.Arbitrary<infer T> ? T : never

type Tamper = (config: InternalAxiosRequestConfig) => InternalAxiosRequestConfig
const TAMPERS: Record<string, Tamper> = {
  'query value': (config) => ({
    ...config,
    url: `${config.url}${config.url?.includes('?') ? '&' : '?'}extra=1`,
  }),
  path: (config) => ({ ...config, url: config.url?.replace(/(\/[^/?]*)(\?|$)/, '$1x$2') }),
  'signed header': (config) => {
    config.headers.set('x-amz-meta-p', `${config.headers.get('x-amz-meta-p')}!`)
    return config
  },
  method: (config) => ({ ...config, method: config.method === 'post' ? 'put' : 'post' }),
  date: (config) => {
    const date = String(config.headers.get('x-amz-date'))
    config.headers.set(
      'x-amz-date',
      date.replace(/(\d)Z$/, (_, digit) => `${(Number(digit) + 1) % 10}Z`),
    )
    return config
  },
}

function client(adapter: 'http' | 'fetch', tamper: { current?: Tamper }): AxiosInstance {
  const api = axios.create({ adapter, validateStatus: () => true, timeout: 3000 })
  // Registered before the signer, so it runs after it (axios runs request interceptors LIFO).
  api.interceptors.request.use((config) => (tamper.current ? tamper.current(config) : config))
  attachSigner(api, createSigner({ credentials: CREDENTIALS, rules: RULES }), { clockSkewRetry: false })
  return api
}

function send(api: AxiosInstance, generated: GeneratedRequest) {
  const params = new URLSearchParams(generated.query)
  const path = generated.segments.map((segment) => encodeURIComponent(segment)).join('/')
  return api.request({
    method: generated.method,
    // A path starting with `//` is fine on the wire but breaks msw's http interceptor (it reads it as a
    // protocol-relative URL), so every path starts with a fixed segment; empty segments follow freely.
    url: `https://${generated.host}/p/${path}`,
    params,
    // fetch refuses a body on GET (axios too, without awssig), and msw drops one sent over http.
    data: generated.method === 'get' ? undefined : generated.body,
    headers: { 'X-Amz-Meta-P': generated.meta },
  })
}

describe.each(['http', 'fetch'] as const)('generated requests through the %s adapter', (adapter) => {
  it(`${RUNS} random requests all verify`, async () => {
    const api = client(adapter, {})
    await fc.assert(
      fc.asyncProperty(request, async (generated) => {
        const response = await send(api, generated)
        expect(response.status, JSON.stringify(response.data)).toBe(200)
      }),
      { numRuns: RUNS },
    )
  }, 120_000)

  it(`${RUNS} random requests with one tampering after signing all fail`, async () => {
    const tamper: { current?: Tamper } = {}
    const api = client(adapter, tamper)
    await fc.assert(
      fc.asyncProperty(request, fc.constantFrom(...Object.keys(TAMPERS)), async (generated, which) => {
        tamper.current = TAMPERS[which]
        const response = await send(api, generated)
        expect(response.status, `${which}: ${JSON.stringify(response.data)}`).toBe(403)
      }),
      { numRuns: RUNS },
    )
  }, 120_000)
})

describe('session tokens', () => {
  it('a token that is signed but altered on the way is refused', async () => {
    server.use(...awsHandlers({ credentials: [SESSION_CREDENTIALS], endpoints: ENDPOINTS }))
    const api = axios.create({ adapter: 'fetch', validateStatus: () => true })
    api.interceptors.request.use((config) => {
      config.headers.set('x-amz-security-token', 'session-token-examplf')
      return config
    })
    attachSigner(api, createSigner({ credentials: SESSION_CREDENTIALS, rules: RULES }))
    const response = await api.get(`https://${REGIONAL_HOST}/x`)
    expect(response.status).toBe(403)
    server.resetHandlers()
  })
})
