// Loaded with import() by read-body.ts on the first stream or FormData body. It imports nothing at run time:
// a module shared with the up-front code would be split by bundlers into a chunk that loads up front anyway.

/** What reading a stream needs from read-body.ts, handed in rather than imported. */
export interface StreamReadHelpers {
  /** Throws `BodyTooLargeError` once `total` bytes exceed `maxBodyBytes`. */
  checkSize(total: number): void
  /** An `UnsignableBodyError` carrying the request's method and URL. */
  unsignable(message: string): Error
  describeBodyType(value: unknown): string
  typeTagOf(value: unknown): string
}

/**
 * The bytes of `stream`, read to the end and joined (a single chunk is copied: the caller's buffer may be
 * reused). A null stream (an empty FormData serialization) gives no bytes.
 */
export async function readStreamBytes(
  stream: ReadableStream<Uint8Array> | null,
  helpers: StreamReadHelpers,
): Promise<Uint8Array> {
  if (stream === null) return new Uint8Array(0)
  if (stream.locked) {
    throw helpers.unsignable('Cannot sign a request body whose ReadableStream is locked or already read.')
  }
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
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
    reader.releaseLock()
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
