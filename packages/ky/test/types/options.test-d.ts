import type { Hooks } from 'ky'
import { describe, expectTypeOf, test } from 'vitest'
import {
  createKyHooks,
  type KyHooksOptions,
  type Signer,
  type SigningKyHooks,
  withSigning,
} from '../../src/index'

declare const signer: Signer

describe('ky adapter types', () => {
  test('createKyHooks returns hooks ky accepts', () => {
    const hooks = createKyHooks(signer)
    expectTypeOf(hooks).toEqualTypeOf<SigningKyHooks>()
    expectTypeOf(hooks).toExtend<Hooks>()
  })

  test('withSigning keeps the caller’s own hooks and adds the signing ones', () => {
    const own = { beforeRequest: [(request: Request) => request] }
    const merged = withSigning(signer, own)
    expectTypeOf(merged).toExtend<Hooks>()
    expectTypeOf(merged.beforeRequest).toBeArray()
  })

  test('options are typed', () => {
    expectTypeOf<KyHooksOptions['fetch']>().toEqualTypeOf<typeof fetch | undefined>()
    expectTypeOf<KyHooksOptions['retryOnClockSkew']>().toEqualTypeOf<boolean | undefined>()
    // @ts-expect-error an unknown option is a type error
    createKyHooks(signer, { retries: 2 })
  })
})
