import { SESSION_CREDENTIALS, sha256Hex } from '@awssig/test-utils/fixtures'
import { type Loopback, startLoopback } from '@awssig/test-utils/loopback'
import { toResponse, verifyRequest } from '@awssig/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createKyHooks, createSigner } from '../src'
import { MAJORS } from './majors'

const verifier = {
  credentials: [SESSION_CREDENTIALS],
  endpoints: { '127.0.0.1': { service: 'execute-api', region: 'eu-west-1' } },
}

let origin: Loopback
let target: Loopback
let outsider: Loopback

beforeAll(async () => {
  target = await startLoopback(async (request) => toResponse(await verifyRequest(request, verifier)))
  outsider = await startLoopback(async (request) => new Response(await request.text()))
  origin = await startLoopback(async (request) => {
    const url = new URL(request.url)
    const status = Number(url.searchParams.get('status') ?? 302)
    if (url.searchParams.get('to') === 'target') {
      return new Response(null, { status, headers: { location: `${target.origin}/landing` } })
    }
    if (url.searchParams.get('to') === 'relative') {
      return new Response(null, { status, headers: { location: '/final' } })
    }
    if (url.searchParams.get('to') === 'outsider') {
      return new Response(null, { status, headers: { location: `${outsider.origin}/leak` } })
    }
    return toResponse(await verifyRequest(request, verifier))
  })
})
afterAll(async () => {
  await Promise.all([origin.close(), target.close(), outsider.close()])
})
afterEach(() => {
  vi.unstubAllGlobals()
  for (const server of [origin, target, outsider]) server.received.length = 0
})

const hooks = () =>
  createKyHooks(
    createSigner({
      credentials: SESSION_CREDENTIALS,
      rules: [
        { host: `127.0.0.1:${origin.port}`, service: 'execute-api', region: 'eu-west-1' },
        { host: `127.0.0.1:${target.port}`, service: 'execute-api', region: 'eu-west-1' },
      ],
    }),
  )

describe.each(MAJORS)('$name redirects (Node)', (major) => {
  it('re-signs a same-origin 307 with method and body; the origin verifies it', async () => {
    const api = major.create(origin.origin, { hooks: hooks(), retry: 0 })
    const response = await api('start', {
      searchParams: { to: 'relative', status: 307 },
      method: 'post',
      json: { a: 1 },
    })
    const echo = await response.json()
    expect(response.status, JSON.stringify(echo)).toBe(200)
    expect(echo).toMatchObject({
      ok: true,
      path: '/final',
      method: 'POST',
      bodySha256: await sha256Hex('{"a":1}'),
    })
  })

  it('does not sign a 307 to another claimed host (confused deputy): nothing of the credentials arrives', async () => {
    const api = major.create(origin.origin, { hooks: hooks(), retry: 0, throwHttpErrors: false })
    const response = await api('start', {
      searchParams: { to: 'target', status: 307 },
      method: 'post',
      json: { a: 1 },
    })
    expect(response.status).toBe(403)
    const arrived = target.received[0]?.headers ?? {}
    for (const name of Object.keys(arrived)) {
      expect(name === 'authorization' || name.startsWith('x-amz-'), `${name} reached the target`).toBe(false)
    }
  })

  it.each([302, 307])('sends no credential material to a host no rule claims (%i)', async (status) => {
    const api = major.create(origin.origin, { hooks: hooks(), retry: 0 })
    const response = await api('start', {
      searchParams: { to: 'outsider', status },
      method: 'put',
      body: 'data',
    })
    expect(response.status).toBe(200)
    const leaked = outsider.received[0]
    expect(leaked).toBeDefined()
    for (const name of Object.keys(leaked?.headers ?? {})) {
      expect(name === 'authorization' || name.startsWith('x-amz-'), `${name} reached the outsider`).toBe(
        false,
      )
    }
    expect(JSON.stringify(leaked?.headers)).not.toContain(SESSION_CREDENTIALS.sessionToken)
    expect(origin.received[0]?.headers['x-amz-security-token']).toBe(SESSION_CREDENTIALS.sessionToken)
  })

  it("leaves redirects to ky when the caller set redirect: 'manual'", async () => {
    const api = major.create(origin.origin, {
      hooks: hooks(),
      retry: 0,
      redirect: 'manual',
      throwHttpErrors: false,
    })
    const response = await api('start', { searchParams: { to: 'outsider' } })
    expect(response.status).toBe(302)
    expect(outsider.received).toHaveLength(0)
  })

  it("signed requests default to redirect: 'error' in browsers", async () => {
    vi.stubGlobal('document', {})
    const api = major.create(origin.origin, { hooks: hooks(), retry: 0 })
    await expect(api('start', { searchParams: { to: 'outsider' } })).rejects.toThrow()
    expect(outsider.received).toHaveLength(0)
  })
})
