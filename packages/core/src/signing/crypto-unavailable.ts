/**
 * The one shape of "this runtime cannot do the cryptography signing needs" (no `crypto.subtle` outside a
 * secure context, no ECDSA P-256): a plain `Error` with this flag. The modules that detect it
 * (sha256.browser.ts, and sigv4a.ts, which is loaded lazily) import nothing at run time from the main bundle,
 * so they cannot throw an `AwsSigError` themselves; the signer turns the flag into one (`typedCryptoError`).
 */
export interface CryptoUnavailable extends Error {
  readonly cryptoUnavailable: true
}

/** Whether `error` has the {@link CryptoUnavailable} shape. */
export const isCryptoUnavailable = (error: unknown): error is CryptoUnavailable =>
  typeof error === 'object' &&
  error !== null &&
  (error as Partial<CryptoUnavailable>).cryptoUnavailable === true
