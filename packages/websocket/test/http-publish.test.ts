import { createSignedFetch, createSigner } from '@awssig/fetch'
import { startVerifyingServer } from '@awssig/testing/server'
import { describe, expect, it } from 'vitest'

// AppSync Events also takes publishes over HTTP: POST https://<api host>/event with {"channel","events"},
// signed for service appsync. The same rule that opens the socket signs it through the fetch adapter.
const KEYS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'session-token-example',
}
const API_HOST = 'xyz.appsync-api.eu-west-1.amazonaws.com'

describe('AppSync Events HTTP publish through @awssig/fetch', () => {
  it('signs POST /event for appsync (angle brackets are fine over HTTP: the body is hashed as sent)', async () => {
    const server = await startVerifyingServer({
      credentials: [KEYS],
      endpoints: { [API_HOST]: { service: 'appsync', region: 'eu-west-1' } },
    })
    try {
      const signer = createSigner({
        credentials: KEYS,
        rules: [{ host: '*.appsync-api.eu-west-1.amazonaws.com', customerCode: true }],
      })
      const signedFetch = createSignedFetch(signer, { fetch: server.fetch })
      const body = JSON.stringify({ channel: '/default/chat', events: [JSON.stringify({ text: '<hi>' })] })
      const response = await signedFetch(`https://${API_HOST}/event`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      expect(response.status).toBe(200)
      expect(await response.json()).toMatchObject({ ok: true, scope: expect.stringContaining('/appsync/') })
    } finally {
      await server.close()
    }
  })
})
