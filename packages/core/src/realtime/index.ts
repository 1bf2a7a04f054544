export {
  type AppSyncMessageOptions,
  type AppSyncMessageSigner,
  createAppSyncMessageSigner,
  type GraphQLSubscription,
  serializeEvent,
} from './appsync-messages'
export { base64, base64Url } from './base64'
export { InvalidRealtimeOptionError } from './errors'
export { protocolOfPath } from './realtime-target'
export { signWebSocket } from './sign-handshake'
export type {
  AppSyncAuthorization,
  RealtimeProtocol,
  WebSocketHandshake,
  WebSocketSignOptions,
} from './types'
