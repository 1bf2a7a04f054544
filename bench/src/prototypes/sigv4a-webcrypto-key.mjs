// SigV4A key handling on Web APIs only: the AWS key derivation, a bounded per-credentials key cache, and
// the DER re-encoding of Web Crypto's raw ECDSA signatures. Shared by the bench's SigV4A prototypes.
export const ALGORITHM = 'AWS4-ECDSA-P256-SHA256'
const encoder = new TextEncoder()
// n - 2 of P-256, big-endian: the KDF retries while its output is larger (so output + 1 is a valid key).
const N_MINUS_2 = hexBytes('ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc63254f')
// PKCS#8 wrapper for a bare P-256 private scalar (ECPrivateKey without the optional public key).
const PKCS8_PREFIX = hexBytes('304102010030130607' + '2a8648ce3d020106082a8648ce3d030107042730250201010420')

/**
 * The SigV4A signing key as a non-extractable Web Crypto ECDSA key. NIST SP 800-108 counter-mode KDF with
 * HMAC-SHA256: key "AWS4A" + secret, input 0x00000001 ‖ label ‖ 0x00 ‖ access key id ‖ counter ‖ 0x00000100.
 */
export async function deriveSigV4aCryptoKey(accessKeyId, secretAccessKey) {
  const hmacKey = await crypto.subtle.importKey(
    'raw',
    encoder.encode(`AWS4A${secretAccessKey}`),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const id = encoder.encode(accessKeyId)
  for (let counter = 1; counter < 255; counter++) {
    const input = concat([[0, 0, 0, 1], encoder.encode(ALGORITHM), [0], id, [counter], [0, 0, 1, 0]])
    const candidate = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, input))
    if (compare(candidate, N_MINUS_2) > 0) continue
    const d = addOne(candidate)
    return crypto.subtle.importKey(
      'pkcs8',
      concat([PKCS8_PREFIX, d]),
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['sign'],
    )
  }
  throw new Error('SigV4A key derivation exhausted its counter')
}

/**
 * Bounded cache of derived keys per access key id. The entry remembers which secret it was derived from and
 * is replaced when that changes (rotated credentials); the secret is only compared, never logged or hashed
 * per call (a Web Crypto digest per sign would cost as much as the ECDSA itself).
 */
export class SigV4aKeyCache {
  #keys = new Map()
  #max
  constructor(max = 32) {
    this.#max = max
  }
  get(credentials) {
    const entry = this.#keys.get(credentials.accessKeyId)
    if (entry && entry.secret === credentials.secretAccessKey) return entry.key
    const key = deriveSigV4aCryptoKey(credentials.accessKeyId, credentials.secretAccessKey)
    this.#keys.delete(credentials.accessKeyId)
    if (this.#keys.size >= this.#max) this.#keys.delete(this.#keys.keys().next().value)
    this.#keys.set(credentials.accessKeyId, { secret: credentials.secretAccessKey, key })
    key.catch(() => this.#keys.delete(credentials.accessKeyId))
    return key
  }
}

/** Web Crypto returns r ‖ s (32 + 32 bytes); AWS wants an ASN.1 DER SEQUENCE of two INTEGERs. */
export function rawToDer(raw) {
  const integer = (bytes) => {
    let start = 0
    while (start < bytes.length - 1 && bytes[start] === 0) start++
    const body = bytes.subarray(start)
    // A set top bit would read as negative: DER prefixes a zero byte.
    return body[0] & 0x80 ? concat([[0x02, body.length + 1, 0], body]) : concat([[0x02, body.length], body])
  }
  const r = integer(raw.subarray(0, 32))
  const s = integer(raw.subarray(32, 64))
  return concat([[0x30, r.length + s.length], r, s])
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

function compare(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i]
  return 0
}

function addOne(bytes) {
  const out = new Uint8Array(bytes)
  for (let i = out.length - 1; i >= 0; i--) {
    out[i] = (out[i] + 1) & 0xff
    if (out[i] !== 0) break
  }
  return out
}

function hexBytes(hex) {
  return Uint8Array.from(hex.match(/../g), (h) => Number.parseInt(h, 16))
}

export function toHex(bytes) {
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}
