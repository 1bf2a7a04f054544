const encoder = new TextEncoder()

/** RFC 3986 unreserved characters, the only ones SigV4 leaves unencoded. */
function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || // -
    byte === 0x2e || // .
    byte === 0x5f || // _
    byte === 0x7e // ~
  )
}

/** Percent-encodes every byte that is not RFC 3986 unreserved, with uppercase hex (the SigV4 `UriEncode`). */
export function uriEncodeBytes(bytes: Uint8Array): string {
  let out = ''
  for (const byte of bytes) {
    out += isUnreserved(byte)
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return out
}

/** `UriEncode` of a string's UTF-8 bytes. `%` itself is encoded, so an already-encoded text gets encoded again. */
export function uriEncode(text: string): string {
  return uriEncodeBytes(encoder.encode(text))
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30
  if (code >= 0x41 && code <= 0x46) return code - 0x37
  if (code >= 0x61 && code <= 0x66) return code - 0x57
  return -1
}

/**
 * Decodes `%XX` escapes into bytes, the way a server reads a query component. A `%` that does not start a
 * valid escape stays literal (services are lenient here), and with `plusAsSpace` a `+` is a space, as in
 * `application/x-www-form-urlencoded`.
 */
export function percentDecodeBytes(text: string, plusAsSpace: boolean): Uint8Array {
  const raw = encoder.encode(text)
  const out = new Uint8Array(raw.length)
  let length = 0
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i]!
    if (byte === 0x25 && i + 2 < raw.length) {
      const high = hexValue(raw[i + 1]!)
      const low = hexValue(raw[i + 2]!)
      if (high >= 0 && low >= 0) {
        out[length++] = high * 16 + low
        i += 2
        continue
      }
    }
    out[length++] = plusAsSpace && byte === 0x2b ? 0x20 : byte
  }
  return out.slice(0, length)
}
