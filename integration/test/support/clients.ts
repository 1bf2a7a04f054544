import { attachSigner } from '@awssig/axios'
import type { Signer } from '@awssig/core'
import { createSignedFetch } from '@awssig/fetch'
import { createKyHooks } from '@awssig/ky'
import type { EchoBody } from '@awssig/testing'
import type { VerifyingServer } from '@awssig/testing/server'
import axios, { type AxiosInstance, isAxiosError } from 'axios'
import ky1, { HTTPError as Ky1HttpError } from 'ky'
import ky2, { HTTPError as Ky2HttpError } from 'ky2'
import { LoopbackHttpsAgent } from './loopback-https-agent'

/** One request, in a shape every adapter can send. `url` is always `https://…` (what the caller wrote). */
export interface Call {
  method: 'GET' | 'POST' | 'PUT'
  url: string
  body?: string
  contentType?: string
}

/** What came back: the status and, for a verified request, the verifying server's JSON echo. */
export interface Answer {
  status: number
  echo?: EchoBody
  /** The raw body when it was not an echo (an AWS error), for assertion messages. */
  text?: string
}

/** An adapter wired to a signer and to the loopback verifying server. */
export interface Client {
  name: AdapterName
  send(call: Call): Promise<Answer>
}

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** The adapter's clock-skew retry (`retryOnClockSkew` / `clockSkewRetry`). @default true */
  skewRetry?: boolean
}

export type AdapterName = 'fetch' | 'axios-http' | 'axios-fetch' | 'ky1' | 'ky2'

/** Every adapter path issue 7 names: fetch, axios through `attachSigner` (both adapters), ky 1 and ky 2. */
export const ADAPTERS: readonly AdapterName[] = ['fetch', 'axios-http', 'axios-fetch', 'ky1', 'ky2']

/**
 * Builds a client for `adapter`. Each sends real HTTP to `server` keeping the AWS hostname:
 * - fetch, ky 1, ky 2 and axios' fetch adapter use `server.fetch` (node:http to 127.0.0.1 with the original
 *   `Host` header);
 * - axios' http adapter sends the same `https://` URLs as plain HTTP to the server through
 *   {@link LoopbackHttpsAgent}, since it cannot be handed a fetch (an `http:` URL would need a rule's
 *   consent: inference never signs clear text).
 * Errors are left as the caller configured by default (axios and ky throw on 4xx), so a clock-skew
 * recovery is exercised on the paths most users have.
 */
export function createClient(
  adapter: AdapterName,
  signer: Signer,
  server: VerifyingServer,
  options: ClientOptions = {},
): Client {
  const skewRetry = options.skewRetry ?? true
  switch (adapter) {
    case 'fetch': {
      const signedFetch = createSignedFetch(signer, { fetch: server.fetch, retryOnClockSkew: skewRetry })
      return {
        name: adapter,
        send: async (call) => readAnswer(await signedFetch(call.url, fetchInit(call))),
      }
    }
    case 'axios-http':
      return axiosClient(
        adapter,
        signer,
        axios.create({ adapter: 'http', httpsAgent: new LoopbackHttpsAgent(server.port), proxy: false }),
        (url) => url,
        skewRetry,
      )
    case 'axios-fetch':
      return axiosClient(
        adapter,
        signer,
        axios.create({ adapter: 'fetch', env: { fetch: server.fetch } }),
        (url) => url,
        skewRetry,
      )
    case 'ky1': {
      const api = ky1.create({
        fetch: server.fetch,
        hooks: createKyHooks(signer, { retryOnClockSkew: skewRetry }),
        timeout: 30_000,
      })
      return {
        name: adapter,
        send: async (call) => {
          try {
            return await readAnswer(await api(call.url, fetchInit(call)))
          } catch (error) {
            if (error instanceof Ky1HttpError) return readAnswer(error.response)
            throw error
          }
        },
      }
    }
    case 'ky2': {
      // ky 2 does not show its `fetch` option to hooks: the skew retry sent from afterResponse needs it too.
      const api = ky2.create({
        fetch: server.fetch,
        hooks: createKyHooks(signer, { fetch: server.fetch, retryOnClockSkew: skewRetry }),
        timeout: 30_000,
      })
      return {
        name: adapter,
        send: async (call) => {
          try {
            return await readAnswer(await api(call.url, fetchInit(call)))
          } catch (error) {
            // ky 2 has already read the error body into `data`.
            if (error instanceof Ky2HttpError) {
              const data = error.data
              return answerOf(error.response.status, typeof data === 'string' ? data : JSON.stringify(data))
            }
            throw error
          }
        },
      }
    }
  }
}

function axiosClient(
  name: AdapterName,
  signer: Signer,
  instance: AxiosInstance,
  wireUrl: (url: string) => string,
  clockSkewRetry: boolean,
): Client {
  attachSigner(instance, signer, { clockSkewRetry })
  return {
    name,
    send: async (call) => {
      try {
        const response = await instance.request<unknown>({
          method: call.method,
          url: wireUrl(call.url),
          data: call.body,
          headers: call.contentType ? { 'content-type': call.contentType } : {},
          responseType: 'text',
        })
        return answerOf(response.status, String(response.data))
      } catch (error) {
        if (isAxiosError(error) && error.response) {
          return answerOf(error.response.status, String(error.response.data))
        }
        throw error
      }
    },
  }
}

function fetchInit(call: Call): RequestInit {
  const init: RequestInit = { method: call.method }
  if (call.contentType) init.headers = { 'content-type': call.contentType }
  if (call.body !== undefined) init.body = call.body
  return init
}

async function readAnswer(response: Response): Promise<Answer> {
  return answerOf(response.status, await response.text())
}

function answerOf(status: number, text: string): Answer {
  if (status === 200) {
    try {
      const parsed = JSON.parse(text) as EchoBody
      if (parsed.ok === true) return { status, echo: parsed }
    } catch {
      // Not an echo: reported as text below.
    }
  }
  return { status, text }
}
