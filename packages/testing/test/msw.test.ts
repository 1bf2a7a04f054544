import http from 'node:http'
import { HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { awsHandlers } from '../src/msw'
import { CREDENTIALS, signForTest } from './support/sign-for-test'

const NOW = new Date('2026-11-22T12:00:00Z')
const API = 'abc123.execute-api.eu-west-1.amazonaws.com'

const server = setupServer(
  ...awsHandlers({
    credentials: [CREDENTIALS],
    endpoints: { [API]: { service: 'execute-api', region: 'eu-west-1' } },
    now: () => NOW,
  }),
  ...awsHandlers({
    credentials: [CREDENTIALS],
    endpoints: { 'custom.example.com': { service: 'execute-api', region: 'us-west-2' } },
    now: () => NOW,
    resolver: async ({ request, verification }) =>
      HttpResponse.json({ custom: true, body: await request.text(), region: verification.region }),
  }),
)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

describe('awsHandlers (msw 2)', () => {
  it('echoes a verified request sent with fetch, over https and http', async () => {
    for (const scheme of ['https', 'http']) {
      const signed = await signForTest({
        url: `${scheme}://${API}/prod/items?q=a+b`,
        method: 'POST',
        body: '{"a":1}',
        headers: { 'content-type': 'application/json' },
        service: 'execute-api',
        region: 'eu-west-1',
        date: NOW,
      })
      const response = await fetch(signed)
      expect(response.status).toBe(200)
      expect(await response.json()).toMatchObject({
        ok: true,
        method: 'POST',
        path: '/prod/items',
        query: [['q', 'a b']],
        scope: '20261122/eu-west-1/execute-api/aws4_request',
        signedHeaders: ['content-type', 'host', 'x-amz-date'],
      })
    }
  })

  it('answers like API Gateway when the request is not signed or signed wrong', async () => {
    const unsigned = await fetch(`https://${API}/prod/items`)
    expect(unsigned.status).toBe(403)
    expect(unsigned.headers.get('date')).toBe(NOW.toUTCString())
    expect(await unsigned.json()).toEqual({ message: 'Missing Authentication Token' })

    const wrongRegion = await fetch(
      await signForTest({
        url: `https://${API}/prod/items`,
        service: 'execute-api',
        region: 'us-east-1',
        date: NOW,
      }),
    )
    expect(await wrongRegion.json()).toEqual({
      message: "Credential should be scoped to a valid region, not 'us-east-1'.",
    })
  })

  it('passes verified requests to a custom resolver, with the body unread', async () => {
    const signed = await signForTest({
      url: 'https://custom.example.com/x',
      method: 'PUT',
      body: 'payload',
      service: 'execute-api',
      region: 'us-west-2',
      date: NOW,
    })
    const response = await fetch(signed)
    expect(response.headers.get('date')).toBe(NOW.toUTCString())
    expect(await response.json()).toEqual({ custom: true, body: 'payload', region: 'us-west-2' })
  })

  it('verifies requests from http-module clients (axios http adapter), which add transport headers', async () => {
    // Called through the module object: msw patches http.request when the server starts listening.
    const signed = await signForTest({
      url: `http://${API}/prod/items`,
      method: 'POST',
      body: 'hello',
      service: 'execute-api',
      region: 'eu-west-1',
      date: NOW,
    })
    const headers: Record<string, string> = { 'user-agent': 'axios/1.21.1', 'accept-encoding': 'gzip' }
    signed.headers.forEach((value, name) => {
      headers[name] = value
    })
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = http.request(`http://${API}/prod/items`, { method: 'POST', headers }, (incoming) => {
        let text = ''
        incoming.on('data', (chunk: Uint8Array) => {
          text += new TextDecoder().decode(chunk)
        })
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: text }))
      })
      outgoing.on('error', reject)
      outgoing.end('hello')
    })
    expect(status).toBe(200)
    expect(JSON.parse(body)).toMatchObject({
      ok: true,
      method: 'POST',
      signedHeaders: ['host', 'x-amz-date'],
    })
  })

  it('leaves undeclared hosts alone', async () => {
    await expect(fetch('https://undeclared.example.com/')).rejects.toThrow()
  })
})
