import { describe, expect, it } from 'vitest'
import { createRegionCache, InvalidInputError } from '../../src/index'

// Issue 13, finding 6: misusing the region cache is a typed error naming the argument.

function fieldOf(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError)
    return (error as InvalidInputError).field
  }
  return undefined
}

describe('createRegionCache misuse', () => {
  it('names the argument at fault', () => {
    expect(fieldOf(() => createRegionCache(null as never))).toBe('options')
    expect(fieldOf(() => createRegionCache({ max: 0 }))).toBe('max')
    const cache = createRegionCache()
    expect(fieldOf(() => cache.set('bucket.s3.amazonaws.com', 'mars-1'))).toBe('region')
    expect(fieldOf(() => cache.set('', 'us-east-1'))).toBe('host')
    expect(fieldOf(() => cache.get(42 as never))).toBe('host')
  })
})
