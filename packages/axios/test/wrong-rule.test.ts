import { attachSigner, createSigner, type SignerOptions } from '@awssig/axios'
import { awsHandlers } from '@awssig/testing/msw'
import axios from 'axios'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CREDENTIALS,
  ENDPOINTS,
  GLOBAL_HOST,
  REGIONAL_HOST,
  SESSION_CREDENTIALS,
  SIGV4A_HOST,
} from './fixtures'

const server = setupServer(...awsHandlers({ credentials: [CREDENTIALS], endpoints: ENDPOINTS }))
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

/** Rules a user could plausibly get wrong, and the answer AWS gives for each. */
const WRONG_RULES: Array<{
  name: string
  host: string
  signer: SignerOptions
  status: number
  message: string
}> = [
  {
    name: 'regional endpoint signed for the wrong region by a wildcard rule',
    host: REGIONAL_HOST,
    signer: {
      credentials: CREDENTIALS,
      rules: [
        {
          host: '*.execute-api.eu-west-1.amazonaws.com',
          service: 'execute-api',
          region: 'eu-central-1',
          customerCode: true,
        },
      ],
    },
    status: 403,
    message: "Credential should be scoped to a valid region, not 'eu-central-1'.",
  },
  {
    name: 'global endpoint signed for the application home region',
    host: GLOBAL_HOST,
    signer: {
      credentials: CREDENTIALS,
      rules: [{ host: /^route53\.amazonaws\.com$/, service: 'route53', region: 'eu-west-1' }],
    },
    status: 403,
    message: "Credential should be scoped to a valid region, not 'eu-west-1'.",
  },
  {
    name: 'SigV4A region set that does not cover the endpoint',
    host: SIGV4A_HOST,
    signer: {
      credentials: CREDENTIALS,
      rules: [{ host: SIGV4A_HOST, service: 'execute-api', algorithm: 'sigv4a', regionSet: ['eu-*'] }],
    },
    status: 403,
    message: "The region set 'eu-*' does not cover the region 'us-west-2' of this endpoint.",
  },
  {
    name: 'wrong service name',
    host: SIGV4A_HOST,
    signer: {
      credentials: CREDENTIALS,
      rules: [{ host: SIGV4A_HOST, service: 'lambda', region: 'us-west-2' }],
    },
    status: 403,
    message: "Credential should be scoped to correct service: 'execute-api'.",
  },
  {
    name: 'session token the account does not know',
    host: REGIONAL_HOST,
    signer: { credentials: SESSION_CREDENTIALS, rules: [{ host: REGIONAL_HOST }] },
    status: 403,
    message: 'The security token included in the request is invalid.',
  },
]

/** API Gateway answers JSON, query-protocol services XML; compare the message text either way. */
function unescapeXml(text: string): string {
  return text
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

describe.each(['http', 'fetch'] as const)(
  'axios %s adapter: a deliberately wrong rule gets the AWS error',
  (adapter) => {
    it.each(WRONG_RULES)('$name', async (wrong) => {
      const api = axios.create({ adapter, baseURL: `https://${wrong.host}`, validateStatus: () => true })
      attachSigner(api, createSigner(wrong.signer))
      const response = await api.post('/orders', { item: 'book' }, { responseType: 'text' })
      expect(response.status).toBe(wrong.status)
      expect(unescapeXml(String(response.data))).toContain(wrong.message)
    })
  },
)
