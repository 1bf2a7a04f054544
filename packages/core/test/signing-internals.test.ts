import { createSigner } from '@awssig/core'
import { SignatureV4 } from '@smithy/signature-v4'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalPath } from '../src/signing/canonical-path'
import { longDateOf } from '../src/signing/signing-input'
import { CREDENTIALS } from './support/verify'

describe('fast paths agree with the general rule', () => {
  it('longDateOf (cached per second) equals the ISO date for every date, also around the epoch', () => {
    const times = [
      0, 1, 999, 1000, -1, -500, -1000, -1001, 1_764_000_000_123, 1_764_000_000_999, 1_764_000_001_000,
    ]
    for (const ms of [...times, ...times.reverse()]) {
      const expected = new Date(ms)
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z')
        .replace(/[-:]/g, '')
      expect(longDateOf(new Date(ms)), String(ms)).toBe(expected)
    }
  })

  it('longDateOf equals the ISO date for any date SigV4 can express (years 1970–9999)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => {
        const expected = new Date(ms)
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z')
          .replace(/[-:]/g, '')
        expect(longDateOf(new Date(ms))).toBe(expected)
      }),
      { numRuns: 2_000 },
    )
  })

  it('canonicalPath equals smithy SignatureV4 for plain, dotted, empty-segment and escaped paths', () => {
    const smithy = new SignatureV4({
      credentials: CREDENTIALS,
      region: 'us-east-1',
      service: 'execute-api',
      sha256: class {
        update() {}
        async digest() {
          return new Uint8Array()
        }
      },
    }) as unknown as { getCanonicalPath(request: { path: string }): string }
    const paths = [
      '/',
      '/prod/items',
      '/prod/items/',
      '/a/./b',
      '/a/../b',
      '/..',
      '/.',
      '/a//b',
      '//',
      '/...',
      '/a.b/c..d/.e',
      '/a%20b',
      '/a/.',
      '/a/..',
      "/!'()*",
      '/é',
      '/a+b:c',
      '/%2F/x',
    ]
    for (const path of paths) expect(canonicalPath(path, true), path).toBe(smithy.getCanonicalPath({ path }))
    expect(canonicalPath('/a//b/../%20', false)).toBe('/a//b/../%20')
  })

  it('a presigned URL is passed through even when its parameter name is percent-encoded', async () => {
    const signer = createSigner({ credentials: CREDENTIALS })
    for (const query of [
      'X-Amz-Signature=abc',
      'x-amz-signature=abc',
      'a=1&X%2DAmz-Signature=abc',
      'X-Amz-Signature',
    ]) {
      const url = `https://ec2.us-west-2.amazonaws.com/?${query}`
      const result = await signer.sign({ method: 'GET', url })
      expect(result.plan, query).toBeNull()
      expect(result.request.headers.has('authorization')).toBe(false)
    }
    const signed = await signer.sign({
      method: 'GET',
      url: 'https://ec2.us-west-2.amazonaws.com/?X-Amz-Signatures=1',
    })
    expect(signed.plan).not.toBeNull()
  })
})
