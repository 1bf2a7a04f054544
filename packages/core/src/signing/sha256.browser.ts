import type { CryptoUnavailable } from './crypto-unavailable'
import type { HashInput, HmacKey, Sha256Primitives } from './sha256-primitives'

// Selected by the `default` condition of `#sha256`: Web Crypto only, so browser bundles carry no JS SHA-256.
// Web Crypto exists only in secure contexts (https, localhost); elsewhere signing fails with a clear message.

const encoder = new TextEncoder()
const HMAC = { name: 'HMAC', hash: 'SHA-256' } as const

function subtle(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle
  if (!subtle) {
    // The signer rethrows it as a typed awssig error (this file stays free of run-time imports).
    const error: CryptoUnavailable = Object.assign(
      new Error(
        'Web Crypto (crypto.subtle) is not available: AWS signing needs a secure context (https or localhost).',
      ),
      { cryptoUnavailable: true as const },
    )
    throw error
  }
  return subtle
}

function bytes(data: HashInput): Uint8Array<ArrayBuffer> {
  if (typeof data === 'string') return encoder.encode(data)
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength) as never
  return new Uint8Array(data as ArrayBuffer)
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

function hex(buffer: ArrayBuffer): string {
  let out = ''
  for (const byte of new Uint8Array(buffer)) out += HEX[byte]
  return out
}

async function importKey(key: Uint8Array | string): Promise<CryptoKey> {
  return subtle().importKey('raw', bytes(key), HMAC, false, ['sign'])
}

/** Web Crypto SHA-256 and HMAC-SHA256. */
export const sha256Primitives: Sha256Primitives = {
  runtime: 'web',
  sha256Hex: async (data) => hex(await subtle().digest('SHA-256', bytes(data))),
  hmac: async (key, data) => new Uint8Array(await subtle().sign('HMAC', await importKey(key), bytes(data))),
  importHmacKey: async (key) => (await importKey(key)) as unknown as HmacKey,
  hmacHex: async (key, data) =>
    hex(await subtle().sign('HMAC', key as unknown as CryptoKey, encoder.encode(data))),
}
