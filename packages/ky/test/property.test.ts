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
import { createKyHooks } from '../src'
import { MAJORS } from './majors'

/** 4,000 generated requests through the ky adapter per run: 2,000 through ky 1 and 2,000 through ky 2. */
const RUNS_PER_MAJOR = 2000

function tampersFor(spec: RequestSpec): Tamper[] {
  const all: Tamper[] = ['path', 'query', 'method', 'date', 'header']
  return spec.method === 'GET' ? all : [...all, 'body']
}

it.each(MAJORS)(
  `${RUNS_PER_MAJOR} generated requests through $name all verify, and any single tampering fails`,
  async (major) => {
    const aws = verifyingFetch()
    const api = major.create('', {
      hooks: createKyHooks(makeSigner()),
      fetch: aws.fetch,
      retry: 0,
      throwHttpErrors: false,
    })
    await fc.assert(
      fc.asyncProperty(requestSpec, fc.nat(), async (spec, pick) => {
        const url = urlOf(spec)
        const options = () => ({
          method: spec.method.toLowerCase(),
          headers: headersOf(spec),
          body: makeBody(spec.body),
        })

        aws.setTamper('none')
        const response = await api(url, options())
        const text = await response.text()
        expect(response.status, `${spec.method} ${url}\n${text}`).toBe(200)
        const sent = expectedBytes(spec.body)
        if (sent !== undefined) expect(JSON.parse(text).bodySha256).toBe(await sha256Hex(sent))

        const tampers = tampersFor(spec)
        const tamper = tampers[pick % tampers.length] as Tamper
        aws.setTamper(tamper)
        const broken = await api(url, options())
        expect(broken.status, `${tamper}: ${spec.method} ${url}`).toBeGreaterThanOrEqual(400)
      }),
      { numRuns: RUNS_PER_MAJOR },
    )
  },
  120_000,
)
