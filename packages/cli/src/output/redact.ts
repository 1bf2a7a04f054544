const redacted = '<redacted>'

/**
 * Removes the signature and the session token from an `Authorization` value, a header line, a query
 * string or a canonical request, so `-v` output can be pasted into an issue. The access key id stays:
 * AWS prints it in its own error messages and it identifies which key was used.
 */
export function redactSecrets(text: string): string {
  return (
    text
      .replace(/(Signature=)[0-9a-fA-F]+/g, `$1${redacted}`)
      // A query string starts with `?` in a URL, but the canonical request's query line starts at the line's
      // start (`X-Amz-Security-Token=…` alone when it is the only parameter).
      .replace(/((?:^|[?&])X-Amz-Signature=)[^&\s]+/gim, `$1${redacted}`)
      .replace(/((?:^|[?&])X-Amz-Security-Token=)[^&\s]+/gim, `$1${redacted}`)
      .replace(/^(x-amz-security-token:\s*).+$/gim, `$1${redacted}`)
  )
}

/** Redacts one header value by name. */
export function redactHeader(name: string, value: string): string {
  const lower = name.toLowerCase()
  if (lower === 'x-amz-security-token') return redacted
  if (lower === 'authorization') return redactSecrets(value)
  return value
}
