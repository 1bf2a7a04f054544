import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createSigner, isAwsSigError } from '../../src/index'
import { CREDENTIALS } from '../support/verify'

// Issue 13, finding 6: invalid inputs to sign and presign (headers, dates, URLs, bodies, expiry, method) are
// generated at random. Every one must fail with an awssig error naming the input at fault — never a crash,
// a hang, or a plain TypeError/RangeError — before anything is sent.

const signer = createSigner({
  credentials: CREDENTIALS,
  rules: [{ host: 'api.example.com', service: 'execute-api', region: 'eu-west-1' }],
  now: () => new Date('2026-12-03T10:00:00Z'),
})
const HOSTS = ['ec2.us-west-2.amazonaws.com', 'api.example.com', 'unclaimed.example.org']
const RUNS = 2_100

type Case = { field: string; request: Record<string, unknown>; signingDate?: unknown; expiresIn?: unknown }

const url = fc.constantFrom(...HOSTS).map((host) => `https://${host}/path?a=1`)
const forbiddenChar = fc.constantFrom('\r', '\n', '\0', '\u0100', '\u2028', '\ud83d\ude00', '\uffff')
const badValue = fc
  .tuple(fc.string({ maxLength: 8 }), forbiddenChar, fc.string({ maxLength: 8 }))
  .map(([a, bad, b]) => `${a}${bad}${b}`)
const badName = fc.constantFrom('', 'bad name', 'x:y', 'é', 'a\nb', '(x)', 'x-amz-\u0100')

const badHeaders: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .record({ name: fc.constantFrom('x-amz-meta-a', 'content-type', 'x-custom'), value: badValue })
    .chain(({ name, value }) =>
      fc.constantFrom<unknown>({ [name]: value }, [[name, value]], new Map([[name, value]]) as unknown),
    ),
  badName.map((name) => ({ [name]: 'v' })),
  fc.constantFrom<unknown>(null, 42, 'x-a: b', true, [['only-name']], [[1, 2, 3]], Symbol('h')),
)
const badDate: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    new Date(Number.NaN),
    '2026-12-03T10:00:00Z',
    1_764_756_000_000,
    null,
    {},
    new Date('+275760-09-13T00:00:00Z'),
    new Date('-000001-01-01T00:00:00Z'),
  ),
  fc.integer({ min: 253_402_300_800_000, max: 8_640_000_000_000_000 }).map((ms) => new Date(ms)),
  fc.integer({ min: -8_640_000_000_000_000, max: -1 }).map((ms) => new Date(ms)),
)
const badUrl: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>('', '/relative', 'no scheme.example.com', 'https://', 'http://[::1', null, 42, {}),
  fc.string({ maxLength: 12 }).filter((s) => !URL.canParse(s)),
)
const badBody: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constantFrom<unknown>({}, [1, 2], new Map(), Symbol('b'), () => 'body'),
)
const badMethod: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(null, 42, '', 'GE T', 'GET\r\n', {}, 'PÖST')
const badExpiry: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(0, -1, 604_801, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '900', null, undefined),
  fc.integer({ min: 604_801 }),
  fc.integer({ max: 0 }),
  fc.double({ min: 1.000001, max: 604_799.9, noInteger: true }),
)

const invalidCase: fc.Arbitrary<Case> = fc.oneof(
  fc
    .record({ u: url, h: badHeaders })
    .map(({ u, h }) => ({ field: 'headers', request: { method: 'GET', url: u, headers: h } })),
  fc
    .record({ u: url, d: badDate })
    .map(({ u, d }) => ({ field: 'signingDate', request: { method: 'GET', url: u }, signingDate: d })),
  badUrl.map((u) => ({ field: 'url', request: { method: 'GET', url: u } })),
  fc
    .record({ u: url.filter((u) => !u.includes('unclaimed')), b: badBody })
    .map(({ u, b }) => ({ field: 'body', request: { method: 'POST', url: u, body: b } })),
  fc
    .record({ u: url, m: badMethod })
    .map(({ u, m }) => ({ field: 'method', request: { method: m, url: u } })),
  fc
    .constantFrom<unknown>(null, undefined, 'https://ec2.us-west-2.amazonaws.com/', 7)
    .map((request) => ({ field: 'request', request: request as Record<string, unknown> })),
)

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run()
  } catch (error) {
    return error
  }
  return undefined
}

function expectTyped(error: unknown, field: string): void {
  expect(isAwsSigError(error), `${String(error)}`).toBe(true)
  expect((error as { field?: string }).field, String(error)).toBe(field)
}

describe('sign and presign with invalid input', () => {
  it(`sign: ${RUNS} invalid inputs, each an awssig error naming the field`, async () => {
    let count = 0
    await fc.assert(
      fc.asyncProperty(invalidCase, async ({ field, request, signingDate }) => {
        count += 1
        const options = signingDate === undefined ? {} : { signingDate: signingDate as Date }
        expectTyped(await failure(() => signer.sign(request as never, options)), field)
      }),
      { numRuns: RUNS },
    )
    expect(count).toBeGreaterThanOrEqual(2_000)
  })

  it(`presign: ${RUNS} invalid inputs (expiry included), each an awssig error naming the field`, async () => {
    let count = 0
    const presignCase = fc.oneof(
      invalidCase.filter(
        (c) =>
          c.field !== 'body' &&
          !(c.field !== 'url' && c.field !== 'request' && String(c.request?.url).includes('unclaimed')),
      ),
      fc
        .record({ u: url, e: badExpiry })
        .map(({ u, e }) => ({ field: 'expiresIn', request: { method: 'GET', url: u }, expiresIn: e })),
    )
    await fc.assert(
      fc.asyncProperty(presignCase, async (c: Case) => {
        count += 1
        const expiresIn = 'expiresIn' in c ? c.expiresIn : 900
        const options = { expiresIn, ...(c.signingDate === undefined ? {} : { signingDate: c.signingDate }) }
        expectTyped(await failure(() => signer.presign(c.request as never, options as never)), c.field)
      }),
      { numRuns: RUNS },
    )
    expect(count).toBeGreaterThanOrEqual(2_000)
  })

  it('options that are not an object are named too', async () => {
    expectTyped(
      await failure(() => signer.sign({ method: 'GET', url: `https://${HOSTS[0]}/` }, null as never)),
      'options',
    )
    expectTyped(
      await failure(() => signer.presign({ method: 'GET', url: `https://${HOSTS[0]}/` }, null as never)),
      'expiresIn',
    )
  })
})
