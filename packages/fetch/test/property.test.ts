import {
  expectedBytes,
  headersOf,
  makeBody,
  type RequestSpec,
  requestSpec,
  type Tamper,
  urlOf,
  verifyingFetch,
} from '@awssig/test-utils/arbitraries'
import { makeSigner, sha256Hex } from '@awssig/test-utils/fixtures'
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { createSignedFetch } from '../src'

const RUNS = 2000

function tampersFor(spec: RequestSpec): Tamper[] {
  const all: Tamper[] = ['path', 'query', 'method', 'date', 'header']
  return spec.method === 'GET' ? all : [...all, 'body']
}

it(`${RUNS} generated requests through createSignedFetch all verify, and any single tampering fails`, async () => {
  const aws = verifyingFetch()
  const signedFetch = createSignedFetch(makeSigner(), { fetch: aws.fetch })
  await fc.assert(
    fc.asyncProperty(requestSpec, fc.nat(), async (spec, pick) => {
      const url = urlOf(spec)
      const init = (): RequestInit =>
        ({
          method: spec.method,
          headers: headersOf(spec),
          body: makeBody(spec.body),
          duplex: 'half',
        }) as RequestInit

      aws.setTamper('none')
      const response = await signedFetch(url, init())
      const text = await response.text()
      expect(response.status, `${spec.method} ${url}\n${text}`).toBe(200)
      const sent = expectedBytes(spec.body)
      if (sent !== undefined) expect(JSON.parse(text).bodySha256).toBe(await sha256Hex(sent))

      const tampers = tampersFor(spec)
      const tamper = tampers[pick % tampers.length] as Tamper
      aws.setTamper(tamper)
      const broken = await signedFetch(url, init())
      expect(broken.status, `${tamper}: ${spec.method} ${url}`).toBeGreaterThanOrEqual(400)
    }),
    { numRuns: RUNS },
  )
}, 120_000)
