import type { ResolvedPlan } from '../resolve-plan'
import type { SigningPlan, SigV4Plan } from '../types'
import { regionMemoryKey } from './region-memory-key'

/** The regions S3 named for buckets, and the plans they lead to. Created on the first error answer. */
export interface RegionMemory {
  /** Remembers `region` for the bucket at `url`. */
  remember(url: URL, region: string): void
  /** `resolved` (the plan from rules and inference for `url`) after what S3 said about the bucket. */
  planFor(url: URL, resolved: ResolvedPlan): ResolvedPlan
}

/**
 * A bounded (LRU) region memory; `max` is the signer's `regionCacheSize`. Its own four-line LRU rather than
 * `setRecent`/`getRecent` (bounded-map.ts): this module is loaded lazily, and a module imported both by it and
 * by the up-front bundle becomes a chunk of its own that the up-front bundle then loads too (+160 B gz).
 */
export function createRegionMemory(max: number): RegionMemory {
  // A Map iterates in insertion order: re-inserting on every read keeps the least recently used first.
  const regions = new Map<string, string>()
  const learnedPlans = new WeakMap<ResolvedPlan, { region: string; resolved: ResolvedPlan }>()
  return {
    remember(url, region) {
      const key = regionMemoryKey(url)
      regions.delete(key)
      regions.set(key, region)
      if (regions.size > max) regions.delete(regions.keys().next().value as string)
    },
    planFor(url, resolved) {
      if (regions.size === 0) return resolved
      const key = regionMemoryKey(url)
      const region = regions.get(key)
      if (region === undefined) return resolved
      regions.delete(key)
      regions.set(key, region)
      const memo = learnedPlans.get(resolved)
      if (memo?.region === region) return memo.resolved
      const learned = withLearnedRegion(resolved, region, key)
      learnedPlans.set(resolved, { region, resolved: learned })
      return learned
    },
  }
}

/**
 * Whether a region S3 names for this host's bucket may replace the plan's region: only S3 SigV4 plans whose
 * region is a guess (the legacy global endpoint), from AWS host inference or a rule that sets no region.
 * An explicit rule region wins, and a hostname that names its region is answered with that region by S3
 * whatever the bucket's, so re-signing for another would only fail again.
 */
export function isRegionLearnable(resolved: ResolvedPlan): boolean {
  const plan = resolved.explanation.plan
  return (
    plan !== null &&
    plan.s3 === true &&
    plan.algorithm === 'sigv4' &&
    plan.regionCertain === false &&
    resolved.rule?.region === undefined
  )
}

/**
 * The plan for a host after S3 named its bucket's region (`key`: the host, or host/bucket for path style):
 * signed for that region when {@link isRegionLearnable}, otherwise unchanged with a warning saying why.
 */
export function withLearnedRegion(resolved: ResolvedPlan, region: string, key: string): ResolvedPlan {
  const plan = resolved.explanation.plan
  if (!plan || plan.region === region) return resolved
  if (isRegionLearnable(resolved)) {
    const learned: SigningPlan = {
      // isRegionLearnable holds only for SigV4 plans.
      ...(plan as SigV4Plan),
      region,
      regionCertain: true,
      // resolve-plan's "the region us-east-1 is a best guess" no longer holds.
      warnings: plan.warnings.filter((warning) => !warning.includes('is a best guess')),
      reason: `Region ${region} learned from AWS's answer: S3 named it as the region of the bucket at ${key} (x-amz-bucket-region or <Region>), replacing ${plan.region ?? 'the guess'}. Before that: ${plan.reason}`,
    }
    return {
      ...resolved,
      explanation: { plan: learned, reason: learned.reason, warnings: [...learned.warnings] },
    }
  }
  const why =
    plan.source === 'rule' && resolved.rule?.region !== undefined
      ? `rules[${plan.ruleIndex}] sets region '${plan.region}' explicitly and an explicit rule region wins: set region: '${region}' there if S3 is right`
      : `this endpoint is signed for ${plan.region ?? 'its region set'} and is not re-signed: send the request to an endpoint in ${region}`
  const warning = `S3 answered that the bucket at ${key} lives in ${region}, but ${why}.`
  const kept: SigningPlan = { ...plan, warnings: [...plan.warnings, warning] }
  return { ...resolved, explanation: { plan: kept, reason: kept.reason, warnings: [...kept.warnings] } }
}
