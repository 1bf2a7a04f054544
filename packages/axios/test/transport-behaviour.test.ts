import { attachSigner, createSigner } from '@awssig/axios'
import { awsHandlers } from '@awssig/testing/msw'
import axios, { isCancel } from 'axios'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CREDENTIALS, type Echo, ENDPOINTS, REGIONAL_HOST, RULES } from './fixtures'

let requests = 0
const server = setupServer()
server.events.on('request:start', () => {
  requests++
})
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  requests = 0
})
afterAll(() => server.close())

function api(adapter: 'http' | 'fetch') {
  const instance = axios.create({ adapter, baseURL: `https://${REGIONAL_HOST}/prod` })
  attachSigner(instance, createSigner({ credentials: CREDENTIALS, rules: RULES }))
  return instance
}

describe.each(['http', 'fetch'] as const)(
  'AbortSignal, timeouts and streamed responses (%s adapter)',
  (adapter) => {
    it('an already aborted signal cancels before anything is sent', async () => {
      server.resetHandlers(...awsHandlers({ credentials: [CREDENTIALS], endpoints: ENDPOINTS }))
      const controller = new AbortController()
      controller.abort()
      const error = await api(adapter)
        .post('/x', { a: 1 }, { signal: controller.signal })
        .catch((e: unknown) => e)
      expect(isCancel(error)).toBe(true)
      expect(requests).toBe(0)
    })

    it('aborting while the server is slow cancels the request', async () => {
      server.resetHandlers(
        ...awsHandlers({
          credentials: [CREDENTIALS],
          endpoints: ENDPOINTS,
          resolver: () =>
            new Promise<Response>((resolve) => setTimeout(() => resolve(Response.json({})), 2_000)),
        }),
      )
      const controller = new AbortController()
      setTimeout(() => controller.abort(), 100)
      const error = await api(adapter)
        .get('/slow', { signal: controller.signal })
        .catch((e: unknown) => e)
      expect(isCancel(error)).toBe(true)
    })

    it('a streamed response stays a stream', async () => {
      server.resetHandlers(...awsHandlers({ credentials: [CREDENTIALS], endpoints: ENDPOINTS }))
      const response = await api(adapter).get('/file', { responseType: 'stream' })
      expect(response.status).toBe(200)
      const chunks: Uint8Array[] = []
      if (adapter === 'http') {
        for await (const chunk of response.data as AsyncIterable<Uint8Array>) chunks.push(chunk)
      } else {
        const reader = (response.data as ReadableStream<Uint8Array>).getReader()
        for (let part = await reader.read(); !part.done; part = await reader.read()) chunks.push(part.value)
      }
      const echo = JSON.parse(new TextDecoder().decode(Buffer.concat(chunks))) as Echo
      expect(echo.ok).toBe(true)
    })
  },
)
