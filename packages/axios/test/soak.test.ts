import { Agent } from 'node:http'
import { attachSigner, createSigner } from '@awssig/axios'
import { startVerifyingServer } from '@awssig/testing/server'
import axios from 'axios'
import { describe, expect, it } from 'vitest'
import { CREDENTIALS, ENDPOINTS, REGIONAL_HOST, RULES } from './fixtures'

/**
 * Issue 7's soak, for axios alone: 10,000 requests, 200 in flight, against the loopback verifying server,
 * with credentials that live 10 s and are refreshed 2 s before expiry. Opt-in (AWSSIG_SOAK=1) because it
 * keeps both cores of a shared machine busy for a while.
 */
const TOTAL = 10_000
const IN_FLIGHT = 200
const LIFETIME_MS = 10_000

describe.runIf(process.env.AWSSIG_SOAK === '1')('soak (axios http adapter, loopback server)', () => {
  it(`${TOTAL} requests, ${IN_FLIGHT} in flight: all verify, one provider call per credential lifetime`, async () => {
    const server = await startVerifyingServer({ port: 0, credentials: [CREDENTIALS], endpoints: ENDPOINTS })
    let providerCalls = 0
    const signer = createSigner({
      rules: RULES,
      refreshBeforeExpiryMs: 2_000,
      credentials: async () => {
        providerCalls++
        return { ...CREDENTIALS, expiration: new Date(Date.now() + LIFETIME_MS) }
      },
    })
    const api = axios.create({
      adapter: 'http',
      baseURL: `http://${REGIONAL_HOST}/prod`,
      proxy: { protocol: 'http', host: '127.0.0.1', port: server.port },
      httpAgent: new Agent({ keepAlive: true, maxSockets: IN_FLIGHT }),
      validateStatus: () => true,
    })
    attachSigner(api, signer)

    globalThis.gc?.()
    const heapBefore = process.memoryUsage().heapUsed
    const started = Date.now()
    let next = 0
    const statuses = new Map<number, number>()
    const worker = async () => {
      while (next < TOTAL) {
        const index = next++
        const response = await api.post(
          '/soak',
          { index, text: 'ünïcode ✓' },
          { params: { i: String(index), s: 'a b' } },
        )
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
    const elapsedMs = Date.now() - started
    globalThis.gc?.()
    const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024
    await server.close()

    console.log(
      `soak: ${TOTAL} requests in ${elapsedMs} ms (${Math.round((TOTAL / elapsedMs) * 1000)}/s), ` +
        `statuses ${JSON.stringify([...statuses])}, provider calls ${providerCalls}, heap growth ${heapGrowthMb.toFixed(1)} MB`,
    )
    expect([...statuses]).toEqual([[200, TOTAL]])
    // A refresh is due every LIFETIME - 2 s; never more than one call per lifetime.
    expect(providerCalls).toBeLessThanOrEqual(Math.ceil(elapsedMs / (LIFETIME_MS - 2_000)) + 1)
    expect(heapGrowthMb).toBeLessThan(20)
  }, 300_000)
})
