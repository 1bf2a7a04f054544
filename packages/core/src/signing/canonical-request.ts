/** A canonical request and the `SignedHeaders` list that goes with it. */
export interface CanonicalRequest {
  canonicalRequest: string
  signedHeaders: string
}

const FOLDABLE_WHITESPACE = /\s{2,}|[^\S ]/

/**
 * The SigV4/SigV4A canonical request: method, canonical URI, canonical query, `name:value` lines sorted by
 * (lowercase) name with values trimmed and inner whitespace runs collapsed to one space, the signed header
 * list, and the payload hash. Built in one pass, byte for byte as smithy's `SignatureV4` builds it.
 */
export function buildCanonicalRequest(
  method: string,
  path: string,
  query: string,
  headers: Readonly<Record<string, string>>,
  payloadHash: string,
): CanonicalRequest {
  const names = Object.keys(headers).sort()
  let lines = ''
  for (const name of names) {
    let value = (headers[name] ?? '').trim()
    if (FOLDABLE_WHITESPACE.test(value)) value = value.replace(/\s+/g, ' ')
    lines += `${name}:${value}\n`
  }
  const signedHeaders = names.join(';')
  return {
    canonicalRequest: `${method}\n${path}\n${query}\n${lines}\n${signedHeaders}\n${payloadHash}`,
    signedHeaders,
  }
}
