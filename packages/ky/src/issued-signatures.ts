/** How many recent signatures are remembered: far more than the requests a process has in flight. */
const CAPACITY = 10_000
/** The tail of an `Authorization` value is its signature: unique per request and date. */
const KEY_LENGTH = 32

/**
 * The `Authorization` values these hooks produced recently. A retried request still carries the previous
 * attempt's header; this tells our stale signature (sign again) from one the caller made (leave it alone).
 * Bounded, oldest first out, and it keeps only the signatures' tails (no credentials are stored).
 */
export class IssuedSignatures {
  readonly #keys = new Set<string>()

  add(authorization: string): void {
    const key = authorization.slice(-KEY_LENGTH)
    this.#keys.delete(key)
    this.#keys.add(key)
    if (this.#keys.size > CAPACITY) {
      const oldest = this.#keys.values().next().value
      if (oldest !== undefined) this.#keys.delete(oldest)
    }
  }

  has(authorization: string): boolean {
    return this.#keys.has(authorization.slice(-KEY_LENGTH))
  }
}
