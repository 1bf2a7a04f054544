const UNRESERVED = /[A-Za-z0-9\-._~]/
const HEX = '0123456789ABCDEF'
const encoder = new TextEncoder()

/** RFC 3986 encoding as SigV4 requires: everything but `A-Z a-z 0-9 - _ . ~` is percent-encoded. */
export function uriEscape(value: string): string {
  return encodeBytes(encoder.encode(value))
}

/** Percent-encodes bytes: unreserved ASCII as is, every other byte as `%XX` (upper-case hex). */
export function encodeBytes(bytes: Uint8Array): string {
  let out = ''
  for (const byte of bytes) {
    const char = String.fromCharCode(byte)
    out += byte < 0x80 && UNRESERVED.test(char) ? char : `%${HEX[byte >> 4]}${HEX[byte & 15]}`
  }
  return out
}

/**
 * The bytes a server reads from a raw URL component: `%XX` escapes become their byte (even when the bytes are
 * not valid UTF-8), other characters their UTF-8 bytes, and with `plusIsSpace` (query strings) `+` a space.
 */
export function percentDecodeBytes(raw: string, plusIsSpace: boolean): Uint8Array {
  const bytes: number[] = []
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i]!
    if (char === '%' && /^[0-9A-Fa-f]{2}$/.test(raw.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(raw.slice(i + 1, i + 3), 16))
      i += 2
    } else if (char === '+' && plusIsSpace) {
      bytes.push(0x20)
    } else {
      const code = raw.codePointAt(i)!
      if (code > 0xffff) i++
      for (const byte of encoder.encode(String.fromCodePoint(code))) bytes.push(byte)
    }
  }
  return Uint8Array.from(bytes)
}

/** A raw path segment or query component re-encoded canonically (decode to bytes, then RFC 3986-encode). */
export function canonicalComponent(raw: string, plusIsSpace: boolean): string {
  return encodeBytes(percentDecodeBytes(raw, plusIsSpace))
}
