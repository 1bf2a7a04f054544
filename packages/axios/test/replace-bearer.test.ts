import { verifyRequest } from '@awssig/testing'
import axios from 'axios'
import { describe, expect, it } from 'vitest'
import { attachSigner, createSigner } from '../src'
import { HAS_ENV_FETCH } from './axios-version'

// Issue 16: a rule's replaceBearer holds through axios too; without it the caller's Bearer passes untouched.
const HOST = 'bedrock-mantle.us-east-1.api.aws'
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}

function client(replaceBearer: boolean) {
  const seen: Request[] = []
  const api = axios.create({
    adapter: 'fetch',
    validateStatus: () => true,
    env: {
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init)
        seen.push(request.clone())
        const verified = await verifyRequest(request, {
          credentials: [CREDENTIALS],
          endpoints: { [HOST]: { service: 'bedrock-mantle', region: 'us-east-1' } },
        })
        return new Response('{}', { status: verified.ok ? 200 : 403 })
      },
    },
  })
  attachSigner(api, createSigner({ credentials: CREDENTIALS, rules: [{ host: HOST, replaceBearer }] }))
  return { api, seen }
}

// The in-process verifier is reached through env.fetch (axios ≥ 1.12).
describe.skipIf(!HAS_ENV_FETCH)('replaceBearer through attachSigner', () => {
  it('signs instead of passing an SDK Bearer through', async () => {
    const { api } = client(true)
    const response = await api.get(`https://${HOST}/v1/models`, { headers: { authorization: 'Bearer x' } })
    expect(response.status).toBe(200)
  })

  it('leaves the Bearer alone without the option', async () => {
    const { api, seen } = client(false)
    const response = await api.get(`https://${HOST}/v1/models`, { headers: { authorization: 'Bearer x' } })
    expect(response.status).toBe(403)
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer x')
  })
})
