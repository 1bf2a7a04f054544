import { CREDENTIALS } from '@awssig/test-utils/fixtures'
import { type EndpointConfig, toResponse, verifyRequest } from '@awssig/testing'
import { describe, expect, it } from 'vitest'
import { createSignedFetch, createSigner } from '../src'

const MINUTES = 60_000

/** A fetch that is an AWS endpoint whose clock is `skewMs` off ours; optionally hides `Date` like CORS does. */
function awsWithClock(endpoints: Record<string, EndpointConfig>, skewMs: number, hideDate = false) {
  const seen: string[] = []
  const fetchLike: typeof fetch = async (input, init) => {
    const request = new Request(input, init)
    seen.push(request.headers.get('x-amz-date') ?? '')
    const response = toResponse(
      await verifyRequest(request, {
        credentials: [CREDENTIALS],
        endpoints,
        now: () => new Date(Date.now() + skewMs),
      }),
    )
    if (hideDate) response.headers.delete('date')
    return response
  }
  return { fetchLike, seen }
}

const DIALECTS = [
  {
    name: 'API Gateway (JSON, 5 min.)',
    host: 'abc123.execute-api.eu-west-1.amazonaws.com',
    endpoint: { service: 'execute-api', region: 'eu-west-1' },
    rules: [{ host: 'abc123.execute-api.eu-west-1.amazonaws.com' }],
  },
  {
    name: 'S3 (XML RequestTimeTooSkewed)',
    host: 'bucket.s3.eu-central-1.amazonaws.com',
    endpoint: { service: 's3', region: 'eu-central-1' },
    rules: [],
  },
  {
    name: 'query protocol (EC2 XML)',
    host: 'ec2.us-west-2.amazonaws.com',
    endpoint: { service: 'ec2', region: 'us-west-2' },
    rules: [],
  },
] as const

describe.each(DIALECTS)('clock skew: $name', ({ host, endpoint, rules }) => {
  it.each([
    ['ahead', 20 * MINUTES, false],
    ['behind', -20 * MINUTES, false],
    ['ahead, Date header hidden (browser cross-origin)', 20 * MINUTES, true],
    ['behind, Date header hidden (browser cross-origin)', -20 * MINUTES, true],
  ] as const)(
    'server clock 20 minutes %s: recovers after one retry and keeps the offset',
    async (_, skewMs, hideDate) => {
      const { fetchLike, seen } = awsWithClock({ [host]: endpoint }, skewMs, hideDate)
      const signer = createSigner({ credentials: CREDENTIALS, rules: [...rules] })
      const signedFetch = createSignedFetch(signer, { fetch: fetchLike })

      const response = await signedFetch(`https://${host}/x?a=1`, { method: 'POST', body: 'payload' })
      expect(response.status, await response.clone().text()).toBe(200)
      expect(seen).toHaveLength(2)
      expect(Math.abs(signer.clockOffsetMs - skewMs)).toBeLessThan(2000)

      // The offset stays on the signer: the next request is right the first time.
      const next = await signedFetch(`https://${host}/y`)
      expect(next.status).toBe(200)
      expect(seen).toHaveLength(3)
    },
  )
})

it('retries at most once, and not at all when disabled', async () => {
  let calls = 0
  const alwaysSkewed: typeof fetch = async () => {
    calls++
    return new Response(
      '{"message":"Signature expired: 20260101T000000Z is now earlier than 20260101T001500Z (20260101T002000Z - 5 min.)"}',
      {
        status: 403,
        headers: { date: new Date(Date.now() + 3_600_000).toUTCString() },
      },
    )
  }
  const signer = createSigner({ credentials: CREDENTIALS })
  const response = await createSignedFetch(signer, { fetch: alwaysSkewed })(
    'https://ec2.us-west-2.amazonaws.com/',
  )
  expect(response.status).toBe(403)
  expect(calls).toBe(2)
  calls = 0
  await createSignedFetch(signer, { fetch: alwaysSkewed, retryOnClockSkew: false })(
    'https://ec2.us-west-2.amazonaws.com/',
  )
  expect(calls).toBe(1)
})

describe('answers that are not clock skew', () => {
  it('are returned once, unread, without a retry or a clock change', async () => {
    let calls = 0
    const forbidden: typeof fetch = async () => {
      calls++
      return new Response('{"message":"Forbidden"}', {
        status: 403,
        headers: { date: new Date(Date.now() + 3_600_000).toUTCString() },
      })
    }
    const signer = createSigner({ credentials: CREDENTIALS })
    const response = await createSignedFetch(signer, { fetch: forbidden })(
      'https://ec2.us-west-2.amazonaws.com/',
    )
    expect(calls).toBe(1)
    expect(await response.text()).toBe('{"message":"Forbidden"}')
    expect(signer.clockOffsetMs).toBe(0)
  })
})
