import { hmacSha256, sha256Hex, toHex } from './crypto'

/** `AWS4-HMAC-SHA256`, the SigV4 algorithm identifier. */
export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256'
/** `AWS4-ECDSA-P256-SHA256`, the SigV4A algorithm identifier. */
export const SIGV4A_ALGORITHM = 'AWS4-ECDSA-P256-SHA256'

/** The string to sign: algorithm, request date, credential scope, hex SHA-256 of the canonical request. */
export async function stringToSignOf(
  algorithm: string,
  amzDate: string,
  scope: string,
  canonicalRequest: string,
): Promise<string> {
  return [algorithm, amzDate, scope, await sha256Hex(canonicalRequest)].join('\n')
}

/**
 * The SigV4 signature: HMAC chain `AWS4<secret>` → date → region → service → `aws4_request`, then
 * HMAC of the string to sign, as hex.
 */
export async function sigv4Signature(
  secretAccessKey: string,
  scope: { date: string; region: string; service: string },
  stringToSign: string,
): Promise<string> {
  const dateKey = await hmacSha256(`AWS4${secretAccessKey}`, scope.date)
  const regionKey = await hmacSha256(dateKey, scope.region)
  const serviceKey = await hmacSha256(regionKey, scope.service)
  const signingKey = await hmacSha256(serviceKey, 'aws4_request')
  return toHex(await hmacSha256(signingKey, stringToSign))
}
