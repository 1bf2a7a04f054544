import { attachSigner } from '@awssig/axios'
import { createSigner, isAwsSigError } from '@awssig/core'
import { createSignedFetch } from '@awssig/fetch'
import { createKyHooks } from '@awssig/ky'
import {
  describeFindings,
  errorText,
  findSecrets,
  type KnownSecret,
  registerTestSecrets,
} from '@awssig/test-utils/secret-scan'
import axios from 'axios'
import ky1 from 'ky'
import ky2 from 'ky2'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'

// The Web Crypto build (browsers, workers): Node's build signs SigV4A with node:crypto, which is always there,
// so SigV4aUnavailableError is reachable only here.
vi.mock('#sha256', () => import('../../packages/core/src/signing/sha256.browser'))

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLE/sigv4a+session/token+Zm9vYmFy=='
const SECRETS: KnownSecret[] = [
  { label: 'secret key', value: SECRET },
  { label: 'session token', value: TOKEN },
]
const HOST = 'api.example.com'
const URL_WITH_TOKEN = `https://${HOST}/orders?X-Amz-Security-Token=${encodeURIComponent(TOKEN)}&a=1`

beforeEach(() => {
  registerTestSecrets(SECRET, TOKEN)
})
afterEach(() => {
  vi.unstubAllGlobals()
})

function signer() {
  return createSigner({
    credentials: { accessKeyId: 'ASIASIGV4AEXAMPLE', secretAccessKey: SECRET, sessionToken: TOKEN },
    rules: [{ host: HOST, service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] }],
  })
}

// Nothing may be sent: the adapters' fetch fails the test if it is called.
const refuseToSend = (() => Promise.reject(new Error('sent'))) as unknown as typeof fetch

const paths: Array<[string, () => Promise<unknown>]> = [
  ['core sign', () => signer().sign({ method: 'GET', url: URL_WITH_TOKEN })],
  ['fetch', () => createSignedFetch(signer(), { fetch: refuseToSend })(URL_WITH_TOKEN)],
  ['ky 1', () => ky1(URL_WITH_TOKEN, { fetch: refuseToSend, retry: 0, hooks: createKyHooks(signer()) })],
  [
    'ky 2',
    () =>
      ky2(URL_WITH_TOKEN, {
        fetch: refuseToSend,
        retry: 0,
        hooks: createKyHooks(signer(), { fetch: refuseToSend }),
      }),
  ],
  [
    'axios (fetch adapter)',
    () => {
      const instance = axios.create({ adapter: 'fetch', env: { fetch: refuseToSend } })
      attachSigner(instance, signer())
      return instance.get(URL_WITH_TOKEN)
    },
  ],
]

it.each(paths)('SigV4aUnavailableError without crypto.subtle is clean: %s', async (_name, action) => {
  // An insecure browser context (plain http) has no crypto.subtle.
  vi.stubGlobal('crypto', {})
  const error = await Promise.resolve()
    .then(action)
    .then(
      () => undefined,
      (e: unknown) => e,
    )
  expect(isAwsSigError(error) && error.name, errorText(error)).toBe('SigV4aUnavailableError')
  const findings = findSecrets(errorText(error), SECRETS, 'SigV4aUnavailableError')
  expect(findings, describeFindings(findings)).toEqual([])
})

it('SigV4aUnavailableError when Web Crypto refuses the key, quoting the secret in its own error', async () => {
  const real = globalThis.crypto.subtle
  const failure = new DOMException(`cannot import key derived from ${SECRET}`, 'NotSupportedError')
  vi.stubGlobal('crypto', {
    subtle: {
      digest: real.digest.bind(real),
      sign: real.sign.bind(real),
      importKey: (...args: Parameters<SubtleCrypto['importKey']>) =>
        args[0] === 'pkcs8' ? Promise.reject(failure) : real.importKey(...args),
    },
  })
  const error = await signer()
    .sign({ method: 'GET', url: URL_WITH_TOKEN })
    .then(
      () => undefined,
      (e: unknown) => e,
    )
  expect(isAwsSigError(error) && error.name).toBe('SigV4aUnavailableError')
  // The platform's error is a redacted stand-in as `cause` (console.error prints causes): its name is kept.
  expect((error as Error).cause).toMatchObject({ name: 'NotSupportedError' })
  expect(String((error as Error).cause)).toContain('cannot import key derived from [redacted]')
  const findings = findSecrets(errorText(error), SECRETS, 'SigV4aUnavailableError')
  expect(findings, describeFindings(findings)).toEqual([])
})
