// Web APIs only (no Buffer): btoa over the UTF-8 bytes.
function base64OfUtf8(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** Standard base64 with padding (AppSync's `header=` query parameter). */
export function base64(text: string): string {
  return base64OfUtf8(text)
}

/**
 * base64url without padding: a subprotocol is an HTTP token, where `+`, `/` and `=` are not allowed
 * (AppSync's `header-<…>` subprotocol).
 */
export function base64Url(text: string): string {
  return base64OfUtf8(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
