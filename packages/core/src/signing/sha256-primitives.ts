/**
 * The hash primitives signing needs, implemented once per runtime behind the `#sha256` subpath import:
 * `node` → node:crypto (synchronous, no copies of string bodies), `default` → Web Crypto (browsers, workers,
 * Deno, Bun). Both produce identical bytes; only speed and bundle size differ.
 */
export interface Sha256Primitives {
  /** Which implementation this is (for messages and tests). */
  readonly runtime: 'node' | 'web'
  /** Lowercase hex SHA-256 of UTF-8 text or bytes. */
  sha256Hex(data: HashInput): Promise<string>
  /** HMAC-SHA256 with raw key bytes (key derivation: done once per day, region and service). */
  hmac(key: Uint8Array | string, data: HashInput): Promise<Uint8Array>
  /** Prepares raw key bytes for repeated `hmacHex` calls (a `CryptoKey` under Web Crypto). */
  importHmacKey(key: Uint8Array): Promise<HmacKey>
  /** Lowercase hex HMAC-SHA256 with a prepared key: the signature itself. */
  hmacHex(key: HmacKey, data: string): Promise<string>
  /**
   * ECDSA P-256 for SigV4A where the runtime has a faster one than Web Crypto (node:crypto: synchronous, DER
   * out). Absent in the Web Crypto build, whose ECDSA lives in the lazily loaded SigV4A chunk.
   */
  readonly ecdsa?: EcdsaPrimitives
}

/** ECDSA P-256 with SHA-256, as SigV4A signs. */
export interface EcdsaPrimitives {
  /** Imports a PKCS#8 P-256 private key. */
  importPrivateKey(pkcs8: Uint8Array): Promise<EcdsaKey>
  /** The DER-encoded ECDSA signature over SHA-256 of the UTF-8 text. */
  signDer(key: EcdsaKey, data: string): Promise<Uint8Array>
}

/** A private key prepared by `importPrivateKey`; opaque outside the implementation. */
export type EcdsaKey = { readonly __ecdsaKey: true }

/** Text (hashed as UTF-8) or bytes. */
export type HashInput = string | Uint8Array | ArrayBuffer | ArrayBufferView

/** An HMAC key prepared by `importHmacKey`; opaque outside the implementation. */
export type HmacKey = { readonly __hmacKey: true }
