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
 * attempt, the caller's choices, and how to send a hop under a credential decision.
 */
export interface Exchange {
  attempt: Attempt
  mode: RedirectMode
  signal: AbortSignal | null | undefined
  sendHop(hop: Attempt, credentials: Credentials): Promise<Answer>
  /** Which lessons of AWS's answer may lead to the one retry. */
  retries: { clockSkew: boolean; wrongRegion: boolean }
}
