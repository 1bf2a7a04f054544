import { createSigner } from '@awssig/core'
import { verifyRequest } from '@awssig/testing'
import { describe, expect, it, vi } from 'vitest'
import type { Sha256Primitives } from '../src/signing/sha256-primitives'
import { CREDENTIALS, SESSION_CREDENTIALS, toFetchRequest } from './support/verify'

// The build browsers and workers get (`default` condition of #sha256): Web Crypto for every hash, HMAC and
// ECDSA. The whole signer runs on it here, checked by the verifier, and its primitives against node:crypto's.
vi.mock('#sha256', () => import('../src/signing/sha256.browser'))

// The node:crypto build, for comparison (importActual: the mock above replaces it wherever '#sha256' points).
const { sha256Primitives: node } = await vi.importActual<{ sha256Primitives: Sha256Primitives }>(
  '../src/signing/sha256.node',
)

const SIGNING_DATE = new Date('2026-11-22T12:00:00Z')
const now = () => SIGNING_DATE

describe('Web Crypto primitives', () => {
  it('is the implementation under test', async () => {
    const { sha256Primitives } = await import('#sha256')
    expect(sha256Primitives.runtime).toBe('web')
    expect(node.runtime).toBe('node')
  })

  it('hash and HMAC bytes equal node:crypto for text, bytes, views and the empty input', async () => {
    const { sha256Primitives: web } = await import('#sha256')
    const bytes = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7) % 256)
    const inputs = [
      '',
      'é✓𝄞 text',
      bytes,
      bytes.buffer,
      new DataView(bytes.buffer, 5, 100),
      bytes.subarray(10, 20),
    ]
    for (const input of inputs) {
      expect(await web.sha256Hex(input)).toBe(await node.sha256Hex(input))
      expect(await web.hmac('AWS4secret', input)).toEqual(await node.hmac('AWS4secret', input))
    }
    const key = await web.hmac(bytes, '20261122')
    expect(await web.hmacHex(await web.importHmacKey(key), 'string to sign')).toBe(
      await node.hmacHex(await node.importHmacKey(key), 'string to sign'),
    )
    expect(await web.sha256Hex('a')).not.toBe(await web.sha256Hex('b'))
  })
})

describe('the signer on Web Crypto, checked by the verifier', () => {
  const endpoints = {
    'api.example.com': { service: 'execute-api', region: 'eu-west-1' },
    'multi.example.com': { service: 'execute-api', region: 'us-east-2', algorithm: 'sigv4a' as const },
  }
  const rules = [
    { host: 'api.example.com', service: 'execute-api', region: 'eu-west-1' },
    { host: 'multi.example.com', service: 'execute-api', algorithm: 'sigv4a' as const, regionSet: ['us-*'] },
  ]
  for (const credentials of [CREDENTIALS, SESSION_CREDENTIALS]) {
    for (const host of ['api.example.com', 'multi.example.com']) {
      it(`${host}${'sessionToken' in credentials ? ' with a session token' : ''}: GET and POST verify, a tampered body does not`, async () => {
        const signer = createSigner({ credentials, rules, now })
        const options = { credentials: [credentials], endpoints, now }
        for (let i = 0; i < 4; i++) {
          // Several ECDSA signatures: r or s with a high bit exercise the DER padding.
          const { request } = await signer.sign({
            method: 'POST',
            url: `https://${host}/items?n=${i}`,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ i }),
          })
          const verified = await verifyRequest(toFetchRequest(request), options)
          expect(verified.ok, verified.ok ? '' : verified.message).toBe(true)
          const tampered = await verifyRequest(toFetchRequest({ ...request, body: '{"i":-1}' }), options)
          expect(tampered.ok).toBe(false)
        }
        const { request } = await signer.sign({ method: 'GET', url: `https://${host}/` })
        expect((await verifyRequest(toFetchRequest(request), options)).ok).toBe(true)
      })
    }
  }
})

describe('the body on Web Crypto', () => {
  it('is read when sign is called (digest copies its input then): later changes to the buffer are not signed', async () => {
    const signer = createSigner({
      credentials: () => new Promise((resolve) => setTimeout(() => resolve(CREDENTIALS), 10)),
      rules: [{ host: 'api.example.com', service: 'execute-api', region: 'eu-west-1' }],
      now,
    })
    const body = new Uint8Array([5, 6, 7])
    const pending = signer.sign({ method: 'PUT', url: 'https://api.example.com/k', body })
    body.fill(0)
    const { request } = await pending
    const options = {
      credentials: [CREDENTIALS],
      endpoints: { 'api.example.com': { service: 'execute-api', region: 'eu-west-1' } },
      now,
    }
    const sent = (bytes: Uint8Array) => toFetchRequest({ ...request, body: bytes })
    expect((await verifyRequest(sent(new Uint8Array([5, 6, 7])), options)).ok).toBe(true)
    expect((await verifyRequest(sent(body), options)).ok).toBe(false)
  })
})
