// The floor: the node:crypto work no signer can avoid once its signing key is cached.
// SigV4: SHA-256 of the payload, SHA-256 of the canonical request, one HMAC of the string to sign.
// SigV4A: the same two SHA-256 plus one ECDSA P-256 signature (which hashes the string to sign itself).
// The canonical request is prepared once, outside the timed loop: building it is signer overhead,
// which is exactly what the ratios to the floor expose.
import { createHash, createHmac, sign } from 'node:crypto'
import {
  canonicalRequestPrefix,
  deriveSigV4aKeyPair,
  deriveSigV4Key,
  sha256Hex,
  verifySigV4a,
} from './reference-signer.mjs'
import { AMZ_DATE, CREDENTIALS } from './request-shapes.mjs'

/** Headers the floor signs: what a default-configured signer sends for this shape (host is implicit). */
export function floorSignedHeaders(shape) {
  const headers = { ...shape.headers, 'x-amz-date': AMZ_DATE }
  if (shape.algorithm === 'sigv4a') headers['x-amz-region-set'] = shape.regionSet.join(',')
  return headers
}

/**
 * Returns a synchronous function doing the floor work for `shape`; it returns the signature (hex) so
 * the work cannot be optimised away and the cross-check can compare it.
 */
export function createFloor(shape) {
  const { prefix } = canonicalRequestPrefix({
    method: shape.method,
    url: shape.url,
    headers: floorSignedHeaders(shape),
  })
  const body = shape.body ?? ''
  const shortDate = AMZ_DATE.slice(0, 8)
  if (shape.algorithm === 'sigv4a') {
    const { privateKey, publicKey } = deriveSigV4aKeyPair(
      CREDENTIALS.accessKeyId,
      CREDENTIALS.secretAccessKey,
    )
    const stsPrefix = `AWS4-ECDSA-P256-SHA256\n${AMZ_DATE}\n${shortDate}/${shape.service}/aws4_request\n`
    const run = () => {
      const payloadHash = createHash('sha256').update(body).digest('hex')
      const requestHash = createHash('sha256')
        .update(prefix + payloadHash)
        .digest('hex')
      return sign('sha256', Buffer.from(stsPrefix + requestHash), privateKey).toString('hex')
    }
    run.verify = (signatureHex) =>
      verifySigV4a(publicKey, `${stsPrefix}${sha256Hex(prefix + sha256Hex(body))}`, signatureHex)
    return run
  }
  const key = deriveSigV4Key(CREDENTIALS.secretAccessKey, shortDate, shape.region, shape.service)
  const stsPrefix = `AWS4-HMAC-SHA256\n${AMZ_DATE}\n${shortDate}/${shape.region}/${shape.service}/aws4_request\n`
  return () => {
    const payloadHash = createHash('sha256').update(body).digest('hex')
    const requestHash = createHash('sha256')
      .update(prefix + payloadHash)
      .digest('hex')
    return createHmac('sha256', key)
      .update(stsPrefix + requestHash)
      .digest('hex')
  }
}
