import type { Sha256Primitives } from './sha256-primitives'

const LABEL = 'AWS4-ECDSA-P256-SHA256'
/** n − 2 for the P-256 group order n: a KDF output above it is rejected (so output + 1 is a valid scalar). */
const N_MINUS_2 = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc63254fn

/**
 * The SigV4A private scalar (32 bytes, big-endian), as AWS specifies it: NIST SP 800-108 counter-mode KDF
 * with HMAC-SHA256 keyed by `"AWS4A" + secret`, fixed input `0x00000001 ‖ "AWS4-ECDSA-P256-SHA256" ‖ 0x00 ‖
 * accessKeyId ‖ counter ‖ 0x00000100` (L = 256 bits); the first output c ≤ n − 2 (counter 1, 2, …) gives
 * the key c + 1.
 */
export async function deriveSigV4aPrivateKey(
  accessKeyId: string,
  secretAccessKey: string,
  hmac: Sha256Primitives['hmac'],
): Promise<Uint8Array> {
  const encoder = new TextEncoder()
  const label = encoder.encode(LABEL)
  const id = encoder.encode(accessKeyId)
  const input = new Uint8Array(4 + label.length + 1 + id.length + 1 + 4)
  input.set([0, 0, 0, 1])
  input.set(label, 4)
  input.set(id, 5 + label.length)
  input.set([0, 0, 1, 0], input.length - 4)
  const key = `AWS4A${secretAccessKey}`
  for (let counter = 1; counter <= 254; counter++) {
    input[input.length - 5] = counter
    const candidate = await hmac(key, input)
    let c = 0n
    for (const byte of candidate) c = (c << 8n) | BigInt(byte)
    if (c > N_MINUS_2) continue
    let d = c + 1n
    const scalar = new Uint8Array(32)
    for (let i = 31; i >= 0; i--) {
      scalar[i] = Number(d & 0xffn)
      d >>= 8n
    }
    candidate.fill(0)
    return scalar
  }
  // Each candidate is rejected with probability about 2^-32, so this is unreachable in practice.
  throw new Error('SigV4A key derivation found no valid key')
}
