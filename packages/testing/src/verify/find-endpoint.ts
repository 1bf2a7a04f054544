import type { Dialect, EndpointConfig } from './types'

/** An endpoint matched for a request, with its effective dialect. */
export interface MatchedEndpoint {
  key: string
  config: EndpointConfig
  dialect: Dialect
}

const S3_SERVICES = new Set(['s3', 's3-object-lambda', 's3-outposts'])

/** The dialect a service answers in when the endpoint does not set one. */
export function defaultDialect(service: string): Dialect {
  if (service === 'execute-api') return 'apigateway'
  if (S3_SERVICES.has(service)) return 's3'
  return 'query'
}

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/\.(?=$|:)/, '')
}

/**
 * Finds the endpoint for a URL: a key with a port must match `hostname:port` exactly; a key without a port
 * matches the hostname on any port. Hostnames compare case-insensitively, a trailing dot ignored.
 */
export function findEndpoint(
  url: URL,
  endpoints: Record<string, EndpointConfig>,
): MatchedEndpoint | undefined {
  const hostname = url.hostname.toLowerCase().replace(/\.$/, '')
  const port = url.port || (url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '')
  let withoutPort: MatchedEndpoint | undefined
  for (const [key, config] of Object.entries(endpoints)) {
    const normalized = normalizeKey(key)
    const dialect = config.dialect ?? defaultDialect(config.service)
    if (normalized === `${hostname}:${port}`) return { key, config, dialect }
    if (normalized === hostname && !withoutPort) withoutPort = { key, config, dialect }
  }
  return withoutPort
}
