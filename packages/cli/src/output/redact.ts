const redacted = '<redacted>'

/**
 * Removes the signature and the session token from an `Authorization` value, a header line, a query
 * string or a canonical request, so `-v` output can be pasted into an issue. The access key id stays:
 * AWS prints it in its own error messages and it identifies which key was used.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/(Signature=)[0-9a-fA-F]+/g, `$1${redacted}`)
    .replace(/([?&]X-Amz-Signature=)[^&\s]+/gi, `$1${redacted}`)
    .replace(/([?&]X-Amz-Security-Token=)[^&\s]+/gi, `$1${redacted}`)
    .replace(/^(x-amz-security-token:\s*).+$/gim, `$1${redacted}`)
}

/** Redacts one header value by name. */
export function redactHeader(name: string, value: string): string {
  const lower = name.toLowerCase()
  if (lower === 'x-amz-security-token') return redacted
  if (lower === 'authorization') return redactSecrets(value)
  return value
}
