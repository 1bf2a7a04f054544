/** How much of an error answer is read, and for how long, before giving up on it. */
export interface ReadCloneOptions {
  /** The most bytes to read. */
  maxBytes: number
  /** Past `maxBytes`: `'truncate'` keeps what was read, `'give-up'` returns undefined. */
  overflow: 'truncate' | 'give-up'
  /** How long the body may take to arrive (undefined: no limit). */
  windowMs?: number
  /** Stops reading (undefined is returned) as soon as it aborts. */
  signal?: AbortSignal | null
}

/**
 * The body of a clone of `response`, so the caller's response stays unread: at most `maxBytes`, within
 * `windowMs` or until `signal` aborts. Undefined when the body cannot be read, fails, or arrives too late (and,
 * under `'give-up'`, when it is larger). The one reader of error answers, for the request loop and `diagnose`.
 */
export async function readClone(
  response: Response,
  options: ReadCloneOptions,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  let reader: ReadableStreamDefaultReader<Uint8Array>
  try {
    const body = response.bodyUsed ? null : response.clone().body
    if (body === null) return undefined
    reader = body.getReader()
  } catch {
    return undefined
  }
  const { signal, windowMs } = options
  let timer: ReturnType<typeof setTimeout> | undefined
  let stop: () => void = () => {}
  const deadline = new Promise<'late'>((resolve) => {
    stop = () => resolve('late')
    if (windowMs !== undefined) timer = setTimeout(stop, windowMs)
    signal?.addEventListener('abort', stop, { once: true })
    if (signal?.aborted) stop()
  })
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline])
      if (next === 'late') return undefined
      if (next.done) break
      if (total + next.value.byteLength > options.maxBytes) {
        if (options.overflow === 'give-up') return undefined
        chunks.push(next.value.subarray(0, options.maxBytes - total))
        total = options.maxBytes
        break
      }
      total += next.value.byteLength
      chunks.push(next.value)
    }
  } catch {
    // A body that fails mid-stream (an aborted request) is not one to learn from; the caller's copy is untouched.
    return undefined
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', stop)
    // Not awaited: cancelling one branch of a tee settles only once the caller's branch is read or cancelled.
    reader.cancel().catch(() => undefined)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}
