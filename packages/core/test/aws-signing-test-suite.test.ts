import { createHash } from 'node:crypto'
import { createSigner } from '@awssig/core'
import { p256 } from '@noble/curves/nist.js'
import { describe, expect, it } from 'vitest'
import type { CanonicalInput } from '../src/signing/canonical-input'
import { canonicalPath } from '../src/signing/canonical-path'
import { encodedQueryOf } from '../src/signing/canonical-query'
import { loadSigV4aAlgorithm, signSigV4a } from '../src/signing/load-sigv4a'
import { signQuery } from '../src/signing/sign-query'
import type { SigningInput } from '../src/signing/signing-input'
import { signSigV4, sigV4Algorithm } from '../src/signing/sigv4'
import type { SigningPlan } from '../src/types'
import { loadSuite, type SuiteCase } from './support/signing-suite'

/**
 * Cases whose request a `URL` plus `Headers` cannot express. Their canonical requests (and signatures) are
 * still checked below through the functions `signer.sign`/`presign` call, fed the raw request.
 */
const NOT_EXPRESSIBLE: Record<string, string> = {
  'get-header-key-duplicate': 'duplicate header keys: Headers joins repeated values with ", ", AWS with ","',
  'get-header-value-order': 'duplicate header keys: Headers joins repeated values with ", ", AWS with ","',
  'get-header-value-multiline': 'obsolete line folding: a Headers value cannot contain a newline',
  'get-relative-unnormalized': 'dot segments: URL removes them before the signer sees the path',
  'get-relative-relative-unnormalized': 'dot segments: URL removes them before the signer sees the path',
  'get-slash-dot-slash-unnormalized': 'dot segments: URL removes them before the signer sees the path',
  'get-slash-pointless-dot-unnormalized': 'dot segments: URL removes them before the signer sees the path',
  'get-slash-unnormalized': 'normalize:false with double encoding, a mode no service uses (S3 skips both)',
  'get-slashes-unnormalized': 'normalize:false with double encoding, a mode no service uses (S3 skips both)',
  'get-space-normalized': 'raw space in the path: URL sends %20, whose canonical form is %2520',
  'get-space-unnormalized': 'raw space in the path: URL sends %20, whose canonical form is %2520',
  'get-utf8': 'raw UTF-8 in the path: URL sends %E1%88%B4, whose canonical form is double-encoded',
  'post-sts-header-after':
    'the session token is added after signing (IoT WebSocket); regular requests sign it',
}
/** SigV4A cases in the suite that have inputs only (no expected canonical request or string to sign). */
const INPUT_ONLY = new Set(['get-vanilla-query-order-key', 'get-vanilla-query-order-value'])

const AKID = 'AKIDEXAMPLE'
const PUBLIC_KEY_V4A = (() => {
  const { X, Y } = JSON.parse(loadSuite('v4a')[0]!.expected('public-key.json')!) as { X: string; Y: string }
  return hexToBytes(`04${X}${Y}`)
})()

function hexToBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g)!.map((h) => Number.parseInt(h, 16)))
}

function verifyV4a(signatureHex: string, stringToSign: string): boolean {
  return p256.verify(hexToBytes(signatureHex), new TextEncoder().encode(stringToSign), PUBLIC_KEY_V4A, {
    format: 'der',
    lowS: false,
  })
}

function credentialsOf(c: SuiteCase) {
  const { access_key_id, secret_access_key, token } = c.context.credentials
  return {
    accessKeyId: access_key_id,
    secretAccessKey: secret_access_key,
    ...(token && !c.context.omit_session_token ? { sessionToken: token } : {}),
  }
}

function signerFor(c: SuiteCase) {
  const host = c.request.headers.find(([name]) => name.toLowerCase() === 'host')![1].trim()
  const rule =
    c.algorithm === 'v4'
      ? { host, service: c.context.service, region: c.context.region }
      : { host, service: c.context.service, algorithm: 'sigv4a' as const, regionSet: [c.context.region] }
  return createSigner({
    credentials: credentialsOf(c),
    rules: [rule],
    awsHosts: false,
    signedHeaders: 'all',
  })
}

function urlOf(c: SuiteCase): string {
  const host = c.request.headers.find(([name]) => name.toLowerCase() === 'host')![1].trim()
  return `https://${host}${c.request.target}`
}

function headersOf(c: SuiteCase): Headers {
  const headers = new Headers()
  for (const [name, value] of c.request.headers)
    if (name.toLowerCase() !== 'host') headers.append(name, value)
  // The suite's harness adds x-amz-content-sha256 for sign_body cases; awssig sends it when the caller does.
  if (c.context.sign_body)
    headers.set('x-amz-content-sha256', createHash('sha256').update(c.request.body).digest('hex'))
  return headers
}

function signatureIn(authorization: string | null): string {
  return /Signature=([0-9a-f]+)$/.exec(authorization ?? '')?.[1] ?? ''
}

for (const algorithm of ['v4', 'v4a'] as const) {
  const cases = loadSuite(algorithm)
  const expressible = cases.filter((c) => !(c.name in NOT_EXPRESSIBLE) && !INPUT_ONLY.has(c.name))
  const lowLevel = cases.filter((c) => c.name in NOT_EXPRESSIBLE)

  describe(`AWS signing test suite ${algorithm}: signer.sign / signer.presign`, () => {
    it('covers every case of the suite', () => {
      expect(expressible.length + lowLevel.length + (algorithm === 'v4a' ? INPUT_ONLY.size : 0)).toBe(
        cases.length,
      )
      expect(cases.length).toBe(algorithm === 'v4' ? 38 : 40)
    })

    it.each(expressible.map((c) => [c.name, c] as const))('%s (header signing)', async (_name, c) => {
      const result = await signerFor(c).sign(
        { method: c.request.method, url: urlOf(c), headers: headersOf(c), body: c.request.body || undefined },
        { signingDate: new Date(c.context.timestamp), debug: true },
      )
      expect(result.canonicalRequest).toBe(c.expected('header-canonical-request.txt'))
      expect(result.stringToSign).toBe(c.expected('header-string-to-sign.txt'))
      const signature = signatureIn(result.request.headers.get('authorization'))
      if (algorithm === 'v4') {
        expect(signature).toBe(c.expected('header-signature.txt'))
      } else {
        expect(verifyV4a(signature, c.expected('header-string-to-sign.txt')!)).toBe(true)
        expect(verifyV4a(c.expected('header-signature.txt')!, c.expected('header-string-to-sign.txt')!)).toBe(
          true,
        )
        // A signature over another string must not verify (the check can fail).
        expect(verifyV4a(signature, `${c.expected('header-string-to-sign.txt')!}x`)).toBe(false)
      }
    })

    it.each(expressible.map((c) => [c.name, c] as const))('%s (query signing)', async (_name, c) => {
      const url = await signerFor(c).presign(
        { method: c.request.method, url: urlOf(c), headers: headersOf(c), body: c.request.body || undefined },
        { expiresIn: c.context.expiration_in_seconds, signingDate: new Date(c.context.timestamp) },
      )
      const signature = new URL(url).searchParams.get('X-Amz-Signature') ?? ''
      if (algorithm === 'v4') {
        expect(signature).toBe(c.expected('query-signature.txt'))
      } else {
        expect(verifyV4a(signature, c.expected('query-string-to-sign.txt')!)).toBe(true)
      }
    })
  })

  describe(`AWS signing test suite ${algorithm}: cases a URL cannot express, through the signing functions`, () => {
    it.each(lowLevel.map((c) => [c.name, NOT_EXPRESSIBLE[c.name], c] as const))(
      '%s — %s',
      async (_n, _why, c) => {
        const plan: SigningPlan =
          algorithm === 'v4'
            ? { service: c.context.service, region: c.context.region, algorithm: 'sigv4', ...planBase() }
            : {
                service: c.context.service,
                regionSet: [c.context.region],
                algorithm: 'sigv4a',
                ...planBase(),
              }
        const signing = (): SigningInput => ({
          plan,
          credentials: credentialsOf(c),
          signingDate: new Date(c.context.timestamp),
          input: rawInputOf(c),
        })
        const signed = await (algorithm === 'v4' ? signSigV4 : signSigV4a)(signing())
        expect(signed.canonicalRequest).toBe(c.expected('header-canonical-request.txt'))
        expect(signed.stringToSign).toBe(c.expected('header-string-to-sign.txt'))
        const signature = signatureIn(signed.headers.get('authorization') ?? null)
        if (algorithm === 'v4') expect(signature).toBe(c.expected('header-signature.txt'))
        else expect(verifyV4a(signature, c.expected('header-string-to-sign.txt')!)).toBe(true)

        const expiresIn = c.context.expiration_in_seconds
        const forQuery = signing()
        const presigned = await signQuery(
          forQuery,
          expiresIn,
          algorithm === 'v4' ? sigV4Algorithm(forQuery) : await loadSigV4aAlgorithm(forQuery),
        )
        expect(presigned.canonicalRequest).toBe(c.expected('query-canonical-request.txt'))
        expect(presigned.stringToSign).toBe(c.expected('query-string-to-sign.txt'))
        const querySignature = new URL(presigned.url).searchParams.get('X-Amz-Signature') ?? ''
        if (algorithm === 'v4') expect(querySignature).toBe(c.expected('query-signature.txt'))
        else expect(verifyV4a(querySignature, c.expected('query-string-to-sign.txt')!)).toBe(true)
      },
    )
  })
}

const planBase = () => ({ source: 'rule' as const, reason: '', warnings: [] })

/**
 * The raw request as the signing functions take it: the path as written, repeated header keys joined with
 * ',' (AWS's rule), folded lines kept (the canonical form turns the newlines into single spaces). Paths are
 * either normalized and encoded (every service but S3) or taken as they are (S3); an unnormalized case
 * uses the mode that yields its bytes.
 */
function rawInputOf(c: SuiteCase): CanonicalInput {
  const [path = '', search = ''] = c.request.target.split('?')
  const headers: Record<string, string> = {}
  for (const [name, value] of c.request.headers) {
    const key = name.toLowerCase()
    headers[key] = key in headers ? `${headers[key]},${value.trim()}` : value.trim()
  }
  if (c.context.sign_body) {
    headers['x-amz-content-sha256'] = createHash('sha256').update(c.request.body).digest('hex')
  }
  const needsEscaping = /[^A-Za-z0-9\-._~/]/.test(path)
  return {
    method: c.request.method,
    canonicalPath: canonicalPath(path, c.context.normalize || needsEscaping),
    encodedQuery: encodedQueryOf(search),
    signed: headers,
    body: c.request.body || undefined,
    outgoing: new Map(),
    applyChecksum: c.context.sign_body,
    url: new URL(`https://${headers.host ?? 'example.amazonaws.com'}${path.replace(/ /g, '%20')}`),
  }
}

// Keep the access key id assertion honest: every case uses the documented example key.
it('suite uses the documented example credentials', () => {
  expect(new Set(loadSuite('v4').map((c) => c.context.credentials.access_key_id))).toEqual(new Set([AKID]))
})
