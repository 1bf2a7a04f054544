import type { AxiosResponse } from 'axios'

// Statuses whose fetch `Response` may not have a body.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304])

/**
 * The fetch `Response` core's `signer.learnFromResponse` reads, built from an axios answer: same status and
 * headers, and the body as text whatever `responseType` produced (a stream is not read: the answer is then
 * judged by its status and headers alone). Undefined for a status fetch cannot represent.
 */
export async function responseToFetch(response: AxiosResponse): Promise<Response | undefined> {
  const { status } = response
  if (!Number.isInteger(status) || status < 200 || status > 599) return undefined
  const headers = new Headers()
  const raw = response.headers as unknown as { toJSON?: () => Record<string, unknown> } | undefined
  const entries = Object.entries(typeof raw?.toJSON === 'function' ? raw.toJSON() : (raw ?? {}))
  for (const [name, value] of entries) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item !== 'string' && typeof item !== 'number') continue
      try {
        headers.append(name, String(item))
      } catch {
        // A header fetch refuses (a name or value with characters HTTP forbids) says nothing about signing.
      }
    }
  }
  const body = NULL_BODY_STATUSES.has(status) ? null : ((await responseBodyText(response.data)) ?? null)
  return new Response(body, { status, headers })
}

/** The text of an axios response body, whatever `responseType` produced (streams are not read). */
export async function responseBodyText(data: unknown): Promise<string | undefined> {
  if (data === undefined || data === null) return undefined
  if (typeof data === 'string') return data
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    const view =
      data instanceof ArrayBuffer
        ? new Uint8Array(data)
        : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    return new TextDecoder().decode(view)
  }
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.text()
  if (
    typeof data === 'object' &&
    typeof (data as { pipe?: unknown }).pipe !== 'function' &&
    typeof (data as { getReader?: unknown }).getReader !== 'function'
  ) {
    try {
      return JSON.stringify(data)
    } catch {
      return undefined
    }
  }
  return undefined
}
