export { createLoopbackFetch } from './server/loopback-fetch'
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
