import { describe, expect, it } from 'vitest'
import { CredentialsError, createSigner } from '../../src/index'
import { SESSION_CREDENTIALS } from '../support/verify'

// Issue 13, finding 5: a provider error quoting the secret URL-encoded or JSON-escaped is redacted too.

const SECRET = SESSION_CREDENTIALS.secretAccessKey
const TOKEN = SESSION_CREDENTIALS.sessionToken!

describe('provider error redaction', () => {
  it.each([
    [
      'URL-encoded',
      `POST /creds?secret=${encodeURIComponent(SECRET)}&token=${encodeURIComponent(TOKEN)} failed`,
    ],
    ['JSON-escaped', `bad answer ${JSON.stringify({ s: SECRET, t: TOKEN }).replaceAll('/', '\\/')}`],
  ])('%s secrets leave no 8-character piece in the message', async (_, text) => {
    const signer = createSigner({
      credentials: async () => {
        throw new Error(text)
      },
    })
    const error = await signer.sign({ method: 'GET', url: 'https://sts.amazonaws.com/' }).catch((e) => e)
    expect(error).toBeInstanceOf(CredentialsError)
    const message = String(error.message)
    for (const secret of [SECRET, TOKEN]) {
      for (let i = 0; i + 8 <= secret.length; i += 4) expect(message).not.toContain(secret.slice(i, i + 8))
    }
  })
})
