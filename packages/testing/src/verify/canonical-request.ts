import { canonicalHeaders, type HeaderPairs, parseHeaderLines } from './canonical-headers'
import { canonicalQuery, parseQuery } from './canonical-query'
import { type CanonicalUriOptions, canonicalUri } from './canonical-uri'

/** The raw parts of a request as a server receives them, before any canonicalization. */
export interface CanonicalRequestParts {
  /** The request method exactly as sent (`GET`). */
  method: string
  /** The path as it appeared on the request line, without the query (`/a%20b`). */
  path: string
  /** The raw query string without `?` (may be empty). */
  query: string
  /** Header name/value pairs, names may repeat. */
  headers?: HeaderPairs
  /** Raw `Name:value` header lines (obsolete line folding allowed); added after `headers`. */
  headerLines?: readonly string[]
  /** Lowercase names from `SignedHeaders`, in the order the client listed them. */
  signedHeaders: readonly string[]
  /** Hex SHA-256 of the payload, or `UNSIGNED-PAYLOAD`. */
  payloadHash: string
  /** @default { doubleEncode: true, normalize: true } (every service but S3) */
  uri?: CanonicalUriOptions
  /** Query parameter names left out, e.g. `['X-Amz-Signature']` for presigned URLs. @default [] */
  excludeQuery?: readonly string[]
}

/**
 * Builds the SigV4/SigV4A canonical request from raw request parts, following AWS's "Create a canonical
 * request for Signature Version 4": method, canonical URI, canonical query, canonical headers, signed
 * headers and payload hash, separated by `\n`.
 *
 * @example
 * canonicalRequestOf({
 *   method: 'GET', path: '/', query: 'Param1=value1',
 *   headerLines: ['Host:example.amazonaws.com', 'X-Amz-Date:20150830T123600Z'],
 *   signedHeaders: ['host', 'x-amz-date'],
 *   payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
 * })
 */
export function canonicalRequestOf(parts: CanonicalRequestParts): string {
  const headers = [...(parts.headers ?? []), ...parseHeaderLines(parts.headerLines ?? [])]
  return [
    parts.method,
    canonicalUri(parts.path, parts.uri ?? { doubleEncode: true, normalize: true }),
    canonicalQuery(parseQuery(parts.query), parts.excludeQuery ?? []),
    canonicalHeaders(headers, parts.signedHeaders),
    parts.signedHeaders.join(';'),
    parts.payloadHash,
  ].join('\n')
}
