import type * as NodeCrypto from 'node:crypto'
import { createRequire } from 'node:module'
import type { EcdsaKey, HashInput, HmacKey, Sha256Primitives } from './sha256-primitives'

// node:crypto as CommonJS sees it, not through `import`: the ES module facade of a built-in copies every
// export, and reading `webcrypto` loads all of Node's Web Crypto (≈ 1.5 ms of a cold start; aws4, a CommonJS
// package, never pays it). process.getBuiltinModule is Node ≥ 20.16; before, a require made by createRequire
// (a built-in resolves the same from any location, so the root URL does, in the ESM and CJS builds alike).
const nodeCrypto = (
  (globalThis as { process?: { getBuiltinModule?: LoadBuiltin } }).process?.getBuiltinModule ??
  createRequire('file:///')
)('node:crypto') as typeof NodeCrypto
const { createECDH, createHash, createHmac, createPrivateKey, sign } = nodeCrypto

type LoadBuiltin = (id: string) => unknown
// crypto.hash (Node ≥ 20.12) hashes in one call without a Hash object: ≈ 0.45 µs less per hash, two hashes
// per signature. Read from the namespace so older Node 20 releases load this module and use createHash.
const oneShotHash = nodeCrypto.hash

// Selected by the `node` condition of `#sha256`: node:crypto hashes strings and views in place (no
// TextEncoder copy of a large body) and synchronously, so a signature costs no thread-pool round trips.

function view(data: HashInput): string | Uint8Array {
  if (typeof data === 'string' || data instanceof Uint8Array) return data
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  return new Uint8Array(data)
}

/** node:crypto SHA-256 and HMAC-SHA256. */
export const sha256Primitives: Sha256Primitives = {
  runtime: 'node',
  sha256Hex: async (data) =>
    oneShotHash
      ? oneShotHash('sha256', view(data), 'hex')
      : createHash('sha256').update(view(data)).digest('hex'),
  hmac: async (key, data) => new Uint8Array(createHmac('sha256', key).update(view(data)).digest()),
  importHmacKey: async (key) => key as unknown as HmacKey,
  hmacHex: async (key, data) =>
    createHmac('sha256', key as unknown as Uint8Array)
      .update(data)
      .digest('hex'),
  // node:crypto signs synchronously and answers DER, as AWS wants it: several times faster than Web Crypto.
  ecdsa: {
    importPrivateKey: async (pkcs8) => importP256Jwk(pkcs8.subarray(-32)),
    signDer: async (key, data) => new Uint8Array(sign('sha256', view(data), { key, dsaEncoding: 'der' })),
  },
}

/**
 * A P-256 private key from its scalar, through JWK rather than PKCS#8 DER: OpenSSL 3 parses DER by trying
 * its decoders in turn, ≈ 0.4 ms more at a process's first SigV4A signature. JWK wants the public point too;
 * ECDH computes it natively. The JWK's base64 copy of the scalar is a string the caller cannot zero, as the
 * bytes are (sigv4a.ts); it is unreachable once imported, and the secret access key it derives from is itself
 * a string for as long as the credentials live.
 */
function importP256Jwk(scalar: Uint8Array): EcdsaKey {
  const ecdh = createECDH('prime256v1')
  ecdh.setPrivateKey(scalar)
  const point = ecdh.getPublicKey() // 0x04 ‖ x ‖ y
  const jwk = {
    kty: 'EC' as const,
    crv: 'P-256' as const,
    d: base64Url(scalar),
    x: base64Url(point.subarray(1, 33)),
    y: base64Url(point.subarray(33, 65)),
  }
  return createPrivateKey({ key: jwk, format: 'jwk' }) as unknown as EcdsaKey
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}
