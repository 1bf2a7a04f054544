import { inferAwsHost, isValidRegion } from '../aws-hosts'
import type { ResolvedSignerOptions } from '../create-signer'
import { type ResolvedPlan, resolvePlan } from '../resolve-plan'
import type { LearningTarget } from '../response/learn-from-answer'
import type { CompiledRule } from '../rules/compile-rules'
import { normalizeUrlHost } from '../rules/host-pattern'
import { planForWebSocket } from '../websocket-plan'
import type { SignerClock } from './signer-clock'

/** How a signer finds the plan for a URL, and what its response side may learn into. */
export interface PlanLookup {
  /** The plan from rules and inference, then from what S3 said about the bucket's region, if anything. */
  lookup(url: URL): ResolvedPlan
  /** What the response side (loaded on the first error answer) reads and changes. */
  learning: LearningTarget
}

const HOST_KNOWLEDGE = { inferAwsHost, isValidRegion }
const PLAN_CACHE_SIZE = 256

/** The plan lookup of one signer: compiled rules, AWS host inference, a plan cache and the region memory. */
export function createPlanLookup(
  rules: CompiledRule[],
  resolved: ResolvedSignerOptions,
  clock: SignerClock,
): PlanLookup {
  const planCache = new Map<string, ResolvedPlan>()
  const lookupRules = (url: URL): ResolvedPlan => {
    // Keyed by what the plan depends on (scheme for the default port, host as written): no per-call parsing.
    const key = `${url.protocol}//${url.host}`
    let entry = planCache.get(key)
    if (!entry) {
      entry = resolvePlan(normalizeUrlHost(url), rules, resolved.awsHosts, url.protocol)
      if (planCache.size >= PLAN_CACHE_SIZE) planCache.delete(planCache.keys().next().value as string)
      planCache.set(key, entry)
    }
    return entry
  }
  // The region memory is created by the response side on the first S3 wrong-region answer: until then no
  // region was learned.
  const learning: LearningTarget = {
    hosts: HOST_KNOWLEDGE,
    localNow: clock.localNow,
    learnClockOffset: (url, ms) => clock.offsets.learn(url.origin, ms),
    regionCacheSize: resolved.regionCacheSize,
    lookupRules,
  }
  return {
    learning,
    lookup(url) {
      const entry = planForWebSocket(url, lookupRules(url))
      return learning.memory && entry.explanation.plan?.s3 ? learning.memory.planFor(url, entry) : entry
    },
  }
}
