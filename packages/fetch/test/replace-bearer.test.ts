import { createSignedFetch, createSigner } from '@awssig/fetch'
import { verifyRequest } from '@awssig/testing'
import { describe, expect, it } from 'vitest'

// Issue 16: a rule's `replaceBearer` (core: signer.sign replaces the Bearer) also holds through
// createSignedFetch: the adapter passes a request with its own Authorization through only when core's
// keepsOwnAuthorization says so.
const HOST = 'bedrock-mantle.us-east-1.api.aws'
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}

describe('replaceBearer through createSignedFetch', () => {
  it('signs instead of passing an SDK Bearer through', async () => {
    let verified: Awaited<ReturnType<typeof verifyRequest>> | undefined
    const transport = async (input: RequestInfo | URL, init?: RequestInit) => {
      verified = await verifyRequest(new Request(input, init), {
        credentials: [CREDENTIALS],
        endpoints: { [HOST]: { service: 'bedrock-mantle', region: 'us-east-1' } },
      })
      return new Response('{}', { status: verified.ok ? 200 : 403 })
    }
    const signer = createSigner({ credentials: CREDENTIALS, rules: [{ host: HOST, replaceBearer: true }] })
    const response = await createSignedFetch(signer, { fetch: transport })(`https://${HOST}/v1/models`, {
      headers: { authorization: 'Bearer placeholder' },
    })
    expect(response.status).toBe(200)
    expect(verified?.ok).toBe(true)
  })
})
