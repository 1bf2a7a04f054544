import { readBody } from '@awssig/core'
import type { AxiosHeaders, AxiosRequestTransformer, InternalAxiosRequestConfig } from 'axios'

/** What the interceptor sends (`send`) and what the signer hashes (`sign`): the same bytes. */
export interface PreparedBody {
  /** The value for `config.data`: a string, an exact `ArrayBuffer`, a stream (unsigned payload) or nothing. */
  send: unknown
  /** The bytes to hash; `undefined` for no body or an unsigned streamed payload. */
  sign: string | Uint8Array | undefined
}

/** The subset of a Node.js stream (or the `form-data` package's CombinedStream) the reader needs. */
interface NodeStreamLike {
  pipe: (...args: never[]) => unknown
  on(event: string, listener: (value: never) => void): unknown
  resume?: () => unknown
  destroy?: () => unknown
  getHeaders?: () => Record<string, string>
}

/** Options of {@link prepareBody}. */
export interface PrepareBodyOptions {
  maxBodyBytes: number
  method: string
  url: string
  /** The plan allows `UNSIGNED-PAYLOAD` (S3 family): streams are sent as they are, not buffered. */
  unsignedPayload: boolean
  /** The fetch adapter is the one that will send: only it can send a web `ReadableStream` as it is. */
  fetchAdapter: boolean
  /** The caller's signal: reading a stream stops when it aborts. */
  signal?: AbortSignal | undefined
}

const identity: AxiosRequestTransformer = (data) => data

/** Replaces `transformRequest` once the body is final, so axios cannot serialize the signed bytes again. */
export const FROZEN_TRANSFORMS: AxiosRequestTransformer[] = [identity]

/**
 * Runs axios' own `transformRequest` chain once, exactly as `dispatchRequest` would (each function called
 * with `this` = the config and `(data, headers)`), so the signed bytes are the bytes axios would have
 * produced — including the `Content-Type` the default transform sets on `headers`.
 */
export function applyTransformsOnce(config: InternalAxiosRequestConfig, headers: AxiosHeaders): unknown {
  const transforms = config.transformRequest
  const list = transforms === undefined ? [] : Array.isArray(transforms) ? transforms : [transforms]
  let data: unknown = exactView(config.data)
  for (const transform of list) data = transform.call(config, data, headers.normalize(false))
  return data
}

/**
 * Turns the transformed body into bytes once. Strings stay strings; everything else becomes an exact
 * `ArrayBuffer`, which both the http adapter and the fetch adapter send byte for byte (the http adapter
 * refuses a bare `Uint8Array`). `FormData` is serialized a single time and its boundary written into
 * `Content-Type`, so the boundary that is signed is the one sent.
 */
export async function prepareBody(
  data: unknown,
  headers: AxiosHeaders,
  options: PrepareBodyOptions,
): Promise<PreparedBody> {
  if (data === undefined || data === null) return { send: data, sign: undefined }
  if (typeof data === 'string') return { send: data, sign: data }
  const readOptions = {
    maxBodyBytes: options.maxBodyBytes,
    method: options.method,
    url: options.url,
    signal: options.signal,
  }

  if (isNodeStream(data)) {
    const formHeaders = data.getHeaders?.()
    const formType = formHeaders?.['content-type'] ?? formHeaders?.['Content-Type']
    if (formType !== undefined) headers.setContentType(formType)
    if (options.unsignedPayload) return { send: data, sign: undefined }
    const { body } = await readBody(nodeStreamToWeb(data), readOptions)
    return toPrepared(body)
  }
  // The http and XHR adapters cannot send a web ReadableStream: buffer it for them even when unsigned.
  if (isWebStream(data) && options.unsignedPayload && options.fetchAdapter)
    return { send: data, sign: undefined }

  const isForm = tagOf(data) === 'FormData'
  const { body, contentType } = await readBody(data as BodyInit, readOptions)
  if (contentType !== undefined && (isForm || !headers.getContentType())) headers.setContentType(contentType)
  return toPrepared(body)
}

function toPrepared(body: string | Uint8Array | undefined): PreparedBody {
  if (body === undefined || typeof body === 'string') return { send: body, sign: body }
  return { send: exactBuffer(body), sign: body }
}

/** The bytes of `view` as an `ArrayBuffer` of exactly that length. */
function exactBuffer(view: Uint8Array): ArrayBuffer {
  const whole = view.byteOffset === 0 && view.byteLength === view.buffer.byteLength
  return (whole ? view.buffer : view.slice().buffer) as ArrayBuffer
}

/**
 * axios' default transform sends `view.buffer` for a typed array or DataView: the whole underlying
 * buffer, not the view's window. Copy the window first so the bytes sent are the bytes the caller meant.
 */
function exactView(data: unknown): unknown {
  if (!ArrayBuffer.isView(data) || isNodeBuffer(data)) return data
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  return bytes.byteOffset === 0 && bytes.byteLength === data.buffer.byteLength ? data : bytes.slice()
}

function isNodeBuffer(value: ArrayBufferView): boolean {
  const ctor = (value as { constructor?: { isBuffer?: (v: unknown) => boolean } }).constructor
  return typeof ctor?.isBuffer === 'function' && ctor.isBuffer(value)
}

function tagOf(value: unknown): string {
  return Object.prototype.toString.call(value).slice(8, -1)
}

function isWebStream(value: unknown): value is ReadableStream {
  return typeof (value as ReadableStream).getReader === 'function'
}

function isNodeStream(value: unknown): value is NodeStreamLike {
  const candidate = value as Partial<NodeStreamLike>
  return typeof candidate.pipe === 'function' && typeof candidate.on === 'function' && !isWebStream(value)
}

/** Adapts a Node stream (without importing `node:stream`, so browser bundles stay clean) for `readBody`. */
function nodeStreamToWeb(stream: NodeStreamLike): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let finished = false
  return new ReadableStream<Uint8Array>({
    start(controller) {
      stream.on('data', (chunk: string | Uint8Array) => {
        if (finished) return
        controller.enqueue(
          typeof chunk === 'string'
            ? encoder.encode(chunk)
            : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength).slice(),
        )
      })
      stream.on('end', () => {
        if (finished) return
        finished = true
        controller.close()
      })
      stream.on('error', (error: unknown) => {
        if (finished) return
        finished = true
        controller.error(error)
      })
      stream.resume?.()
    },
    cancel() {
      finished = true
      stream.destroy?.()
    },
  })
}
