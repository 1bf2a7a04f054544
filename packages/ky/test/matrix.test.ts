import {
  BINARY,
  CREDENTIALS,
  ENDPOINTS,
  makeSigner,
  SESSION_CREDENTIALS,
  sha256Hex,
  streamOf,
  TARGETS,
  verifierCredentials,
  WRONG_TARGETS,
} from '@awssig/test-utils/fixtures'
import { awsHandlers } from '@awssig/testing/msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createKyHooks } from '../src'
import { MAJORS } from './majors'

const server = setupServer(...awsHandlers({ credentials: verifierCredentials(false), endpoints: ENDPOINTS }))
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const json = { name: 'wörld', list: [1, 2], nested: { a: ' spaced ' } }
const buffer = new Uint8Array([9, 9, ...BINARY, 9]).buffer

interface KyBodyCase {
  name: string
  method: string
  options: () => Record<string, unknown>
  sent?: string | Uint8Array
  contentType?: RegExp
}

const KY_BODY_CASES: KyBodyCase[] = [
  { name: 'no body (GET)', method: 'GET', options: () => ({}) },
  {
    name: 'json',
    method: 'POST',
    options: () => ({ method: 'post', json }),
    sent: JSON.stringify(json),
    contentType: /^application\/json$/,
  },
  {
    name: 'string',
    method: 'PUT',
    options: () => ({ method: 'put', body: 'héllo wörld\n' }),
    sent: 'héllo wörld\n',
    contentType: /^text\/plain;charset=UTF-8$/,
  },
  {
    name: 'URLSearchParams',
    method: 'POST',
    options: () => ({
      method: 'post',
      body: new URLSearchParams([
        ['a', '1'],
        ['a', '2'],
        ['empty', ''],
        ['q', 'x y+z'],
      ]),
    }),
    sent: 'a=1&a=2&empty=&q=x+y%2Bz',
    contentType: /^application\/x-www-form-urlencoded;charset=UTF-8$/,
  },
  {
    name: 'FormData with a File',
    method: 'POST',
    options: () => {
      const form = new FormData()
      form.append('field', 'välue')
      form.append('file', new File([BINARY], 'data.bin', { type: 'application/octet-stream' }))
      return { method: 'post', body: form }
    },
    contentType: /^multipart\/form-data; boundary=/,
  },
  {
    name: 'Blob',
    method: 'POST',
    options: () => ({ method: 'post', body: new Blob([BINARY], { type: 'application/x-thing' }) }),
    sent: BINARY,
    contentType: /^application\/x-thing$/,
  },
  {
    name: 'ArrayBuffer',
    method: 'POST',
    options: () => ({ method: 'post', body: buffer }),
    sent: new Uint8Array(buffer),
  },
  {
    name: 'Uint8Array subarray',
    method: 'PATCH',
    options: () => ({ method: 'patch', body: new Uint8Array(buffer).subarray(2, 2 + BINARY.length) }),
    sent: BINARY,
  },
  {
    name: 'ReadableStream (buffered)',
    method: 'POST',
    options: () => ({ method: 'post', body: streamOf(BINARY, 3) }),
    sent: BINARY,
  },
]

const SEARCH = [
  ['z', '1'],
  ['a', '2'],
  ['a', '1'],
  ['empty', ''],
  ['uni', 'ü €/?&='],
]

describe.each(MAJORS)('$name', (major) => {
  describe.each([
    { name: 'static credentials', session: false, credentials: CREDENTIALS },
    { name: 'session-token credentials', session: true, credentials: SESSION_CREDENTIALS },
  ])('$name', ({ session, credentials }) => {
    const hooks = createKyHooks(makeSigner({ credentials }))

    describe.each(TARGETS)('$name', ({ base, scope }) => {
      it.each(KY_BODY_CASES)('$name: verified (200)', async (bodyCase) => {
        if (session)
          server.use(...awsHandlers({ credentials: verifierCredentials(true), endpoints: ENDPOINTS }))
        const api = major.create(`${base}/v1`, { hooks, retry: 0 })
        const response = await api('items/a b/ü', { ...bodyCase.options(), searchParams: SEARCH })
        const echo = await response.json()
        expect(response.status, JSON.stringify(echo)).toBe(200)
        expect(echo.scope).toMatch(scope)
        expect(echo.method).toBe(bodyCase.method)
        expect(echo.path).toMatch(/\/v1\/items\/a%20b\/%C3%BC$/)
        expect(echo.query).toEqual(SEARCH)
        if (bodyCase.sent !== undefined) expect(echo.bodySha256).toBe(await sha256Hex(bodyCase.sent))
        if (bodyCase.contentType) expect(echo.signedHeaders).toContain('content-type')
        expect(echo.signedHeaders.includes('x-amz-security-token')).toBe(session)
      })
    })

    describe.each(WRONG_TARGETS)('deliberately $name', ({ base, status, message }) => {
      it.each(KY_BODY_CASES.filter((_, i) => i % 3 === 0))('$name: AWS refuses', async (bodyCase) => {
        if (session)
          server.use(...awsHandlers({ credentials: verifierCredentials(true), endpoints: ENDPOINTS }))
        const api = major.create(base, { hooks, retry: 0, throwHttpErrors: false })
        const response = await api('items', bodyCase.options())
        expect(response.status).toBe(status)
        expect(await response.text()).toContain(message)
      })
    })
  })

  it('non-default port, reserved characters and a prefix with a path', async () => {
    const api = major.create('https://api.example.com:8443/stage/v2', {
      hooks: createKyHooks(makeSigner()),
      retry: 0,
    })
    const response = await api("x/!'()*:@;=+$,/~_-.", { searchParams: { 'k[]': 'a+b c', '~t': '!*' } })
    const echo = await response.json()
    expect(response.status, JSON.stringify(echo)).toBe(200)
    expect(echo.query).toEqual([
      ['k[]', 'a+b c'],
      ['~t', '!*'],
    ])
  })
})
