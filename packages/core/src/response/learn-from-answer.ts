import { inferAwsHost } from '../aws-hosts/infer-aws-host'
import { diagnose } from '../diagnose/diagnose'
import { partitionOfKnownRegion } from '../diagnose/known-regions'
import { s3RegionFromResponse } from '../diagnose/s3-region-from-response'
import type { ResolvedPlan } from '../resolve-plan'
import type { SigningPlan } from '../types'
import { createRegionMemory, isRegionLearnable, type RegionMemory } from './region-memory'
import type { LearnOptions, ResponseLesson } from './types'

/** What the signer lets the (lazily loaded) learning code change. */
export interface LearningTarget {
  /** The local clock in milliseconds, without the current offset. */
  localNow(): number
  /**
   * Remembers a clock offset for `url`'s origin only; false (nothing changed) when it is beyond the bound
   * (clock/clock-offsets.ts): a server's time years away is ignored, never fatal.
   */
  learnClockOffset(url: URL, ms: number): boolean
  /** How many buckets' regions the memory keeps. */
  regionCacheSize: number
  /**
   * The regions learned per bucket host, created here on the first S3 wrong-region answer; the signer's
   * lookups read it from then on.
   */
  memory?: RegionMemory
  /** The plan rules and inference give `url`, before any learned region. */
  lookupRules(url: URL): ResolvedPlan
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
  const diagnosis = await diagnose(response, { plan, url })
  if (!diagnosis) return { retry: false }
  if (diagnosis.kind === 'clock-skew') {
    if (options.clockSkew === false || !diagnosis.serverTime) return { retry: false, diagnosis }
    const learned = target.learnClockOffset(url, diagnosis.serverTime.getTime() - target.localNow())
    return learned ? { retry: true, reason: 'clock-skew', diagnosis } : { retry: false, diagnosis }
  }
  // Only S3 names the bucket's region in its answer; other services' wrong-region answers are diagnosed only,
  // since guessing a region for them would send credentials scoped to a region nobody named.
  if (diagnosis.kind !== 'wrong-region' || !plan.s3 || options.wrongRegion === false) {
    return { retry: false, diagnosis }
  }
  const named = await s3RegionFromResponse(response)
  // An answer teaches only a region AWS has launched, in the host's partition (or the signed region's, for a
  // host inference does not know): a forged answer cannot scope later signatures to a fictional region or move
  // them to another partition.
  const partition = inferAwsHost(url.hostname)?.partition ?? partitionOfKnownRegion(plan.region ?? '')
  const region = named !== undefined && partitionOfKnownRegion(named) === partition ? named : undefined
  // The same region again means the answer is not about the scope we signed: retrying would change nothing.
  if (region === undefined || region === plan.region) return { retry: false, diagnosis }
  target.memory ??= createRegionMemory(target.regionCacheSize)
  target.memory.remember(url, region)
  // True when the host's plan takes the learned region (a retry helps); false when an explicit rule region
  // or a hostname that names its region wins.
  const taken = isRegionLearnable(target.lookupRules(url))
  return taken
    ? { retry: true, reason: 'wrong-region', region, diagnosis }
    : { retry: false, region, diagnosis }
}
