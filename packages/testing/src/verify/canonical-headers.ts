/** Header name/value pairs in the order they were received; a name may repeat. */
export type HeaderPairs = ReadonlyArray<readonly [name: string, value: string]>

/**
 * Parses raw HTTP/1.1 header lines (`Name:value`). A line starting with a space or tab continues the
 * previous value (obsolete line folding, RFC 7230 §3.2.4): it is joined with a single space.
 */
export function parseHeaderLines(lines: readonly string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  for (const line of lines) {
    const last = pairs[pairs.length - 1]
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      last[1] = `${last[1]} ${canonicalHeaderValue(line)}`
      continue
    }
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    pairs.push([line.slice(0, colon), line.slice(colon + 1)])
  }
  return pairs
}

/**
 * SigV4 header value rule: trim, and collapse each run of spaces and tabs to one space. Only SP and HTAB are
 * whitespace in a field value (RFC 9110 §5.5, OWS): a no-break space, vertical tab or form feed is part of it.
 */
export function canonicalHeaderValue(value: string): string {
  return value.replace(/^[ \t]+|[ \t]+$/g, '').replace(/[ \t]+/g, ' ')
}

/**
 * The canonical headers block: one `name:value\n` line per signed header, in `signedHeaders` order.
 * Repeated headers are joined with `,` in the order they were received. A signed header that the
 * request lacks is written with an empty value, which will not match what the client signed.
 */
export function canonicalHeaders(headers: HeaderPairs, signedHeaders: readonly string[]): string {
  const byName = new Map<string, string[]>()
  for (const [name, value] of headers) {
    const key = name.toLowerCase()
    const values = byName.get(key) ?? []
    values.push(canonicalHeaderValue(value))
    byName.set(key, values)
  }
  return signedHeaders.map((name) => `${name}:${(byName.get(name) ?? []).join(',')}\n`).join('')
}
