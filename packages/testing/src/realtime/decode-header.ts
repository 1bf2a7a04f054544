/** Decodes base64 or base64url (padding optional) to UTF-8 text; undefined when it is not valid. */
export function decodeBase64Text(encoded: string): string | undefined {
  const standard = encoded.replace(/-/g, '+').replace(/_/g, '/')
  const padded = standard + '='.repeat((4 - (standard.length % 4)) % 4)
  try {
    const binary = atob(padded)
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))
  } catch {
    return undefined
  }
}

/** A JSON object of string values (an AppSync authorization), or undefined. */
export function parseAuthorizationObject(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
    const entries = Object.entries(value as Record<string, unknown>)
    if (!entries.every(([, v]) => typeof v === 'string')) return undefined
    return Object.fromEntries(entries) as Record<string, string>
  } catch {
    return undefined
  }
}

/**
 * AppSync rebuilds the signed body of a message from the parsed JSON, with HTML-safe escaping (`<` and `>`
 * as `\u003c` / `\u003e`): raw angle brackets in a signed payload then fail (aws-appsync-community#400).
 */
export function appSyncJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e')
}
