import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { attachSigner, createAxiosInterceptor, createSigner } from '@awssig/axios'
import { startVerifyingServer } from '@awssig/testing/server'
import axios, { type AxiosInstance } from 'axios'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type Echo, SESSION_CREDENTIALS } from './fixtures'

/** Headers that carry or bind credentials; none may reach a host no rule claims. */
const CREDENTIAL_HEADER =
  /^(authorization|x-amz-security-token|x-amz-date|x-amz-content-sha256|x-amz-region-set)$/

interface Recorded {
  method: string
  url: string
  headers: IncomingHttpHeaders
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

// origin: claimed by a rule; answers /to/<status>/<target> with that redirect.
// leak: claimed by nothing; records every header that reaches it.
// verified: the loopback verifying server, claimed by a rule.
const originHits: Recorded[] = []
const leakHits: Recorded[] = []
let originPort = 0
let leakPort = 0
let verified: Awaited<ReturnType<typeof startVerifyingServer>>
const origin = createServer((req, res) => {
  originHits.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
  const [, , status, target] = (req.url ?? '').split('/')
  const location =
    target === 'leak'
      ? `http://127.0.0.1:${leakPort}/landing`
      : `http://127.0.0.1:${verified.port}/landing?from=origin`
  req.resume()
  req.on('end', () => {
    res.writeHead(Number(status), { location, 'content-length': '0' })
    res.end()
  })
})
const leak = createServer((req, res) => {
  leakHits.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
  req.resume()
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{"landed":true}')
  })
})

beforeAll(async () => {
  originPort = await listen(origin)
  leakPort = await listen(leak)
  verified = await startVerifyingServer({
    port: 0,
    credentials: [SESSION_CREDENTIALS],
    endpoints: { '127.0.0.1': { service: 'execute-api', region: 'eu-west-1' } },
  })
})
beforeEach(() => {
  originHits.length = 0
  leakHits.length = 0
})
afterAll(async () => {
  await Promise.all([
    new Promise((resolve) => origin.close(resolve)),
    new Promise((resolve) => leak.close(resolve)),
    verified.close(),
  ])
})

function signer() {
  return createSigner({
    credentials: SESSION_CREDENTIALS,
    rules: [
      { host: `127.0.0.1:${originPort}`, service: 'execute-api', region: 'eu-west-1' },
      { host: `127.0.0.1:${verified.port}`, service: 'execute-api', region: 'eu-west-1' },
    ],
  })
}

function credentialHeaders(hit: Recorded | undefined): string[] {
  return Object.keys(hit?.headers ?? {}).filter((name) => CREDENTIAL_HEADER.test(name))
}

describe.each(['http', 'fetch'] as const)('attachSigner follows redirects itself (%s adapter)', (adapter) => {
  const client = (): AxiosInstance => {
    const api = axios.create({
      adapter,
      baseURL: `http://127.0.0.1:${originPort}`,
      validateStatus: () => true,
    })
    attachSigner(api, signer())
    return api
  }

  it.each([301, 302, 303, 307, 308])(
    '%i to a host nothing claims: no credential header arrives there',
    async (status) => {
      const response = await client().post(`/to/${status}/leak`, { secret: 'body' })
      expect(response.status).toBe(200)
      expect(response.data).toEqual({ landed: true })
      expect(credentialHeaders(originHits[0])).toContain('x-amz-security-token')
      expect(leakHits).toHaveLength(1)
      expect(credentialHeaders(leakHits[0])).toEqual([])
    },
  )

  it('307 to another claimed host: not signed for it (the caller never asked for that call), so it is refused', async () => {
    const response = await client().post<Echo>('/to/307/verified', { item: 'book' })
    expect(response.status).toBe(403)
  })

  it('302 after a POST to another claimed host: an unsigned GET without body, refused', async () => {
    const response = await client().post<Echo>('/to/302/verified', { item: 'book' })
    expect(response.status).toBe(403)
  })

  it("respects the caller's maxRedirects: 0", async () => {
    const response = await client().get('/to/302/verified', { maxRedirects: 0 })
    expect(response.status).toBe(302)
    expect(leakHits).toHaveLength(0)
  })
})

describe('request interceptor alone (no response side)', () => {
  it('http adapter: follow-redirects follows, but no credential header reaches the unclaimed host', async () => {
    const api = axios.create({ adapter: 'http', baseURL: `http://127.0.0.1:${originPort}` })
    api.interceptors.request.use(createAxiosInterceptor(signer(), { instance: api }))
    const response = await api.post('/to/307/leak', { secret: 'body' })
    expect(response.status).toBe(200)
    expect(leakHits).toHaveLength(1)
    expect(credentialHeaders(leakHits[0])).toEqual([])
  })

  it('fetch adapter: the redirect is refused, nothing reaches the unclaimed host', async () => {
    const api = axios.create({ adapter: 'fetch', baseURL: `http://127.0.0.1:${originPort}` })
    api.interceptors.request.use(createAxiosInterceptor(signer(), { instance: api }))
    await expect(api.post('/to/307/leak', { secret: 'body' })).rejects.toThrow()
    expect(originHits).toHaveLength(1)
    expect(leakHits).toHaveLength(0)
  })

  it('control: without awssig guarding it, follow-redirects does carry the token across', async () => {
    const api = axios.create({ adapter: 'http', baseURL: `http://127.0.0.1:${originPort}` })
    await api.post('/to/307/leak', 'x', { headers: { 'X-Amz-Security-Token': 'session-token-example' } })
    expect(credentialHeaders(leakHits[0])).toContain('x-amz-security-token')
  })
})
