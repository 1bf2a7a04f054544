import { RuleCode } from './rule-messages'

/** A request's host, normalized the way rules compare it. */
export interface NormalizedHost {
  /** Lowercase, punycode, no trailing dot, IPv6 in brackets, no port. */
  hostname: string
  /** Explicit port, or the scheme's default (80/443); `undefined` for schemes without one. */
  port: number | undefined
}

/** A compiled host pattern: `matches` is pure and allocation-free for the exact and suffix forms. */
export interface HostMatcher {
  kind: 'exact' | 'suffix' | 'regexp'
  /** Exact hostname, or the suffix without the leading `*.`; `undefined` for RegExp patterns. */
  hostname?: string
  /** The only port this pattern matches; `undefined` matches any port. */
  port?: number
  matches(host: NormalizedHost): boolean
  /** The pattern as written, for messages. */
  source: string
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443 }

/** Normalizes a URL's host for rule matching and AWS host inference. */
export function normalizeUrlHost(url: URL): NormalizedHost {
  // URL already lowercases and converts IDN labels to punycode; only the trailing dot is left to drop.
  const hostname = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname
  const port = url.port === '' ? DEFAULT_PORTS[url.protocol] : Number(url.port)
  return { hostname, port }
}

/**
 * Compiles a rule's `host` into a matcher. Returns the code of the problem (rule-messages.ts) for a malformed
 * pattern instead of throwing, so the caller can attach the rule index and field.
 */
export function compileHostPattern(pattern: unknown): HostMatcher | RuleCode {
  if (pattern instanceof RegExp) {
    if (pattern.global || pattern.sticky) {
      return RuleCode.regexpFlags
    }
    // Written anchors are required (so the rule reads as what it matches), and the whole host is matched
    // anyway: `^a|b$` is anchored in writing only, each alternative is tested against the full host.
    if (!/^\^[\s\S]*[^\\]\$$/.test(pattern.source)) {
      return RuleCode.regexpAnchors
    }
    const regexp = new RegExp(`^(?:${pattern.source})$`, pattern.flags)
    return {
      kind: 'regexp',
      source: String(pattern),
      matches: (host) => regexp.test(host.hostname),
    }
  }
  if (typeof pattern !== 'string') {
    return RuleCode.hostType
  }
  const text = pattern.trim()
  if (text === '') return RuleCode.hostEmpty
  // URL reads a backslash as a path separator for http: `api.example.com\x` would become api.example.com.
  if (text.includes('://') || /[/\\?#@\s]/.test(text)) {
    return RuleCode.hostIsUrl
  }
  const wildcard = text.startsWith('*.')
  const rest = wildcard ? text.slice(2) : text
  if (rest.includes('*')) {
    return RuleCode.hostStar
  }
  let parsed: URL
  try {
    parsed = new URL(`http://${rest}`)
  } catch {
    return RuleCode.hostInvalid
  }
  const { hostname } = normalizeUrlHost(parsed)
  if (hostname === '' || hostname.startsWith('.') || hostname.includes('..')) {
    return RuleCode.hostInvalid
  }
  // URL drops an explicit :80 for http; keep the port as written.
  const portMatch = /:(\d+)$/.exec(rest)
  const port = portMatch ? Number(portMatch[1]) : undefined
  if (port !== undefined && (port < 1 || port > 65535)) return RuleCode.hostPortRange
  if (!portMatch && /:[^\]]*$/.test(rest) && !rest.startsWith('[')) {
    return RuleCode.hostPortMalformed
  }
  if (wildcard && isPublicSuffix(hostname)) {
    return RuleCode.hostPublicSuffix
  }
  const dotted = `.${hostname}`
  return {
    kind: wildcard ? 'suffix' : 'exact',
    hostname,
    port,
    source: pattern,
    matches: (host) =>
      (port === undefined || host.port === port) &&
      // One or more labels before the suffix: `*.example.com` never matches `example.com` itself.
      (wildcard
        ? host.hostname.length > dotted.length && host.hostname.endsWith(dotted)
        : host.hostname === hostname),
  }
}

// Second-level suffixes open to public registration, a short list (not the Public Suffix List): a wildcard
// over any single label (`*.com`, `*.dev`) is refused anyway, these are the common two-label ones.
const PUBLIC_SECOND_LEVEL = /^(?:(?:co|com|net|org|gov|edu|ac)\.[a-z]{2}|github\.io|herokuapp\.com)$/

/** Whether `*.suffix` would span names anyone can register (see {@link PUBLIC_SECOND_LEVEL}). */
function isPublicSuffix(suffix: string): boolean {
  return !suffix.includes('.') || PUBLIC_SECOND_LEVEL.test(suffix)
}
