import { HttpRequest } from '@smithy/protocol-http'

/** URL string → smithy HttpRequest, keeping repeated query keys (as the SDK's own parsers do). */
export function toHttpRequest(shape) {
  const url = new URL(shape.url)
  const query = {}
  for (const [key, value] of url.searchParams) {
    const existing = query[key]
    if (existing === undefined) query[key] = value
    else if (Array.isArray(existing)) existing.push(value)
    else query[key] = [existing, value]
  }
  return new HttpRequest({
    method: shape.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query,
    headers: { host: url.host, ...shape.headers },
    body: shape.body,
  })
}
