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

describe('the cause of a provider failure', () => {
  // console.error(err) and util.inspect print `cause` (with its stack, which starts with the message).
  it('is redacted too: inspecting or serializing the error prints no secret', async () => {
    const { inspect } = await import('node:util')
    const text = `refresh failed for ${SECRET} ${TOKEN} (url-encoded: ${encodeURIComponent(SECRET)})`
    const original = Object.assign(new Error(text), { code: 'ProviderFailed', detail: text })
    const signer = createSigner({
      credentials: async () => {
        throw original
      },
    })
    const error = await signer.sign({ method: 'GET', url: 'https://sts.amazonaws.com/' }).catch((e) => e)
    expect(error).toBeInstanceOf(CredentialsError)
    const printed = [
      inspect(error, { depth: 10, showHidden: true }),
      JSON.stringify(error),
      String(error.cause?.stack),
    ]
    for (const out of printed) {
      for (const secret of [SECRET, TOKEN]) {
        for (let i = 0; i + 8 <= secret.length; i += 4) expect(out).not.toContain(secret.slice(i, i + 8))
      }
    }
    // What helps debugging stays: the provider error's name and code, and its message without the secrets.
    expect(error.cause).toMatchObject({ name: 'Error', code: 'ProviderFailed' })
    expect(error.cause.message).toContain('refresh failed for [redacted]')
  })
})
