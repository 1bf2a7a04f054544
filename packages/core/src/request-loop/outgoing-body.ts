import { readBody, TEXT_CONTENT_TYPE } from '../body/read-body'
import type { SigningPlan } from '../types'

/** The body as it is hashed and sent: exact bytes or text, or a stream sent with `UNSIGNED-PAYLOAD`. */
export type WireBody = string | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | undefined

/** A body ready to sign and send, and the `Content-Type` fetch would have derived from it. */
export interface PreparedBody {
  body: WireBody
  contentType?: string
}

/**
 * Turns any body fetch accepts into what is signed and sent. Binary bodies are not copied and are returned
 * synchronously, so signing can hash them within the caller's call (fetch snapshots them when called); a
 * stream is kept as a stream only where the plan allows `UNSIGNED-PAYLOAD`; everything else is read once, up
 * to `maxBodyBytes`, and stops reading as soon as `signal` aborts.
 */
export function prepareBody(
  body: BodyInit | WireBody | null,
  plan: SigningPlan | null,
  options: { maxBodyBytes: number; method: string; url: string; signal?: AbortSignal | null },
): PreparedBody | Promise<PreparedBody> {
  if (body === null || body === undefined) return { body: undefined }
  if (isStream(body) && plan?.unsignedPayload) return { body }
  if (isBinary(body)) return { body }
  // The most common body (JSON text): no reading, no await. Its size is checked when it is signed.
  if (typeof body === 'string') return { body, contentType: TEXT_CONTENT_TYPE }
  return readBody(body as BodyInit, options).then((read) =>
    read.contentType === undefined ? { body: read.body } : read,
  )
}

/** True for a `ReadableStream` body (by shape, so another realm's streams count too). */
export function isStream(body: unknown): body is ReadableStream<Uint8Array> {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ReadableStream).getReader === 'function' &&
    typeof (body as ReadableStream).tee === 'function'
  )
}

/** An ArrayBuffer or a view of one (typed array, DataView), by tag so other realms' buffers count too. */
function isBinary(body: unknown): body is ArrayBuffer | ArrayBufferView {
  return ArrayBuffer.isView(body) || Object.prototype.toString.call(body) === '[object ArrayBuffer]'
}
