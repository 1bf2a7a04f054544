export type { AppSyncError } from './realtime/appsync-answers'
export { appSyncJson } from './realtime/decode-header'
export { type RealtimeKind, realtimeKindOf } from './realtime/realtime-kind'
export { type AppSyncMessageVerdict, verifyAppSyncMessage } from './realtime/verify-appsync-message'
export {
  type RealtimeVerifyResult,
  verifyAppSyncAuthorization,
  verifyWebSocketHandshake,
  type WebSocketHandshakeInput,
} from './realtime/verify-handshake'
export {
  canonicalHeaders,
  canonicalHeaderValue,
  type HeaderPairs,
  parseHeaderLines,
} from './verify/canonical-headers'
export { canonicalQuery, parseQuery, type QueryParameter } from './verify/canonical-query'
export { type CanonicalRequestParts, canonicalRequestOf } from './verify/canonical-request'
export { type CanonicalUriOptions, canonicalUri, normalizePath } from './verify/canonical-uri'
export { defaultDialect } from './verify/find-endpoint'
export { regionSetCovers } from './verify/region-set'
export { SIGV4_ALGORITHM, SIGV4A_ALGORITHM, sigv4Signature, stringToSignOf } from './verify/sigv4'
export { deriveSigV4aKeyPair, type SigV4aKeyPair, verifySigV4aSignature } from './verify/sigv4a-key'
export { type EchoBody, echoBody, toResponse } from './verify/to-response'
export type {
  Dialect,
  EndpointConfig,
  VerifierAlgorithm,
  VerifierCredentials,
  VerifierOptions,
  VerifyFailure,
  VerifyResult,
  VerifySuccess,
} from './verify/types'
export { verifyRequest } from './verify/verify-request'
