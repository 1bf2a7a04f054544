import type { findAwsDnsSuffix } from '../aws-hosts/dns-suffixes'
import type { SigningPlan } from '../types'
import type { WireBody } from './outgoing-body'
import type { RedirectMode } from './redirect-mode'

/** One request as the loop sends it, before signing. */
export interface Attempt {
  method: string
  url: string
  headers: [string, string][]
  body: WireBody
}

/** An answer, the plan its request was signed with (null: unsigned), and the URL it came from. */
export interface Answer {
  response: Response
  plan: SigningPlan | null
  url: string
}

/** The first attempt (signed, or passed through as the caller made it), or a redirect hop's policy. */
export type Credentials = 'first' | 'sign' | 'strip'

/**
 * One call of the request loop, as the part loaded after a first answer that is not a success sees it: the
 * attempt, the caller's choices, and how to send a hop under a credential decision. The few up-front helpers
 * that part needs travel here: a module the fetch path loads up front, imported by a lazily loaded one, would
 * make bundlers split it into a chunk of its own, and that costs more bytes up front than the lazy code saves.
 */
export interface Exchange {
  attempt: Attempt
  mode: RedirectMode
  signal: AbortSignal | null | undefined
  /** True when the attempt's body is a stream (sent once, never replayed). */
  streamBody: boolean
  sendHop(hop: Attempt, credentials: Credentials): Promise<Answer>
  /** `work`, or a rejection as soon as the caller's signal aborts. */
  untilAborted<T>(work: Promise<T>): Promise<T>
  /** Core's DNS-suffix table, for the S3 same-bucket check. */
  findAwsDnsSuffix: typeof findAwsDnsSuffix
  /** Which lessons of AWS's answer may lead to the one retry. */
  retries: { clockSkew: boolean; wrongRegion: boolean }
}
