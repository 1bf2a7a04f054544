const encoder = new TextEncoder()
/** Byte → its canonical form: unreserved ASCII as is, every other byte `%XX` (upper-case hex). */
const ENCODED_BYTE = Array.from({ length: 256 }, (_, byte) => {
  const char = String.fromCharCode(byte)
  return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
})
/** Text that is already canonical as written (the common case: plain names, values and path segments). */
const ALREADY_CANONICAL = /^[A-Za-z0-9\-._~]*$/

/** RFC 3986 encoding as SigV4 requires: everything but `A-Z a-z 0-9 - _ . ~` is percent-encoded. */
export function uriEscape(value: string): string {
  return ALREADY_CANONICAL.test(value) ? value : encodeBytes(encoder.encode(value))
}

/** Percent-encodes bytes: unreserved ASCII as is, every other byte as `%XX` (upper-case hex). */
export function encodeBytes(bytes: Uint8Array): string {
  let out = ''
  for (const byte of bytes) out += ENCODED_BYTE[byte]
  return out
}

/** 0–15 for a hex digit's char code, -1 otherwise (also for NaN, past the end of the string). */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48
  const lower = code | 0x20
  return lower >= 97 && lower <= 102 ? lower - 87 : -1
}

/**
 * The bytes a server reads from a raw URL component: `%XX` escapes become their byte (even when the bytes are
 * not valid UTF-8), other characters their UTF-8 bytes, and with `plusIsSpace` (query strings) `+` a space.
 */
export function percentDecodeBytes(raw: string, plusIsSpace: boolean): Uint8Array {
  const bytes: number[] = []
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i)
    if (code === 37 /* % */) {
      const high = hexValue(raw.charCodeAt(i + 1))
      const low = hexValue(raw.charCodeAt(i + 2))
      if (high >= 0 && low >= 0) {
        bytes.push(high * 16 + low)
        i += 2
        continue
      }
    }
    if (code === 43 /* + */ && plusIsSpace) bytes.push(0x20)
    else if (code < 0x80) bytes.push(code)
    else {
      const point = raw.codePointAt(i)!
      if (point > 0xffff) i++
      for (const byte of encoder.encode(String.fromCodePoint(point))) bytes.push(byte)
    }
  }
  return Uint8Array.from(bytes)
}

/** A raw path segment or query component re-encoded canonically (decode to bytes, then RFC 3986-encode). */
export function canonicalComponent(raw: string, plusIsSpace: boolean): string {
  return ALREADY_CANONICAL.test(raw) ? raw : encodeBytes(percentDecodeBytes(raw, plusIsSpace))
}

/**
 * `decodeURIComponent`, or the text as it is when its escapes are not valid UTF-8: for recognising parameter
 * names (`X%2DAmz-Signature`), never for what is signed.
 */
export function decodeComponentOrKeep(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
