/** The four signed WebSocket protocols, as this package tells them apart (its own rules, not the signer's). */
export type RealtimeKind = 'apigateway' | 'iot' | 'appsync-graphql' | 'appsync-events'

/** Which service a WebSocket URL speaks to, from its path and offered subprotocols. */
export function realtimeKindOf(url: URL, protocols: readonly string[] = []): RealtimeKind {
  if (url.pathname === '/mqtt' || protocols.includes('mqtt')) return 'iot'
  if (url.pathname === '/event/realtime' || protocols.includes('aws-appsync-event-ws'))
    return 'appsync-events'
  if (
    url.pathname === '/graphql' ||
    url.pathname === '/graphql/realtime' ||
    protocols.includes('graphql-ws')
  ) {
    return 'appsync-graphql'
  }
  return 'apigateway'
}

/** The AppSync HTTP path a realtime URL's signatures are computed for. */
export function appSyncSignedPath(
  kind: 'appsync-graphql' | 'appsync-events',
  what: 'connect' | 'message',
): string {
  if (kind === 'appsync-events') return '/event'
  return what === 'connect' ? '/graphql/connect' : '/graphql'
}
