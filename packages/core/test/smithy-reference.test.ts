import { createHash, createHmac } from 'node:crypto'
import { createSigner, type SignResult } from '@awssig/core'
import { verifyRequest } from '@awssig/testing'
import { SignatureV4 } from '@smithy/signature-v4'
import { SignatureV4a } from '@smithy/signature-v4a'
import type { HeaderBag, HttpRequest, QueryParameterBag, SourceData } from '@smithy/types'
import { describe, expect, it } from 'vitest'
import { CREDENTIALS, SESSION_CREDENTIALS, toFetchRequest } from './support/verify'

// awssig builds canonical requests itself (one pass, no request clones, cached keys). smithy's signers stay
// the reference: for the same request, both must produce the same canonical request and string to sign
// (and, for SigV4, the same signature), and AWS's rules as the verifier applies them must accept ours.

const SIGNING_DATE = new Date('2026-11-22T12:00:00Z')

/** smithy's `Checksum` over node:crypto, as `@smithy/hash-node` provides it. */
class NodeSha256 {
  readonly #hash: ReturnType<typeof createHash>
  constructor(secret?: SourceData) {
    this.#hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(secret))
  }
  update(data: SourceData): void {
    this.#hash.update(toBytes(data))
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#hash.digest())
  }
}

function toBytes(data: SourceData): Uint8Array | string {
  if (typeof data === 'string') return data
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  return new Uint8Array(data)
}

interface Trace {
  canonicalRequest?: string
  stringToSign?: string
}

/** Records what smithy signs (its hooks are protected, so a subclass is the way in). */
class CapturingV4 extends SignatureV4 {
  readonly trace: Trace = {}
  protected override createCanonicalRequest(request: HttpRequest, headers: HeaderBag, hash: string): string {
    this.trace.canonicalRequest = super.createCanonicalRequest(request, headers, hash)
    return this.trace.canonicalRequest
  }
  protected override async createStringToSign(
    longDate: string,
    scope: string,
    canonicalRequest: string,
    algorithm: string,
  ): Promise<string> {
    this.trace.stringToSign = await super.createStringToSign(longDate, scope, canonicalRequest, algorithm)
    return this.trace.stringToSign
  }
}

class CapturingV4a extends SignatureV4a {
  readonly trace: Trace = {}
  protected override createCanonicalRequest(request: HttpRequest, headers: HeaderBag, hash: string): string {
    this.trace.canonicalRequest = super.createCanonicalRequest(request, headers, hash)
    return this.trace.canonicalRequest
  }
  protected override async createStringToSign(
    longDate: string,
    scope: string,
    canonicalRequest: string,
    algorithm: string,
  ): Promise<string> {
    this.trace.stringToSign = await super.createStringToSign(longDate, scope, canonicalRequest, algorithm)
    return this.trace.stringToSign
  }
}

/** The signed request as smithy sees it: the headers awssig signed, the query decoded as AWS decodes it. */
function smithyRequestOf(result: SignResult, body: string | Uint8Array | undefined): HttpRequest {
  const url = new URL(result.request.url)
  const signedNames = /SignedHeaders=([^,]+)/.exec(result.request.headers.get('authorization') ?? '')![1]!
  const headers: HeaderBag = {}
  for (const name of signedNames.split(';')) {
    if (name === 'x-amz-date' || name === 'x-amz-security-token') continue
    headers[name] = name === 'host' ? url.host : result.request.headers.get(name)!
  }
  const query: QueryParameterBag = {}
  for (const [key, value] of new URLSearchParams(url.search)) {
    const existing = query[key]
    query[key] = existing === undefined || existing === null ? value : [existing, value].flat()
  }
  return {
    method: result.request.method,
    protocol: url.protocol,
    hostname: url.hostname,
    path: url.pathname,
    query,
    headers,
    body,
  }
}

const CASES: {
  name: string
  method: string
  url: string
  headers?: Record<string, string>
  body?: string | Uint8Array
}[] = [
  {
    name: 'GET with 3 query params',
    method: 'GET',
    url: 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/items?limit=25&sort=created_at&filter=status%3Aactive',
  },
  {
    name: 'POST 1 KiB JSON',
    method: 'POST',
    url: 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/items',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: 'x'.repeat(1000) }),
  },
  {
    name: 'binary body',
    method: 'PUT',
    url: 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/blob',
    headers: { 'content-type': 'application/octet-stream' },
    body: Uint8Array.from({ length: 4096 }, (_, i) => (i * 31) % 256),
  },
  {
    name: 'reserved and unicode in path and query',
    method: 'GET',
    url: "https://abc123.execute-api.us-east-1.amazonaws.com/a%20b/c+d/%C3%A9/!'()*?q=a+b&q=%2B&z=%E2%9C%93&empty=&flag",
  },
  {
    name: 'headers with runs of whitespace and x-amz-meta',
    method: 'POST',
    url: 'https://abc123.execute-api.us-east-1.amazonaws.com/prod',
    headers: {
      'content-type': '  text/plain;   charset=utf-8  ',
      'x-amz-meta-note': 'a \t b',
      'x-amz-target': 'Service.Op',
    },
    body: 'hello',
  },
  {
    // Only SP and HTAB are whitespace in a header value (RFC 9110 OWS), as in smithy: a no-break space, a
    // vertical tab or a form feed is part of the value, at its edges too.
    name: 'headers with NBSP, VT and FF, which are not whitespace to HTTP',
    method: 'POST',
    url: 'https://abc123.execute-api.us-east-1.amazonaws.com/prod',
    headers: {
      'x-amz-meta-nbsp': '\u00a0a\u00a0\u00a0b \u00a0',
      'x-amz-meta-vt': 'a\u000b\u000b b',
      'x-amz-meta-ff': '\u000cx\u000c',
    },
    body: 'hello',
  },
  {
    name: 'S3 path style, odd key',
    method: 'PUT',
    url: 'https://s3.eu-west-1.amazonaws.com/my-bucket/photos/2026/a+b(1):x.jpg',
    headers: { 'content-type': 'image/jpeg' },
    body: 'jpeg',
  },
  {
    name: 'S3 virtual host GET with list params',
    method: 'GET',
    url: 'https://my-bucket.s3.eu-west-1.amazonaws.com/?list-type=2&prefix=photos%2F&max-keys=10',
  },
]

const endpoints = {
  'abc123.execute-api.us-east-1.amazonaws.com': { service: 'execute-api', region: 'us-east-1' },
  's3.eu-west-1.amazonaws.com': { service: 's3', region: 'eu-west-1', dialect: 's3' as const },
  'my-bucket.s3.eu-west-1.amazonaws.com': { service: 's3', region: 'eu-west-1', dialect: 's3' as const },
}

describe('SigV4: awssig against smithy SignatureV4 (the reference)', () => {
  for (const credentials of [CREDENTIALS, SESSION_CREDENTIALS]) {
    const signer = createSigner({
      credentials,
      rules: [{ host: 'abc123.execute-api.us-east-1.amazonaws.com' }],
    })
    it.each(CASES.map((c) => [c.name, c] as const))(
      `%s${'sessionToken' in credentials ? ' (session token)' : ''}`,
      async (_name, c) => {
        const result = await signer.sign(
          { method: c.method, url: c.url, headers: c.headers, body: c.body },
          { signingDate: SIGNING_DATE, debug: true },
        )
        const plan = result.plan!
        const smithy = new CapturingV4({
          credentials,
          region: plan.region!,
          service: plan.service,
          sha256: NodeSha256,
          uriEscapePath: !plan.s3,
          applyChecksum: plan.contentSha256 === true,
        })
        const signed = await smithy.sign(smithyRequestOf(result, c.body), { signingDate: SIGNING_DATE })
        expect(result.canonicalRequest).toBe(smithy.trace.canonicalRequest)
        expect(result.stringToSign).toBe(smithy.trace.stringToSign)
        expect(result.request.headers.get('authorization')).toBe(signed.headers.authorization)

        const verified = await verifyRequest(toFetchRequest(result.request), {
          credentials: [credentials],
          endpoints,
          now: () => SIGNING_DATE,
        })
        expect(verified.ok, verified.ok ? '' : verified.message).toBe(true)
      },
    )
  }

  it('a different body changes the signature (the comparison can fail)', async () => {
    const signer = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: 'abc123.execute-api.us-east-1.amazonaws.com' }],
    })
    const c = CASES[1]!
    const a = await signer.sign(
      { method: c.method, url: c.url, headers: c.headers, body: c.body },
      { signingDate: SIGNING_DATE },
    )
    const b = await signer.sign(
      { method: c.method, url: c.url, headers: c.headers, body: `${c.body as string} ` },
      { signingDate: SIGNING_DATE },
    )
    expect(a.request.headers.get('authorization')).not.toBe(b.request.headers.get('authorization'))
  })
})

describe('SigV4A: awssig (Web Crypto/node:crypto ECDSA) against smithy SignatureV4a (the reference)', () => {
  const signer = createSigner({
    credentials: CREDENTIALS,
    rules: [{ host: 'multi.example.com', service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] }],
  })
  const requests = [
    {
      method: 'GET',
      url: 'https://multi.example.com/prod/items?limit=25&sort=created_at&filter=status%3Aactive',
    },
    {
      method: 'POST',
      url: 'https://multi.example.com/prod/items',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    },
  ]
  it.each(requests.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', async (_name, r) => {
    const result = await signer.sign(r, { signingDate: SIGNING_DATE, debug: true })
    const smithy = new CapturingV4a({
      credentials: CREDENTIALS,
      region: 'us-*',
      service: 'execute-api',
      sha256: NodeSha256,
      applyChecksum: false,
    })
    const request = smithyRequestOf(result, r.body)
    delete request.headers['x-amz-region-set']
    const signed = (await smithy.sign(request, {
      signingDate: SIGNING_DATE,
      signingRegion: 'us-*',
    })) as HttpRequest
    expect(result.canonicalRequest).toBe(smithy.trace.canonicalRequest)
    expect(result.stringToSign).toBe(smithy.trace.stringToSign)

    const options = {
      credentials: [CREDENTIALS],
      endpoints: {
        'multi.example.com': { service: 'execute-api', region: 'us-east-2', algorithm: 'sigv4a' as const },
      },
      now: () => SIGNING_DATE,
    }
    const ours = await verifyRequest(toFetchRequest(result.request), options)
    expect(ours.ok, ours.ok ? '' : ours.message).toBe(true)
    const theirs = new Headers(result.request.headers)
    theirs.set('authorization', signed.headers.authorization!)
    const reference = await verifyRequest(toFetchRequest({ ...result.request, headers: theirs }), options)
    expect(reference.ok, reference.ok ? '' : reference.message).toBe(true)
    // A signature over other bytes is rejected (the check can fail).
    const tampered = await verifyRequest(
      toFetchRequest({ ...result.request, url: `${result.request.url}x` }),
      options,
    )
    expect(tampered.ok).toBe(false)
  })
})
