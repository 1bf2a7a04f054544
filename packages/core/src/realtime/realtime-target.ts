import { InvalidRealtimeOptionError } from './errors'
import type { RealtimeProtocol } from './types'

const PROTOCOLS: readonly RealtimeProtocol[] = ['apigateway', 'iot', 'appsync-graphql', 'appsync-events']

/** A realtime URL with what its protocol signs. */
export interface RealtimeTarget {
  protocol: RealtimeProtocol
  /** The `wss:` URL as given. */
  url: URL
  /** AppSync only: the API's HTTP endpoint (its host goes into the authorization). */
  httpUrl?: URL
}

/** Parses and checks a realtime URL; the protocol comes from the option or the path. */
export function realtimeTarget(
  url: string | URL,
  protocol?: RealtimeProtocol,
  httpUrl?: string | URL,
): RealtimeTarget {
  const parsed = parseUrl(url, 'url')
  if (parsed.protocol !== 'wss:' && parsed.protocol !== 'ws:') {
    throw new InvalidRealtimeOptionError(
      `A realtime URL must start with wss:// (got ${parsed.protocol}//${parsed.host})`,
      'url',
    )
  }
  if (protocol !== undefined && !PROTOCOLS.includes(protocol)) {
    throw new InvalidRealtimeOptionError(
      `options.protocol must be one of ${PROTOCOLS.join(', ')} (got ${String(protocol)})`,
      'protocol',
    )
  }
  const detected = protocol ?? protocolOfPath(parsed.pathname)
  if (detected !== 'appsync-graphql' && detected !== 'appsync-events')
    return { protocol: detected, url: parsed }
  const http = httpUrl === undefined ? appSyncHttpUrl(parsed, detected) : parseUrl(httpUrl, 'httpUrl')
  return { protocol: detected, url: parsed, httpUrl: http }
}

/** `/mqtt` is IoT, `/graphql` and `/graphql/realtime` AppSync GraphQL, `/event/realtime` AppSync Events. */
export function protocolOfPath(pathname: string): RealtimeProtocol {
  if (pathname === '/mqtt') return 'iot'
  if (pathname === '/graphql' || pathname === '/graphql/realtime') return 'appsync-graphql'
  if (pathname === '/event/realtime') return 'appsync-events'
  return 'apigateway'
}

/**
 * The HTTP endpoint of an AppSync API from its realtime URL: AWS domains swap `appsync-realtime-api` for
 * `appsync-api`; custom domains serve both on one host (`/graphql/realtime` → `/graphql`,
 * `/event/realtime` → `/event`).
 * https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html
 */
function appSyncHttpUrl(url: URL, protocol: 'appsync-graphql' | 'appsync-events'): URL {
  const host = url.host.replace('.appsync-realtime-api.', '.appsync-api.')
  return new URL(`https://${host}${protocol === 'appsync-graphql' ? '/graphql' : '/event'}`)
}

function parseUrl(url: string | URL, field: string): URL {
  try {
    return new URL(String(url))
  } catch (error) {
    throw new InvalidRealtimeOptionError(`options.${field} is not an absolute URL`, field, { cause: error })
  }
}
