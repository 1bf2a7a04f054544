import type { ReadBodyOptions, ReadBodyResult } from '@awssig/core'
import type { OutgoingRequest } from './send-signed'

// Loaded with import() the first time signedFetch is given a Request: most callers pass a URL and init,
// and bundles for them do not carry this. It imports nothing at run time: whatever it shared with the
// request path would be split by bundlers into a chunk that loads up front anyway.

/** What reading a Request needs from the request path, handed in rather than imported. */
export interface RequestInputHelpers {
  readBody(body: BodyInit | null, options: ReadBodyOptions): Promise<ReadBodyResult>
  copyHeaders(headers: Headers): Headers
  /** The options of `init` other than those the signed request sets itself. */
  withoutRequestParts(init: RequestInit | undefined): RequestInit
}

/**
 * The request to sign from a `Request` merged with `init` (by fetch's own rules), and the rest of its
 * options. The caller's Request is cloned, so it and its body stay usable.
 */
export async function fromRequest(
  original: Request,
  init: RequestInit | undefined,
  url: string,
  /** A stream body may be sent as it is (UNSIGNED-PAYLOAD) instead of read. */
  streamAllowed: boolean | undefined,
  maxBodyBytes: number,
  helpers: RequestInputHelpers,
): Promise<{ outgoing: OutgoingRequest; rest: RequestInit }> {
  const merged = new Request(original.clone(), init)
  const rest = { ...requestOptions(merged), ...helpers.withoutRequestParts(init) }
  const body =
    merged.body !== null && streamAllowed
      ? merged.body
      : (await helpers.readBody(merged.body, { maxBodyBytes, method: merged.method, url })).body
  return {
    outgoing: { method: merged.method, url, headers: helpers.copyHeaders(merged.headers), body },
    rest,
  }
}

/** The options a `Request` carries besides method, URL, headers, body and redirect. */
function requestOptions(request: Request): RequestInit {
  const options: RequestInit = {
    signal: request.signal,
    credentials: request.credentials,
    cache: request.cache,
    keepalive: request.keepalive,
    referrerPolicy: request.referrerPolicy,
  }
  if (request.integrity) options.integrity = request.integrity
  if (request.mode && request.mode !== 'navigate') options.mode = request.mode
  return options
}
