import { BodyTooLargeError, UnsignableBodyError } from '../errors'

/** Options of {@link readBody}. */
export interface ReadBodyOptions {
  /** Largest body, in bytes, that may be buffered to hash it. */
  maxBodyBytes: number
  /** Method of the request the body belongs to, for error messages. */
  method?: string
  /** URL of the request the body belongs to, for error messages. */
  url?: string
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

const TEXT_CONTENT_TYPE = 'text/plain;charset=UTF-8'
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

  if (typeof body === 'string') {
    checkSize(utf8Length(body), options)
    return { body, contentType: TEXT_CONTENT_TYPE }
  }
  if (isTagged(body, 'URLSearchParams')) {
    const text = (body as URLSearchParams).toString()
    checkSize(utf8Length(text), options)
    return { body: text, contentType: FORM_URLENCODED_CONTENT_TYPE }
  }
  if (isTagged(body, 'ArrayBuffer') || isTagged(body, 'SharedArrayBuffer')) {
    const buffer = body as ArrayBuffer
    checkSize(buffer.byteLength, options)
    return { body: new Uint8Array(buffer.slice(0)) }
  }
  if (ArrayBuffer.isView(body)) {
    checkSize(body.byteLength, options)
    // A view may start inside a larger buffer (a subarray, a DataView with an offset): copy only its window.
    return { body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength).slice() }
  }
  if (isBlob(body)) {
    checkSize(body.size, options)
    const bytes = new Uint8Array(await body.arrayBuffer())
    return body.type === '' ? { body: bytes } : { body: bytes, contentType: body.type }
  }
  if (isTagged(body, 'FormData')) {
    // Serializing through a Response picks the boundary once; the caller must send these bytes with this
    // Content-Type, never the FormData again (a second serialization would choose a new boundary).
    const response = new Response(body as FormData)
    const contentType = response.headers.get('content-type') ?? undefined
    const bytes = await readStream(response.body, options)
    return contentType === undefined ? { body: bytes } : { body: bytes, contentType }
  }
  if (isReadableStream(body)) {
    return { body: await readStream(body, options) }
  }
  throw new UnsignableBodyError(
    `Cannot sign a request body of type ${describe(body)}: use a string, URLSearchParams, FormData, Blob, ArrayBuffer, a typed array or a ReadableStream of bytes.`,
    errorContext(options),
  )
}

async function readStream(
  stream: ReadableStream<Uint8Array> | null,
  options: ReadBodyOptions,
): Promise<Uint8Array> {
  if (stream === null) return new Uint8Array(0)
  if (stream.locked) {
    throw new UnsignableBodyError(
      'Cannot sign a request body whose ReadableStream is locked or already read.',
      errorContext(options),
    )
  }
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      const chunk = toBytes(value as unknown)
      if (chunk === undefined) {
        throw new UnsignableBodyError(
          `A request body stream produced a chunk of type ${describe(value)}; only bytes (Uint8Array) can be sent.`,
          errorContext(options),
        )
      }
      total += chunk.byteLength
      checkSize(total, options)
      chunks.push(chunk)
    }
  } catch (error) {
    // Stop the producer: nothing of this body will be sent.
    reader.cancel(error).catch(() => undefined)
    throw error
  } finally {
    reader.releaseLock()
  }
  if (chunks.length === 1) return (chunks[0] as Uint8Array).slice()
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

function toBytes(value: unknown): Uint8Array | undefined {
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
  if (isTagged(value, 'ArrayBuffer')) return new Uint8Array(value as ArrayBuffer)
  return undefined
}

function checkSize(size: number, options: ReadBodyOptions): void {
  if (size > options.maxBodyBytes) {
    throw new BodyTooLargeError(
      `The request body is larger than maxBodyBytes (${options.maxBodyBytes} bytes), so it was not buffered to be signed. Raise maxBodyBytes, or use UNSIGNED-PAYLOAD (S3 rules with unsignedPayload: true) to stream it.`,
      options.maxBodyBytes,
      errorContext(options),
    )
  }
}

function errorContext(options: ReadBodyOptions): { method?: string; url?: string } {
  const context: { method?: string; url?: string } = {}
  if (options.method !== undefined) context.method = options.method
  if (options.url !== undefined) context.url = options.url
  return context
}

function utf8Length(text: string): number {
  // Exact UTF-8 length without allocating: lone surrogates become U+FFFD (3 bytes), as TextEncoder does.
  let length = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) length += 1
    else if (code < 0x800) length += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        length += 4
        i++
      } else length += 3
    } else length += 3
  }
  return length
}

// Tag checks instead of `instanceof` so bodies from another realm (an iframe, a test environment) work.
function isTagged(value: unknown, tag: string): boolean {
  return Object.prototype.toString.call(value) === `[object ${tag}]`
}

function isBlob(value: unknown): value is Blob {
  return (
    (typeof Blob !== 'undefined' && value instanceof Blob) ||
    ((isTagged(value, 'Blob') || isTagged(value, 'File')) &&
      typeof (value as Blob).arrayBuffer === 'function')
  )
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ReadableStream).getReader === 'function' &&
    typeof (value as ReadableStream).tee === 'function'
  )
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value !== 'object') return typeof value
  const tag = Object.prototype.toString.call(value).slice(8, -1)
  return tag === 'Object' ? (value.constructor?.name ?? 'Object') : tag
}
