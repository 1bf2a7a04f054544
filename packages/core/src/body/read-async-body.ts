// Loaded with import() by read-body.ts on the first body that must be read asynchronously (Blob, File,
// FormData, ReadableStream) or cannot be sent at all: apps that send strings, JSON and bytes never download it.
// It imports nothing at run time: a module shared with the up-front code would be split by bundlers into a
// chunk that loads up front anyway.

import type { ReadBodyResult } from './read-body'

/** What reading a body needs from read-body.ts, handed in rather than imported. */
export interface AsyncBodyHelpers {
  /** Throws `BodyTooLargeError` once `total` bytes exceed `maxBodyBytes`. */
  checkSize(total: number): void
  /** An `UnsignableBodyError` carrying the request's method and URL. */
  unsignable(message: string): Error
  describeBodyType(value: unknown): string
  /** The value's built-in type tag; read instead of `instanceof` so bodies from another realm work. */
  tag: string
  typeTagOf(value: unknown): string
  /** Reading stops, and rejects with its reason, when this aborts. */
  signal?: AbortSignal | null | undefined
}

/**
 * The bytes of a Blob/File (with its type as `contentType`), a FormData (serialized once, with the boundary
 * it was serialized with) or a ReadableStream; anything else is an `UnsignableBodyError`.
 */
export async function readAsyncBody(body: unknown, helpers: AsyncBodyHelpers): Promise<ReadBodyResult> {
  const { tag } = helpers
  if (
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    ((tag === 'Blob' || tag === 'File') && typeof (body as Blob).arrayBuffer === 'function')
  ) {
    const blob = body as Blob
    helpers.checkSize(blob.size)
    const bytes = new Uint8Array(await blob.arrayBuffer())
    return blob.type === '' ? { body: bytes } : { body: bytes, contentType: blob.type }
  }
  if (tag === 'FormData') {
    // Serializing through a Response picks the boundary once; the caller must send these bytes with this
    // Content-Type, never the FormData again (a second serialization would choose a new boundary).
    const response = new Response(body as FormData)
    const contentType = response.headers.get('content-type') ?? undefined
    const bytes = await readStreamBytes(response.body, helpers)
    return contentType === undefined ? { body: bytes } : { body: bytes, contentType }
  }
  if (
    typeof (body as ReadableStream).getReader === 'function' &&
    typeof (body as ReadableStream).tee === 'function'
  ) {
    return { body: await readStreamBytes(body as ReadableStream<Uint8Array>, helpers) }
  }
  throw helpers.unsignable(
    `Cannot sign a request body of type ${helpers.describeBodyType(body)}: use a string, URLSearchParams, FormData, Blob, ArrayBuffer, a typed array or a ReadableStream of bytes.`,
  )
}

/**
 * The bytes of `stream`, read to the end and joined (a single chunk is copied: the caller's buffer may be
 * reused). A null stream (an empty FormData serialization) gives no bytes.
 */
async function readStreamBytes(
  stream: ReadableStream<Uint8Array> | null,
  helpers: AsyncBodyHelpers,
): Promise<Uint8Array> {
  if (stream === null) return new Uint8Array(0)
  if (stream.locked) {
    throw helpers.unsignable('Cannot sign a request body whose ReadableStream is locked or already read.')
  }
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  const { signal } = helpers
  // A stream that never ends must not outlive the caller's signal: a pending read is abandoned at the abort,
  // and the catch below cancels the producer.
  let aborted: Promise<never> | undefined
  let stopListening = () => {}
  if (signal) {
    aborted = new Promise<never>((_, reject) => {
      const onAbort = () => reject(signal.reason)
      if (signal.aborted) onAbort()
      signal.addEventListener('abort', onAbort, { once: true })
      stopListening = () => signal.removeEventListener('abort', onAbort)
    })
    aborted.catch(() => undefined)
  }
  try {
    for (;;) {
      const { done, value } = await (aborted ? Promise.race([reader.read(), aborted]) : reader.read())
      if (done) break
      const chunk = ArrayBuffer.isView(value)
        ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
        : helpers.typeTagOf(value) === 'ArrayBuffer'
          ? new Uint8Array(value as unknown as ArrayBuffer)
          : undefined
      if (chunk === undefined) {
        throw helpers.unsignable(
          `A request body stream produced a chunk of type ${helpers.describeBodyType(value)}; only bytes (Uint8Array) can be sent.`,
        )
      }
      total += chunk.byteLength
      helpers.checkSize(total)
      chunks.push(chunk)
    }
  } catch (error) {
    // Stop the producer: nothing of this body will be sent.
    reader.cancel(error).catch(() => undefined)
    throw error
  } finally {
    stopListening()
    try {
      reader.releaseLock()
    } catch {
      // Older stream implementations refuse while the abandoned read is pending; the cancel above ends it.
    }
  }
  // The constructor copy skips the zero-fill that `slice()` does before copying.
  if (chunks.length === 1) return new Uint8Array(chunks[0] as Uint8Array)
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}
