import { abortable, keepsOwnAuthorization, RedirectError, type Signer, type SigningPlan } from '@awssig/core'
import axios, { AxiosHeaders, CanceledError, type InternalAxiosRequestConfig } from 'axios'
import {
  headersToSign,
  stripCredentialHeaderKeys,
  stripCredentialHeaders,
  stripSignatureHeaders,
} from './credential-headers'
import { applyTransformsOnce, FROZEN_TRANSFORMS, prepareBody } from './prepare-body'
import { isPresignedUrl, resolveWireUrl, type UriBuilder } from './resolve-wire-url'
import { readSigningState, type SigningState, withSigningState } from './signing-state'

/** Options of {@link createAxiosInterceptor}. */
export interface AxiosInterceptorOptions {
  /**
   * The instance the interceptor is registered on; its `getUri` (its defaults) builds the URL that is
   * signed. {@link attachSigner} passes it for you.
   * @default the default `axios` export
   */
  instance?: UriBuilder
  /**
   * Follow redirects in a response interceptor instead of in the transport: signed requests get
   * `maxRedirects: 0` (unless the caller chose a value) and the response side re-signs each hop. Only
   * {@link attachSigner} sets this, because only it installs the response side that follows them.
   * @default false
   */
  followRedirects?: boolean
}

/** follow-redirects' (and so axios') own default hop limit. */
const DEFAULT_MAX_REDIRECTS = 21
/** Core's defaults, for a signer whose `options` leave them out. */
const DEFAULT_UNMATCHED = 'pass'
const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024

/**
 * Creates an axios request interceptor that signs each request with the plan `signer` resolves for its
 * host. The returned config is a copy: the URL is final (`baseURL` and `params` folded in, spaces as
 * `%20`), the body is the exact bytes signed (axios' `transformRequest` already applied once and then
 * replaced with an identity function) and the signature headers are set. Hosts no rule or AWS inference
 * claims pass through untouched (or reject with `NoMatchingRuleError` under `unmatched: 'error'`), and so do
 * requests that already carry `Authorization` or a presigned `X-Amz-Signature`.
 *
 * axios runs request interceptors in reverse order of registration (last registered runs first), so
 * register this one **before** any interceptor that adds headers or changes the request; then it runs
 * after them and signs their result. This form is request-side only: prefer {@link attachSigner}, which
 * adds the response side (clock-skew and S3 wrong-region retries, redirects re-signed per host).
 *
 * On redirects it does not follow itself, credential headers are stripped before follow-redirects sends
 * the next hop (which by itself strips only `Authorization`), and the fetch adapter is told to treat a
 * redirect as an error unless the caller chose a `redirect` mode.
 *
 * @example
 * import axios from 'axios'
 * import { createAxiosInterceptor, createSigner } from '@awssig/axios'
 *
 * const signer = createSigner({ credentials, rules: [{ host: 'api.example.com', service: 'execute-api', region: 'eu-west-1' }] })
 * const api = axios.create({ baseURL: 'https://api.example.com' })
 * api.interceptors.request.use(createAxiosInterceptor(signer, { instance: api }))
 */
export function createAxiosInterceptor(
  signer: Signer,
  options: AxiosInterceptorOptions = {},
): (config: InternalAxiosRequestConfig) => Promise<InternalAxiosRequestConfig> {
  const builder = options.instance ?? axios
  const followRedirects = options.followRedirects ?? false
  return async (config) => {
    try {
      return await signAxiosConfig(config, signer, builder, followRedirects)
    } catch (error) {
      // Aborted while the body was read or credentials awaited: axios' own cancellation, as if it had
      // checked the signal itself.
      if (abortSignalOf(config)?.aborted) throw new CanceledError(undefined, config)
      throw error
    }
  }
}

async function signAxiosConfig(
  config: InternalAxiosRequestConfig,
  signer: Signer,
  builder: UriBuilder,
  followRedirects: boolean,
): Promise<InternalAxiosRequestConfig> {
  const previous = readSigningState(config)
  const headers = new AxiosHeaders(config.headers)
  if (previous?.unsigned) return sendUnsigned(config, headers, previous, signer)
  const url = resolveWireUrl(config, builder)
  // Waits only on the first request to a host under an AWS domain, while AWS host inference loads.
  let plan = signer.resolveLoaded(url.href)
  if (plan === undefined) plan = await signer.resolve(url.href)
  if (keepsCallerAuthorization(headers, previous, plan, url.href)) return config

  const method = (config.method ?? 'get').toUpperCase()
  if (isPresignedUrl(url)) return config

  if (plan === null) {
    if ((signer.options.unmatched ?? DEFAULT_UNMATCHED) === 'error') {
      // Let core raise its own NoMatchingRuleError, with its message and explanation.
      await signer.sign({ method, url: url.href })
    }
    return previous === undefined ? config : { ...config, headers }
  }

  const working: InternalAxiosRequestConfig = {
    ...config,
    headers,
    url: url.href,
    // null, not undefined: axios' mergeConfig would otherwise bring the instance defaults back on a retry.
    baseURL: null as unknown as undefined,
    params: null,
  }
  const transformed = applyTransformsOnce(working, headers)
  // The caller's signal stops a body that never ends and a credential provider that never settles.
  const signal = abortSignalOf(config)
  const body = await prepareBody(transformed, headers, {
    maxBodyBytes: signer.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    method,
    url: url.href,
    unsignedPayload: plan.unsignedPayload === true,
    fetchAdapter: usesFetchAdapter(config),
    signal,
  })

  const result = await abortable(
    signer.sign({ method, url: url.href, headers: headersToSign(headers), body: body.sign }),
    signal,
  )
  // headerPairs, not headers: reading `headers` would build a Headers, which in Node loads undici on a cold start.
  let authorization = ''
  for (const [name, value] of result.request.headerPairs) {
    if (name !== 'host') headers.set(name, value)
    if (name === 'authorization') authorization = value
  }

  const state: SigningState = { ...previous, authorization }
  if (result.plan) state.plan = result.plan
  const signed: InternalAxiosRequestConfig = {
    ...working,
    data: body.send,
    transformRequest: FROZEN_TRANSFORMS,
  }
  if (followRedirects && previous?.redirectsLeft === undefined && config.maxRedirects !== 0) {
    state.redirectsLeft = config.maxRedirects ?? DEFAULT_MAX_REDIRECTS
  }
  if (state.redirectsLeft !== undefined) keepRedirectsForUs(signed, config)
  else guardTransportRedirects(signed, config)
  return withSigningState(signed, state)
}

/**
 * Readies `headers` for signing and says whether the caller's own `Authorization` stays (the request then
 * goes out as it is). A retry of a request we signed (axios-retry, our redirect or skew handling) drops the
 * previous attempt's signature; the caller's own Authorization is left alone, except a Bearer on a host whose
 * rule says `replaceBearer`.
 */
function keepsCallerAuthorization(
  headers: AxiosHeaders,
  previous: SigningState | undefined,
  plan: SigningPlan | null,
  url: string,
): boolean {
  const existing = headers.get('authorization')
  if (previous !== undefined && (existing == null || existing === previous.authorization)) {
    stripSignatureHeaders(headers)
  } else if (existing != null && existing !== false) {
    const own = { authorization: String(existing) }
    if (keepsOwnAuthorization(plan, url, own)) return true
    headers.delete('authorization')
  }
  return false
}

/**
 * A redirect hop core's policy sends with no credential material (another origin): never signed, whatever
 * claims its host, and not sent at all when the signer's `unmatched` is `'error'`.
 */
function sendUnsigned(
  config: InternalAxiosRequestConfig,
  headers: AxiosHeaders,
  state: SigningState,
  signer: Signer,
): InternalAxiosRequestConfig {
  if (signer.options.unmatched === 'error') {
    throw new RedirectError(
      "A redirect leads away from the origin of the request; with unmatched: 'error' it is not sent.",
      { method: (config.method ?? 'get').toUpperCase(), url: config.url ?? '' },
    )
  }
  stripCredentialHeaders(headers)
  const next: InternalAxiosRequestConfig = { ...config, headers }
  keepRedirectsForUs(next, config)
  return withSigningState(next, state)
}

/**
 * attachSigner follows redirects itself: the transport must hand every redirect back. `maxRedirects: 0`
 * stops the http adapter's follow-redirects; `redirect: 'manual'` stops the fetch adapter, which in some
 * versions of the peer range (1.7.x) ignores `maxRedirects` — also when the caller asked for `'follow'`.
 */
function keepRedirectsForUs(signed: InternalAxiosRequestConfig, original: InternalAxiosRequestConfig) {
  signed.maxRedirects = 0
  signed.fetchOptions = { ...(original.fetchOptions as object), redirect: 'manual' }
}

/** The caller's `signal`, when it is an AbortSignal (axios also accepts other abort-signal shapes). */
function abortSignalOf(config: InternalAxiosRequestConfig): AbortSignal | undefined {
  const signal = config.signal as AbortSignal | undefined
  return typeof signal?.addEventListener === 'function' && 'aborted' in signal ? signal : undefined
}

/**
 * When the transport follows redirects itself, no hop may carry credential material: follow-redirects
 * strips only `Authorization` (and only across hosts), and fetch keeps custom headers such as
 * `X-Amz-Security-Token` on every hop.
 */
function guardTransportRedirects(signed: InternalAxiosRequestConfig, original: InternalAxiosRequestConfig) {
  const userBeforeRedirect = original.beforeRedirect
  signed.beforeRedirect = (options, responseDetails, requestDetails) => {
    stripCredentialHeaderKeys((options as { headers?: Record<string, unknown> }).headers)
    userBeforeRedirect?.(options, responseDetails, requestDetails)
  }
  // Without the response side nothing can follow a redirect under awssig's policy: the fetch adapter treats
  // one as an error unless the caller chose 'manual' (an explicit 'follow' would let undici carry X-Amz-*).
  // `maxRedirects: 0` asks for the redirect itself: 'manual', as axios ≥ 1.20 maps it (earlier fetch
  // adapters ignore maxRedirects, so it is set here for every version of the peer range).
  const fetchOptions = (original.fetchOptions ?? {}) as Record<string, unknown>
  const redirect = original.maxRedirects === 0 ? 'manual' : 'error'
  if (fetchOptions.redirect !== 'manual') signed.fetchOptions = { ...fetchOptions, redirect }
}

/** Whether axios will pick its fetch adapter (named explicitly, or first in an adapter list). */
function usesFetchAdapter(config: InternalAxiosRequestConfig): boolean {
  const adapter = Array.isArray(config.adapter) ? config.adapter[0] : config.adapter
  return adapter === 'fetch'
}
