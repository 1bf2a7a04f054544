import { type SigningPlan, setRecent } from '@awssig/core'

/** How many recent signatures are remembered: far more than the requests a process has in flight. */
const CAPACITY = 10_000
/** The tail of an `Authorization` value is its signature: unique per request and date. */
const KEY_LENGTH = 32

/**
 * The `Authorization` values these hooks produced recently. A retried request still carries the previous
 * attempt's header; this tells our stale signature (sign again) from one the caller made (leave it alone).
 * Bounded, oldest first out, and it keeps only the signatures' tails (no credentials are stored), each with
 * the plan it was signed with, so the answer can be read against the scope that was actually signed.
 */
export class IssuedSignatures {
  readonly #plans = new Map<string, SigningPlan | null>()

  add(authorization: string, plan: SigningPlan | null): void {
    setRecent(this.#plans, authorization.slice(-KEY_LENGTH), plan, CAPACITY)
  }

  has(authorization: string): boolean {
    return this.#plans.has(authorization.slice(-KEY_LENGTH))
  }

  /** The plan `authorization` was signed with (null: unknown). */
  planOf(authorization: string): SigningPlan | null {
    return this.#plans.get(authorization.slice(-KEY_LENGTH)) ?? null
  }
}
