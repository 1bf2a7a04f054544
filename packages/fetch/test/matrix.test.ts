import {
  CREDENTIALS,
  ENDPOINTS,
  makeSigner,
  SESSION_CREDENTIALS,
  sha256Hex,
  TARGETS,
  verifierCredentials,
  WRONG_TARGETS,
} from '@awssig/test-utils/fixtures'
import type { EchoBody } from '@awssig/testing'
import { awsHandlers } from '@awssig/testing/msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createSignedFetch } from '../src'
import { FETCH_BODY_CASES } from './body-kinds'

const server = setupServer(...awsHandlers({ credentials: verifierCredentials(false), endpoints: ENDPOINTS }))
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const SESSIONS = [
  { name: 'static credentials', session: false, credentials: CREDENTIALS },
  { name: 'session-token credentials', session: true, credentials: SESSION_CREDENTIALS },
] as const

describe.each(SESSIONS)('fetch with $name', ({ session, credentials }) => {
  const signedFetch = createSignedFetch(makeSigner({ credentials }))
  afterEach(() => server.resetHandlers())

  describe.each(TARGETS)('$name', ({ base, scope }) => {
    it.each(FETCH_BODY_CASES)('$name: verified (200)', async (bodyCase) => {
      if (session)
        server.use(...awsHandlers({ credentials: verifierCredentials(true), endpoints: ENDPOINTS }))
      const [input, init] = bodyCase.args(`${base}/items/a%20b?z=1&a=2&a=1&empty=`)
      const response = await signedFetch(input, init)
      const text = await response.text()
      expect(response.status, text).toBe(200)
      const echo = JSON.parse(text) as EchoBody
      expect(echo.scope).toMatch(scope)
      expect(echo.method).toBe(bodyCase.method)
      expect(echo.query).toEqual([
        ['z', '1'],
        ['a', '2'],
        ['a', '1'],
        ['empty', ''],
      ])
      if (bodyCase.sent !== undefined) expect(echo.bodySha256).toBe(await sha256Hex(bodyCase.sent))
      if (bodyCase.contentType) expect(echo.signedHeaders).toContain('content-type')
      if (session) expect(echo.signedHeaders).toContain('x-amz-security-token')
      else expect(echo.signedHeaders).not.toContain('x-amz-security-token')
    })
  })

  describe.each(WRONG_TARGETS)('deliberately $name', ({ base, status, message }) => {
    it.each(FETCH_BODY_CASES.filter((_, i) => i % 4 === 0 || i === 5))(
      '$name: AWS refuses',
      async (bodyCase) => {
        if (session)
          server.use(...awsHandlers({ credentials: verifierCredentials(true), endpoints: ENDPOINTS }))
        const [input, init] = bodyCase.args(`${base}/items`)
        const response = await signedFetch(input, init)
        expect(response.status).toBe(status)
        expect(await response.text()).toContain(message)
      },
    )
  })
})

it('a session token the verifier does not know is refused with the AWS wording', async () => {
  const signedFetch = createSignedFetch(
    makeSigner({ credentials: { ...CREDENTIALS, sessionToken: 'another-token' } }),
  )
  server.use(...awsHandlers({ credentials: verifierCredentials(true), endpoints: ENDPOINTS }))
  const response = await signedFetch(`${TARGETS[0].base}/items`)
  expect(response.status).toBe(403)
  expect(await response.text()).toContain('The security token included in the request is invalid.')
})

it('the Content-Type that was signed is the one sent, with the boundary the body uses', async () => {
  let seen: { contentType: string | null; body: string } | undefined
  server.use(
    ...awsHandlers({
      credentials: verifierCredentials(false),
      endpoints: ENDPOINTS,
      resolver: async ({ request }) => {
        seen = { contentType: request.headers.get('content-type'), body: await request.clone().text() }
        return new Response('ok')
      },
    }),
  )
  const form = new FormData()
  form.append('field', 'value')
  const response = await createSignedFetch(makeSigner())(`${TARGETS[0].base}/upload`, {
    method: 'POST',
    body: form,
  })
  expect(response.status).toBe(200)
  const boundary = /boundary=(.+)$/.exec(seen?.contentType ?? '')?.[1]
  expect(boundary).toBeTruthy()
  expect(seen?.body.startsWith(`--${boundary}\r\n`)).toBe(true)
})
