import { attachSigner, createSigner, type SignerOptions } from '@awssig/axios'
import { startVerifyingServer } from '@awssig/testing/server'
import axios, { type AxiosInstance } from 'axios'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HAS_ENV_FETCH } from './axios-version'
import { BODY_CASES, type Echo, PLAN_CASES, type PlanCase, sha256Hex } from './fixtures'

type VerifyingServer = Awaited<ReturnType<typeof startVerifyingServer>>
const servers = new Map<PlanCase, VerifyingServer>()

beforeAll(async () => {
  for (const plan of PLAN_CASES) servers.set(plan, await startVerifyingServer({ port: 0, ...plan.verifier }))
})
afterAll(async () => {
  await Promise.all([...servers.values()].map((server) => server.close()))
})

/**
 * The real wire: http:// URLs through the loopback server acting as an HTTP proxy (http adapter), or
 * through the server's own fetch (fetch adapter), so the verifier sees the bytes and Host header sent.
 * AWS host inference never signs http: (clear text), so the proxy transport adds a rule naming the host: the
 * rule is the consent, as it would be for a local emulator.
 */
const TRANSPORTS = [
  {
    name: 'http adapter via proxy',
    consent: (plan: PlanCase): SignerOptions => {
      const rules = plan.signer.rules ?? []
      if (rules.some((rule) => rule.host === plan.host)) return plan.signer
      return { ...plan.signer, rules: [...rules, { host: plan.host }] }
    },
    make: (server: VerifyingServer, baseURL: string): AxiosInstance =>
      axios.create({
        adapter: 'http',
        baseURL: baseURL.replace('https://', 'http://'),
        proxy: { protocol: 'http', host: '127.0.0.1', port: server.port },
        validateStatus: () => true,
      }),
    available: true,
  },
  {
    name: 'fetch adapter via server fetch',
    consent: (plan: PlanCase): SignerOptions => plan.signer,
    make: (server: VerifyingServer, baseURL: string): AxiosInstance =>
      axios.create({ adapter: 'fetch', baseURL, env: { fetch: server.fetch }, validateStatus: () => true }),
    available: HAS_ENV_FETCH,
  },
]

describe.each(TRANSPORTS)('axios $name, verified by the loopback server', (transport) => {
  describe.skipIf(!transport.available).each(PLAN_CASES)('$name', (plan) => {
    it.each(BODY_CASES)('$name', async (body) => {
      const server = servers.get(plan)!
      const api = transport.make(server, `https://${plan.host}/prod`)
      attachSigner(api, createSigner(transport.consent(plan)))

      const response = await api.request<Echo>({
        method: body.method,
        url: '/items/a b',
        params: { q: 'x y', tag: ['1', '2'] },
        data: body.make(),
        headers: body.headers ?? {},
      })

      expect(response.status, JSON.stringify(response.data)).toBe(200)
      expect(response.data.ok).toBe(true)
      expect(response.data.scope.endsWith(plan.scope)).toBe(true)
      if (body.bytes !== undefined) expect(response.data.bodySha256).toBe(sha256Hex(body.bytes))
    })
  })
})
