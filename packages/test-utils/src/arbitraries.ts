import { type EndpointConfig, toResponse, verifyRequest } from '@awssig/testing'
import fc from 'fast-check'
import { CREDENTIALS, ENDPOINTS, HOSTS } from './fixtures'

/** Characters that stress canonicalization: reserved, unreserved, percent, plus, unicode (BMP and astral). */
const TRICKY = [
  ' ',
  '+',
  '%',
  '/',
  '?',
  '&',
  '=',
  '#',
  '~',
  '!',
  "'",
  '(',
  ')',
  '*',
  ':',
  '@',
  ';',
  ',',
  '$',
  'ü',
  '€',
  '😀',
  '.',
  '-',
  '_',
]

const trickyText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...TRICKY),
      fc.string({ maxLength: 3 }),
      fc.string({ unit: 'grapheme', maxLength: 2 }),
    ),
    {
      maxLength: 5,
    },
  )
  .map((parts) => parts.join(''))

/** Header values with odd spacing (printable ASCII; inner runs of spaces, leading/trailing blanks). */
const spacedValue = fc
  .array(fc.oneof(fc.constantFrom(' ', '  ', '\t'), fc.stringMatching(/^[!-~]{1,6}$/)), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => parts.join(''))
  .filter((value) => value.trim() !== '')

export type BodySpec =
  | { kind: 'none' }
  | { kind: 'string'; text: string }
  | { kind: 'bytes'; bytes: Uint8Array; offset: number }
  | { kind: 'blob'; bytes: Uint8Array; type: string }
  | { kind: 'params'; pairs: [string, string][] }
  | { kind: 'form'; pairs: [string, string][]; file: Uint8Array }
  | { kind: 'stream'; bytes: Uint8Array }

const pairs = fc.array(fc.tuple(trickyText, trickyText), { maxLength: 4 })
const bytes = fc.uint8Array({ maxLength: 64 })

export const bodySpec: fc.Arbitrary<BodySpec> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((text) => ({ kind: 'string' as const, text })),
  fc.tuple(bytes, fc.nat(4)).map(([b, offset]) => ({ kind: 'bytes' as const, bytes: b, offset })),
  fc.tuple(bytes, fc.constantFrom('', 'application/octet-stream', 'text/csv')).map(([b, type]) => ({
    kind: 'blob' as const,
    bytes: b,
    type,
  })),
  pairs.map((p) => ({ kind: 'params' as const, pairs: p })),
  fc.tuple(pairs, bytes).map(([p, file]) => ({ kind: 'form' as const, pairs: p, file })),
  bytes.map((b) => ({ kind: 'stream' as const, bytes: b })),
)

/** A fresh fetch body for `spec` (bodies are single-use). */
export function makeBody(spec: BodySpec): BodyInit | undefined {
  switch (spec.kind) {
    case 'none':
      return undefined
    case 'string':
      return spec.text
    case 'bytes': {
      // A view that starts inside a larger buffer.
      const padded = new Uint8Array(spec.bytes.length + spec.offset + 2)
      padded.set(spec.bytes, spec.offset)
      return padded.subarray(spec.offset, spec.offset + spec.bytes.length)
    }
    case 'blob':
      return new Blob([new Uint8Array(spec.bytes)], { type: spec.type })
    case 'params':
      return new URLSearchParams(spec.pairs)
    case 'form': {
      const form = new FormData()
      for (const [key, value] of spec.pairs) form.append(key, value)
      form.append('file', new File([new Uint8Array(spec.file)], 'f.bin'))
      return form
    }
    case 'stream': {
      const chunk = spec.bytes
      return new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(chunk.slice(0, 5))
          controller.enqueue(chunk.slice(5))
          controller.close()
        },
      })
    }
  }
}

/** The exact bytes fetch would send for `spec`, where the body kind fixes them (not FormData: its boundary is random). */
export function expectedBytes(spec: BodySpec): Uint8Array | string | undefined {
  switch (spec.kind) {
    case 'none':
      return ''
    case 'string':
      return spec.text
    case 'params':
      return new URLSearchParams(spec.pairs).toString()
    case 'form':
      return undefined
    default:
      return spec.bytes
  }
}

export interface RequestSpec {
  host: string
  segments: string[]
  query: [string, string][]
  rawQuery: boolean
  port: number | undefined
  meta: string | undefined
  method: 'GET' | 'POST' | 'PUT'
  body: BodySpec
}

export const requestSpec: fc.Arbitrary<RequestSpec> = fc
  .record({
    host: fc.constantFrom(HOSTS.regional, HOSTS.regionalApi, HOSTS.global, HOSTS.sigv4a),
    segments: fc.array(trickyText, { minLength: 1, maxLength: 4 }),
    query: fc.array(fc.tuple(fc.oneof(trickyText, fc.constantFrom('a', 'a', 'b')), trickyText), {
      maxLength: 5,
    }),
    rawQuery: fc.boolean(),
    port: fc.option(fc.constantFrom(8443, 9000), { nil: undefined }),
    meta: fc.option(spacedValue, { nil: undefined }),
    method: fc.constantFrom('GET' as const, 'POST' as const, 'PUT' as const),
    body: bodySpec,
  })
  .map((spec) => (spec.method === 'GET' ? { ...spec, body: { kind: 'none' as const } } : spec))

/** The URL for `spec`: each path segment percent-encoded, the query either form-encoded or RFC 3986-encoded. */
export function urlOf(spec: RequestSpec): string {
  const path = spec.segments.map((segment) => encodeURIComponent(segment)).join('/')
  const query = spec.rawQuery
    ? spec.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
    : new URLSearchParams(spec.query).toString()
  return `https://${spec.host}${spec.port ? `:${spec.port}` : ''}/${path}${query ? `?${query}` : ''}`
}

export function headersOf(spec: RequestSpec): Record<string, string> {
  return spec.meta === undefined ? {} : { 'x-amz-meta-note': spec.meta, 'x-odd-spacing': spec.meta }
}

export type Tamper = 'none' | 'path' | 'query' | 'method' | 'header' | 'date' | 'body'

/**
 * A fetch that is AWS: it verifies what the adapter sends with `@awssig/testing` (its own canonicalization),
 * after optionally changing one thing in the request the way a broken transport or an attacker would.
 */
export function verifyingFetch(endpoints: Record<string, EndpointConfig> = ENDPOINTS) {
  let tamper: Tamper = 'none'
  const fetchLike = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    let request = new Request(input, init)
    if (tamper !== 'none') request = await tampered(request, tamper)
    return toResponse(await verifyRequest(request, { credentials: [CREDENTIALS], endpoints }))
  }
  return {
    fetch: fetchLike as typeof fetch,
    setTamper(value: Tamper) {
      tamper = value
    },
  }
}

async function tampered(request: Request, tamper: Tamper): Promise<Request> {
  const url = new URL(request.url)
  const headers = new Headers([...request.headers])
  let method = request.method
  let body: Uint8Array | undefined = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined
  switch (tamper) {
    case 'path':
      url.pathname = `${url.pathname}x`
      break
    case 'query':
      url.search = `${url.search ? `${url.search}&` : '?'}injected=1`
      break
    case 'method':
      method = method === 'PUT' ? 'POST' : method === 'POST' ? 'PUT' : 'HEAD'
      break
    case 'header': {
      const signed = /SignedHeaders=([^,]+)/.exec(headers.get('authorization') ?? '')?.[1]?.split(';') ?? []
      const name = signed.find((h) => h === 'content-type' || h.startsWith('x-amz-meta')) ?? 'x-amz-date'
      headers.set(name, name === 'x-amz-date' ? '20200101T000000Z' : `${headers.get(name)}x`)
      break
    }
    case 'date':
      headers.set('x-amz-date', shiftAmzDate(headers.get('x-amz-date') ?? ''))
      break
    case 'body':
      body = body && body.length > 0 ? body.map((b, i) => (i === 0 ? b ^ 1 : b)) : new Uint8Array([1])
      break
  }
  return new Request(url, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : (body as BodyInit | undefined),
  })
}

function shiftAmzDate(amzDate: string): string {
  const m = /^(\d{8}T\d{4})(\d{2})Z$/.exec(amzDate)
  if (!m) return '20200101T000000Z'
  const seconds = (Number(m[2]) + 1) % 60
  return `${m[1]}${String(seconds).padStart(2, '0')}Z`
}
