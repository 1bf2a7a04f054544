import { createSigner, type SendHop, sendSigned } from '@awssig/core'
import { verifyRequest } from '@awssig/testing'
import { describe, expect, it } from 'vitest'
import { CREDENTIALS } from './support/verify'

// The signer signs the method upper-cased; the loop must send the method it signed, whatever the adapter
// passed, or the service computes another signature (fetch, for one, sends `patch` as written).

const ENDPOINT = { 'api.example.com': { service: 'execute-api', region: 'eu-west-1' } }

describe('sendSigned sends the method it signed', () => {
  it.each(['patch', 'Patch', 'PATCH', 'get'])('%s', async (method) => {
    const signer = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: 'api.example.com', service: 'execute-api', region: 'eu-west-1' }],
    })
    const sent: Request[] = []
    const send: SendHop = async (hop) => {
      const request = new Request(hop.url, { method: hop.method, headers: hop.headers })
      sent.push(request)
      const verdict = await verifyRequest(request.clone(), {
        credentials: [CREDENTIALS],
        endpoints: ENDPOINT,
      })
      return new Response(verdict.ok ? 'ok' : verdict.message, { status: verdict.ok ? 200 : 403 })
    }
    const response = await sendSigned(
      signer,
      { method, url: 'https://api.example.com/items', headers: [] },
      send,
    )
    expect(response.status, await response.text()).toBe(200)
    expect(sent[0]?.method).toBe(method.toUpperCase())
  })
})
