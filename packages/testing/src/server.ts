export type {
  CognitoIdentityHandler,
  CognitoIdentityOptions,
  IdentityCall,
} from './identity/cognito-identity-handler'
export { createCognitoIdentityHandler } from './identity/cognito-identity-handler'
export type { IssueOptions } from './identity/issue-credentials'
export {
  createStsWebIdentityHandler,
  type StsWebIdentityHandler,
  type StsWebIdentityOptions,
} from './identity/sts-web-identity-handler'
export { createLoopbackFetch } from './server/loopback-fetch'
export {
  type IdentityServer,
  type IdentityServerOptions,
  startIdentityServer,
} from './server/start-identity-server'
export {
  type LoopbackWebSocketConstructor,
  type RealtimeServer,
  type RealtimeServerOptions,
  startRealtimeServer,
} from './server/start-realtime-server'
export {
  type ServedRequest,
  startVerifyingServer,
  type VerifyingServer,
  type VerifyingServerOptions,
} from './server/start-verifying-server'
export type { EndpointConfig, VerifierCredentials, VerifierOptions, VerifySuccess } from './verify/types'
