import { CREDENTIALS, SESSION_CREDENTIALS, sha256Hex } from '@awssig/test-utils/fixtures'
import { type Loopback, startLoopback } from '@awssig/test-utils/loopback'
import { toResponse, verifyRequest } from '@awssig/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createSignedFetch, createSigner, RedirectError, sendSigned } from '../src'

const verifier = {
  credentials: [SESSION_CREDENTIALS],
  endpoints: { '127.0.0.1': { service: 'execute-api', region: 'eu-west-1' } },
}

let origin: Loopback // claimed: redirects
let target: Loopback // claimed: verifies and echoes
let outsider: Loopback // claimed by no rule: records what leaks

beforeAll(async () => {
  target = await startLoopback(async (request) => toResponse(await verifyRequest(request, verifier)))
  outsider = await startLoopback(async (request) => new Response(await request.text(), { status: 200 }))
  origin = await startLoopback(async (request) => {
    const url = new URL(request.url)
    const to = url.searchParams.get('to')
    const status = Number(url.searchParams.get('status') ?? 302)
    if (url.pathname === '/loop') return new Response(null, { status: 302, headers: { location: '/loop' } })
    if (to === 'target')
      return new Response(null, { status, headers: { location: `${target.origin}/landing?x=1` } })
    if (to === 'outsider')
      return new Response(null, { status, headers: { location: `${outsider.origin}/leak` } })
    if (to === 'relative') return new Response(null, { status, headers: { location: '/final' } })
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

function signer() {
  return createSigner({
    credentials: SESSION_CREDENTIALS,
    rules: [
      { host: `127.0.0.1:${origin.port}`, service: 'execute-api', region: 'eu-west-1' },
      { host: `127.0.0.1:${target.port}`, service: 'execute-api', region: 'eu-west-1' },
    ],
  })
}

const CREDENTIAL_HEADERS = ['authorization', 'x-amz-security-token', 'x-amz-date', 'x-amz-meta-note']

/** The request the outsider received: it arrived, with no Authorization, no x-amz-* header and no token. */
function expectNoCredentialMaterialAtOutsider() {
  const leaked = outsider.received[0]
  expect(leaked).toBeDefined()
  for (const name of Object.keys(leaked?.headers ?? {})) {
    expect(name === 'authorization' || name.startsWith('x-amz-'), `${name} reached the outsider`).toBe(false)
  }
  expect(JSON.stringify(leaked?.headers)).not.toContain(SESSION_CREDENTIALS.sessionToken)
  return leaked
}

describe('redirects in Node (followed by awssig)', () => {
  it('does not sign a hop to another claimed host: the caller never asked for that call (confused deputy)', async () => {
    const response = await createSignedFetch(signer())(`${origin.origin}/start?to=target&status=307`, {
      method: 'POST',
      body: 'payload',
    })
    // The target verifies signatures: an unsigned request is refused there, as AWS would.
    expect(response.status).toBe(403)
    expect(response.url).toBe(`${target.origin}/landing?x=1`)
    const arrived = target.received[0]?.headers ?? {}
    for (const name of Object.keys(arrived)) {
      expect(name === 'authorization' || name.startsWith('x-amz-'), `${name} reached the target`).toBe(false)
    }
    expect(JSON.stringify(arrived)).not.toContain(SESSION_CREDENTIALS.sessionToken)
  })

  it.each([307, 308])('keeps method and body on a same-origin %i and signs them again', async (status) => {
    const body = JSON.stringify({ keep: 'me' })
    const response = await createSignedFetch(signer())(
      `${origin.origin}/start?to=relative&status=${status}`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body,
      },
    )
    const echo = await response.json()
    expect(response.status, JSON.stringify(echo)).toBe(200)
    expect(echo).toMatchObject({ method: 'PUT', path: '/final', bodySha256: await sha256Hex(body) })
  })

  it.each([301, 302, 303])('turns POST into a body-less GET on %i, as fetch does', async (status) => {
    const response = await createSignedFetch(signer())(
      `${origin.origin}/start?to=relative&status=${status}`,
      {
        method: 'POST',
        body: new URLSearchParams({ a: '1' }),
      },
    )
    const echo = await response.json()
    expect(response.status, JSON.stringify(echo)).toBe(200)
    expect(echo).toMatchObject({ method: 'GET', path: '/final', bodySha256: await sha256Hex('') })
    expect(origin.received[1]?.headers['content-type']).toBeUndefined()
  })

  it.each([302, 307])(
    'sends no credential material to a host no rule claims (%i), but still delivers the request',
    async (status) => {
      const response = await createSignedFetch(signer())(
        `${origin.origin}/start?to=outsider&status=${status}`,
        {
          method: 'POST',
          headers: { 'x-amz-meta-note': 'private', 'x-custom': 'kept' },
          body: 'payload',
        },
      )
      expect(response.status).toBe(200)
      expect(response.url).toBe(`${outsider.origin}/leak`)
      const leaked = expectNoCredentialMaterialAtOutsider()
      expect(leaked?.headers['x-custom']).toBe('kept')
      expect(new TextDecoder().decode(leaked?.body)).toBe(status === 307 ? 'payload' : '')
      // The first hop was signed, with the session token.
      for (const name of CREDENTIAL_HEADERS) expect(origin.received[0]?.headers[name]).toBeDefined()
    },
  )

  it('follows relative locations on the same claimed host and re-signs', async () => {
    const response = await createSignedFetch(signer())(`${origin.origin}/start?to=relative`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: true, path: '/final' })
  })

  it('gives up after 20 redirects like fetch', async () => {
    const error = await createSignedFetch(signer())(`${origin.origin}/loop`).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect(origin.received).toHaveLength(21)
  })

  it("returns the redirect itself when the caller chose redirect: 'manual'", async () => {
    const response = await createSignedFetch(signer())(`${origin.origin}/start?to=outsider`, {
      redirect: 'manual',
    })
    expect(response.status).toBe(302)
    expect(outsider.received).toHaveLength(0)
  })

  it('a stream body cannot be replayed on a 307, so fetch-like TypeError (S3 streaming case)', async () => {
    const s3Signer = createSigner({
      credentials: CREDENTIALS,
      rules: [
        { host: `127.0.0.1:${origin.port}`, service: 's3', region: 'eu-west-1', unsignedPayload: true },
      ],
    })
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([1, 2, 3]))
        c.close()
      },
    })
    const error = await createSignedFetch(s3Signer)(`${origin.origin}/start?to=target&status=307`, {
      method: 'PUT',
      body: stream,
      duplex: 'half',
    } as RequestInit).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TypeError)
    expect(target.received).toHaveLength(0)
  })
})

describe('the deprecated sendSigned(signer, request, { fetch, … }) overload', () => {
  // It built each hop's fetch options without the hop's redirect mode, so the runtime's fetch followed the
  // redirect itself and carried X-Amz-Security-Token to a host no rule claims.
  function legacySend(url: string, followRedirects: boolean, redirect: RequestRedirect) {
    return sendSigned(
      signer(),
      { method: 'POST', url, headers: new Headers({ 'x-amz-meta-note': 'private' }), body: 'payload' },
      { fetch: globalThis.fetch, followRedirects, redirect },
    )
  }

  it('sends no credential material to a host no rule claims when it follows redirects', async () => {
    const response = await legacySend(`${origin.origin}/start?to=outsider&status=307`, true, 'follow')
    expect(response.status).toBe(200)
    expectNoCredentialMaterialAtOutsider()
  })

  it("returns the redirect itself for redirect: 'manual'", async () => {
    const response = await legacySend(`${origin.origin}/start?to=outsider`, false, 'manual')
    expect(response.status).toBe(302)
    expect(outsider.received).toHaveLength(0)
  })
})

describe('redirects in browsers', () => {
  it("default to redirect: 'error' for signed requests", async () => {
    vi.stubGlobal('document', {})
    const seen: RequestInit[] = []
    const spy: typeof fetch = (input, init) => {
      seen.push(init ?? {})
      return fetch(input, init)
    }
    const error = await createSignedFetch(signer(), { fetch: spy })(
      `${origin.origin}/start?to=outsider`,
    ).catch((e: unknown) => e)
    expect(seen[0]?.redirect).toBe('error')
    expect(error).toBeInstanceOf(TypeError)
    expect(outsider.received).toHaveLength(0)
  })

  it("refuse an explicit redirect: 'follow' (the browser would carry X-Amz-* headers to any hop), before sending", async () => {
    vi.stubGlobal('window', {})
    const seen: RequestInit[] = []
    const spy: typeof fetch = (input, init) => {
      seen.push(init ?? {})
      return fetch(input, init)
    }
    const error = await createSignedFetch(signer(), { fetch: spy })(`${origin.origin}/start?to=target`, {
      redirect: 'follow',
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RedirectError)
    expect(seen).toHaveLength(0)
  })

  it("pass redirect: 'manual' on as chosen", async () => {
    vi.stubGlobal('window', {})
    const seen: RequestInit[] = []
    const spy: typeof fetch = (input, init) => {
      seen.push(init ?? {})
      return fetch(input, init)
    }
    const response = await createSignedFetch(signer(), { fetch: spy })(`${origin.origin}/start?to=target`, {
      redirect: 'manual',
    })
    expect(seen[0]?.redirect).toBe('manual')
    expect(response.status).toBe(302)
    expect(target.received).toHaveLength(0)
  })
})
