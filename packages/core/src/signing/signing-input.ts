import type { AwsCredentialIdentity } from '../credentials/credential-identity'
import type { SigningPlan } from '../types'
import type { CanonicalInput, HeaderMap } from './canonical-input'

/** Everything one signature needs once the plan and credentials are known. */
export interface SigningInput {
  plan: SigningPlan
  credentials: AwsCredentialIdentity
  signingDate: Date
  input: CanonicalInput
  /**
   * The payload hash, started when `sign` was called (before credentials are awaited) so the signature covers
   * the body as it was then. Without it, the body is hashed when the signature is computed.
   */
  payloadHash?: Promise<string>
}

/** Headers, canonical request and string to sign of one header-signed request. */
export interface HeaderSignature {
  /** Every outgoing header, the generated ones included. */
  headers: HeaderMap
  canonicalRequest: string
  stringToSign: string
}

/** A presigned URL with its canonical request and string to sign. */
export interface QuerySignature {
  url: string
  canonicalRequest: string
  stringToSign: string
}

/** `20150830T123600Z`, the SigV4 long date. */
export function longDateOf(date: Date): string {
  const second = Math.floor(date.getTime() / 1000)
  // Requests signed in the same second share it; toISOString dominates a signature's formatting otherwise.
  if (second === lastSecond) return lastLongDate
  const iso = date.toISOString()
  // 2015-08-30T12:36:00.000Z: fixed positions (years 0000–9999, the only ones SigV4 can express).
  lastLongDate = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`
  lastSecond = second
  return lastLongDate
}

let lastSecond = Number.NaN
let lastLongDate = ''
