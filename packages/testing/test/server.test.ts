import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startVerifyingServer, type VerifyingServer } from '../src/server'
import { CREDENTIALS, signForTest } from './support/sign-for-test'

const NOW = new Date('2026-11-22T12:00:00Z')
const API = 'abc123.execute-api.eu-west-1.amazonaws.com'
const ROUTED = 'api.latency.example.com'

let server: VerifyingServer
let routedRegion = 'eu-west-1'

beforeAll(async () => {
  server = await startVerifyingServer({
    port: 0,
    credentials: [CREDENTIALS],
    endpoints: {
      [API]: { service: 'execute-api', region: 'eu-west-1' },
      [ROUTED]: { service: 'execute-api', region: () => routedRegion },
      '127.0.0.1': { service: 'execute-api', region: 'eu-west-1' },
    },
    now: () => NOW,
    cors: true,
  })
})
afterAll(() => server.close())

describe('startVerifyingServer', () => {
  it('listens on 127.0.0.1 and verifies requests sent through handle.fetch, keeping the Host', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
    const signed = await signForTest({
      url: `https://${API}/prod/items?a=1`,
      method: 'POST',
      body: 'hello',
      service: 'execute-api',
      region: 'eu-west-1',
      date: NOW,
    })
    const response = await server.fetch(signed)
    expect(response.status).toBe(200)
    expect(response.headers.get('date')).toBe(NOW.toUTCString())
    expect(await response.json()).toMatchObject({
      ok: true,
      method: 'POST',
      path: '/prod/items',
      query: [['a', '1']],
    })
    expect(server.requests.at(-1)).toEqual({
      method: 'POST',
      url: `http://${API}/prod/items?a=1`,
      status: 200,
    })
  })

  it('answers refused requests like AWS', async () => {
    const response = await server.fetch(`https://${API}/prod/items`)
    expect(response.status).toBe(403)
    expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException')
    expect(await response.json()).toEqual({ message: 'Missing Authentication Token' })
  })

  it('verifies requests sent straight to it with the global fetch', async () => {
    const signed = await signForTest({
      url: `${server.url}/direct`,
      service: 'execute-api',
      region: 'eu-west-1',
      date: NOW,
    })
    const response = await fetch(signed)
    expect(response.status).toBe(200)
  })

  it('works as an HTTP proxy for http:// URLs (absolute-form targets)', async () => {
    const signed = await signForTest({
      url: `http://${API}/prod/proxied`,
      service: 'execute-api',
      region: 'eu-west-1',
      date: NOW,
    })
    const headers: Record<string, string> = { host: API }
    signed.headers.forEach((value, name) => {
      headers[name] = value
    })
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest(
        { host: '127.0.0.1', port: server.port, method: 'GET', path: `http://${API}/prod/proxied`, headers },
        (incoming) => {
          incoming.resume()
          incoming.on('end', () => resolve(incoming.statusCode ?? 0))
        },
      )
      outgoing.on('error', reject)
      outgoing.end()
    })
    expect(status).toBe(200)
  })

  it('lets a region be a function of the request (latency routing between two regions)', async () => {
    const signed = await signForTest({
      url: `https://${ROUTED}/x`,
      service: 'execute-api',
      region: 'eu-west-1',
      date: NOW,
    })
    expect((await server.fetch(signed.clone())).status).toBe(200)
    routedRegion = 'us-east-1'
    const moved = await server.fetch(signed)
    expect(await moved.json()).toEqual({
      message: "Credential should be scoped to a valid region, not 'eu-west-1'.",
    })
    routedRegion = 'eu-west-1'
  })

  it('answers CORS preflights and exposes Date to pages on another origin', async () => {
    const preflight = await fetch(`${server.url}/prod`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,x-amz-date',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173')
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization,x-amz-date')
    const actual = await fetch(`${server.url}/prod`, { headers: { origin: 'http://127.0.0.1:5173' } })
    expect(actual.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173')
    expect(actual.headers.get('access-control-expose-headers')).toContain('date')
  })
})

describe('startVerifyingServer with a resolver', () => {
  it('passes verified requests to it and adds Date from the clock', async () => {
    const custom = await startVerifyingServer({
      credentials: [CREDENTIALS],
      endpoints: { [API]: { service: 'execute-api', region: 'eu-west-1' } },
      now: () => NOW,
      resolver: async ({ request, verification }) =>
        Response.json({ text: await request.text(), scope: verification.scope }, { status: 201 }),
    })
    try {
      const signed = await signForTest({
        url: `https://${API}/prod`,
        method: 'PUT',
        body: 'data',
        service: 'execute-api',
        region: 'eu-west-1',
        date: NOW,
      })
      const response = await custom.fetch(signed)
      expect(response.status).toBe(201)
      expect(response.headers.get('date')).toBe(NOW.toUTCString())
      expect(await response.json()).toEqual({
        text: 'data',
        scope: '20261122/eu-west-1/execute-api/aws4_request',
      })
    } finally {
      await custom.close()
    }
  })
})
