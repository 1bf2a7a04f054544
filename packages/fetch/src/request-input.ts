/** What a `Request` passed to `signedFetch` contributes, once merged with `init` as fetch merges them. */
export interface RequestInput {
  method: string
  headers: [string, string][]
  body: ReadableStream<Uint8Array> | null
  /** The options a `Request` carries besides method, URL, headers, body and redirect. */
  options: RequestInit
  /** Its redirect mode; its default `'follow'` counts as not chosen. */
  redirect: RequestRedirect | undefined
}

/**
 * Reads a `Request` passed to `signedFetch` (loaded on first use: most callers pass a URL). The `Request` is
 * cloned, so the caller's object and its body stay usable. Imports nothing, so bundlers keep it in a chunk
 * of its own.
 */
export function readRequestInput(original: Request, init: RequestInit | undefined): RequestInput {
  const merged = new Request(original.clone(), init)
  const options: RequestInit = {
    signal: merged.signal,
    credentials: merged.credentials,
    cache: merged.cache,
    keepalive: merged.keepalive,
    referrerPolicy: merged.referrerPolicy,
  }
  if (merged.integrity) options.integrity = merged.integrity
  if (merged.mode && merged.mode !== 'navigate') options.mode = merged.mode
  return {
    method: merged.method,
    headers: [...merged.headers],
    body: merged.body,
    options,
    redirect: init?.redirect ?? (original.redirect !== 'follow' ? original.redirect : undefined),
  }
}
