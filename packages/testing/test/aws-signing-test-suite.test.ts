import { describe, expect, it } from 'vitest'
import {
  canonicalRequestOf,
  deriveSigV4aKeyPair,
  parseQuery,
  sigv4Signature,
  stringToSignOf,
  type VerifierOptions,
  verifyRequest,
  verifySigV4aSignature,
} from '../src/index'
import { sha256, sha256Hex } from '../src/verify/crypto'
import {
  headerValue,
  loadSuite,
  parseRawRequest,
  type RawRequest,
  type SuiteCase,
  toFetchRequest,
} from './support/signing-suite'

/**
 * Which cases go through `verifyRequest` (a fetch Request) and which only through `canonicalRequestOf`
 * (raw parts, byte for byte), and why. Every case with expected outputs goes through `canonicalRequestOf`.
 */
const RAW_ONLY: Record<string, string> = {
  'get-header-key-duplicate': 'duplicate header keys: fetch Headers joins them with ", ", the suite with ","',
  'get-header-value-order': 'duplicate header keys: fetch Headers joins them with ", ", the suite with ","',
  'get-header-value-multiline': 'obsolete line folding cannot be expressed in fetch Headers',
  'get-relative-unnormalized': 'dot segments: the URL parser removes them, the signature kept them',
  'get-relative-relative-unnormalized': 'dot segments: the URL parser removes them, the signature kept them',
  'get-slash-dot-slash-unnormalized': 'dot segments: the URL parser removes them, the signature kept them',
  'get-slash-pointless-dot-unnormalized':
    'dot segments: the URL parser removes them, the signature kept them',
  'get-slash-unnormalized': 'signed without path normalization, which every AWS service but S3 applies',
  'get-slashes-unnormalized': 'signed without path normalization, which every AWS service but S3 applies',
  'get-space-normalized': 'raw space in the path: a URL sends %20, which the services encode again',
  'get-space-unnormalized': 'raw space in the path: a URL sends %20, which the services encode again',
  'get-utf8': 'raw UTF-8 in the path: a URL sends %E1%88%B4, which the services encode again',
  'post-sts-header-after':
    'token added after signing (IoT only): verifyRequest must refuse it (tested below)',
}

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'

const cases = loadSuite()

function optionsFor(c: SuiteCase, nowOffsetMs = 0): VerifierOptions {
  const endpoint = { service: c.context.service, region: c.context.region }
  return {
    credentials: [
      {
        accessKeyId: c.context.credentials.access_key_id,
        secretAccessKey: c.context.credentials.secret_access_key,
        ...(c.context.credentials.token ? { sessionToken: c.context.credentials.token } : {}),
      },
    ],
    // The second host lets a tampered Host header reach the signature check.
    endpoints: { 'example.amazonaws.com': endpoint, 'exbmple.amazonaws.com': endpoint },
    now: () => new Date(Date.parse(c.context.timestamp) + nowOffsetMs),
  }
}

function bump(text: string, index: number): string {
  return text.slice(0, index) + String.fromCharCode(text.charCodeAt(index) + 1) + text.slice(index + 1)
}

function signatureParts(mode: 'header' | 'query', signed: RawRequest) {
  if (mode === 'header') {
    const auth = headerValue(signed.headerLines, 'authorization')!
    return {
      signedHeaders: /SignedHeaders=([^,]+)/.exec(auth)![1]!.split(';'),
      signature: /Signature=([0-9a-f]+)/.exec(auth)![1]!,
      amzDate: headerValue(signed.headerLines, 'x-amz-date')!,
    }
  }
  const query = parseQuery(signed.query)
  const get = (name: string) => query.find((p) => p.name === name)!.value
  return {
    signedHeaders: get('X-Amz-SignedHeaders').split(';'),
    signature: get('X-Amz-Signature'),
    amzDate: get('X-Amz-Date'),
  }
}

function withTarget(raw: RawRequest, target: string): RawRequest {
  const question = target.indexOf('?')
  return {
    ...raw,
    target,
    path: question === -1 ? target : target.slice(0, question),
    query: question === -1 ? '' : target.slice(question + 1),
  }
}

/** One single-byte change per request part: method, path, a query value, a signed header, body, date. */
function tampersOf(mode: 'header' | 'query', signed: RawRequest): Record<string, RawRequest> {
  const tampers: Record<string, RawRequest> = {}
  tampers.method = { ...signed, method: bump(signed.method, signed.method.length - 1) }
  tampers.path = withTarget(signed, signed.target.replace(signed.path, `${signed.path}x`))
  const user = parseQuery(signed.query).filter((p) => !p.name.startsWith('X-Amz-'))
  if (user.length > 0) {
    tampers['query value'] = withTarget(
      signed,
      bump(signed.target, signed.target.indexOf('=', signed.target.indexOf('?')) + 1),
    )
  } else if (mode === 'query') {
    tampers['query value'] = withTarget(
      signed,
      signed.target.replace('X-Amz-Expires=3600', 'X-Amz-Expires=3601'),
    )
  }
  const { signedHeaders } = signatureParts(mode, signed)
  const name = ['my-header1', 'my-header2', 'content-type'].find((n) => signedHeaders.includes(n)) ?? 'host'
  tampers['signed header'] = {
    ...signed,
    headerLines: signed.headerLines.map((line) => {
      if (!line.toLowerCase().startsWith(`${name}:`)) return line
      return name === 'host' ? line.replace('example', 'exbmple') : bump(line, line.length - 1)
    }),
  }
  if (signed.body !== '') tampers.body = { ...signed, body: bump(signed.body, 0) }
  const later = (text: string) => text.replace('T123600Z', 'T123601Z')
  tampers.date =
    mode === 'header'
      ? { ...signed, headerLines: signed.headerLines.map(later) }
      : withTarget(signed, later(signed.target))
  return tampers
}

const withOutputs = cases.filter((c) => c.hasExpected)

describe('AWS signing test suite', () => {
  it('holds every v4 and v4a case (38 + 40), two v4a cases without expected outputs', () => {
    expect(cases.filter((c) => c.version === 'v4')).toHaveLength(38)
    expect(cases.filter((c) => c.version === 'v4a')).toHaveLength(40)
    expect(cases.filter((c) => !c.hasExpected).map((c) => `${c.version}/${c.name}`)).toEqual([
      'v4a/get-vanilla-query-order-key',
      'v4a/get-vanilla-query-order-value',
    ])
  })

  it('derives the suite public key from AKIDEXAMPLE (every v4a public-key.json)', async () => {
    const pair = await deriveSigV4aKeyPair('AKIDEXAMPLE', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY')
    const keys = cases.filter((c) => c.publicKey)
    expect(keys).toHaveLength(38)
    for (const c of keys) expect({ X: pair.x, Y: pair.y }).toEqual(c.publicKey)
  })
})

describe.each(withOutputs.map((c) => [`${c.version}/${c.name}`, c] as const))('%s', (_, c) => {
  const algorithm = c.version === 'v4' ? 'AWS4-HMAC-SHA256' : 'AWS4-ECDSA-P256-SHA256'
  const scope =
    c.version === 'v4'
      ? `${c.context.timestamp.slice(0, 10).replace(/-/g, '')}/${c.context.region}/${c.context.service}/aws4_request`
      : `${c.context.timestamp.slice(0, 10).replace(/-/g, '')}/${c.context.service}/aws4_request`

  it.each(['header', 'query'] as const)(
    '%s signing: canonical request, string to sign and signature, byte for byte',
    async (mode) => {
      const signed = parseRawRequest(c.read(`${mode}-signed-request.txt`))
      const { signedHeaders, signature, amzDate } = signatureParts(mode, signed)
      const canonical = canonicalRequestOf({
        method: signed.method,
        path: signed.path,
        query: signed.query,
        headerLines: signed.headerLines.filter((line) => !/^authorization:/i.test(line)),
        signedHeaders,
        payloadHash: await sha256Hex(signed.body),
        uri: { doubleEncode: true, normalize: c.context.normalize },
        // post-sts-header-after adds the token after signing, so it is not part of the canonical query.
        excludeQuery: ['X-Amz-Signature', ...(c.context.omit_session_token ? ['X-Amz-Security-Token'] : [])],
      })
      expect(canonical).toBe(c.read(`${mode}-canonical-request.txt`))
      const stringToSign = await stringToSignOf(algorithm, amzDate, scope, canonical)
      expect(stringToSign).toBe(c.read(`${mode}-string-to-sign.txt`))
      if (c.version === 'v4') {
        const computed = await sigv4Signature(
          c.context.credentials.secret_access_key,
          { date: amzDate.slice(0, 8), region: c.context.region, service: c.context.service },
          stringToSign,
        )
        expect(computed).toBe(c.read(`${mode}-signature.txt`))
        expect(signature).toBe(computed)
      } else {
        const { publicKey } = await deriveSigV4aKeyPair(
          c.context.credentials.access_key_id,
          c.context.credentials.secret_access_key,
        )
        const digest = await sha256(stringToSign)
        // ECDSA is randomized: the signature file and the signed request hold two different valid signatures.
        expect(verifySigV4aSignature(publicKey, digest, c.read(`${mode}-signature.txt`))).toBe(true)
        expect(verifySigV4aSignature(publicKey, digest, signature)).toBe(true)
        expect(verifySigV4aSignature(publicKey, digest, bump(signature, signature.length - 1))).toBe(false)
      }
    },
  )

  if (c.name in RAW_ONLY) {
    /** Whether the signature in a (possibly tampered) raw request still verifies, from its raw parts. */
    async function rawSignatureHolds(mode: 'header' | 'query', raw: RawRequest): Promise<boolean> {
      const { signedHeaders, signature, amzDate } = signatureParts(mode, raw)
      const canonical = canonicalRequestOf({
        method: raw.method,
        path: raw.path,
        query: raw.query,
        headerLines: raw.headerLines.filter((line) => !/^authorization:/i.test(line)),
        signedHeaders,
        payloadHash: await sha256Hex(raw.body),
        uri: { doubleEncode: true, normalize: c.context.normalize },
        excludeQuery: ['X-Amz-Signature', ...(c.context.omit_session_token ? ['X-Amz-Security-Token'] : [])],
      })
      const stringToSign = await stringToSignOf(algorithm, amzDate, scope, canonical)
      if (c.version === 'v4') {
        const date = c.context.timestamp.slice(0, 10).replace(/-/g, '')
        const computed = await sigv4Signature(
          c.context.credentials.secret_access_key,
          { date, region: c.context.region, service: c.context.service },
          stringToSign,
        )
        return computed === signature
      }
      const { publicKey } = await deriveSigV4aKeyPair(
        c.context.credentials.access_key_id,
        c.context.credentials.secret_access_key,
      )
      return verifySigV4aSignature(publicKey, await sha256(stringToSign), signature)
    }

    describe.each(['header', 'query'] as const)(
      `%s signing, tampered (raw parts: ${RAW_ONLY[c.name]})`,
      (mode) => {
        const signed = parseRawRequest(c.read(`${mode}-signed-request.txt`))
        const tampers = tampersOf(mode, signed)
        it('holds untouched', async () => {
          expect(await rawSignatureHolds(mode, signed)).toBe(true)
        })
        it.each(Object.keys(tampers))('fails when one byte of the %s changes', async (part) => {
          const tampered = tampers[part]!
          expect(tampered).not.toEqual(signed)
          expect(await rawSignatureHolds(mode, tampered)).toBe(false)
        })
      },
    )
    return
  }

  describe.each(['header', 'query'] as const)('%s-signed request through verifyRequest', (mode) => {
    const signed = parseRawRequest(c.read(`${mode}-signed-request.txt`))

    async function check(raw: RawRequest, nowOffsetMs = 0) {
      return verifyRequest(toFetchRequest(raw), optionsFor(c, nowOffsetMs))
    }

    function expectMismatch(result: Awaited<ReturnType<typeof check>>) {
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect([result.status, result.code, result.message]).toEqual([
        403,
        'SignatureDoesNotMatch',
        SIGNATURE_MISMATCH,
      ])
    }

    it('is accepted as the suite signed it, with the same canonical request and string to sign', async () => {
      const result = await check(signed)
      expect(result.ok ? '' : `${result.code}: ${result.message}`).toBe('')
      if (!result.ok) return
      expect(result.canonicalRequest).toBe(c.read(`${mode}-canonical-request.txt`))
      expect(result.stringToSign).toBe(c.read(`${mode}-string-to-sign.txt`))
      expect(result.algorithm).toBe(c.version === 'v4' ? 'sigv4' : 'sigv4a')
      expect(result.scope).toBe(scope)
    })

    it('fails when one byte of the method changes', async () => {
      expectMismatch(await check({ ...signed, method: bump(signed.method, signed.method.length - 1) }))
    })

    it('fails when a byte is added to the path', async () => {
      const target = signed.target.replace(signed.path, `${signed.path}x`)
      expectMismatch(await check({ ...signed, target }))
    })

    it('fails when one byte of a query value changes', async () => {
      const user = parseQuery(signed.query).filter((p) => !p.name.startsWith('X-Amz-'))
      let target: string
      if (user.length > 0) {
        const equals = signed.target.indexOf('=', signed.target.indexOf('?'))
        target = bump(signed.target, equals + 1)
      } else if (mode === 'query') {
        target = signed.target.replace('X-Amz-Expires=3600', 'X-Amz-Expires=3601')
      } else {
        target = `${signed.target}?a=b`
      }
      expect(target).not.toBe(signed.target)
      expectMismatch(await check({ ...signed, target }))
    })

    it('fails when one byte of a signed header changes', async () => {
      const { signedHeaders } = signatureParts(mode, signed)
      const candidates = ['my-header1', 'my-header2', 'content-type'].filter((name) =>
        signedHeaders.includes(name),
      )
      const name = candidates[0] ?? 'host'
      const headerLines = signed.headerLines.map((line) => {
        if (!line.toLowerCase().startsWith(`${name}:`)) return line
        return name === 'host' ? line.replace('example', 'exbmple') : bump(line, line.length - 1)
      })
      expect(headerLines).not.toEqual(signed.headerLines)
      expectMismatch(await check({ ...signed, headerLines }))
    })

    if (signed.body !== '')
      it('fails when one byte of the body changes', async () => {
        expectMismatch(await check({ ...signed, body: bump(signed.body, 0) }))
      })

    it('fails when one byte of the date changes (the second)', async () => {
      const change = (text: string) => text.replace('T123600Z', 'T123601Z')
      const tampered =
        mode === 'header'
          ? { ...signed, headerLines: signed.headerLines.map(change) }
          : { ...signed, target: change(signed.target) }
      expectMismatch(await check(tampered))
    })

    it('fails when one byte of the date changes (the day): the scope no longer matches', async () => {
      const change = (text: string) => text.replace('20150830T', '20150831T')
      const tampered =
        mode === 'header'
          ? { ...signed, headerLines: signed.headerLines.map(change) }
          : { ...signed, target: change(signed.target) }
      const result = await check(tampered)
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.message).toBe(
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150830' != '20150831', from '20150831T123600Z'.",
      )
    })

    it('fails when the clock has moved past the allowed window', async () => {
      const result = await check(signed, mode === 'header' ? 16 * 60_000 : 3601_000)
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.message).toBe(
        mode === 'header'
          ? 'Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T125200Z - 15 min.)'
          : 'Request has expired',
      )
    })

    if (c.context.credentials.token !== undefined)
      it('fails when one byte of the session token changes', async () => {
        const change = (text: string) =>
          text.replace(
            /(Security-Token[:=])(.)/i,
            (_, p, ch: string) => p + String.fromCharCode(ch.charCodeAt(0) + 1),
          )
        const tampered =
          mode === 'header'
            ? { ...signed, headerLines: signed.headerLines.map(change) }
            : { ...signed, target: change(signed.target) }
        const result = await check(tampered)
        expect(result.ok ? '' : `${result.status} ${result.code}: ${result.message}`).toBe(
          '403 InvalidClientTokenId: The security token included in the request is invalid.',
        )
      })

    if (c.version === 'v4a')
      it('fails when the region set no longer covers the region', async () => {
        const change = (text: string) => text.replace(/(Region-Set[:=])us-east-1/i, '$1us-east-2')
        const tampered =
          mode === 'header'
            ? { ...signed, headerLines: signed.headerLines.map(change) }
            : { ...signed, target: change(signed.target) }
        const result = await check(tampered)
        expect(result.ok ? '' : result.message).toBe(
          "The region set 'us-east-2' does not cover the region 'us-east-1' of this endpoint.",
        )
      })
  })
})

describe('post-sts-header-after (token added after signing, IoT only)', () => {
  for (const c of withOutputs.filter((x) => x.name === 'post-sts-header-after')) {
    it(`${c.version}: refused in the header`, async () => {
      const result = await verifyRequest(
        toFetchRequest(parseRawRequest(c.read('header-signed-request.txt'))),
        optionsFor(c),
      )
      expect(result.ok ? '' : `${result.status} ${result.code}: ${result.message}`).toBe(
        "400 IncompleteSignature: 'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization.",
      )
    })
    it(`${c.version}: refused in the query`, async () => {
      const result = await verifyRequest(
        toFetchRequest(parseRawRequest(c.read('query-signed-request.txt'))),
        optionsFor(c),
      )
      expect(result.ok ? '' : result.code).toBe('SignatureDoesNotMatch')
    })
  }
})
