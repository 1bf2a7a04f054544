import { createSigner, type SignedRequest } from '@awssig/core'
import { type VerifierOptions, verifyRequest } from '@awssig/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CREDENTIALS } from './support/verify'

const NOW = new Date('2026-11-22T12:00:00Z')
const now = () => NOW

const VERIFIER: VerifierOptions = {
  credentials: [CREDENTIALS],
  endpoints: {
    'api.example.com': { service: 'execute-api', region: 'eu-west-1' },
    'my-bucket.s3.eu-west-1.amazonaws.com': { service: 's3', region: 'eu-west-1' },
    'multi.example.com': { service: 'execute-api', region: 'us-east-2', algorithm: 'sigv4a' },
  },
  now,
}

const signer = createSigner({
  credentials: CREDENTIALS,
  now,
  rules: [
    { host: 'api.example.com', service: 'execute-api', region: 'eu-west-1' },
    { host: 'multi.example.com', service: 'execute-api', algorithm: 'sigv4a', regionSet: ['us-*'] },
  ],
})

// Characters that stress canonicalization: reserved, sub-delims, percent, plus, space, unicode, astral.
const tricky = fc.constantFrom(
  ...Array.from(' !"#$%&\'()*+,/:;=?@[]^`{|}~-._%+é✓𝄞中\u00a0'),
  '%2F',
  '%20',
  '+',
  '==',
)
const text = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 4 }), tricky), { maxLength: 6 })
  .map((a) => a.join(''))
const segment = text.filter((s) => s !== '.' && s !== '..' && !s.includes('?') && !s.includes('#'))
const pathArb = fc
  .array(segment, { maxLength: 4 })
  .map((segments) => `/${segments.map(encodeSegmentLoosely).join('/')}`)
const queryArb = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'Key', 'x-y', 'ü', 'empty', 'a b'), text), {
  maxLength: 5,
})
const headerValue = fc
  .tuple(
    fc.constantFrom('', ' ', '  ', '\t'),
    fc.stringMatching(/^[ -~]{0,12}$/),
    fc.constantFrom('', ' ', '   a   b '),
  )
  .map(([lead, middle, tail]) => `${lead}${middle}${tail}`)
const bodyArb = fc.oneof(
  fc.constant(undefined),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.uint8Array({ maxLength: 64 }),
)
const requestArb = fc.record({
  host: fc.constantFrom('api.example.com', 'my-bucket.s3.eu-west-1.amazonaws.com'),
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
  path: pathArb,
  query: queryArb,
  queryMode: fc.constantFrom('form', 'component', 'raw'),
  meta: fc.array(headerValue, { maxLength: 3 }),
  contentType: fc.option(
    fc.constantFrom('application/json', 'text/plain; charset=utf-8', 'application/x-amz-json-1.1'),
  ),
  body: bodyArb,
})

/** Encodes only what a URL cannot hold raw, leaving reserved characters for URL to serialize as it does. */
function encodeSegmentLoosely(segment: string): string {
  return segment.replace(/[/?#\\]|%(?![0-9A-Fa-f]{2})/g, (c) => encodeURIComponent(c))
}

type Generated = typeof requestArb extends fc.Arbitrary<infer T> ? T : never

function toUrl(r: Omit<Generated, 'host'> & { host: string }): string {
  const url = new URL(`https://${r.host}${r.path}`)
  if (r.queryMode === 'form') url.search = new URLSearchParams(r.query).toString()
  else if (r.queryMode === 'component') {
    url.search = r.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
  } else {
    // As a hand-written URL would hold them: raw `+`, `%FF` escapes that are not UTF-8, stray `%`, unicode.
    const raw = (text: string) => text.replace(/[&=#]|%(?![0-9A-Fa-f]{2})/g, (c) => encodeURIComponent(c))
    url.search = r.query.map(([k, v]) => `${raw(k)}=${raw(v)}`).join('&')
  }
  return url.href
}

function toRequest(
  signed: SignedRequest,
  override: Partial<{ method: string; url: string; headers: Headers; body: unknown }> = {},
): Request {
  const method = override.method ?? signed.method
  const body = method === 'GET' || method === 'HEAD' ? undefined : (override.body ?? signed.body ?? undefined)
  return new Request(override.url ?? signed.url, {
    method,
    headers: override.headers ?? signed.headers,
    body: body as BodyInit | undefined,
  })
}

const TAMPERS = ['method', 'path', 'query', 'header', 'body', 'date'] as const
type Tamper = (typeof TAMPERS)[number]

/** One change to a signed request; every one must make AWS refuse it. */
function tamper(signed: SignedRequest, kind: Tamper): Request {
  switch (kind) {
    case 'method':
      return toRequest(signed, { method: signed.method === 'DELETE' ? 'PUT' : 'DELETE' })
    case 'path': {
      const url = new URL(signed.url)
      url.pathname = url.pathname.endsWith('/')
        ? `${url.pathname}x`
        : `${url.pathname.slice(0, -1)}${url.pathname.endsWith('z') ? 'y' : 'z'}`
      return toRequest(signed, { url: url.href })
    }
    case 'query': {
      const url = new URL(signed.url)
      url.search = url.search === '' ? '?tampered=1' : `${url.search}${url.search.endsWith('=') ? 'x' : '0'}`
      return toRequest(signed, { url: url.href })
    }
    case 'header': {
      const headers = new Headers(signed.headers)
      const signedNames = /SignedHeaders=([^,]+)/.exec(headers.get('authorization') ?? '')![1]!.split(';')
      const name =
        signedNames.find((n) => n !== 'host' && n !== 'x-amz-date' && n !== 'x-amz-content-sha256') ??
        'x-amz-content-sha256'
      headers.set(name, `${headers.get(name) ?? ''}0`)
      return toRequest(signed, { headers })
    }
    case 'body': {
      const bytes =
        signed.body === undefined || signed.body === null
          ? new Uint8Array()
          : typeof signed.body === 'string'
            ? new TextEncoder().encode(signed.body)
            : new Uint8Array(signed.body as ArrayBuffer)
      const changed = bytes.length === 0 ? new Uint8Array([0x41]) : bytes.slice()
      if (bytes.length > 0) changed[bytes.length - 1] = (changed[bytes.length - 1]! + 1) % 256
      return toRequest(signed, { method: signed.method === 'GET' ? 'POST' : signed.method, body: changed })
    }
    case 'date': {
      const headers = new Headers(signed.headers)
      headers.set('x-amz-date', '20261122T120001Z')
      return toRequest(signed, { headers })
    }
  }
}

async function signGenerated(r: Generated, host: string = r.host): Promise<SignedRequest> {
  const headers = new Headers()
  for (const [i, value] of r.meta.entries()) headers.set(`x-amz-meta-m${i}`, value)
  if (r.contentType) headers.set('content-type', r.contentType)
  const body = r.method === 'GET' ? undefined : r.body
  const url = toUrl({ ...r, host })
  const { request, plan } = await signer.sign({ method: r.method, url, headers, body })
  expect(plan).not.toBeNull()
  return request
}

describe('property: any generated request signed by signer.sign is accepted; any single tampering is refused', () => {
  it('SigV4 (execute-api and S3), 1,200 requests', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, fc.constantFrom(...TAMPERS), async (r, kind) => {
        const signed = await signGenerated(r)
        const accepted = await verifyRequest(toRequest(signed), VERIFIER)
        if (!accepted.ok)
          throw new Error(
            `refused: ${accepted.message}\n${accepted.canonicalRequest ?? ''}\nurl: ${signed.url}`,
          )
        const refused = await verifyRequest(tamper(signed, kind), VERIFIER)
        expect(refused.ok, `tampering ${kind} went unnoticed: ${signed.url}`).toBe(false)
      }),
      { numRuns: 1200 },
    )
  })

  it('SigV4A (region set us-*), 150 requests', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, fc.constantFrom(...TAMPERS), async (r, kind) => {
        const signed = await signGenerated(r, 'multi.example.com')
        const accepted = await verifyRequest(toRequest(signed), VERIFIER)
        if (!accepted.ok) throw new Error(`refused: ${accepted.message}\n${accepted.canonicalRequest ?? ''}`)
        expect((await verifyRequest(tamper(signed, kind), VERIFIER)).ok).toBe(false)
      }),
      { numRuns: 150 },
    )
  })
})
