import { p256 } from '@noble/curves/nist.js'
import { canonicalRequestOf, deriveSigV4aKeyPair, sigv4Signature, stringToSignOf } from '../../src/index'
import { sha256, sha256Hex, toHex } from '../../src/verify/crypto'

export const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
}
export const SESSION_CREDENTIALS = { ...CREDENTIALS, sessionToken: 'session-token-example' }

/** What the test signer signs. It reaches error paths; acceptance itself is proven by the AWS suite. */
export interface TestSignInput {
  url: string
  method?: string
  headers?: Record<string, string>
  body?: string
  service: string
  region?: string
  regionSet?: string[]
  date: Date
  accessKeyId?: string
  secretAccessKey?: string
  sessionToken?: string
  /** S3 rules: path as sent, `x-amz-content-sha256` header. */
  s3?: boolean
  /** Header value for `x-amz-content-sha256` (`'hash'`: the body's hash). */
  contentSha256?: 'hash' | 'UNSIGNED-PAYLOAD' | string
  /** Presign for this many seconds instead of signing headers. */
  presign?: number
}

function amzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

export async function signForTest(input: TestSignInput): Promise<Request> {
  const url = new URL(input.url)
  const method = input.method ?? 'GET'
  const body = input.body ?? ''
  const headers = new Headers(input.headers)
  const date = amzDate(input.date)
  const sigv4a = input.regionSet !== undefined
  const algorithm = sigv4a ? 'AWS4-ECDSA-P256-SHA256' : 'AWS4-HMAC-SHA256'
  const accessKeyId = input.accessKeyId ?? CREDENTIALS.accessKeyId
  const secretAccessKey = input.secretAccessKey ?? CREDENTIALS.secretAccessKey
  const scope = sigv4a
    ? `${date.slice(0, 8)}/${input.service}/aws4_request`
    : `${date.slice(0, 8)}/${input.region}/${input.service}/aws4_request`
  const bodyHash = await sha256Hex(body)
  const contentSha256 = input.contentSha256 === 'hash' ? bodyHash : input.contentSha256
  if (contentSha256 !== undefined) headers.set('x-amz-content-sha256', contentSha256)

  let signedHeaders: string[]
  if (input.presign !== undefined) {
    const params = url.searchParams
    params.set('X-Amz-Algorithm', algorithm)
    params.set('X-Amz-Credential', `${accessKeyId}/${scope}`)
    params.set('X-Amz-Date', date)
    params.set('X-Amz-Expires', String(input.presign))
    if (sigv4a) params.set('X-Amz-Region-Set', input.regionSet!.join(','))
    if (input.sessionToken) params.set('X-Amz-Security-Token', input.sessionToken)
    signedHeaders = ['host']
    params.set('X-Amz-SignedHeaders', 'host')
  } else {
    headers.set('x-amz-date', date)
    if (sigv4a) headers.set('x-amz-region-set', input.regionSet!.join(','))
    if (input.sessionToken) headers.set('x-amz-security-token', input.sessionToken)
    signedHeaders = [
      'host',
      ...[...headers.keys()].filter((n) => n === 'content-type' || n.startsWith('x-amz-')),
    ].sort()
  }
  const payloadHash =
    input.presign !== undefined && input.s3
      ? (contentSha256 ?? url.searchParams.get('x-amz-content-sha256') ?? 'UNSIGNED-PAYLOAD')
      : (contentSha256 ?? bodyHash)
  const canonicalRequest = canonicalRequestOf({
    method,
    path: url.pathname,
    query: url.search,
    headers: [...headers, ['host', url.host]],
    signedHeaders,
    payloadHash,
    uri: { doubleEncode: !input.s3, normalize: !input.s3 },
  })
  const stringToSign = await stringToSignOf(algorithm, date, scope, canonicalRequest)
  let signature: string
  if (sigv4a) {
    const { privateKey } = await deriveSigV4aKeyPair(accessKeyId, secretAccessKey)
    signature = toHex(
      p256.sign(await sha256(stringToSign), privateKey, { prehash: false, format: 'der', lowS: false }),
    )
  } else {
    signature = await sigv4Signature(
      secretAccessKey,
      { date: date.slice(0, 8), region: input.region!, service: input.service },
      stringToSign,
    )
  }
  if (input.presign !== undefined) {
    url.searchParams.set('X-Amz-Signature', signature)
  } else {
    headers.set(
      'authorization',
      `${algorithm} Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`,
    )
  }
  return new Request(url, { method, headers, ...(body !== '' ? { body } : {}) })
}
