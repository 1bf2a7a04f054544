import {
  CREDENTIALS,
  ENDPOINTS,
  HOSTS,
  RULES,
  sha256Hex,
  verifierCredentials,
} from '@awssig/test-utils/fixtures'
import { awsHandlers } from '@awssig/testing/msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createKyHooks, createSigner, withSigning } from '../src'
import { MAJORS } from './majors'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** A signer whose clock moves one second per reading, so every signature has its own X-Amz-Date. */
function tickingSigner() {
  let time = Date.now()
  const now = () => {
    time += 1000
    return new Date(time)
  }
  return createSigner({ credentials: CREDENTIALS, rules: RULES, now })
}

/** Verified requests (each one's X-Amz-Date) behind an endpoint that answers 503 `failures` times first. */
function flakyEndpoint(failures: number) {
  const dates: string[] = []
  server.use(
    ...awsHandlers({
      credentials: verifierCredentials(false),
      endpoints: ENDPOINTS,
      resolver: async ({ request, verification }) => {
        dates.push(request.headers.get('x-amz-date') ?? '')
        if (dates.length <= failures)
          return new Response('{"message":"Service Unavailable"}', { status: 503 })
        return Response.json({ ok: true, bodySha256: verification.bodySha256 })
      },
    }),
  )
  return dates
}

const retry = { limit: 3, methods: ['get', 'post', 'put'], statusCodes: [503], delay: () => 0 }

describe.each(MAJORS)('$name retries', (major) => {
  it.each([
    ['GET', {}],
    ['POST json', { method: 'post', json: { a: 1 } }],
    ['PUT bytes', { method: 'put', body: new Uint8Array([1, 2, 3]) }],
  ] as const)(
    '%s: every attempt after two 503s is signed again with a new X-Amz-Date and verifies',
    async (_, options) => {
      const dates = flakyEndpoint(2)
      const api = major.create(`https://${HOSTS.regional}/prod`, {
        hooks: createKyHooks(tickingSigner()),
        retry,
      })
      const response = await api('items', { ...options })
      expect(response.status).toBe(200)
      // Only verified requests reach the resolver: all three attempts verified.
      expect(dates).toHaveLength(3)
      expect(new Set(dates).size).toBe(3)
      const expectedBody = 'json' in options ? '{"a":1}' : 'body' in options ? new Uint8Array([1, 2, 3]) : ''
      expect((await response.json()).bodySha256).toBe(await sha256Hex(expectedBody))
    },
  )

  it("leaves a caller's own Authorization alone, also on retries", async () => {
    const seen: Array<string | null> = []
    server.use(
      ...awsHandlers({
        credentials: verifierCredentials(false),
        endpoints: ENDPOINTS,
      }),
    )
    const api = major.create(`https://${HOSTS.regional}/prod`, {
      hooks: createKyHooks(tickingSigner()),
      retry: { ...retry, statusCodes: [403] },
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        seen.push(new Request(input, init).headers.get('authorization'))
        return fetch(input, init)
      },
    })
    const error = await api('items', { headers: { authorization: 'Bearer mine' } }).catch((e: unknown) => e)
    expect((error as { response?: Response }).response?.status).toBe(403)
    expect(seen).toHaveLength(4)
    expect(new Set(seen)).toEqual(new Set(['Bearer mine']))
  })
})

describe.each(MAJORS)('$name hook order', (major) => {
  it('withSigning runs your hooks first, so what they change is signed', async () => {
    server.use(...awsHandlers({ credentials: verifierCredentials(false), endpoints: ENDPOINTS }))
    const order: string[] = []
    const userBeforeRequest =
      major.major === 1
        ? (request: Request) => {
            order.push('user')
            request.headers.set('x-amz-meta-trace', 'from-user-hook')
          }
        : ({ request }: { request: Request }) => {
            order.push('user')
            request.headers.set('x-amz-meta-trace', 'from-user-hook')
          }
    const hooks = withSigning(tickingSigner(), {
      beforeRequest: [userBeforeRequest],
      afterResponse: [
        () => {
          order.push('user afterResponse')
        },
      ],
    })
    const api = major.create(`https://${HOSTS.regional}/prod`, { hooks, retry: 0 })
    const response = await api('items')
    const echo = await response.json()
    expect(response.status, JSON.stringify(echo)).toBe(200)
    expect(echo.signedHeaders).toContain('x-amz-meta-trace')
    expect(order).toEqual(['user', 'user afterResponse'])
  })

  it('a hook that changes the request after signing breaks the signature (why order matters)', async () => {
    server.use(...awsHandlers({ credentials: verifierCredentials(false), endpoints: ENDPOINTS }))
    const late =
      major.major === 1
        ? (request: Request) => new Request(`${request.url}?late=1`, request)
        : ({ request }: { request: Request }) => new Request(`${request.url}?late=1`, request)
    const signing = createKyHooks(tickingSigner())
    const api = major.create(`https://${HOSTS.regional}/prod`, {
      hooks: { ...signing, beforeRequest: [...signing.beforeRequest, late] },
      retry: 0,
      throwHttpErrors: false,
    })
    const response = await api('items')
    if (major.major === 1) {
      // ky 1 stops at the first hook that returns a Request: the late hook never ran, the request verifies.
      expect(response.status).toBe(200)
    } else {
      expect(response.status).toBe(403)
    }
  })
})
