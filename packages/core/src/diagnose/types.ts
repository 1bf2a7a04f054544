import type { SigningPlan } from '../types'

/**
 * What went wrong, in AWS's terms:
 * - `wrong-region` / `wrong-service`: the credential scope names another region or signing name than the
 *   endpoint's (S3 also answers this way when a bucket lives in another region).
 * - `region-set`: a SigV4A region set that does not cover the endpoint, or SigV4 sent where only SigV4A works.
 * - `signature-mismatch`: the scope was right but the signature was not (wrong secret, or the request
 *   changed after signing).
 * - `clock-skew`: the request time is outside the server's window (`serverTime` says by how much).
 * - `invalid-token`: the session token is missing, expired or not the key's (most services also answer
 *   this for an unknown access key id).
 * - `unknown-key`: S3's answer for an access key id it does not know.
 * - `missing-auth`: the request arrived unsigned (or, at API Gateway, the route does not exist).
 */
export type ScopeDiagnosisKind =
  | 'wrong-region'
  | 'wrong-service'
  | 'region-set'
  | 'signature-mismatch'
  | 'clock-skew'
  | 'invalid-token'
  | 'unknown-key'
  | 'missing-auth'

/** A typed reading of an AWS authentication error. Never contains a secret key, session token or signature. */
export interface ScopeDiagnosis {
  kind: ScopeDiagnosisKind
  /** HTTP status of the answer. */
  status: number
  /**
   * AWS error code (`InvalidSignatureException`, `AuthorizationHeaderMalformed`, …), or `''` when the
   * answer carried none that could be read (browsers hide `x-amzn-ErrorType` cross-origin).
   */
  code: string
  /** AWS's message, without the canonical request or string to sign some services append. */
  message: string
  /** What the endpoint expects, when the answer (or the hostname) says. */
  expected?: { region?: string; service?: string }
  /** `clock-skew`: the server's clock, from `Date` or, where a browser cannot read it, from the body. */
  serverTime?: Date
  /** `clock-skew`: the request time AWS quotes, when it does. */
  requestTime?: Date
  /** The plan the request was signed with (from the context); null when it was sent unsigned or unknown. */
  plan: SigningPlan | null
  /** One sentence naming the likely fix. */
  fix: string
}

/** What the caller knows about the request that got the answer. */
export interface DiagnoseContext {
  /** The plan used to sign (`SignResult.plan`); `null` when the request was sent unsigned. */
  plan?: SigningPlan | null
  /** Method of the request, for the fix text. */
  method?: string
  /** URL of the request; defaults to `response.url`. Only its host and path are used. */
  url?: string | URL
}
