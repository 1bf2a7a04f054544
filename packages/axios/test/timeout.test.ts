import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { attachSigner, createSigner } from '@awssig/axios'
import axios, { isAxiosError } from 'axios'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CREDENTIALS } from './fixtures'

// A real socket, not msw: axios' http adapter without follow-redirects (attachSigner sets maxRedirects: 0
// to follow redirects itself) times out through the socket, which msw's interceptor does not emulate in
// every axios version of the peer range (1.7 never fired there, while a real socket does).
let slow: Server
let arrivals = 0
beforeAll(async () => {
  slow = createServer((_request, response) => {
    arrivals++
    setTimeout(() => response.end('{}'), 10_000).unref()
  })
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve))
})
afterAll(async () => {
  slow.closeAllConnections()
  await new Promise((resolve) => slow.close(resolve))
})

describe.each(['http', 'fetch'] as const)('axios %s adapter with attachSigner', (adapter) => {
  it('a timeout fails as it would without awssig', async () => {
    const { port } = slow.address() as AddressInfo
    const api = axios.create({ adapter, baseURL: `http://127.0.0.1:${port}` })
    attachSigner(
      api,
      createSigner({
        credentials: CREDENTIALS,
        rules: [{ host: '127.0.0.1', service: 'execute-api', region: 'eu-west-1' }],
      }),
    )
    const before = arrivals
    const started = Date.now()
    // Long enough for the signed request to reach the server on a loaded CI machine, far short of its answer.
    const error = await api.get('/slow', { timeout: 1_000 }).catch((e: unknown) => e)
    expect(isAxiosError(error)).toBe(true)
    expect(['ECONNABORTED', 'ETIMEDOUT']).toContain((error as { code?: string }).code)
    expect(Date.now() - started).toBeLessThan(8_000)
    expect(arrivals - before, 'the signed request was sent').toBe(1)
  })
})
