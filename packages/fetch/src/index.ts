export * from '@awssig/core'
export { copyHeaders } from './copy-headers'
export { createSignedFetch, type SignedFetch, type SignedFetchOptions } from './create-signed-fetch'
export {
  headerPairs,
  type LegacySendSignedOptions,
  type OutgoingRequest,
  sendSigned,
  signableHeaderPairs,
  withoutCredentialHeaders,
  withoutSignatureHeaders,
} from './deprecated'
