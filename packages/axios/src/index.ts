export * from '@awssig/core'
export { type AttachSignerOptions, attachSigner } from './attach-signer'
export { type AxiosInterceptorOptions, createAxiosInterceptor } from './create-axios-interceptor'
