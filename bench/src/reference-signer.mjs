// A small, independent SigV4/SigV4A implementation on node:crypto, written from the AWS
// specification for the bench's request shapes only (no dot segments, no duplicate headers).
// It builds the floor's fixed inputs and is one more voice in the cross-check, so the floor is known
// to hash exactly the canonical request AWS would hash.
import { createECDH, createHash, createHmac, createPrivateKey, createPublicKey, verify } from 'node:crypto'

export function sha256Hex(data) {
  return createHash('sha256').update(data).digest('hex')
}

export function hmac(key, data) {
  return createHmac('sha256', key).update(data).digest()
}

/** kSigning = HMAC chain over date, region, service, "aws4_request". */
export function deriveSigV4Key(secretAccessKey, shortDate, region, service) {
  const kDate = hmac(`AWS4${secretAccessKey}`, shortDate)
  const kRegion = hmac(kDate, region)
  const kService = hmac(kRegion, service)
  return hmac(kService, 'aws4_request')
}

// n - 2 for P-256: the KDF retries while its output is larger, so that output + 1 lies in [1, n-1].
const P256_N_MINUS_2 = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc63254fn

/**
 * The SigV4A private key: NIST SP 800-108 counter-mode KDF with HMAC-SHA256, keyed by
 * "AWS4A" + secret, label "AWS4-ECDSA-P256-SHA256", context = access key id || counter byte,
 * output length 256 bits; retried with the next counter while the result exceeds n - 2.
 */
export function deriveSigV4aKeyPair(accessKeyId, secretAccessKey) {
  for (let counter = 1; counter < 255; counter++) {
    const fixedInput = Buffer.concat([
      Buffer.from([0, 0, 0, 1]),
      Buffer.from('AWS4-ECDSA-P256-SHA256'),
      Buffer.from([0]),
      Buffer.from(accessKeyId),
      Buffer.from([counter]),
      Buffer.from([0, 0, 1, 0]),
    ])
    const candidate = BigInt(`0x${hmac(`AWS4A${secretAccessKey}`, fixedInput).toString('hex')}`)
    if (candidate > P256_N_MINUS_2) continue
    const d = Buffer.from((candidate + 1n).toString(16).padStart(64, '0'), 'hex')
    const ecdh = createECDH('prime256v1')
    ecdh.setPrivateKey(d)
    const point = ecdh.getPublicKey()
    const jwk = {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    }
    return {
      privateKey: createPrivateKey({ key: { ...jwk, d: d.toString('base64url') }, format: 'jwk' }),
      publicKey: createPublicKey({ key: jwk, format: 'jwk' }),
    }
  }
  throw new Error('SigV4A key derivation exhausted its counter')
}

/** RFC 3986 unreserved characters stay; everything else is %XX (upper case), as SigV4 requires. */
export function uriEncode(value) {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

/**
 * Canonical request without its last line (the payload hash), so the floor can append a fresh hash.
 * Non-S3 services encode each path segment again (the "double encoding" AWS documents).
 */
export function canonicalRequestPrefix({ method, url, headers }) {
  const parsed = new URL(url)
  const path = parsed.pathname
    .split('/')
    .map((segment) => uriEncode(segment))
    .join('/')
  const query = [...parsed.searchParams]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)])
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  const all = { host: parsed.host, ...lowerCaseKeys(headers) }
  const names = Object.keys(all).sort()
  const canonicalHeaders = names.map((name) => `${name}:${String(all[name]).trim().replace(/\s+/g, ' ')}\n`)
  const signedHeaders = names.join(';')
  return {
    prefix: `${method}\n${path}\n${query}\n${canonicalHeaders.join('')}\n${signedHeaders}\n`,
    signedHeaders,
  }
}

/** Full SigV4 signature of a request; `headers` must already include x-amz-date (and any others to sign). */
export function signSigV4({ method, url, headers, body, credentials, service, region, amzDate }) {
  const { prefix, signedHeaders } = canonicalRequestPrefix({ method, url, headers })
  const payloadHash = lowerCaseKeys(headers)['x-amz-content-sha256'] ?? sha256Hex(body ?? '')
  const canonicalRequest = prefix + payloadHash
  const scope = `${amzDate.slice(0, 8)}/${region}/${service}/aws4_request`
  const stringToSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha256Hex(canonicalRequest)}`
  const key = deriveSigV4Key(credentials.secretAccessKey, amzDate.slice(0, 8), region, service)
  const signature = hmac(key, stringToSign).toString('hex')
  return {
    signature,
    signedHeaders,
    canonicalRequest,
    stringToSign,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  }
}

/** The SigV4A string to sign for a request whose signed headers are exactly `headers` (+ host). */
export function sigV4aStringToSign({ method, url, headers, body, service, amzDate }) {
  const { prefix, signedHeaders } = canonicalRequestPrefix({ method, url, headers })
  const payloadHash = lowerCaseKeys(headers)['x-amz-content-sha256'] ?? sha256Hex(body ?? '')
  const canonicalRequest = prefix + payloadHash
  const scope = `${amzDate.slice(0, 8)}/${service}/aws4_request`
  return {
    signedHeaders,
    canonicalRequest,
    stringToSign: `AWS4-ECDSA-P256-SHA256\n${amzDate}\n${scope}\n${sha256Hex(canonicalRequest)}`,
  }
}

/** Checks a hex DER ECDSA signature over `stringToSign` (SHA-256) with the derived public key. */
export function verifySigV4a(publicKey, stringToSign, signatureHex) {
  return verify('sha256', Buffer.from(stringToSign), publicKey, Buffer.from(signatureHex, 'hex'))
}

/** Parses `AWS4-… Credential=…, SignedHeaders=…, Signature=…`. */
export function parseAuthorization(value) {
  const match = /^(\S+) Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)$/.exec(value ?? '')
  if (!match) return undefined
  return { algorithm: match[1], credential: match[2], signedHeaders: match[3], signature: match[4] }
}

function lowerCaseKeys(headers) {
  const out = {}
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = v
  return out
}
