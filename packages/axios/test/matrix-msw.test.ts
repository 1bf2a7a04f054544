import { attachSigner, createSigner } from '@awssig/axios'
import { awsHandlers } from '@awssig/testing/msw'
import axios, { type AxiosInstance } from 'axios'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BODY_CASES, type Echo, echoWithForm, PLAN_CASES, sha256Hex } from './fixtures'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

const ADAPTERS = ['http', 'fetch'] as const

function client(adapter: (typeof ADAPTERS)[number], baseURL: string): AxiosInstance {
  return axios.create({ adapter, baseURL, validateStatus: () => true })
}

describe.each(ADAPTERS)('axios %s adapter, verified through msw', (adapter) => {
  describe.each(PLAN_CASES)('$name', (plan) => {
    it.each(BODY_CASES)('$name', async (body) => {
      server.resetHandlers(...awsHandlers({ ...plan.verifier, resolver: echoWithForm }))
      const api = client(adapter, `https://${plan.host}/prod`)
      attachSigner(api, createSigner(plan.signer))

      const response = await api.request<Echo>({
        method: body.method,
        url: '/items/a b',
        params: { q: 'x y', tag: ['1', '2'] },
        data: body.make(),
        headers: body.headers ?? {},
      })

      expect(response.status, JSON.stringify(response.data)).toBe(200)
      expect(response.data.ok).toBe(true)
      expect(response.data.scope).toMatch(new RegExp(`^\\d{8}/${plan.scope.replaceAll('/', '\\/')}$`))
      expect(response.data.method).toBe(body.method.toUpperCase())
      if (body.bytes !== undefined) expect(response.data.bodySha256).toBe(sha256Hex(body.bytes))
      if (body.form !== undefined) {
        expect(response.data.form).toEqual(body.form)
        expect(response.data.signedHeaders).toContain('content-type')
      }
      expect(response.data.signedHeaders).not.toContain('accept')
      expect(response.data.signedHeaders).not.toContain('user-agent')
      expect(response.data.signedHeaders).not.toContain('content-length')
    })
  })
})
