import type { Signer } from '@awssig/core'
import { createKyHooks, type KyHooksOptions } from './create-ky-hooks'
import type { SigningKyHook, SigningKyRetryHook } from './signing-hooks'

type HookArrays = {
  beforeRequest?: readonly unknown[]
  beforeRetry?: readonly unknown[]
  afterResponse?: readonly unknown[]
}

type Element<T> = T extends readonly (infer E)[] ? E : never

/** `hooks` with the signing hooks added in the places where they must run. */
export type HooksWithSigning<H extends HookArrays> = Omit<
  H,
  'beforeRequest' | 'beforeRetry' | 'afterResponse'
> & {
  beforeRequest: (Element<H['beforeRequest']> | SigningKyHook<Request | undefined>)[]
  beforeRetry: (Element<H['beforeRetry']> | SigningKyRetryHook)[]
  afterResponse: (Element<H['afterResponse']> | SigningKyHook<Response | undefined>)[]
}

/**
 * Adds the signing hooks to your own ky hooks in the order signing needs: after your `beforeRequest` and
 * `beforeRetry` hooks (so whatever they change in the request is signed, and ky 1's "first hook that returns
 * a Request ends the list" cannot skip signing), and before your `afterResponse` hooks (so those see the
 * answer after redirects were followed and a clock-skew retry was made). Other hooks (`init`,
 * `beforeError`) are kept as they are. The input is not mutated.
 *
 * @example
 * import ky from 'ky'
 * import { createSigner, withSigning } from '@awssig/ky'
 *
 * const signer = createSigner({ rules: [{ host: 'api.example.com', service: 'execute-api', region: 'eu-west-1' }] })
 * const api = ky.create({
 *   prefixUrl: 'https://api.example.com',
 *   hooks: withSigning(signer, {
 *     // Annotate the parameter: withSigning accepts the hooks of ky 1 and ky 2, so it cannot type it for you.
 *     beforeRequest: [(request: Request) => request.headers.set('x-trace-id', crypto.randomUUID())],
 *   }),
 * })
 */
export function withSigning<H extends HookArrays = HookArrays>(
  signer: Signer,
  hooks?: H,
  options?: KyHooksOptions,
): HooksWithSigning<H> {
  const signing = createKyHooks(signer, options)
  const own = (hooks ?? {}) as H
  return {
    ...own,
    beforeRequest: [
      ...((own.beforeRequest ?? []) as Element<H['beforeRequest']>[]),
      ...signing.beforeRequest,
    ],
    beforeRetry: [...((own.beforeRetry ?? []) as Element<H['beforeRetry']>[]), ...signing.beforeRetry],
    afterResponse: [
      ...signing.afterResponse,
      ...((own.afterResponse ?? []) as Element<H['afterResponse']>[]),
    ],
  }
}
