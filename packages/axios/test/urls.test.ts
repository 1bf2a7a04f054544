import { attachSigner, createSigner } from '@awssig/axios'
import { awsHandlers } from '@awssig/testing/msw'
import { startVerifyingServer } from '@awssig/testing/server'
import axios, { type AxiosInstance } from 'axios'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CREDENTIALS, type Echo, ENDPOINTS, REGIONAL_HOST, RULES, SIGV4A_HOST } from './fixtures'

const RESERVED = "!*'();:@&=$,/?#[]"
const UNICODE = 'ünï ✓ 日本'

/** The query as the service decodes it, order-insensitive (canonicalization sorts it anyway). */
function sortedQuery(query: Echo['query']): string[] {
  return query.map(([key, value]) => `${key}=${value}`).sort()
}

const URL_CASES: Array<{
  name: string
  baseURL: string
  url: string
  params?: unknown
  paramsSerializer?: { indexes: null }
  path: string
  query: Array<[string, string]>
}> = [
  {
    name: 'repeated keys, empty values, spaces and a literal plus (URLSearchParams params)',
    baseURL: `https://${REGIONAL_HOST}/prod`,
    url: '/search',
    params: new URLSearchParams([
      ['q', 'a b'],
      ['plus', 'a+b'],
      ['rep', '1'],
      ['rep', '2'],
      ['empty', ''],
    ]),
    path: '/prod/search',
    query: [
      ['q', 'a b'],
      ['plus', 'a+b'],
      ['rep', '1'],
      ['rep', '2'],
      ['empty', ''],
    ],
  },
  {
    name: 'object params with unicode, reserved characters, arrays (indexes: null) and spaces',
    baseURL: `https://${REGIONAL_HOST}/prod/`,
    url: 'items',
    params: { uni: UNICODE, reserved: RESERVED, list: ['x y', 'p+q'], blank: '' },
    paramsSerializer: { indexes: null },
    path: '/prod/items',
    query: [
      ['uni', UNICODE],
      ['reserved', RESERVED],
      ['list', 'x y'],
      ['list', 'p+q'],
      ['blank', ''],
    ],
  },
  {
    name: 'query already in the url plus params, unicode and spaces in the path',
    baseURL: `https://${REGIONAL_HOST}`,
    url: `/prod/ünï/a b/x+y(1)?pre=1&pre=&sp=a%20b`,
    params: { post: 'z' },
    path: '/prod/ünï/a b/x+y(1)',
    query: [
      ['pre', '1'],
      ['pre', ''],
      ['sp', 'a b'],
      ['post', 'z'],
    ],
  },
  {
    name: 'non-default port on a SigV4A host',
    baseURL: `https://${SIGV4A_HOST}:8443/v1`,
    url: '/ping',
    params: { a: '1' },
    path: '/v1/ping',
    query: [['a', '1']],
  },
]

async function check(api: AxiosInstance, testCase: (typeof URL_CASES)[number]) {
  attachSigner(api, createSigner({ credentials: CREDENTIALS, rules: RULES }))
  const response = await api.get<Echo>(testCase.url, {
    params: testCase.params,
    ...(testCase.paramsSerializer ? { paramsSerializer: testCase.paramsSerializer } : {}),
  })
  expect(response.status, JSON.stringify(response.data)).toBe(200)
  expect(decodeURIComponent(response.data.path)).toBe(testCase.path)
  expect(sortedQuery(response.data.query)).toEqual(sortedQuery(testCase.query))
}

describe('URLs through msw', () => {
  const server = setupServer(...awsHandlers({ credentials: [CREDENTIALS], endpoints: ENDPOINTS }))
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())

  describe.each(['http', 'fetch'] as const)('axios %s adapter', (adapter) => {
    it.each(URL_CASES)('$name', async (testCase) => {
      await check(axios.create({ adapter, baseURL: testCase.baseURL, validateStatus: () => true }), testCase)
    })
  })
})

describe('URLs on the wire (loopback server as proxy, http adapter)', () => {
  let server: Awaited<ReturnType<typeof startVerifyingServer>>
  beforeAll(async () => {
    server = await startVerifyingServer({ port: 0, credentials: [CREDENTIALS], endpoints: ENDPOINTS })
  })
  afterAll(() => server.close())

  it.each(URL_CASES)('$name', async (testCase) => {
    const api = axios.create({
      adapter: 'http',
      baseURL: testCase.baseURL.replace('https://', 'http://'),
      proxy: { protocol: 'http', host: '127.0.0.1', port: server.port },
      validateStatus: () => true,
    })
    await check(api, testCase)
  })
})
