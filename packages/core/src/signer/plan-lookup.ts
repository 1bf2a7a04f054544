import type { AwsHostPlanning } from '../aws-host-planning'
import { looksLikeAwsHost } from '../aws-hosts/looks-like-aws-host'
import type { ResolvedSignerOptions } from '../create-signer'
import { type ResolvedPlan, resolvePlan } from '../resolve-plan'
import type { LearningTarget } from '../response/learn-from-answer'
import { type CompiledRule, checkRulesAgainstInference } from '../rules/compile-rules'
import { normalizeUrlHost } from '../rules/host-pattern'
import { createHostInferenceLoader } from './host-inference-loader'
import type { SignerClock } from './signer-clock'

/** How a signer finds the plan for a URL, and what its response side may learn into. */
export interface PlanLookup {
  /**
   * The plan from rules and inference, then from what S3 said about the bucket's region, if anything; or
   * undefined when it needs what has not loaded yet (AWS host inference for a host under an AWS domain, or
   * the rules' check against it): then {@link PlanLookup.resolve}.
   */
  lookup(url: URL): ResolvedPlan | undefined
  /** The plan, after loading what it needs; rejects with `InvalidRuleError` for a rule its host contradicts. */
  resolve(url: URL): Promise<ResolvedPlan>
  /** Loads AWS host inference and checks the rules that name an exact AWS hostname against it. */
  ready(): Promise<void>
  /** What the response side (loaded on the first error answer) reads and changes. */
  learning: LearningTarget
}

const PLAN_CACHE_SIZE = 256

/**
 * The plan lookup of one signer: compiled rules, AWS host inference (loaded on first need), a plan cache
 * and the region memory.
 */
export function createPlanLookup(
  rules: CompiledRule[],
  resolved: ResolvedSignerOptions,
  clock: SignerClock,
): PlanLookup {
  const inference = createHostInferenceLoader()
  // Until the rules that name an exact AWS hostname are checked against inference, nothing is planned: a
  // rule its host contradicts fails every call (and `ready()`), in every build alike.
  let rulesChecked = !rules.some((rule) => rule.uncheckedAgainstHost)
  let ruleProblem: unknown
  const checkRules = (aws: AwsHostPlanning): void => {
    try {
      checkRulesAgainstInference(rules, aws.inferAwsHost)
      rulesChecked = true
    } catch (error) {
      ruleProblem = error
    }
  }
  const ready = async (): Promise<void> => {
    const aws = await inference.load()
    if (!rulesChecked && ruleProblem === undefined) checkRules(aws)
    if (ruleProblem !== undefined) throw ruleProblem
  }
  const planCache = new Map<string, ResolvedPlan>()
  const lookupRules = (url: URL): ResolvedPlan | undefined => {
    // Keyed by what the plan depends on (scheme for the default port, host as written): no per-call parsing.
    const key = `${url.protocol}//${url.host}`
    let entry = planCache.get(key)
    if (!entry) {
      if (!rulesChecked) return undefined
      const host = normalizeUrlHost(url)
      const aws = inference.loaded
      // Inference claims no host outside AWS's domains: those are planned without loading it.
      if (!aws && looksLikeAwsHost(host.hostname)) return undefined
      entry = resolvePlan(host, rules, resolved.awsHosts, url.protocol, aws)
      if (planCache.size >= PLAN_CACHE_SIZE) planCache.delete(planCache.keys().next().value as string)
      planCache.set(key, entry)
    }
    return entry
  }
  // The region memory is created by the response side on the first S3 wrong-region answer: until then no
  // region was learned. The response side runs after `ready()` (create-signer.ts), so inference is loaded.
  const learning: LearningTarget = {
    localNow: clock.localNow,
    learnClockOffset: (url, ms) => clock.offsets.learn(url.origin, ms),
    regionCacheSize: resolved.regionCacheSize,
    lookupRules: (url) => lookupRules(url) as ResolvedPlan,
  }
  const lookup = (url: URL): ResolvedPlan | undefined => {
    const found = lookupRules(url)
    if (!found) return undefined
    // MQTT over WebSockets changes an IoT host's signing name; only inference gives such a plan.
    const entry = inference.loaded ? inference.loaded.planForWebSocket(url, found) : found
    return learning.memory && entry.explanation.plan?.s3 ? learning.memory.planFor(url, entry) : entry
  }
  if (!rulesChecked) {
    // Checked now where inference is inline (the node build); elsewhere its load starts now. Either way the
    // problem is thrown by the first call, so a signer behaves the same in every build.
    if (inference.loaded) checkRules(inference.loaded)
    else ready().catch(() => undefined)
  }
  return {
    learning,
    lookup,
    ready,
    async resolve(url) {
      const now = lookup(url)
      if (now) return now
      await ready()
      return lookup(url) as ResolvedPlan
    },
  }
}
