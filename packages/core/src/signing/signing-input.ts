import type { AwsCredentialIdentity } from '@smithy/types'
import type { SigningPlan } from '../types'
import type { CanonicalInput } from './canonical-input'
import { uriEscape } from './uri-escape'

/** Everything one signature needs once the plan and credentials are known. */
export interface SigningInput {
  plan: SigningPlan
  credentials: AwsCredentialIdentity
  signingDate: Date
  input: CanonicalInput
}

/** Headers, canonical request and string to sign of one header-signed request. */
export interface HeaderSignature {
  headers: Headers
  canonicalRequest: string
  stringToSign: string
}

/** A presigned URL with its canonical request and string to sign. */
export interface QuerySignature {
  url: string
  canonicalRequest: string
  stringToSign: string
}

/** Headers that smithy writes and awssig copies onto the outgoing request. */
export const SIGNER_OUTPUT_HEADERS = [
  'authorization',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'x-amz-region-set',
] as const

/** Copies the signer's generated headers onto the caller's (unsigned ones included) outgoing headers. */
export function mergeSignedHeaders(outgoing: Headers, signed: Record<string, string | undefined>): Headers {
  const headers = new Headers(outgoing)
  for (const name of SIGNER_OUTPUT_HEADERS) {
    const value = signed[name]
    if (value !== undefined) headers.set(name, value)
  }
  return headers
}

/** `20150830T123600Z`, the SigV4 long date. */
export function longDateOf(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')
}

/**
 * Rebuilds a URL from the caller's query (as written, minus stale signing parameters) plus the parameters
 * the signer added, encoded the way they were signed.
 */
export function presignedUrl(
  url: URL,
  signedQuery: Record<string, string | string[] | null>,
  stale: ReadonlySet<string>,
): string {
  const kept: string[] = []
  const originalKeys = new Set<string>()
  for (const pair of url.search.slice(1).split('&')) {
    if (pair === '') continue
    const key = new URLSearchParams(pair).keys().next().value ?? ''
    if (stale.has(key.toLowerCase())) continue
    originalKeys.add(key)
    kept.push(pair)
  }
  for (const [key, value] of Object.entries(signedQuery)) {
    if (originalKeys.has(key) || value === null) continue
    for (const v of Array.isArray(value) ? value : [value]) kept.push(`${uriEscape(key)}=${uriEscape(v)}`)
  }
  return `${url.origin}${url.pathname}${kept.length > 0 ? `?${kept.join('&')}` : ''}`
}
