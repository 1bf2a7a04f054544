import { typeTagOf } from './body-size'

/**
 * A copy of a byte body (an `ArrayBuffer` or a view), any other body as it is. Signing hashes a body at the
 * call, so a caller changing its buffer afterwards never gets a signature over bytes it did not pass; a call
 * that must first wait (for AWS host inference to load) copies the bytes to keep that promise.
 */
export function copyOfBytes<T>(body: T): T {
  if (ArrayBuffer.isView(body)) {
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength).slice() as T
  }
  // The tag also admits ArrayBuffers of another realm (an iframe, a test environment).
  if (typeTagOf(body) === 'ArrayBuffer') return (body as ArrayBuffer).slice(0) as T
  return body
}
