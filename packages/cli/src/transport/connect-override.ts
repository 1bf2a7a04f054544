import { UsageError } from '../cli-error'

/**
 * Where to open the TCP connection instead of the URL's own host and port, as curl's `--connect-to`
 * and `--resolve` do. The request keeps the URL's `Host` header, which is what was signed, so this is
 * how the CLI reaches a loopback verifying server or a VPC endpoint without re-signing for another host.
 */
export interface ConnectOverride {
  /** Hostname to match (lowercase); empty matches any host. */
  host: string
  /** Port to match; empty matches any port. */
  port: string
  connectHost: string
  /** Port to connect to; empty keeps the URL's port. */
  connectPort: string
}

/**
 * Parses curl's `--connect-to HOST:PORT:CONNECT_HOST:CONNECT_PORT` (HOST and PORT may be empty to match
 * any; an IPv6 address goes in brackets).
 * @example parseConnectTo('api.example.com:443:127.0.0.1:8080')
 */
export function parseConnectTo(value: string): ConnectOverride {
  const parts = splitColons(value)
  if (parts.length !== 4 || !parts[2]) {
    throw new UsageError(`--connect-to "${value}" must look like HOST:PORT:CONNECT_HOST:CONNECT_PORT.`)
  }
  const [host, port, connectHost, connectPort] = parts as [string, string, string, string]
  checkPort(port, value, '--connect-to')
  checkPort(connectPort, value, '--connect-to')
  return { host: host.toLowerCase(), port, connectHost, connectPort }
}

/**
 * Parses curl's `--resolve HOST:PORT:ADDRESS`: connect to ADDRESS on the same port.
 * @example parseResolve('api.example.com:443:127.0.0.1')
 */
export function parseResolve(value: string): ConnectOverride {
  const parts = splitColons(value)
  if (parts.length !== 3 || !parts[0] || !parts[1] || !parts[2]) {
    throw new UsageError(`--resolve "${value}" must look like HOST:PORT:ADDRESS.`)
  }
  const [host, port, address] = parts as [string, string, string]
  checkPort(port, value, '--resolve')
  return { host: host.toLowerCase(), port, connectHost: address, connectPort: '' }
}

/** The first override that matches the URL, as curl applies them. */
export function pickConnectTarget(
  url: URL,
  overrides: readonly ConnectOverride[],
): { host: string; port: number } {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80')
  const hostname = stripBrackets(url.hostname).toLowerCase()
  for (const override of overrides) {
    if (
      (override.host === '' || override.host === hostname) &&
      (override.port === '' || override.port === port)
    ) {
      return { host: stripBrackets(override.connectHost), port: Number(override.connectPort || port) }
    }
  }
  return { host: stripBrackets(url.hostname), port: Number(port) }
}

function splitColons(value: string): string[] {
  // Split on ':' except inside [...] so IPv6 addresses can be given as [::1].
  const parts: string[] = []
  let current = ''
  let depth = 0
  for (const char of value) {
    if (char === '[') depth++
    if (char === ']') depth--
    if (char === ':' && depth === 0) {
      parts.push(current)
      current = ''
    } else {
      current += char
    }
  }
  parts.push(current)
  return parts
}

function checkPort(port: string, value: string, flag: string): void {
  if (port !== '' && !/^\d{1,5}$/.test(port))
    throw new UsageError(`${flag} "${value}" has an invalid port "${port}".`)
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host
}
