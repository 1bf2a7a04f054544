// Issue 12: the redirect matrix. Every adapter path × 301/302/303/307/308 × GET/POST × where the redirect
// leads. A hop is signed again only on the caller's origin; no credential header (Authorization, X-Amz-*,
// Cookie, Proxy-Authorization) ever reaches any other origin — another claimed host, an unclaimed one, an
// https → http downgrade of the same hostname — and same-origin hops still verify.
import { createSigner } from '@awssig/core'
import { toResponse, verifyRequest } from '@awssig/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type AdapterPath, PATHS, sendThrough } from './support/redirect-clients'
import { type Arrival, type Station, startStation } from './support/stations'

// The stations use a self-signed certificate; this process trusts it for fetch and undici.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'

const CREDENTIALS = {
  accessKeyId: 'AKIDREDIRECTMATRIX01',
  secretAccessKey: 'redirect/matrix+secret/key/0000000000000',
  sessionToken: 'SESSIONTOKEN-redirect-matrix-must-never-leave-the-origin',
}
const SSE_C_KEY = 'c3NlLWMtY3VzdG9tZXIta2V5LW5ldmVyLWxlYXZlcw=='
const verifier = {
  credentials: [CREDENTIALS],
  endpoints: { '127.0.0.1': { service: 'execute-api', region: 'eu-west-1' } },
}

let caller: Station // https://127.0.0.1:P — where the caller sends its request
let claimed: Station // https://127.0.0.1:Q — another origin the same portless rule claims
let plain: Station // http://127.0.0.1:R — the same hostname without TLS (a downgrade)
let outsider: Station // https://127.0.0.2:S — a host no rule claims

const leakPage = () => new Response('landed', { status: 200 })

beforeAll(async () => {
  claimed = await startStation('https', '127.0.0.1', leakPage)
  plain = await startStation('http', '127.0.0.1', leakPage)
  outsider = await startStation('https', '127.0.0.2', (request) => {
    const url = new URL(request.url)
    if (url.pathname === '/bounce') {
      return redirect(Number(url.searchParams.get('status')), `${caller.origin}/final`)
    }
    return leakPage()
  })
  caller = await startStation('https', '127.0.0.1', async (request) => {
    const url = new URL(request.url)
    const status = Number(url.searchParams.get('status') ?? 302)
    const target = url.searchParams.get('target')
    if (url.pathname === '/start' && target) return redirect(status, locationOf(target, status))
    if (url.pathname === '/hop') return redirect(status, `${claimed.origin}/leak`)
    return toResponse(await verifyRequest(request, verifier))
  })
})
afterAll(async () => {
  await Promise.all([caller, claimed, plain, outsider].map((station) => station.close()))
})
afterEach(() => {
  for (const station of [caller, claimed, plain, outsider]) station.received.length = 0
})

function redirect(status: number, location: string): Response {
  return new Response(null, { status, headers: { location } })
}

/** Where each case's redirect leads, and whether the hop may carry a signature. */
const TARGETS = {
  'same origin, absolute': { signed: true },
  'same origin, relative': { signed: true },
  'another claimed host': { signed: false },
  'an unclaimed host': { signed: false },
  'an unclaimed host, protocol-relative': { signed: false },
  'https → http on the same hostname': { signed: false },
  'a chain: same origin, then another claimed host': { signed: false },
  "a chain: an unclaimed host, then back to the caller's origin": { signed: false },
} as const
type Target = keyof typeof TARGETS

function locationOf(target: string, status: number): string {
  switch (target as Target) {
    case 'same origin, absolute':
      return `${caller.origin}/final`
    case 'same origin, relative':
      return '/final'
    case 'another claimed host':
      return `${claimed.origin}/leak`
    case 'an unclaimed host':
      return `${outsider.origin}/leak`
    case 'an unclaimed host, protocol-relative':
      return `//127.0.0.2:${outsider.port}/leak`
    case 'https → http on the same hostname':
      return `${plain.origin}/leak`
    case 'a chain: same origin, then another claimed host':
      return `/hop?status=${status}`
    case "a chain: an unclaimed host, then back to the caller's origin":
      return `${outsider.origin}/bounce?status=${status}`
  }
}

function signer(unmatched: 'pass' | 'error' = 'pass') {
  // No port: the rule claims 127.0.0.1 on every port and scheme — exactly what made other claimed origins
  // and downgrades look signable before.
  return createSigner({
    credentials: CREDENTIALS,
    rules: [{ host: '127.0.0.1', service: 'execute-api', region: 'eu-west-1' }],
    unmatched,
  })
}

const CREDENTIAL_HEADER = /^(authorization|cookie|proxy-authorization|x-amz-.*)$/

function credentialHeadersOf(arrival: Arrival): string[] {
  return Object.keys(arrival.headers).filter((name) => CREDENTIAL_HEADER.test(name))
}

/** Every request that arrived anywhere but as a signed hop on the caller's origin. */
function arrivalsAway(): Arrival[] {
  return [...claimed.received, ...plain.received, ...outsider.received]
}

const STATUSES = [301, 302, 303, 307, 308] as const
const METHODS = ['GET', 'POST'] as const

function call(target: Target, status: number, method: 'GET' | 'POST') {
  const url = `${caller.origin}/start?target=${encodeURIComponent(target)}&status=${status}`
  return {
    method,
    url,
    headers: {
      'x-amz-server-side-encryption-customer-key': SSE_C_KEY,
      cookie: 'session=private',
      ...(method === 'POST' ? { 'content-type': 'text/plain' } : {}),
    },
    ...(method === 'POST' ? { body: 'payload' } : {}),
  }
}

/** The method a hop keeps: 303 turns anything but GET/HEAD into GET, 301/302 turn POST into GET. */
function methodAfter(status: number, method: string): string {
  return status === 303 || ((status === 301 || status === 302) && method === 'POST') ? 'GET' : method
}

describe.each(PATHS)('%s', (path: AdapterPath) => {
  for (const [target, { signed }] of Object.entries(TARGETS) as [Target, { signed: boolean }][]) {
    describe(`redirect to ${target}`, () => {
      it.each(STATUSES.flatMap((status) => METHODS.map((method) => [status, method] as const)))(
        '%i after %s',
        async (status, method) => {
          const outcome = await sendThrough(path, signer(), call(target, status, method))
          // The first request was signed, with the session token and the caller's SSE-C key.
          expect(caller.received[0]?.headers['x-amz-security-token']).toBe(CREDENTIALS.sessionToken)
          for (const arrival of arrivalsAway()) {
            expect(credentialHeadersOf(arrival), `${arrival.url}`).toEqual([])
            expect(JSON.stringify(arrival.headers)).not.toContain(CREDENTIALS.sessionToken)
          }
          const last = caller.received.at(-1) as Arrival
          if (signed) {
            expect(outcome.status, outcome.text).toBe(200)
            expect(last.method).toBe(methodAfter(status, method))
            expect(last.headers['x-amz-server-side-encryption-customer-key']).toBe(SSE_C_KEY)
            expect(last.text).toBe(last.method === 'POST' ? 'payload' : '')
          } else {
            expect(arrivalsAway().length, 'the hop was delivered').toBeGreaterThan(0)
            if (target === "a chain: an unclaimed host, then back to the caller's origin") {
              // Back on the caller's origin, but chosen by a host nobody claimed: still unsigned.
              expect(caller.received).toHaveLength(2)
              expect(credentialHeadersOf(last)).toEqual([])
              expect(outcome.status).toBe(403)
            }
          }
        },
      )
    })
  }

  it("with unmatched: 'error', a hop away from the origin is not sent and the call rejects", async () => {
    const error = await sendThrough(path, signer('error'), call('an unclaimed host', 307, 'POST')).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(Error)
    expect(outsider.received).toHaveLength(0)
  })

  it.each(['another claimed host', 'an unclaimed host'] as const)(
    "an explicit redirect: 'follow' is followed by awssig, under the same policy (%s)",
    async (target) => {
      await sendThrough(path, signer(), { ...call(target, 307, 'POST'), explicitFollow: true })
      expect(arrivalsAway()).toHaveLength(1)
      for (const arrival of arrivalsAway()) expect(credentialHeadersOf(arrival)).toEqual([])
    },
  )

  it('a same-origin hop in an explicit follow is signed again and verifies', async () => {
    const outcome = await sendThrough(path, signer(), {
      ...call('same origin, relative', 307, 'POST'),
      explicitFollow: true,
    })
    expect(outcome.status, outcome.text).toBe(200)
  })
})
