import { BODY_HEADERS, nextRedirectHop, redirectLocation } from '@awssig/core/redirects'
import { AxiosHeaders, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios'
import { stripCredentialHeaders, stripSignatureHeaders } from './credential-headers'
import { readSigningState, withSigningState } from './signing-state'

/**
 * The config for the next hop of a redirect that attachSigner follows itself, or `undefined` when the answer
 * is not a redirect it manages (or the hop limit is spent). Every decision is core's redirect policy
 * (`nextRedirectHop`): the method and body as fetch rewrites them, and whether the hop is signed again (the
 * caller's origin, or S3 moving the same bucket) or sent with no credential header at all — marked
 * `unsigned`, so the request interceptor does not sign it even when a rule claims its host.
 */
export function nextRedirectConfig(response: AxiosResponse): InternalAxiosRequestConfig | undefined {
  const config = response.config
  const state = readSigningState(config)
  if (state?.redirectsLeft === undefined || state.redirectsLeft <= 0 || !config.url) return undefined
  const location = redirectLocation(response.status, headerValue(response.headers, 'location'))
  if (location === null) return undefined

  const method = (config.method ?? 'get').toUpperCase()
  const origin = state.origin ?? { first: new URL(config.url), plan: state.plan ?? null, left: false }
  const hop = nextRedirectHop(response.status, location, method, config.url, origin)
  const headers = new AxiosHeaders(config.headers)
  stripSignatureHeaders(headers)
  headers.delete('content-length')
  if (hop.dropBody) for (const name of BODY_HEADERS) headers.delete(name)
  const unsigned = hop.credentials === 'strip'
  if (unsigned) stripCredentialHeaders(headers)
  const next: InternalAxiosRequestConfig = {
    ...config,
    url: hop.url,
    method: hop.method.toLowerCase(),
    data: hop.dropBody ? undefined : config.data,
    headers,
  }
  return withSigningState(next, {
    ...state,
    authorization: undefined,
    redirectsLeft: state.redirectsLeft - 1,
    origin: hop.origin,
    unsigned,
  })
}

/** A response header as a string, from axios' headers (AxiosHeaders or a plain object). */
export function headerValue(headers: AxiosResponse['headers'] | undefined, name: string): string | undefined {
  if (!headers) return undefined
  const value =
    typeof headers.get === 'function' ? headers.get(name) : (headers as Record<string, unknown>)[name]
  if (value === undefined || value === null || value === false) return undefined
  return Array.isArray(value) ? value.join(', ') : String(value)
}
