import type { AxiosRequestConfig } from 'axios'

/** Anything with axios' `getUri`: an axios instance, or the default `axios` export. */
export interface UriBuilder {
  getUri(config?: AxiosRequestConfig): string
}

/**
 * The URL axios will put on the wire for `config`, in the exact form that is signed and sent.
 *
 * axios builds it from `baseURL`, `url`, `params`, `paramsSerializer` and `allowAbsoluteUrls`; its
 * default serializer writes a space as `+`. AWS decodes `+` in a query as a space too, but canonicalizes
 * a space as `%20`, so the query's `+` is rewritten to `%20` (a literal plus was already `%2B`). The URL
 * is then normalized through `URL`, as both adapters do before sending, and the fragment dropped.
 */
export function resolveWireUrl(config: AxiosRequestConfig, builder: UriBuilder): URL {
  const built = builder.getUri(config)
  const base = (globalThis as { location?: { href?: string } }).location?.href
  const url = base === undefined ? new URL(built) : new URL(built, base)
  url.hash = ''
  if (url.search.includes('+')) url.search = url.search.replace(/\+/g, '%20')
  return url
}

/** Whether the URL is already presigned (`X-Amz-Signature` in the query, any case). */
export function isPresignedUrl(url: URL): boolean {
  for (const key of url.searchParams.keys()) {
    if (key.toLowerCase() === 'x-amz-signature') return true
  }
  return false
}
