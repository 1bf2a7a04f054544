import { describe, expect, it } from 'vitest'
import { createSigner } from '../../src/index'
import { CREDENTIALS } from '../support/verify'

// Issue 13, finding 8: an S3 answer names the bucket's region, and the signer re-signs for it. A forged or
// confused answer must not teach a well-formed but fictional region, nor one of another partition than the
// host's (credentials scoped to a partition the host is not in).

const BUCKET = 'bucket.s3.amazonaws.com'

/** S3's 400 for a request signed for the wrong region, naming `region` in the body and the header. */
function wrongRegionAnswer(region: string): Response {
  const body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AuthorizationHeaderMalformed</Code><Message>The authorization header is malformed; the region 'us-east-1' is wrong; expecting '${region}'</Message><Region>${region}</Region></Error>`
  return new Response(body, {
    status: 400,
    headers: { 'content-type': 'application/xml', 'x-amz-bucket-region': region },
  })
}

async function lessonFrom(region: string) {
  const signer = createSigner({ credentials: CREDENTIALS })
  const url = `https://${BUCKET}/k`
  const { plan } = await signer.sign({ method: 'GET', url })
  const lesson = await signer.learnFromResponse(wrongRegionAnswer(region), plan, url)
  return { lesson, later: await signer.resolve(url) }
}

describe('regions S3 answers may teach', () => {
  it('a real region of the host partition is learned (the control)', async () => {
    const { lesson, later } = await lessonFrom('eu-central-1')
    expect(lesson).toMatchObject({ retry: true, region: 'eu-central-1' })
    expect(later?.region).toBe('eu-central-1')
  })

  it.each([
    ['well-formed but fictional', 'us-fake-9'],
    ['well-formed but fictional', 'eu-north-99'],
    ['of another partition (China)', 'cn-north-1'],
    ['of another partition (GovCloud)', 'us-gov-west-1'],
  ])('%s (%s): not learned, no retry', async (_label, region) => {
    const { lesson, later } = await lessonFrom(region)
    expect(lesson.retry).toBe(false)
    expect(later?.region).toBe('us-east-1')
  })
})
