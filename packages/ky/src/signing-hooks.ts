// The types of the signing hooks: one array type per ky hook list, accepted by ky 1 (≥ 1.7) and ky 2 alike.

/**
 * A ky hook that works under ky 1 (positional arguments) and ky 2 (one state object). Typed loosely so the
 * same array is accepted by both majors' `Hooks` types.
 */
export type SigningKyHook<R> = (...args: unknown[]) => Promise<R>

/**
 * A `beforeRetry` hook. ky 1.7–1.12 type these hooks as returning nothing (`void` or ky's `stop`), ky 1.13 and
 * ky 2 as returning a `Request` too, so the signing one is typed as returning nothing, which every version in
 * the peer range accepts. Under ky 2 it resolves with the signed `Request`, which ky sends for that attempt;
 * under ky 1 with `undefined` (ky 1 signs retries in `beforeRequest`).
 */
export type SigningKyRetryHook = (...args: unknown[]) => Promise<void>

/** The hooks `createKyHooks` returns; pass them to `ky.create({ hooks })`. */
export interface SigningKyHooks {
  /** Signs the request (ky 1: every attempt, since ky 1 runs `beforeRequest` again on each retry). */
  beforeRequest: SigningKyHook<Request | undefined>[]
  /** ky 2 only: signs each retry again with a fresh date (ky 2 runs `beforeRequest` once). */
  beforeRetry: SigningKyRetryHook[]
  /** Follows redirects (Node) and recovers from clock skew or an S3 wrong-region answer with one signed retry. */
  afterResponse: SigningKyHook<Response | undefined>[]
}
