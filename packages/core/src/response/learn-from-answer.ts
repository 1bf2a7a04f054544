import { diagnose } from '../diagnose/diagnose'
import type { HostKnowledge } from '../diagnose/host-knowledge'
import { s3RegionFromResponse } from '../diagnose/s3-region-from-response'
import type { SigningPlan } from '../types'
import type { LearnOptions, ResponseLesson } from './types'

// One dynamic import gives the signer everything the response side needs.
export { createRegionMemory, isRegionLearnable } from './region-memory'

/** What the signer lets the (lazily loaded) learning code change. */
export interface LearningTarget {
  /** AWS hostname knowledge, handed in so this lazily loaded code shares no module with the signer's. */
  hosts: HostKnowledge
  /** The local clock in milliseconds, without the current offset. */
  localNow(): number
  setClockOffset(ms: number): void
  /**
   * Remembers `region` for the bucket at `url`; true when the host's plan takes it (a retry helps), false
   * when an explicit rule region or a hostname that names its region wins.
   */
  rememberRegion(url: URL, region: string): boolean
}

/**
 * The response side of signing, loaded only after a non-2xx answer to a signed request: reads the answer
 * with `diagnose`, corrects the clock on a skew answer and remembers the bucket's region on an S3
 * wrong-region answer.
 */
export async function learnFromAnswer(
  response: Response,
  plan: SigningPlan,
  url: URL,
  options: LearnOptions,
  target: LearningTarget,
): Promise<ResponseLesson> {
  const diagnosis = await diagnose(response, { plan, url }, target.hosts)
  if (!diagnosis) return { retry: false }
  if (diagnosis.kind === 'clock-skew') {
    if (options.clockSkew === false || !diagnosis.serverTime) return { retry: false, diagnosis }
    target.setClockOffset(diagnosis.serverTime.getTime() - target.localNow())
    return { retry: true, reason: 'clock-skew', diagnosis }
  }
  // Only S3 names the bucket's region in its answer; other services' wrong-region answers are diagnosed only,
  // since guessing a region for them would send credentials scoped to a region nobody named.
  if (diagnosis.kind !== 'wrong-region' || !plan.s3 || options.wrongRegion === false) {
    return { retry: false, diagnosis }
  }
  const region = await s3RegionFromResponse(response, target.hosts)
  // The same region again means the answer is not about the scope we signed: retrying would change nothing.
  if (region === undefined || region === plan.region) return { retry: false, diagnosis }
  const taken = target.rememberRegion(url, region)
  return taken
    ? { retry: true, reason: 'wrong-region', region, diagnosis }
    : { retry: false, region, diagnosis }
}
