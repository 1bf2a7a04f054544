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
const { createHash, createHmac, createPrivateKey, sign } = nodeCrypto

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
    importPrivateKey: async (pkcs8) => importP256(pkcs8),
    signDer: async (key, data) => new Uint8Array(sign('sha256', view(data), { key, dsaEncoding: 'der' })),
  },
}

// SEC1 ECPrivateKey, version 1, the 32-byte scalar, the curve prime256v1 and no public key, which OpenSSL
// computes on import: one native call, where JWK needed the public point first (createECDH) and a base64 copy
// of the scalar, a string nobody can zero.
const SEC1_PREFIX = Uint8Array.from([0x30, 0x31, 0x02, 0x01, 0x01, 0x04, 0x20])
const SEC1_PRIME256V1 = Uint8Array.from([
  0xa0, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07,
])
let sec1Refused = false

/**
 * The P-256 private key of a PKCS#8 DER whose last 32 bytes are the scalar. Imported as SEC1 DER with its type
 * named, OpenSSL 3 runs the one decoder it needs (≈ 0.2 ms less than PKCS#8 at a process's first SigV4A
 * signature, ≈ 0.4 ms less than PKCS#8 without a type). Bun's BoringSSL refuses SEC1 without the public key,
 * so there (and in any runtime alike) the PKCS#8 is imported after the first refusal. The DER copy is zeroed
 * once imported, as sigv4a.ts zeroes the PKCS#8.
 */
function importP256(pkcs8: Uint8Array): EcdsaKey {
  if (!sec1Refused) {
    const der = new Uint8Array(SEC1_PREFIX.length + 32 + SEC1_PRIME256V1.length)
    der.set(SEC1_PREFIX)
    der.set(pkcs8.subarray(-32), SEC1_PREFIX.length)
    der.set(SEC1_PRIME256V1, SEC1_PREFIX.length + 32)
    try {
      return createPrivateKey({ key: der, format: 'der', type: 'sec1' }) as unknown as EcdsaKey
    } catch {
      sec1Refused = true
    } finally {
      der.fill(0)
    }
  }
  return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }) as unknown as EcdsaKey
}
