import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizePath, type VerifierOptions, verifyRequest } from '../src/index'
import { loadSuite, parseRawRequest, type RawRequest, toFetchRequest } from './support/signing-suite'

/**
 * Property: a request the AWS suite signed verifies, and changing any single byte of its method, request
 * target, header lines or body (keeping it a valid HTTP request) makes it fail. No signer of ours is
 * involved: the signatures are the suite's.
 */
const SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const RAW_ONLY = new Set([
  'get-header-key-duplicate',
  'get-header-value-order',
  'get-header-value-multiline',
  'get-relative-unnormalized',
  'get-relative-relative-unnormalized',
  'get-slash-dot-slash-unnormalized',
  'get-slash-pointless-dot-unnormalized',
  'get-slash-unnormalized',
  'get-slashes-unnormalized',
  'get-space-normalized',
  'get-space-unnormalized',
  'get-utf8',
  'post-sts-header-after',
])

const samples = loadSuite()
  .filter((c) => c.hasExpected && !RAW_ONLY.has(c.name))
  .flatMap((c) =>
    (['header', 'query'] as const).map((mode) => ({
      c,
      signed: parseRawRequest(c.read(`${mode}-signed-request.txt`)),
    })),
  )

function optionsFor(c: (typeof samples)[number]['c']): VerifierOptions {
  const endpoint = { service: c.context.service, region: c.context.region }
  return {
    credentials: [
      {
        accessKeyId: c.context.credentials.access_key_id,
        secretAccessKey: c.context.credentials.secret_access_key,
        ...(c.context.credentials.token ? { sessionToken: c.context.credentials.token } : {}),
      },
    ],
    endpoints: Object.fromEntries(
      ['example.amazonaws.com', ...[...SAFE].map((ch) => `example.amazonaws.co${ch}`)].map((h) => [
        h,
        endpoint,
      ]),
    ),
    now: () => new Date(c.context.timestamp),
  }
}

type Part = 'method' | 'path' | 'query' | 'header' | 'body'

/** Replaces one alphanumeric character of the chosen part with another alphanumeric character. */
function tamper(raw: RawRequest, part: Part, position: number, replacement: string): RawRequest | undefined {
  const swap = (text: string, allowed: (index: number) => boolean): string | undefined => {
    const indexes = [...text].map((_, i) => i).filter((i) => SAFE.includes(text[i]!) && allowed(i))
    if (indexes.length === 0) return undefined
    const index = indexes[position % indexes.length]!
    if (text[index] === replacement) return undefined
    return text.slice(0, index) + replacement + text.slice(index + 1)
  }
  const question = raw.target.indexOf('?')
  const pathEnd = question === -1 ? raw.target.length : question
  switch (part) {
    case 'method': {
      // Uppercase, because fetch uppercases the standard methods itself (`get` → `GET`).
      const method = swap(raw.method, () => true)?.toUpperCase()
      return method && method !== raw.method ? { ...raw, method } : undefined
    }
    case 'path': {
      const target = swap(raw.target, (i) => i < pathEnd)
      return target === undefined ? undefined : { ...raw, target }
    }
    case 'query': {
      // The signature parameter itself is not signed; any other byte of the query is.
      const signatureAt = raw.target.indexOf('X-Amz-Signature=')
      const target = swap(raw.target, (i) => i > pathEnd && (signatureAt === -1 || i < signatureAt))
      return target === undefined ? undefined : { ...raw, target }
    }
    case 'header': {
      const lines = raw.headerLines
      const line = position % Math.max(lines.length, 1)
      const original = lines[line]
      if (!original || /^authorization:/i.test(original) || /^content-length:/i.test(original))
        return undefined
      const colon = original.indexOf(':')
      const changed = swap(original, (i) => i > colon)
      return changed === undefined
        ? undefined
        : { ...raw, headerLines: lines.map((l, i) => (i === line ? changed : l)) }
    }
    case 'body': {
      const body = swap(raw.body, () => true)
      return body === undefined ? undefined : { ...raw, body }
    }
  }
}

describe('tampering the AWS suite requests (fast-check)', () => {
  it('every sample verifies untouched', async () => {
    for (const { c, signed } of samples) {
      const result = await verifyRequest(toFetchRequest(signed), optionsFor(c))
      expect(result.ok, `${c.version}/${c.name}`).toBe(true)
    }
  })

  it('any single-byte change of method, path, query, a header or the body fails', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(samples.length - 1),
        fc.constantFrom<Part>('method', 'path', 'query', 'header', 'body'),
        fc.nat(1000),
        fc.constantFrom(...SAFE),
        async (sampleIndex, part, position, replacement) => {
          const { c, signed } = samples[sampleIndex]!
          const tampered = tamper(signed, part, position, replacement)
          fc.pre(tampered !== undefined)
          // Header names compare case-insensitively, so a change that only flips case is no change.
          fc.pre(
            JSON.stringify(tampered).toLowerCase() !== JSON.stringify(signed).toLowerCase() ||
              part !== 'header',
          )
          // Dot segments make some paths equivalent (`/example/..` is `/`): such a change is no change.
          const pathOf = (raw: RawRequest) => normalizePath(new URL(`https://h${raw.target}`).pathname)
          fc.pre(part !== 'path' || pathOf(tampered!) !== pathOf(signed))
          // Hex digits of a percent-escape compare case-insensitively (`%2F` is `%2f`): such a change is no
          // change either, so compare the query as services decode it.
          const queryOf = (raw: RawRequest) =>
            JSON.stringify([...new URL(`https://h${raw.target}`).searchParams])
          fc.pre(part !== 'query' || queryOf(tampered!) !== queryOf(signed))
          let request: Request
          try {
            request = toFetchRequest(tampered!)
          } catch {
            return // not a valid request any more (e.g. a method fetch refuses)
          }
          const result = await verifyRequest(request, optionsFor(c))
          expect(result.ok).toBe(false)
        },
      ),
      {
        numRuns: 1000,
        ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}),
      },
    )
  })
})
