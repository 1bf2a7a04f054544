// Loaded with import() after a non-2xx answer to a signed request: success paths never carry it.

/** AWS error bodies are a few hundred bytes: more is not an AWS authentication error. */
const MAX_ERROR_BODY_BYTES = 64 * 1024
/** How long an error body may take to arrive before the answer goes to the caller unread. */
const READ_WINDOW_MS = 2_000

/**
 * A fully buffered copy of an error answer, for the signer to learn from, read from a clone so the caller's
 * response stays unread. Only XML, JSON or plain-text bodies are read, at most 64 KiB, within two seconds or
 * until `signal` aborts; otherwise undefined, and the caller gets its response as it arrives — a trickling
 * body must not hold the signed call hostage when plain fetch would have resolved at the headers.
 */
export async function readErrorAnswer(
  response: Response,
  signal: AbortSignal | null | undefined,
): Promise<Response | undefined> {
  if (response.body === null || response.bodyUsed) return response
  const type = response.headers.get('content-type')
  const init = { status: response.status, statusText: response.statusText, headers: response.headers }
  // Not an AWS error format: the headers (`Date`, `x-amz-bucket-region`, `x-amzn-ErrorType`) still teach.
  if (type !== null && !/xml|json|text\/plain/i.test(type)) return new Response(null, init)
  let reader: ReadableStreamDefaultReader<Uint8Array>
  try {
    reader = (response.clone().body as ReadableStream<Uint8Array>).getReader()
  } catch {
    return undefined
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const onAbort = () => stop()
  let stop: () => void = () => {}
  const deadline = new Promise<'late'>((resolve) => {
    stop = () => resolve('late')
    timer = setTimeout(stop, READ_WINDOW_MS)
    signal?.addEventListener('abort', onAbort, { once: true })
    if (signal?.aborted) stop()
  })
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline])
      if (next === 'late') return undefined
      if (next.done) break
      total += next.value.byteLength
      if (total > MAX_ERROR_BODY_BYTES) return undefined
      chunks.push(next.value)
    }
  } catch {
    return undefined
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
    // Not awaited: cancelling one branch of a tee settles only once the caller's branch is read or cancelled.
    reader.cancel().catch(() => undefined)
  }
  return new Response(join(chunks, total), init)
}

function join(chunks: Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}
