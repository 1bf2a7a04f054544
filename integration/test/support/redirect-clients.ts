import { Agent } from 'node:https'
import { attachSigner } from '@awssig/axios'
import type { Signer } from '@awssig/core'
import { createSignedFetch } from '@awssig/fetch'
import { createKyHooks } from '@awssig/ky'
import axios from 'axios'
import ky1 from 'ky'
import ky2 from 'ky2'

/** Every adapter path a caller can take: fetch with a URL or a Request, ky 1, ky 2, axios' two adapters. */
export const PATHS = ['fetch-url', 'fetch-request', 'ky1', 'ky2', 'axios-http', 'axios-fetch'] as const
export type AdapterPath = (typeof PATHS)[number]

/** One call as a user writes it. */
export interface UserCall {
  method: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  body?: string
  /** The caller asks for redirects to be followed explicitly (fetch/ky `redirect`, axios `fetchOptions`). */
  explicitFollow?: boolean
  signal?: AbortSignal
}

/** What the call resolved with. */
export interface Outcome {
  status: number
  text: string
}

/** Sends `call` through `path` with `signer` attached, as a user of that adapter would. */
export async function sendThrough(path: AdapterPath, signer: Signer, call: UserCall): Promise<Outcome> {
  if (path !== 'axios-http' && path !== 'axios-fetch') return read(await openThrough(path, signer, call))
  const instance = axios.create({
    adapter: path === 'axios-http' ? 'http' : 'fetch',
    httpsAgent: new Agent({ rejectUnauthorized: false }),
    validateStatus: () => true,
    responseType: 'text',
    ...(call.explicitFollow
      ? path === 'axios-http'
        ? { maxRedirects: 21 }
        : { fetchOptions: { redirect: 'follow' } }
      : {}),
  })
  attachSigner(instance, signer)
  const response = await instance.request({
    method: call.method,
    url: call.url,
    headers: call.headers,
    data: call.body,
    signal: call.signal,
  })
  return { status: response.status, text: String(response.data) }
}

/** The paths that resolve with a fetch `Response` (as soon as its headers arrive). */
export type FetchPath = Exclude<AdapterPath, 'axios-http' | 'axios-fetch'>

/** Sends `call` through a fetch-shaped path and resolves with the `Response`, its body unread. */
export function openThrough(path: FetchPath, signer: Signer, call: UserCall): Promise<Response> {
  const init: RequestInit & { duplex?: 'half' } = { method: call.method, headers: call.headers }
  if (call.body !== undefined) init.body = call.body
  if (typeof call.body === 'object') init.duplex = 'half'
  if (call.explicitFollow) init.redirect = 'follow'
  if (call.signal) init.signal = call.signal
  switch (path) {
    case 'fetch-url':
      return createSignedFetch(signer)(call.url, init)
    case 'fetch-request':
      return createSignedFetch(signer)(new Request(call.url, init))
    case 'ky1':
    case 'ky2': {
      const ky = path === 'ky1' ? ky1 : ky2
      const api = ky.create({ hooks: createKyHooks(signer), retry: 0, throwHttpErrors: false })
      return api(call.url, init as never)
    }
  }
}

async function read(response: Response): Promise<Outcome> {
  return { status: response.status, text: await response.text() }
}
