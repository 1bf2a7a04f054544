export * from '@awssig/core/realtime'
export { WebSocketConnectionError } from './errors'
export {
  type OpenSignedWebSocketOptions,
  openSignedWebSocket,
  type RealtimeSubscription,
  type SignedWebSocket,
} from './open-signed-websocket'
export type { WebSocketConstructorLike, WebSocketLike } from './websocket-like'
