import axios, { type InternalAxiosRequestConfig } from 'axios'
import { describe, expectTypeOf, test } from 'vitest'
import {
  type AttachSignerOptions,
  type AxiosInterceptorOptions,
  attachSigner,
  createAxiosInterceptor,
  type Signer,
} from '../../src/index'

declare const signer: Signer

describe('axios adapter types', () => {
  test('attachSigner takes an instance and returns its detach function', () => {
    expectTypeOf(attachSigner(axios.create(), signer)).toEqualTypeOf<() => void>()
    // @ts-expect-error the instance comes first
    attachSigner(signer, axios.create())
  })

  test('createAxiosInterceptor returns a request interceptor', () => {
    const interceptor = createAxiosInterceptor(signer)
    expectTypeOf(interceptor).parameter(0).toEqualTypeOf<InternalAxiosRequestConfig>()
    expectTypeOf(interceptor).returns.resolves.toEqualTypeOf<InternalAxiosRequestConfig>()
    axios.interceptors.request.use(interceptor)
  })

  test('options are typed', () => {
    expectTypeOf<AttachSignerOptions['followRedirects']>().toEqualTypeOf<boolean | undefined>()
    expectTypeOf<AxiosInterceptorOptions['followRedirects']>().toEqualTypeOf<boolean | undefined>()
    // @ts-expect-error an unknown option is a type error
    attachSigner(axios.create(), signer, { retries: 2 })
  })
})
