import { describe, expectTypeOf, test } from 'vitest'
import { createSignedFetch, type SignedFetch, type SignedFetchOptions, type Signer } from '../../src/index'

declare const signer: Signer

describe('createSignedFetch', () => {
  test('returns a function with the call shape of fetch', () => {
    const signedFetch = createSignedFetch(signer)
    expectTypeOf(signedFetch).toEqualTypeOf<SignedFetch>()
    expectTypeOf(signedFetch).parameters.toEqualTypeOf<[RequestInfo | URL, (RequestInit | undefined)?]>()
    expectTypeOf(signedFetch).returns.resolves.toEqualTypeOf<Response>()
  })

  test('options are typed', () => {
    expectTypeOf<SignedFetchOptions>().toHaveProperty('fetch').toEqualTypeOf<typeof fetch | undefined>()
    expectTypeOf<SignedFetchOptions['retryOnClockSkew']>().toEqualTypeOf<boolean | undefined>()
    expectTypeOf<SignedFetchOptions['retryOnWrongRegion']>().toEqualTypeOf<boolean | undefined>()
    // @ts-expect-error an unknown option is a type error
    createSignedFetch(signer, { retries: 2 })
    // @ts-expect-error a signer is required
    createSignedFetch({ fetch })
  })
})
