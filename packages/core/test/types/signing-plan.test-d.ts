import { describe, expectTypeOf, test } from 'vitest'
import type { Signer, SigningPlan } from '../../src/index'

describe('SigningPlan narrows by algorithm', () => {
  test('sigv4a: a region set and no region', () => {
    const plan = {} as SigningPlan
    if (plan.algorithm === 'sigv4a') {
      expectTypeOf(plan.regionSet).toEqualTypeOf<string[]>()
      expectTypeOf(plan.region).toEqualTypeOf<undefined>()
    }
  })

  test('sigv4: a region (absent only for payload-hash-only plans) and no region set', () => {
    const plan = {} as SigningPlan
    if (plan.algorithm === 'sigv4') {
      expectTypeOf(plan.region).toEqualTypeOf<string | undefined>()
      expectTypeOf(plan.regionSet).toEqualTypeOf<undefined>()
    }
  })

  test('explain and sign hand out the same plan type, or null', () => {
    expectTypeOf<Awaited<ReturnType<Signer['explain']>>['plan']>().toEqualTypeOf<SigningPlan | null>()
    expectTypeOf<Awaited<ReturnType<Signer['sign']>>['plan']>().toEqualTypeOf<SigningPlan | null>()
  })
})
