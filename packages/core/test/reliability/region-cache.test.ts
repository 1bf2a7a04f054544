import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { s3RegionFromResponse } from '../../src/diagnose/load-on-demand'
import { createRegionCache } from '../../src/diagnose/region-cache'
import { InvalidInputError } from '../../src/errors'

describe('createRegionCache', () => {
  it('defaults to 256 entries and evicts the least recently used host', () => {
    const cache = createRegionCache()
    expect(cache.max).toBe(256)
    for (let i = 0; i < 300; i++) cache.set(`b${i}.s3.amazonaws.com`, 'eu-west-1')
    expect(cache.size).toBe(256)
    expect(cache.has('b43.s3.amazonaws.com')).toBe(false)
    expect(cache.has('b44.s3.amazonaws.com')).toBe(true)
  })

  it('a read refreshes recency, so the host read last survives the next eviction', () => {
    const cache = createRegionCache({ max: 2 })
    cache.set('a.s3.amazonaws.com', 'eu-west-1')
    cache.set('b.s3.amazonaws.com', 'us-west-2')
    expect(cache.get('a.s3.amazonaws.com')).toBe('eu-west-1')
    cache.set('c.s3.amazonaws.com', 'ap-south-1')
    expect(cache.get('b.s3.amazonaws.com')).toBeUndefined()
    expect(cache.get('a.s3.amazonaws.com')).toBe('eu-west-1')
    expect(cache.get('c.s3.amazonaws.com')).toBe('ap-south-1')
  })

  it('compares hosts case-insensitively, without trailing dot or port', () => {
    const cache = createRegionCache()
    cache.set('My-Bucket.S3.amazonaws.com.', 'eu-central-1')
    expect(cache.get('my-bucket.s3.amazonaws.com')).toBe('eu-central-1')
    expect(cache.get('my-bucket.s3.amazonaws.com:443')).toBe('eu-central-1')
    cache.set('[::1]:9000', 'us-east-2')
    expect(cache.get('[::1]')).toBe('us-east-2')
    expect(cache.delete('MY-BUCKET.s3.amazonaws.com')).toBe(true)
    expect(cache.size).toBe(1)
    cache.clear()
    expect(cache.size).toBe(0)
  })

  it('overwriting a host keeps one entry with the new region', () => {
    const cache = createRegionCache({ max: 3 })
    cache.set('a', 'eu-west-1')
    cache.set('a', 'eu-west-2')
    expect(cache.size).toBe(1)
    expect(cache.get('a')).toBe('eu-west-2')
  })

  it('rejects a bad bound, a non-region value and an empty host with InvalidInputError', () => {
    for (const max of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '10' as unknown as number]) {
      expect(() => createRegionCache({ max })).toThrow(InvalidInputError)
    }
    expect(() => createRegionCache(null as never)).toThrow(InvalidInputError)
    const cache = createRegionCache()
    for (const region of ['US-EAST-1', 'us-east', 'global', '', '<script>', 42 as unknown as string]) {
      expect(() => cache.set('h', region)).toThrow(InvalidInputError)
    }
    expect(() => cache.set('', 'us-east-1')).toThrow(InvalidInputError)
    expect(cache.size).toBe(0)
  })

  it('behaves like a reference LRU model under random operations', () => {
    const host = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g')
    const region = fc.constantFrom('us-east-1', 'eu-west-1', 'ap-south-1')
    const op = fc.oneof(
      fc.record({ type: fc.constant('set' as const), host, region }),
      fc.record({ type: fc.constant('get' as const), host }),
      fc.record({ type: fc.constant('delete' as const), host }),
    )
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(op, { maxLength: 60 }), (max, ops) => {
        const cache = createRegionCache({ max })
        const model: Array<[string, string]> = [] // least recently used first
        for (const o of ops) {
          const index = model.findIndex(([h]) => h === o.host)
          if (o.type === 'set') {
            if (index !== -1) model.splice(index, 1)
            model.push([o.host, o.region])
            if (model.length > max) model.shift()
            cache.set(o.host, o.region)
          } else if (o.type === 'get') {
            const entry = index === -1 ? undefined : model.splice(index, 1)[0]
            if (entry) model.push(entry)
            expect(cache.get(o.host)).toBe(entry?.[1])
          } else {
            if (index !== -1) model.splice(index, 1)
            expect(cache.delete(o.host)).toBe(index !== -1)
          }
          expect(cache.size).toBe(model.length)
          expect(cache.size).toBeLessThanOrEqual(max)
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('s3RegionFromResponse', () => {
  const s3Error = (code: string, message: string, extra = '') =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${extra}<RequestId>1</RequestId></Error>`

  it('reads x-amz-bucket-region, also on a HEAD answer without a body', async () => {
    const response = new Response(null, { status: 400, headers: { 'x-amz-bucket-region': 'eu-north-1' } })
    expect(await s3RegionFromResponse(response)).toBe('eu-north-1')
  })

  it('reads <Region> from AuthorizationHeaderMalformed without consuming the response', async () => {
    const body = s3Error(
      'AuthorizationHeaderMalformed',
      "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'us-west-2'",
      '<Region>us-west-2</Region>',
    )
    const response = new Response(body, { status: 400 })
    expect(await s3RegionFromResponse(response)).toBe('us-west-2')
    expect(await response.text()).toBe(body)
  })

  it('falls back to the region the message expects, and reads PermanentRedirect', async () => {
    const noElement = s3Error(
      'AuthorizationQueryParametersError',
      'Error parsing the X-Amz-Credential parameter; the region &apos;us-east-1&apos; is wrong; expecting &apos;ap-south-1&apos;',
    )
    expect(await s3RegionFromResponse(new Response(noElement, { status: 400 }))).toBe('ap-south-1')
    const redirect = s3Error(
      'PermanentRedirect',
      'The bucket you are attempting to access must be addressed using the specified endpoint.',
      '<Region>sa-east-1</Region>',
    )
    expect(await s3RegionFromResponse(new Response(redirect, { status: 301 }))).toBe('sa-east-1')
  })

  it('ignores a header that is not a region name and uses the body instead', async () => {
    const body = s3Error('AuthorizationHeaderMalformed', 'x', '<Region>eu-west-3</Region>')
    const response = new Response(body, { status: 400, headers: { 'x-amz-bucket-region': 'Not A Region' } })
    expect(await s3RegionFromResponse(response)).toBe('eu-west-3')
  })

  it('gives undefined for other codes, bad region values, successes and non-S3 bodies', async () => {
    const other = s3Error('AccessDenied', 'Access Denied', '<Region>eu-west-1</Region>')
    expect(await s3RegionFromResponse(new Response(other, { status: 403 }))).toBeUndefined()
    const bad = s3Error('AuthorizationHeaderMalformed', 'x', '<Region>US-WEST-2</Region>')
    expect(await s3RegionFromResponse(new Response(bad, { status: 400 }))).toBeUndefined()
    expect(
      await s3RegionFromResponse(new Response('<Region>eu-west-1</Region>', { status: 200 })),
    ).toBeUndefined()
    expect(await s3RegionFromResponse(new Response('{"message":"nope"}', { status: 400 }))).toBeUndefined()
  })
})
