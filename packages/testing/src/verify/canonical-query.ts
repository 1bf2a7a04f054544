import { percentDecodeBytes, uriEncodeBytes } from './uri-encode'

/** One query parameter, decoded as a service decodes it. */
export interface QueryParameter {
  name: string
  value: string
  /** The name and value re-encoded per RFC 3986, as they appear in the canonical query string. */
  encodedName: string
  encodedValue: string
}

const decoder = new TextDecoder()

/**
 * Reads a raw query string (without `?`) the way AWS services do: `&`-separated, `+` is a space, a key
 * without `=` has an empty value, and repeated keys are all kept in order.
 */
export function parseQuery(rawQuery: string): QueryParameter[] {
  const query = rawQuery.startsWith('?') ? rawQuery.slice(1) : rawQuery
  const parameters: QueryParameter[] = []
  if (query === '') return parameters
  for (const piece of query.split('&')) {
    if (piece === '') continue
    const equals = piece.indexOf('=')
    const rawName = equals === -1 ? piece : piece.slice(0, equals)
    const rawValue = equals === -1 ? '' : piece.slice(equals + 1)
    const nameBytes = percentDecodeBytes(rawName, true)
    const valueBytes = percentDecodeBytes(rawValue, true)
    parameters.push({
      name: decoder.decode(nameBytes),
      value: decoder.decode(valueBytes),
      encodedName: uriEncodeBytes(nameBytes),
      encodedValue: uriEncodeBytes(valueBytes),
    })
  }
  return parameters
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The canonical query string: every parameter (except the names in `exclude`, such as `X-Amz-Signature`)
 * encoded per RFC 3986, sorted by encoded name, then by encoded value, joined with `&`.
 */
export function canonicalQuery(
  parameters: readonly QueryParameter[],
  exclude: readonly string[] = [],
): string {
  return parameters
    .filter((parameter) => !exclude.includes(parameter.name))
    .map((parameter) => [parameter.encodedName, parameter.encodedValue] as const)
    .sort((a, b) => compareCodeUnits(a[0], b[0]) || compareCodeUnits(a[1], b[1]))
    .map(([name, value]) => `${name}=${value}`)
    .join('&')
}
