import { p256 } from '@noble/curves/nist.js'
import { fromHex, hmacSha256, toHex } from './crypto'

const encoder = new TextEncoder()

/** The P-256 group order n. */
const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n
const LABEL = 'AWS4-ECDSA-P256-SHA256'

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/** A SigV4A key pair derived from an access key. */
export interface SigV4aKeyPair {
  /** 32-byte big-endian private scalar. */
  privateKey: Uint8Array
  /** Uncompressed public key (`04 || X || Y`). */
  publicKey: Uint8Array
  /** Hex X and Y coordinates, as in the AWS signing test suite's `public-key.json`. */
  x: string
  y: string
}

/**
 * Derives the SigV4A ECDSA P-256 key from an access key, as AWS specifies: NIST SP 800-108 counter-mode
 * KDF with HMAC-SHA256 keyed by `"AWS4A" + secret`, fixed input
 * `i=1 (4 bytes) || "AWS4-ECDSA-P256-SHA256" || 0x00 || accessKeyId || counter (1 byte) || L=256 (4 bytes)`.
 * The first candidate c with c ≤ n − 2 gives the private key c + 1, so it lies in [1, n − 1].
 */
export async function deriveSigV4aKeyPair(
  accessKeyId: string,
  secretAccessKey: string,
): Promise<SigV4aKeyPair> {
  const inputKey = encoder.encode(`AWS4A${secretAccessKey}`)
  for (let counter = 1; counter <= 254; counter++) {
    const fixedInput = concat(
      new Uint8Array([0, 0, 0, 1]),
      encoder.encode(LABEL),
      new Uint8Array([0]),
      encoder.encode(accessKeyId),
      new Uint8Array([counter]),
      new Uint8Array([0, 0, 1, 0]),
    )
    const candidate = BigInt(`0x${toHex(await hmacSha256(inputKey, fixedInput))}`)
    if (candidate > P256_ORDER - 2n) continue
    const privateKey = fromHex((candidate + 1n).toString(16).padStart(64, '0'))!
    const publicKey = p256.getPublicKey(privateKey, false)
    return { privateKey, publicKey, x: toHex(publicKey.slice(1, 33)), y: toHex(publicKey.slice(33, 65)) }
  }
  // Unreachable in practice: each candidate fails with probability about 2^-32.
  throw new Error('SigV4A key derivation did not converge')
}

/**
 * Verifies a SigV4A signature (hex DER ECDSA, as sent in `Signature=`) over SHA-256 of the string to sign.
 * High-S signatures are accepted, as OpenSSL-based AWS verifiers accept them.
 */
export function verifySigV4aSignature(
  publicKey: Uint8Array,
  stringToSignHash: Uint8Array,
  signatureHex: string,
): boolean {
  const signature = fromHex(signatureHex)
  if (!signature) return false
  try {
    return p256.verify(signature, stringToSignHash, publicKey, { prehash: false, lowS: false, format: 'der' })
  } catch {
    return false
  }
}
