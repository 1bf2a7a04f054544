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
  // Requests signed in the same second share it.
  if (second === lastSecond) return lastLongDate
  // The UTC getters, not toISOString: a process's first toISOString costs ≈ 0.7 ms (measured on Node 20), a
  // share of every cold start's first signature. Signing dates are checked to lie in 1970–9999: four-digit years.
  lastLongDate = `${date.getUTCFullYear()}${twoDigits(date.getUTCMonth() + 1)}${twoDigits(date.getUTCDate())}T${twoDigits(date.getUTCHours())}${twoDigits(date.getUTCMinutes())}${twoDigits(date.getUTCSeconds())}Z`
  lastSecond = second
  return lastLongDate
}

const twoDigits = (n: number): string => (n < 10 ? `0${n}` : `${n}`)

let lastSecond = Number.NaN
let lastLongDate = ''
