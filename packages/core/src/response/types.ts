import type { ScopeDiagnosis } from '../diagnose/types'

/** Which lessons `signer.learnFromResponse` may take from an answer. */
export interface LearnOptions {
  /** Set `signer.clockOffsetMs` from the server's time on a clock-skew answer. @default true */
  clockSkew?: boolean
  /** Remember the region S3 names for a bucket (and retry) on a wrong-region answer. @default true */
  wrongRegion?: boolean
}

/**
 * What `signer.learnFromResponse` concluded. `retry` is true only when signing the same request again now
 * gives a different, likely accepted, signature (the clock offset or the bucket's region changed): the
 * caller re-signs and sends once more, and never retries a retry.
 */
export interface ResponseLesson {
  /** Sign the request again and send it once more. */
  retry: boolean
  /** Why a retry helps: the clock offset was corrected, or S3 named the bucket's region. */
  reason?: 'clock-skew' | 'wrong-region'
  /** `wrong-region`: the region S3 named for the bucket (also set when the plan could not take it). */
  region?: string
  /** AWS's answer read as a typed diagnosis, when it was an authentication error. */
  diagnosis?: ScopeDiagnosis
}
