import { CREDENTIALS, sha256Hex } from '@awssig/test-utils/fixtures'
import { type EndpointConfig, toResponse, verifyRequest } from '@awssig/testing'
import { describe, expect, it } from 'vitest'
import { createSignedFetch, createSigner, type SignerOptions } from '../src'

// The legacy global S3 host is signed for us-east-1 (a guess, regionCertain: false); the verifier's S3
// dialect says the bucket lives in eu-central-1 the way S3 does: 400 AuthorizationHeaderMalformed with
// <Region> and x-amz-bucket-region.
const BUCKET = 'bucket.s3.amazonaws.com'
const API = 'api.example.com'
const ENDPOINTS: Record<string, EndpointConfig> = {
  [BUCKET]: { service: 's3', region: 'eu-central-1', dialect: 's3' },
  [API]: { service: 'execute-api', region: 'eu-west-1' },
}

/** A fetch that is AWS as the verifier sees it, recording the status of every attempt. */
function aws() {
  const statuses: number[] = []
  const fetchLike: typeof fetch = async (input, init) => {
    const response = toResponse(
      await verifyRequest(new Request(input, init), { credentials: [CREDENTIALS], endpoints: ENDPOINTS }),
    )
    statuses.push(response.status)
    return response
  }
  return { fetchLike, statuses }
}

describe('S3 wrong-region answers', () => {
  it.each([
    ['AWS host inference', {}],
    ['a rule without a region', { rules: [{ host: BUCKET }] }],
  ] as const)('%s: 200 after exactly one retry, then none for the same bucket', async (_, options) => {
    const { fetchLike, statuses } = aws()
    const signer = createSigner({ credentials: CREDENTIALS, ...(options as SignerOptions) })
    const signedFetch = createSignedFetch(signer, { fetch: fetchLike })

    const response = await signedFetch(`https://${BUCKET}/notes/a.txt`, { method: 'PUT', body: 'hello' })
    expect(response.status, await response.clone().text()).toBe(200)
    expect((await response.json()).bodySha256).toBe(await sha256Hex('hello'))
    expect(statuses).toEqual([400, 200])
    expect((await signer.resolve(`https://${BUCKET}/`))?.region).toBe('eu-central-1')

    const later = await signedFetch(`https://${BUCKET}/notes/b.txt`)
    expect(later.status).toBe(200)
    expect(statuses).toEqual([400, 200, 200])
  })

  it('an explicit rule region wins: the answer is returned without a retry', async () => {
    const { fetchLike, statuses } = aws()
    const signer = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: BUCKET, service: 's3', region: 'us-east-1' }],
    })
    const response = await createSignedFetch(signer, { fetch: fetchLike })(`https://${BUCKET}/k`)
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('AuthorizationHeaderMalformed')
    expect(statuses).toEqual([400])
    expect((await signer.explain(`https://${BUCKET}/k`)).warnings.join(' ')).toMatch(
      /explicit rule region wins/,
    )
  })

  it('retryOnWrongRegion: false returns the refusal (the check can fail)', async () => {
    const { fetchLike, statuses } = aws()
    const signer = createSigner({ credentials: CREDENTIALS })
    const signedFetch = createSignedFetch(signer, { fetch: fetchLike, retryOnWrongRegion: false })
    expect((await signedFetch(`https://${BUCKET}/k`)).status).toBe(400)
    expect(statuses).toEqual([400])
    expect((await signer.resolve(`https://${BUCKET}/k`))?.region).toBe('us-east-1')
  })

  it('a streamed UNSIGNED-PAYLOAD body is not replayed, but the region is kept for the next request', async () => {
    const { fetchLike, statuses } = aws()
    const signer = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: BUCKET, unsignedPayload: true }],
    })
    const signedFetch = createSignedFetch(signer, { fetch: fetchLike })
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('streamed'))
        controller.close()
      },
    })
    const response = await signedFetch(`https://${BUCKET}/big`, { method: 'PUT', body: stream })
    expect(response.status).toBe(400)
    expect(statuses).toEqual([400])
    const next = await signedFetch(`https://${BUCKET}/big`, { method: 'PUT', body: 'bytes' })
    expect(next.status).toBe(200)
    expect(statuses).toEqual([400, 200])
  })

  it("another service's wrong-region answer is not retried", async () => {
    const { fetchLike, statuses } = aws()
    const signer = createSigner({
      credentials: CREDENTIALS,
      rules: [{ host: API, service: 'execute-api', region: 'us-east-1' }],
    })
    const response = await createSignedFetch(signer, { fetch: fetchLike })(`https://${API}/prod/items`)
    expect(response.status).toBe(403)
    expect(await response.text()).toContain("Credential should be scoped to a valid region, not 'us-east-1'")
    expect(statuses).toEqual([403])
  })
})
