import { describe, expect, it } from 'vitest'
import { type VerifierOptions, verifyRequest } from '../src/index'

/**
 * The worked examples of the Amazon S3 API Reference, "Signature Calculations for the Authorization
 * Header: Transferring Payload in a Single Chunk" and "Authenticating Requests: Using Query Parameters".
 * They are an independent check of the S3 dialect: single-encoded paths (`/test%24file.text`), empty query
 * values (`?lifecycle`) and `UNSIGNED-PAYLOAD` in presigned URLs.
 */
const options: VerifierOptions = {
  credentials: [
    { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  ],
  endpoints: { 'examplebucket.s3.amazonaws.com': { service: 's3', region: 'us-east-1' } },
  now: () => new Date('2013-05-24T00:00:00Z'),
}
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
const CREDENTIAL = 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request'

describe('S3 documentation examples', () => {
  it('GET Object (Range header)', async () => {
    const request = new Request('https://examplebucket.s3.amazonaws.com/test.txt', {
      headers: {
        range: 'bytes=0-9',
        'x-amz-content-sha256': EMPTY,
        'x-amz-date': '20130524T000000Z',
        authorization: `${CREDENTIAL},SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41`,
      },
    })
    const result = await verifyRequest(request, options)
    expect(result.ok ? 'ok' : result.message).toBe('ok')
  })

  it('PUT Object: the path is used as sent (single-encoded), not encoded again', async () => {
    const request = new Request('https://examplebucket.s3.amazonaws.com/test%24file.text', {
      method: 'PUT',
      body: 'Welcome to Amazon S3.',
      headers: {
        date: 'Fri, 24 May 2013 00:00:00 GMT',
        'x-amz-date': '20130524T000000Z',
        'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        'x-amz-content-sha256': '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
        authorization: `${CREDENTIAL},SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd`,
      },
    })
    const result = await verifyRequest(request, options)
    expect(result.ok ? result.canonicalRequest.split('\n')[1] : result.message).toBe('/test%24file.text')
    // The same request at a non-S3 endpoint is canonicalized with the path encoded twice, and fails.
    const asQuery = await verifyRequest(request, {
      ...options,
      endpoints: {
        'examplebucket.s3.amazonaws.com': { service: 's3', region: 'us-east-1', dialect: 'query' },
      },
    })
    expect(asQuery.ok ? '' : asQuery.canonicalRequest?.split('\n')[1]).toBe('/test%2524file.text')
  })

  it('GET Bucket lifecycle: a key without a value', async () => {
    const request = new Request('https://examplebucket.s3.amazonaws.com/?lifecycle', {
      headers: {
        'x-amz-date': '20130524T000000Z',
        'x-amz-content-sha256': EMPTY,
        authorization: `${CREDENTIAL},SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543`,
      },
    })
    const result = await verifyRequest(request, options)
    expect(result.ok ? result.canonicalRequest.split('\n')[2] : result.message).toBe('lifecycle=')
  })

  it('GET Bucket (List Objects): parameters sorted', async () => {
    const request = new Request('https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J', {
      headers: {
        'x-amz-date': '20130524T000000Z',
        'x-amz-content-sha256': EMPTY,
        authorization: `${CREDENTIAL},SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7`,
      },
    })
    const result = await verifyRequest(request, options)
    expect(result.ok ? 'ok' : result.message).toBe('ok')
  })

  it('presigned GET Object (UNSIGNED-PAYLOAD, X-Amz-Expires=86400)', async () => {
    const url =
      'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404'
    const result = await verifyRequest(new Request(url), options)
    expect(result.ok ? result.canonicalRequest.split('\n').at(-1) : result.message).toBe('UNSIGNED-PAYLOAD')
    const later = await verifyRequest(new Request(url), {
      ...options,
      now: () => new Date('2013-05-25T00:00:01Z'),
    })
    expect(later.ok ? '' : `${later.status} ${later.code} ${later.message}`).toBe(
      '403 AccessDenied Request has expired',
    )
  })
})
