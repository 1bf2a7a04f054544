import type { Signer } from '@awssig/core'
import { AxiosHeaders, type AxiosInstance, type AxiosResponse, isAxiosError } from 'axios'
import { isClockSkewAnswer, responseBodyText, serverTimeOf } from './clock-skew'
import { createAxiosInterceptor } from './create-axios-interceptor'
import { stripCredentialHeaders } from './credential-headers'
import { headerValue, nextRedirectConfig } from './follow-redirect'
import { readSigningState, withSigningState } from './signing-state'

/** Options of {@link attachSigner}. */
export interface AttachSignerOptions {
  /**
   * Follow redirects of signed requests in the response interceptor, re-signing each hop for the host it
   * reaches (and sending no credentials to a host nothing claims). A caller's explicit `maxRedirects: 0`
   * is respected; another `maxRedirects` value becomes the hop limit.
   * @default true
   */
  followRedirects?: boolean
  /**
   * On AWS's clock-skew answers (`RequestTimeTooSkewed`, `Signature expired`, `Signature not yet
   * current`), set `signer.clockOffsetMs` from the server's time and retry the request once.
   * @default true
   */
  clockSkewRetry?: boolean
}

/**
 * Signs every request of an axios instance (request interceptor) and handles the answers only a signer
 * can fix (response interceptor): a clock-skew error is retried once with the server's time, and
 * redirects are followed here, re-signed for each host, instead of by the transport. Returns `detach()`,
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
  const clockSkewRetry = options.clockSkewRetry ?? true

  const requestId = instance.interceptors.request.use(
    createAxiosInterceptor(signer, { instance, followRedirects }),
  )

  const recover = async (response: AxiosResponse): Promise<AxiosResponse | undefined> => {
    // A streamed body (UNSIGNED-PAYLOAD) was consumed by the first attempt and cannot be sent again.
    if (isStream(response.config.data)) return undefined
    const redirect = followRedirects ? nextRedirectConfig(response) : undefined
    if (redirect) return instance.request(redirect)

    const state = readSigningState(response.config)
    if (!clockSkewRetry || !state?.authorization || state.skewRetried) return undefined
    const bodyText = await responseBodyText(response.data)
    if (!isClockSkewAnswer(response.status, bodyText)) return undefined
    const serverTime = serverTimeOf(headerValue(response.headers, 'date'), bodyText)
    if (!serverTime) return undefined
    const localNow = (signer.options.now ?? (() => new Date()))()
    signer.clockOffsetMs = serverTime.getTime() - localNow.getTime()

    const headers = new AxiosHeaders(response.config.headers)
    stripCredentialHeaders(headers)
    const retry = withSigningState(
      { ...response.config, headers },
      { ...state, authorization: undefined, skewRetried: true },
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
