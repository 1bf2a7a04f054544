import { AxiosHeaders, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios'
import { stripCredentialHeaders } from './credential-headers'
import { readSigningState, withSigningState } from './signing-state'

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/**
 * The config for the next hop of a redirect that attachSigner follows itself, or `undefined` when the
 * answer is not a redirect it manages (or the hop limit is spent).
 *
 * Every credential header is removed: the request interceptor signs the next hop again only if a rule or
 * AWS inference claims its host, so credentials never reach a host nothing claims. Methods change as
 * browsers and follow-redirects change them (303 → GET; 301/302 turn POST into GET); cross-origin hops
 * also lose `Cookie` and `Proxy-Authorization`.
 */
export function nextRedirectConfig(response: AxiosResponse): InternalAxiosRequestConfig | undefined {
  const config = response.config
  const state = readSigningState(config)
  if (state?.redirectsLeft === undefined || state.redirectsLeft <= 0) return undefined
  if (!REDIRECT_STATUSES.has(response.status)) return undefined
  const location = headerValue(response.headers, 'location')
  if (!location || !config.url) return undefined

  const from = new URL(config.url)
  const to = new URL(location, from)
  let method = (config.method ?? 'get').toLowerCase()
  let data = config.data
  const headers = new AxiosHeaders(config.headers)
  stripCredentialHeaders(headers)
  headers.delete('content-length')
  if (
    (response.status === 303 && method !== 'head') ||
    ((response.status === 301 || response.status === 302) && method === 'post')
  ) {
    method = 'get'
    data = undefined
    headers.delete('content-type')
  }
  if (to.origin !== from.origin) {
    headers.delete('cookie')
    headers.delete('proxy-authorization')
  }
  to.hash = ''
  const next: InternalAxiosRequestConfig = { ...config, url: to.href, method, data, headers }
  return withSigningState(next, { redirectsLeft: state.redirectsLeft - 1 })
}

/** A response header as a string, from axios' headers (AxiosHeaders or a plain object). */
export function headerValue(headers: AxiosResponse['headers'] | undefined, name: string): string | undefined {
  if (!headers) return undefined
  const value =
    typeof headers.get === 'function' ? headers.get(name) : (headers as Record<string, unknown>)[name]
  if (value === undefined || value === null || value === false) return undefined
  return Array.isArray(value) ? value.join(', ') : String(value)
}
