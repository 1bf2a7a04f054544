export * from '@awssig/core'
export { createSignedFetch, type SignedFetch, type SignedFetchOptions } from './create-signed-fetch'
export {
  copyHeaders,
  headerPairs,
  isAlreadySigned,
  signableHeaderPairs,
  withoutCredentialHeaders,
  withoutSignatureHeaders,
} from './credential-headers'
export { isBrowserLike } from './environment'
export {
  type FirstAnswer,
  isStream,
  type OutgoingRequest,
  type SendSignedOptions,
  sendSigned,
} from './send-signed'
