import { Readable } from 'node:stream'
import { attachSigner, createAxiosInterceptor, createSigner, isAwsSigError } from '@awssig/axios'
import { awsHandlers } from '@awssig/testing/msw'
import axios, { AxiosHeaders, type InternalAxiosRequestConfig } from 'axios'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  CREDENTIALS,
  type Echo,
  ENDPOINTS,
  REGIONAL_HOST,
  RULES,
  SESSION_CREDENTIALS,
  sha256Hex,
} from './fixtures'

const S3_HOST = 'bucket.s3.eu-central-1.amazonaws.com'

const seen: Array<{ url: string; headers: Record<string, string> }> = []
const recordUnclaimed = http.all('https://unclaimed.example.net/*', ({ request }) => {
  seen.push({ url: request.url, headers: Object.fromEntries(request.headers) })
  return HttpResponse.json({ ok: true })
})
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  seen.length = 0
})
afterAll(() => server.close())

function useHandlers() {
  server.resetHandlers(recordUnclaimed, ...awsHandlers({ credentials: [CREDENTIALS], endpoints: ENDPOINTS }))
}

describe.each(['http', 'fetch'] as const)('axios %s adapter', (adapter) => {
  it('sends requests to hosts nothing claims unsigned and untouched', async () => {
    useHandlers()
    const api = axios.create({ adapter })
    attachSigner(api, createSigner({ credentials: CREDENTIALS, rules: RULES }))
    await api.post('https://unclaimed.example.net/x?a=b+c', { a: 1 })
    expect(seen).toHaveLength(1)
    expect(seen[0]!.url).toBe('https://unclaimed.example.net/x?a=b+c')
    expect(Object.keys(seen[0]!.headers).filter((name) => /^(authorization|x-amz-)/.test(name))).toEqual([])
  })

  it("rejects with core's NoMatchingRuleError under unmatched: 'error', sending nothing", async () => {
    useHandlers()
    const api = axios.create({ adapter })
    attachSigner(api, createSigner({ credentials: CREDENTIALS, rules: RULES, unmatched: 'error' }))
    const error = await api.get('https://unclaimed.example.net/x').catch((e: unknown) => e)
    expect(isAwsSigError(error)).toBe(true)
    expect((error as Error).name).toBe('NoMatchingRuleError')
    expect(seen).toHaveLength(0)
  })

  it('passes a presigned URL through untouched, and the verifier accepts it', async () => {
    useHandlers()
    const signer = createSigner({ credentials: CREDENTIALS, rules: RULES })
    const presigned = await signer.presign(
      { method: 'GET', url: `https://${REGIONAL_HOST}/prod/file?x=1` },
      { expiresIn: 300 },
    )
    const api = axios.create({ adapter, validateStatus: () => true })
    attachSigner(api, signer)
    const response = await api.get<Echo>(presigned)
    expect(response.status, JSON.stringify(response.data)).toBe(200)
    expect(response.data.ok).toBe(true)
  })

  it("leaves a caller's own Authorization header alone", async () => {
    useHandlers()
    const api = axios.create({ adapter, validateStatus: () => true })
    attachSigner(api, createSigner({ credentials: CREDENTIALS, rules: RULES }))
    const response = await api.get(`https://${REGIONAL_HOST}/prod/x`, {
      headers: { Authorization: 'Bearer mine' },
    })
    expect(response.status).toBe(403)
    expect(response.config.headers.get('authorization')).toBe('Bearer mine')
    expect(response.config.headers.has('x-amz-date')).toBe(false)
  })

  it('signs headers added by interceptors registered after attachSigner (LIFO: they run first)', async () => {
    useHandlers()
    const api = axios.create({ adapter, validateStatus: () => true })
    attachSigner(api, createSigner({ credentials: CREDENTIALS, rules: RULES }))
    api.interceptors.request.use((config) => {
      config.headers.set('X-Amz-Meta-Trace', 'added-later')
      return config
    })
    const response = await api.get<Echo>(`https://${REGIONAL_HOST}/prod/x`)
    expect(response.status, JSON.stringify(response.data)).toBe(200)
    expect(response.data.signedHeaders).toContain('x-amz-meta-trace')
  })

  it('works as a bare request interceptor (createAxiosInterceptor)', async () => {
    useHandlers()
    const api = axios.create({
      adapter,
      baseURL: `https://${REGIONAL_HOST}/prod`,
      validateStatus: () => true,
    })
    api.interceptors.request.use(
      createAxiosInterceptor(createSigner({ credentials: CREDENTIALS, rules: RULES }), { instance: api }),
    )
    const response = await api.put<Echo>('/things/1', { name: 'x' }, { params: { v: 'a b' } })
    expect(response.status, JSON.stringify(response.data)).toBe(200)
  })

  it('refuses a stream larger than maxBodyBytes with BodyTooLargeError before sending', async () => {
    useHandlers()
    const api = axios.create({ adapter })
    attachSigner(api, createSigner({ credentials: CREDENTIALS, rules: RULES, maxBodyBytes: 16 }))
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(64))
      },
    })
    const error = await api.post(`https://${REGIONAL_HOST}/prod/upload`, stream).catch((e: unknown) => e)
    expect(isAwsSigError(error)).toBe(true)
    expect((error as Error).name).toBe('BodyTooLargeError')
  })

  it.each([
    ['Node Readable', () => Readable.from([Buffer.from('streamed '), Buffer.from('object')])],
    [
      'ReadableStream',
      () =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('streamed object'))
            controller.close()
          },
        }),
    ],
  ])('streams a %s unbuffered with UNSIGNED-PAYLOAD when an S3 rule allows it', async (_name, make) => {
    server.resetHandlers(
      ...awsHandlers({
        credentials: [CREDENTIALS],
        endpoints: { [S3_HOST]: { service: 's3', region: 'eu-central-1' } },
      }),
    )
    const api = axios.create({ adapter, validateStatus: () => true })
    attachSigner(
      api,
      createSigner({ credentials: CREDENTIALS, rules: [{ host: S3_HOST, unsignedPayload: true }] }),
    )
    const response = await api.put<Echo>(`https://${S3_HOST}/key.txt`, make())
    expect(response.status, JSON.stringify(response.data)).toBe(200)
    expect(response.config.headers.get('x-amz-content-sha256')).toBe('UNSIGNED-PAYLOAD')
    expect(response.data.bodySha256).toBe(sha256Hex('streamed object'))
  })

  it('detach() removes both interceptors', async () => {
    useHandlers()
    const api = axios.create({ adapter, validateStatus: () => true })
    const detach = attachSigner(api, createSigner({ credentials: CREDENTIALS, rules: RULES }))
    detach()
    const response = await api.get(`https://${REGIONAL_HOST}/prod/x`)
    expect(response.status).toBe(403)
    expect(JSON.stringify(response.data)).toContain('Missing Authentication Token')
  })
})

describe('errors', () => {
  it('an unsignable body gives UnsignableBodyError; no awssig error names a secret', async () => {
    useHandlers()
    const errors: unknown[] = []
    const signer = (options = {}) =>
      createSigner({ credentials: SESSION_CREDENTIALS, rules: RULES, ...options })
    const api = axios.create({ adapter: 'fetch' })
    attachSigner(api, signer())
    errors.push(
      await api
        .post(`https://${REGIONAL_HOST}/prod/x`, { a: 1 }, { transformRequest: [() => new Map()] })
        .catch((e: unknown) => e),
    )
    expect((errors[0] as Error).name).toBe('UnsignableBodyError')

    const strict = axios.create({ adapter: 'fetch' })
    attachSigner(strict, signer({ unmatched: 'error' }))
    errors.push(await strict.get('https://unclaimed.example.net/x').catch((e: unknown) => e))
    const small = axios.create({ adapter: 'fetch' })
    attachSigner(small, signer({ maxBodyBytes: 4 }))
    errors.push(await small.post(`https://${REGIONAL_HOST}/prod/x`, 'too long').catch((e: unknown) => e))

    for (const error of errors) {
      expect(isAwsSigError(error)).toBe(true)
      const text = `${(error as Error).message} ${JSON.stringify(error)} ${String((error as Error).cause ?? '')}`
      expect(text).not.toContain(SESSION_CREDENTIALS.secretAccessKey)
      expect(text).not.toContain(SESSION_CREDENTIALS.sessionToken)
    }
  })
})

describe('the interceptor never mutates its input', () => {
  it('returns a new config and leaves the caller config as it was', async () => {
    const intercept = createAxiosInterceptor(createSigner({ credentials: CREDENTIALS, rules: RULES }))
    const data = { a: 1 }
    const headers = new AxiosHeaders({ 'X-Custom': 'v' })
    const config = {
      method: 'post',
      baseURL: `https://${REGIONAL_HOST}/prod`,
      url: '/x',
      params: { q: 'a b' },
      data,
      headers,
      transformRequest: axios.defaults.transformRequest,
    } as InternalAxiosRequestConfig
    const signed = await intercept(config)
    expect(signed).not.toBe(config)
    expect(config.url).toBe('/x')
    expect(config.params).toEqual({ q: 'a b' })
    expect(config.data).toBe(data)
    expect(headers.has('authorization')).toBe(false)
    expect(signed.url).toBe(`https://${REGIONAL_HOST}/prod/x?q=a%20b`)
    expect(signed.data).toBe('{"a":1}')
    expect(signed.headers.get('content-type')).toBe('application/json')
    expect(String(signed.headers.get('authorization'))).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//)
  })
})
