import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { createSigner } from '../../src/index'
import { CREDENTIALS, SESSION_CREDENTIALS } from '../support/verify'

// Issue 13, finding 4: nothing reachable from a signer serializes a secret key or session token.

const SECRETS = [
  CREDENTIALS.secretAccessKey,
  SESSION_CREDENTIALS.secretAccessKey,
  SESSION_CREDENTIALS.sessionToken!,
]

describe('secrets at rest', () => {
  const signer = createSigner({
    credentials: SESSION_CREDENTIALS,
    rules: [
      { host: 'api.example.com', service: 'execute-api', region: 'eu-west-1', credentials: CREDENTIALS },
    ],
  })

  it.each([
    ['JSON.stringify(signer)', () => JSON.stringify(signer)],
    ['JSON.stringify(signer.options)', () => JSON.stringify(signer.options)],
    ['util.inspect(signer)', () => inspect(signer, { depth: 20, showHidden: true })],
    ['util.inspect(signer.options)', () => inspect(signer.options, { depth: 20, showHidden: true })],
    ['options.credentials fields', () => Object.values(signer.options.credentials as object).join(' ')],
    [
      'options.rules credentials',
      () => JSON.stringify(signer.options.rules.map((rule) => ({ ...rule.credentials }))),
    ],
  ])('%s shows no secret', (_, show) => {
    const text = show()
    for (const secret of SECRETS) expect(text).not.toContain(secret)
  })

  it('signing still uses the real credentials', async () => {
    const { request } = await signer.sign({ method: 'GET', url: 'https://sts.amazonaws.com/' })
    expect(request.headers.get('x-amz-security-token')).toBe(SESSION_CREDENTIALS.sessionToken)
  })
})
