// The request loop every adapter runs, and the policy functions it is made of (axios, which must let its own
// transport drive the exchange, calls the policy functions directly).
export { copyOfBytes } from '../body/copy-of-bytes'
export { abortable } from './abort'
export {
  isCredentialHeader,
  isSignatureHeader,
  stripCredentialHeaders,
  stripSignatureHeaders,
} from './credential-headers'
export { isBrowserLike } from './environment'
export { isStream, type PreparedBody, prepareBody, type WireBody } from './outgoing-body'
export { keepsOwnAuthorization } from './own-authorization'
export { type RedirectMode, redirectModeFor } from './redirect-mode'
// The redirect policy itself is @awssig/core/redirects: the fetch path loads it only on a redirect.
export type { RedirectHop, RedirectOrigin } from './redirect-policy'
export {
  type FirstAnswer,
  type Hop,
  type LoopRequest,
  type SendHop,
  type SendSignedOptions,
  sendSigned,
} from './send-signed'
