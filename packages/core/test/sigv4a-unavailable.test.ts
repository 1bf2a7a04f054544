import { createSigner, isAwsSigError, SigV4aUnavailableError } from '@awssig/core'
import { afterEach, expect, it, vi } from 'vitest'
import { CREDENTIALS } from './support/verify'

// The Web Crypto build (browsers, workers): Node's build signs SigV4A with node:crypto, which is always there.
vi.mock('#sha256', () => import('../src/signing/sha256.browser'))

afterEach(() => {
  vi.unstubAllGlobals()
})

const rules = [
  { host: 'api.example.com', service: 'execute-api', algorithm: 'sigv4a' as const, regionSet: ['us-*'] },
]

it('a SigV4A plan without Web Crypto gives SigV4aUnavailableError', async () => {
  // An insecure browser context (plain http) has no crypto.subtle.
  vi.stubGlobal('crypto', {})
  const signer = createSigner({ credentials: { ...CREDENTIALS }, rules })
  const error = (await signer
    .sign({ method: 'GET', url: 'https://api.example.com/' })
    .catch((e: unknown) => e)) as Error
  expect(error).toBeInstanceOf(SigV4aUnavailableError)
  expect(isAwsSigError(error)).toBe(true)
  expect(error.message).toContain('crypto.subtle')
  expect(error.message).not.toContain(CREDENTIALS.secretAccessKey)
})

it('a Web Crypto without ECDSA P-256 gives SigV4aUnavailableError with the cause; SigV4 still works', async () => {
  const failure = new DOMException('Algorithm: Unrecognized name', 'NotSupportedError')
  const real = globalThis.crypto.subtle
  const subtle = {
    digest: real.digest.bind(real),
    sign: real.sign.bind(real),
    importKey: (...args: Parameters<SubtleCrypto['importKey']>) =>
      args[0] === 'pkcs8' ? Promise.reject(failure) : real.importKey(...args),
  }
  vi.stubGlobal('crypto', { subtle })
  const signer = createSigner({ credentials: { ...CREDENTIALS }, rules })
  const error = (await signer
    .sign({ method: 'GET', url: 'https://api.example.com/' })
    .catch((e: unknown) => e)) as Error
  expect(error).toBeInstanceOf(SigV4aUnavailableError)
  // A stand-in for the platform's error (console.error prints causes; a platform may quote its input).
  expect(error.cause).toMatchObject({ name: failure.name, message: failure.message })
  expect((error as SigV4aUnavailableError).url).toBe('https://api.example.com/')
  const { plan } = await signer.sign({ method: 'GET', url: 'https://ec2.us-west-2.amazonaws.com/' })
  expect(plan?.algorithm).toBe('sigv4')
  // Not remembered: once ECDSA works again, the same credentials sign.
  vi.unstubAllGlobals()
  const { request } = await signer.sign({ method: 'GET', url: 'https://api.example.com/' })
  expect(request.headers.get('authorization')).toMatch(/^AWS4-ECDSA-P256-SHA256 /)
})
