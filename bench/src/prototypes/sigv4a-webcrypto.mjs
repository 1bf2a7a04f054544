// A prototype of the SigV4A path issue 6 proposes for @awssig/core, using Web APIs only: smithy's
// exported canonicalization building blocks, the signing key derived as AWS specifies and cached per
// credentials, and Web Crypto ECDSA P-256 whose raw r‖s output is re-encoded as DER (the form AWS
// expects). It lives in the bench to measure what that design achieves; the cross-check verifies it.
import { Sha256 } from '@aws-crypto/sha256-universal'
import { getCanonicalHeaders, getPayloadHash, prepareRequest, SignatureV4Base } from '@smithy/signature-v4'
import { ALGORITHM, rawToDer, SigV4aKeyCache, toHex } from './sigv4a-webcrypto-key.mjs'

const encoder = new TextEncoder()

/**
 * Signs a smithy HttpRequest with SigV4A. Canonical request and string to sign come from smithy's
 * SignatureV4Base, so they are byte-identical to `@smithy/signature-v4a`'s.
 */
export function createWebCryptoSigV4a({ service, credentials, cache = new SigV4aKeyCache() }) {
  const base = new SignatureV4Base({ service, region: '', credentials, sha256: Sha256, uriEscapePath: true })
  return async (unsigned, { signingDate, regionSet }) => {
    const key = await cache.get(credentials)
    const request = prepareRequest(unsigned)
    const { longDate, shortDate } = base.formatDate(signingDate)
    const scope = `${shortDate}/${service}/aws4_request`
    request.headers['x-amz-date'] = longDate
    if (credentials.sessionToken) request.headers['x-amz-security-token'] = credentials.sessionToken
    request.headers['x-amz-region-set'] = regionSet.join(',')
    const payloadHash = await getPayloadHash(request, Sha256)
    request.headers['x-amz-content-sha256'] = payloadHash
    const canonicalHeaders = getCanonicalHeaders(request)
    const canonicalRequest = base.createCanonicalRequest(request, canonicalHeaders, payloadHash)
    const stringToSign = await base.createStringToSign(longDate, scope, canonicalRequest, ALGORITHM)
    const raw = new Uint8Array(
      await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, encoder.encode(stringToSign)),
    )
    request.headers.authorization = `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${base.getCanonicalHeaderList(canonicalHeaders)}, Signature=${toHex(rawToDer(raw))}`
    return request
  }
}
