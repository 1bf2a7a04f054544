import type { SigningPlan } from '@awssig/core'

/**
 * The four signed WebSocket protocols:
 * - `apigateway`: API Gateway WebSocket APIs (`wss://<id>.execute-api.<region>.amazonaws.com/<stage>`).
 * - `iot`: AWS IoT Core MQTT over WebSockets (`wss://<prefix>-ats.iot.<region>.amazonaws.com/mqtt`).
 * - `appsync-graphql`: AppSync GraphQL subscriptions (`…appsync-realtime-api…/graphql`, custom domains
 *   `/graphql/realtime`).
 * - `appsync-events`: AppSync Events (`…/event/realtime`).
 */
export type RealtimeProtocol = 'apigateway' | 'iot' | 'appsync-graphql' | 'appsync-events'

/** Options of `signWebSocket`. */
export interface WebSocketSignOptions {
  /** Which protocol the URL speaks. @default detected from the URL's path (`/mqtt`, `/graphql…`, `/event/realtime`, else `apigateway`) */
  protocol?: RealtimeProtocol
  /**
   * API Gateway only: sign the handshake in headers (for clients that can send them, like Node's `ws`)
   * instead of a presigned URL (the only way for a browser's `WebSocket`). @default false
   */
  headers?: boolean
  /**
   * AppSync only: carry the connection authorization in the `header-<base64url>` subprotocol or in the URL's
   * `header=<base64>&payload=e30=` query. @default 'subprotocol'
   */
  appSyncAuth?: 'subprotocol' | 'query'
  /**
   * AppSync only: the API's HTTP endpoint, whose host the authorization names. @default derived from the URL
   * (`appsync-realtime-api` → `appsync-api`; custom domains keep their host)
   */
  httpUrl?: string | URL
  /** Seconds a presigned handshake URL stays valid (API Gateway, IoT). @default 300 */
  expiresIn?: number
  /** @default the signer's clock */
  signingDate?: Date
}

/** What a WebSocket constructor needs: `new WebSocket(url, protocols)` (and `headers` for Node's `ws`). */
export interface WebSocketHandshake {
  protocol: RealtimeProtocol
  /** The URL to open. Presigned for API Gateway and IoT: it is a credential, do not log it. */
  url: string
  /** Subprotocols to offer, in order. Empty when the protocol needs none. */
  protocols: string[]
  /** Headers to send with the upgrade request; only for API Gateway with `headers: true`. */
  headers?: Record<string, string>
  /** How the handshake was signed (service, region, algorithm, why). */
  plan: SigningPlan
}

/** An authorization object AppSync takes in a message (`start`, `subscribe`, `publish`). */
export type AppSyncAuthorization = Record<string, string>
