// The SigV4A variant of sigv4-direct: the same one-pass canonical request (no smithy import at all, so a
// fresh process loads almost nothing), the derived key cached as a Web Crypto key, and Web Crypto ECDSA.
// Measures how fast a first SigV4A signature can be when neither smithy nor its pure-JS ECDSA is loaded.
import { canonicalize, longDateOf, nodeCryptoPrimitives } from './sigv4-direct.mjs'
import { ALGORITHM, rawToDer, SigV4aKeyCache, toHex } from './sigv4a-webcrypto-key.mjs'

const encoder = new TextEncoder()

export function createDirectSigV4a({
  credentials,
  service,
  primitives = nodeCryptoPrimitives,
  cache = new SigV4aKeyCache(),
}) {
  const { sha256Hex } = primitives
  return async (request, signingDate, regionSet) => {
    const key = await cache.get(credentials)
    const longDate = longDateOf(signingDate)
    const extraHeaders = [['x-amz-region-set', regionSet.join(',')]]
    const { headers, signedHeaders, canonicalRequest } = canonicalize(request, {
      longDate,
      credentials,
      extraHeaders,
      sha256Hex,
    })
    const scope = `${longDate.slice(0, 8)}/${service}/aws4_request`
    const stringToSign = `${ALGORITHM}\n${longDate}\n${scope}\n${sha256Hex(canonicalRequest)}`
    const raw = new Uint8Array(
      await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, encoder.encode(stringToSign)),
    )
    headers.set(
      'authorization',
      `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${toHex(rawToDer(raw))}`,
    )
    return { headers }
  }
}
