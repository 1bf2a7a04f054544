import { type AwsSigErrorOptions, BodyTooLargeError } from '../errors'

/**
 * Throws `BodyTooLargeError` when a body is over `maxBodyBytes`. `size` is a byte count, or a string measured
 * in UTF-8 bytes (lone surrogates count as U+FFFD, as `TextEncoder` sends them) only when its length leaves
 * any doubt: a UTF-16 unit is 1 to 3 UTF-8 bytes. Shared by `readBody` and the signer's own body check.
 */
export function checkBodySize(
  size: number | string,
  maxBodyBytes: number,
  context: AwsSigErrorOptions,
): void {
  if (typeof size === 'string') {
    if (size.length * 3 <= maxBodyBytes) return
    size = size.length > maxBodyBytes ? size.length : new TextEncoder().encode(size).byteLength
  }
  if (size > maxBodyBytes) {
    throw new BodyTooLargeError(
      __DEV__
        ? `The request body is larger than maxBodyBytes (${maxBodyBytes} bytes), so it was not buffered to be signed. Raise maxBodyBytes, or use UNSIGNED-PAYLOAD (S3 rules with unsignedPayload: true) to stream it.`
        : `body over maxBodyBytes (${maxBodyBytes} bytes)`,
      maxBodyBytes,
      context,
    )
  }
}

/** The built-in type of a value (`ArrayBuffer`, `FormData`, `Object`), read from its tag so other realms work. */
export function typeTagOf(value: unknown): string {
  return Object.prototype.toString.call(value).slice(8, -1)
}

/** A body's type for messages: the primitive type, the tag, or a plain object's constructor name. */
export function describeBodyType(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value !== 'object') return typeof value
  const tag = typeTagOf(value)
  return tag === 'Object' ? (value.constructor?.name ?? 'Object') : tag
}
