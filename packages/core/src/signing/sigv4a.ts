import type { CryptoUnavailable } from './crypto-unavailable'
import type { EcdsaKey, EcdsaPrimitives, Sha256Primitives } from './sha256-primitives'
import type { SigningInput } from './signing-input'
import type { SignatureAlgorithm } from './sigv4'
import { deriveSigV4aPrivateKey } from './sigv4a-key'

// Loaded with import() on first SigV4A use (see load-sigv4a.ts), so SigV4-only apps never load or bundle it.
// It imports nothing from the main bundle (not even #sha256: the caller passes the primitives in), so bundlers
// emit it as one self-contained lazy chunk and keep the hash primitives inside the main chunk.

const encoder = new TextEncoder()
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const
const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const
/**
 * PKCS#8 PrivateKeyInfo for id-ecPublicKey on prime256v1 around an ECPrivateKey { version 1, 32-byte
 * scalar } without the optional public key, which importers compute (OpenSSL in Node, BoringSSL in Chromium).
 */
const PKCS8_PREFIX = Uint8Array.from([
  0x30, 0x41, 0x02, 0x01, 0x00, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08,
  0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x04, 0x27, 0x30, 0x25, 0x02, 0x01, 0x01, 0x04, 0x20,
])

/** The runtime cannot do ECDSA P-256; the signer rethrows it as `SigV4aUnavailableError`. */
const ecdsaUnavailable = (message: string, cause?: unknown): CryptoUnavailable =>
  Object.assign(new Error(message, cause === undefined ? undefined : { cause }), {
    cryptoUnavailable: true as const,
  })

/** Web Crypto ECDSA (browsers, workers, Deno, Bun): r ‖ s converted to the DER that AWS expects. */
const webCryptoEcdsa: EcdsaPrimitives = {
  async importPrivateKey(pkcs8) {
    const subtle = globalThis.crypto?.subtle
    if (!subtle) {
      throw ecdsaUnavailable(
        'This request needs SigV4A, which signs with Web Crypto ECDSA P-256, but crypto.subtle is not available here (browsers expose it only in secure contexts: https or localhost).',
      )
    }
    try {
      return (await subtle.importKey('pkcs8', pkcs8 as Uint8Array<ArrayBuffer>, P256, false, [
        'sign',
      ])) as unknown as EcdsaKey
    } catch (error) {
      throw ecdsaUnavailable(
        "This request needs SigV4A, but this runtime's Web Crypto could not import an ECDSA P-256 key.",
        platformCause(error),
      )
    }
  },
  async signDer(key, data) {
    const raw = await globalThis.crypto.subtle.sign(
      ECDSA_SHA256,
      key as unknown as CryptoKey,
      encoder.encode(data),
    )
    return rawSignatureToDer(new Uint8Array(raw))
  },
}

interface KeyEntry {
  /** The secret the key was derived from: an identity mutated in place (rotated) gets a new key. */
  secret: string
  key: Promise<EcdsaKey>
}
// One key per credentials object (SigV4A keys depend on neither date, region nor service), released with it.
const keys = new WeakMap<object, KeyEntry>()

/** The SigV4A ECDSA key for these credentials, derived once and cached for the credentials' lifetime. */
function signingKey(
  credentials: SigningInput['credentials'],
  primitives: Sha256Primitives,
): Promise<EcdsaKey> {
  const entry = keys.get(credentials)
  if (entry && entry.secret === credentials.secretAccessKey) return entry.key
  const key = importKey(credentials.accessKeyId, credentials.secretAccessKey, primitives)
  const created = { secret: credentials.secretAccessKey, key }
  keys.set(credentials, created)
  key.catch(() => {
    if (keys.get(credentials) === created) keys.delete(credentials)
  })
  return key
}

async function importKey(
  accessKeyId: string,
  secretAccessKey: string,
  primitives: Sha256Primitives,
): Promise<EcdsaKey> {
  const scalar = await deriveSigV4aPrivateKey(accessKeyId, secretAccessKey, primitives.hmac)
  const pkcs8 = new Uint8Array(PKCS8_PREFIX.length + 32)
  pkcs8.set(PKCS8_PREFIX)
  pkcs8.set(scalar, PKCS8_PREFIX.length)
  try {
    return await ecdsaOf(primitives).importPrivateKey(pkcs8)
  } finally {
    scalar.fill(0)
    pkcs8.fill(0)
  }
}

/**
 * SigV4A: the SigV4 canonical request with a region-less scope and `X-Amz-Region-Set`, signed with ECDSA
 * P-256 over SHA-256 of the string to sign; the DER signature is sent in hex.
 */
export function sigV4aAlgorithm(signing: SigningInput, primitives: Sha256Primitives): SignatureAlgorithm {
  const { credentials, plan } = signing
  const service = plan.service
  return {
    id: 'AWS4-ECDSA-P256-SHA256',
    scope: (shortDate) => `${shortDate}/${service}/aws4_request`,
    // AWS takes the region set comma-joined, as sent in X-Amz-Region-Set.
    regionSet: (plan.regionSet ?? ['*']).join(','),
    sign: async (stringToSign) =>
      toHex(await ecdsaOf(primitives).signDer(await signingKey(credentials, primitives), stringToSign)),
  }
}

/** node:crypto's ECDSA where the runtime has it, else Web Crypto's. */
function ecdsaOf(primitives: Sha256Primitives): EcdsaPrimitives {
  return primitives.ecdsa ?? webCryptoEcdsa
}

/** r ‖ s (32 + 32 bytes, as Web Crypto returns them) → the ASN.1 DER `SEQUENCE { INTEGER r, INTEGER s }`. */
export function rawSignatureToDer(raw: Uint8Array): Uint8Array {
  const r = derInteger(raw.subarray(0, 32))
  const s = derInteger(raw.subarray(32, 64))
  const der = new Uint8Array(2 + r.length + s.length)
  der.set([0x30, r.length + s.length])
  der.set(r, 2)
  der.set(s, 2 + r.length)
  return der
}

function derInteger(bytes: Uint8Array): Uint8Array {
  let start = 0
  while (start < bytes.length - 1 && bytes[start] === 0) start++
  const value = bytes.subarray(start)
  // A leading byte with its top bit set would read as negative: DER prefixes a zero byte.
  const pad = (value[0] ?? 0) & 0x80 ? 1 : 0
  const out = new Uint8Array(2 + pad + value.length)
  out.set([0x02, pad + value.length])
  out.set(value, 2 + pad)
  return out
}

function toHex(bytes: Uint8Array): string {
  let out = ''
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0')
  return out
}

/**
 * The platform's error as a `cause`: its name, and its message with anything shaped like a key replaced
 * (`console.error(err)` and `util.inspect` print causes; a platform may quote what it was given).
 */
function platformCause(error: unknown): Error {
  const { name, message } = (typeof error === 'object' && error !== null ? error : {}) as Record<
    string,
    unknown
  >
  const text = typeof message === 'string' ? message : String(error)
  const stand = new Error(text.replace(/(?:[A-Za-z0-9+/=_-]|%[0-9A-Fa-f]{2}|\\\/){20,}/g, '[redacted]'))
  if (typeof name === 'string') stand.name = name
  stand.stack = `${stand.name}: ${stand.message}`
  return stand
}
