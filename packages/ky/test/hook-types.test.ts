import { CREDENTIALS } from '@awssig/test-utils/fixtures'
import ky1, { type Hooks as Ky1Hooks } from 'ky'
import ky2, { type Hooks as Ky2Hooks } from 'ky2'
import { expect, it } from 'vitest'
import { createKyHooks, createSigner, withSigning } from '../src'

// These calls are checked by `tsc` (the package's typecheck): the same hooks must fit both majors' types.
it('fits the Hooks types of ky 1 and ky 2', () => {
  const signer = createSigner({ credentials: CREDENTIALS })
  const api1 = ky1.create({ hooks: createKyHooks(signer) })
  const api2 = ky2.create({ hooks: createKyHooks(signer) })
  const withOwn1 = ky1.create({
    hooks: withSigning(signer, {
      beforeRequest: [(request) => request.headers.set('x-trace', '1')],
      beforeError: [(error) => error],
    } satisfies Ky1Hooks),
  })
  const withOwn2 = ky2.create({
    hooks: withSigning(signer, {
      beforeRequest: [({ request }) => request.headers.set('x-trace', '1')],
      init: [(options) => options],
    } satisfies Ky2Hooks),
  })
  expect([api1, api2, withOwn1, withOwn2].every((api) => typeof api === 'function')).toBe(true)
})

it('withSigning puts the signing hooks after your request hooks and before your response hooks', () => {
  const signer = createSigner({ credentials: CREDENTIALS })
  const mine = () => undefined
  const hooks = withSigning(signer, { beforeRequest: [mine], beforeRetry: [mine], afterResponse: [mine] })
  expect(hooks.beforeRequest[0]).toBe(mine)
  expect(hooks.beforeRequest).toHaveLength(2)
  expect(hooks.beforeRetry[0]).toBe(mine)
  expect(hooks.afterResponse[1]).toBe(mine)
  expect(withSigning(signer).beforeRequest).toHaveLength(1)
})
