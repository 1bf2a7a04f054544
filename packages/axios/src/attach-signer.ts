import type { Signer } from '@awssig/core'
import { AxiosHeaders, type AxiosInstance, type AxiosResponse, isAxiosError } from 'axios'
import { createAxiosInterceptor } from './create-axios-interceptor'
import { stripSignatureHeaders } from './credential-headers'
import { nextRedirectConfig } from './follow-redirect'
import { responseToFetch } from './response-to-fetch'
import { readSigningState, withSigningState } from './signing-state'

/** Options of {@link attachSigner}. */
export interface AttachSignerOptions {
  /**
   * Follow redirects of signed requests in the response interceptor under core's redirect policy: a hop is
   * signed again only on the origin of the request you made (or when S3 moves the same bucket to its regional
   * endpoint); every other hop is sent without `Authorization`, `X-Amz-*`, `Cookie` or
   * `Proxy-Authorization`. The transport never follows them itself (also not with an explicit
   * `fetchOptions.redirect: 'follow'`). A caller's explicit `maxRedirects: 0` is respected; another
   * `maxRedirects` value becomes the hop limit.
   * @default true
   */
  followRedirects?: boolean
  /**
   * On AWS's clock-skew answers (`RequestTimeTooSkewed`, `Signature expired`, `Signature not yet
   * current`), learn the server's time (for that origin) and retry the request once. The same name and
   * default as `createSignedFetch` and `createKyHooks`.
   * @default true
   */
  retryOnClockSkew?: boolean
  /**
   * When S3 answers that a bucket lives in another region and names it (the legacy global endpoint
   * `bucket.s3.amazonaws.com` is signed for `us-east-1` until then), remember the region on the signer and
   * retry the request once, signed for it.
   * @default true
   */
  retryOnWrongRegion?: boolean
  /** @deprecated Renamed `retryOnClockSkew` (the name the other adapters use); removed in the next release. */
  clockSkewRetry?: boolean
  /** @deprecated Renamed `retryOnWrongRegion`; removed in the next release. */
  wrongRegionRetry?: boolean
}

/**
 * Signs every request of an axios instance (request interceptor) and handles the answers only a signer
 * can fix (response interceptor): a clock-skew error is retried once with the server's time, an S3
 * wrong-region answer once for the region S3 named (both through core's `signer.learnFromResponse`, so every
 * adapter reads AWS's answers alike), and redirects are followed here, re-signed for each host, instead of by
 * the transport. Returns `detach()`,
 * which removes both interceptors. The recommended way to use awssig with axios.
 *
 * axios runs request interceptors in reverse order of registration: call `attachSigner` **before**
 * registering interceptors that add headers, so the signer runs last and signs what they produced.
 * Works with the Node http adapter, the fetch adapter and axios-retry (each attempt is signed afresh).
 *
 * @example
 * import axios from 'axios'
 * import { attachSigner, createSigner } from '@awssig/axios'
 *
 * const signer = createSigner({
 *   credentials: { accessKeyId: 'AKID…', secretAccessKey: '…' },
 *   rules: [{ host: 'abc123.execute-api.eu-west-1.amazonaws.com' }],
 * })
 * const api = axios.create({ baseURL: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod' })
 * const detach = attachSigner(api, signer)
 * const { data } = await api.post('/orders', { item: 'book' })
 * detach()
 */
export function attachSigner(
  instance: AxiosInstance,
  signer: Signer,
  options: AttachSignerOptions = {},
): () => void {
  const followRedirects = options.followRedirects ?? true
  const learn = {
    clockSkew: options.retryOnClockSkew ?? options.clockSkewRetry ?? true,
    wrongRegion: options.retryOnWrongRegion ?? options.wrongRegionRetry ?? true,
  }

  const requestId = instance.interceptors.request.use(
    createAxiosInterceptor(signer, { instance, followRedirects }),
  )

  const recover = async (response: AxiosResponse): Promise<AxiosResponse | undefined> => {
    // A streamed body (UNSIGNED-PAYLOAD) was consumed by the first attempt and cannot be sent again.
    const replayable = !isStream(response.config.data)
    const redirect = followRedirects && replayable ? nextRedirectConfig(response) : undefined
    if (redirect) return instance.request(redirect)

    const state = readSigningState(response.config)
    const url = response.config.url
    // Success costs one comparison: core loads its response-side code only for error answers.
    if (response.status < 300 || !state?.authorization || state.retried || !url) return undefined
    if (!learn.clockSkew && !learn.wrongRegion) return undefined
    const answer = await responseToFetch(response)
    if (!answer) return undefined
    const plan = state.plan ?? (await signer.resolve(url))
    const lesson = await signer.learnFromResponse(answer, plan, url, learn)
    // The clock offset or region is kept for the next request even when this one cannot be replayed.
    if (!lesson.retry || !replayable) return undefined

    const headers = new AxiosHeaders(response.config.headers)
    stripSignatureHeaders(headers)
    const retry = withSigningState(
      { ...response.config, headers },
      { ...state, authorization: undefined, retried: true },
    )
    return instance.request(retry)
  }

  const responseId = instance.interceptors.response.use(
    async (response) => (await recover(response)) ?? response,
    async (error: unknown) => {
      if (isAxiosError(error) && error.response) {
        const recovered = await recover(error.response)
        if (recovered) return recovered
      }
      throw error
    },
  )

  return () => {
    instance.interceptors.request.eject(requestId)
    instance.interceptors.response.eject(responseId)
  }
}

function isStream(data: unknown): boolean {
  const candidate = data as { pipe?: unknown; getReader?: unknown } | null | undefined
  return typeof candidate?.pipe === 'function' || typeof candidate?.getReader === 'function'
}
