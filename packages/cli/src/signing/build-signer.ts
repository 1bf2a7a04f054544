import { createSigner, isAwsSigError, type Signer, type SigningPlan, type SigningRule } from '@awssig/core'
import { UsageError } from '../cli-error'
import { createCredentialProvider } from '../credentials/credential-provider'
import { loadRulesFile } from '../rules/load-rules-file'

/** The signing flags shared by the request and `explain` commands. */
export interface SigningFlags {
  service?: string
  region?: string
  sigv4a?: boolean
  /** Comma-separated, e.g. `us-*` or `us-east-1,us-west-2`. */
  regionSet?: string
  rules?: string
  profile?: string
}

/** A signer built from the command line, and how to name a rule in messages. */
export interface CliSigner {
  signer: Signer
  /** Describes where `plan.ruleIndex` came from: the flags, or `rules[i]` of the file. */
  describeRule(ruleIndex: number | undefined): string
}

/**
 * Builds a signer from the flags. `--service`/`--region`/`--sigv4a` become a rule for the URL's host,
 * checked before the rules file. The CLI sets `awsHosts: 'all'`: naming a URL on the command line is
 * consent to sign for it, even an API Gateway or Lambda URL host that the library only claims by a rule.
 * Rule problems (from the file's structure or from `createSigner`'s validation) are usage errors.
 */
export async function buildSigner(url: URL, flags: SigningFlags): Promise<CliSigner> {
  const flagRule = ruleFromFlags(url, flags)
  const loaded = flags.rules ? await loadRulesFile(flags.rules) : { rules: [], profiles: [] }
  const fileRules: SigningRule[] = loaded.rules.map((rule, index) => {
    const profile = loaded.profiles[index]
    // A profile on a payloadHashOnly rule is createSigner's InvalidRuleError (nothing is signed there).
    return profile ? ({ ...rule, credentials: createCredentialProvider(profile) } as SigningRule) : rule
  })
  // Validate the file's rules on their own first so InvalidRuleError's index is the file's index.
  if (flags.rules) {
    validate(fileRules, (index, message) =>
      message.startsWith(`rules[${index}]`)
        ? `Rules file ${flags.rules}: ${message}`
        : `Rules file ${flags.rules}: rules[${index}]: ${message}`,
    )
  }
  if (flagRule) {
    // Core names a field rules[0].<field>; here that rule is the command line's flags.
    validate([flagRule], (_index, message) =>
      message
        .replace(/^rules\[0\]\.(\w+)/, (_match, field: string) => `--${flagName(field)}`)
        .replace(/^(--[\w-]+): is /, '$1 is '),
    )
  }
  const rules = flagRule ? [flagRule, ...fileRules] : fileRules
  const signer = createSigner({
    credentials: createCredentialProvider(flags.profile),
    rules,
    awsHosts: 'all',
    unmatched: 'error',
  })
  return {
    signer,
    describeRule(ruleIndex) {
      if (ruleIndex === undefined) return 'an AWS hostname pattern'
      if (flagRule && ruleIndex === 0) return 'the --service/--region/--sigv4a flags'
      return `rules[${ruleIndex - (flagRule ? 1 : 0)}] of ${flags.rules}`
    },
  }
}

/** The rule that `--service`, `--region`, `--sigv4a` and `--region-set` describe, if any was given. */
export function ruleFromFlags(url: URL, flags: SigningFlags): SigningRule | undefined {
  const sigv4a = flags.sigv4a || flags.regionSet !== undefined
  if (!flags.service && !flags.region && !sigv4a) return undefined
  if (sigv4a && flags.region) {
    throw new UsageError(
      "--region is for SigV4; with --sigv4a give the regions as --region-set (e.g. 'us-*').",
    )
  }
  const common = flags.service ? { host: url.hostname, service: flags.service } : { host: url.hostname }
  if (!sigv4a) return flags.region ? { ...common, region: flags.region } : common
  const regionSet = (flags.regionSet ?? '*')
    .split(',')
    .map((region) => region.trim())
    .filter(Boolean)
  return { ...common, algorithm: 'sigv4a', regionSet }
}

function validate(rules: SigningRule[], describe: (index: number, message: string) => string): void {
  try {
    createSigner({ credentials: { accessKeyId: 'validation', secretAccessKey: 'validation' }, rules })
  } catch (error) {
    if (isAwsSigError(error) && error.name === 'InvalidRuleError') {
      const index = (error as { ruleIndex?: number }).ruleIndex ?? 0
      throw new UsageError(describe(index, sentence(error.message)), { cause: error })
    }
    throw error
  }
}

function flagName(field: string): string {
  return field === 'regionSet' ? 'region-set' : field === 'algorithm' ? 'sigv4a' : field
}

function sentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`
}

/** One line naming the plan, e.g. `execute-api in eu-west-1 with SigV4`. */
export function describePlan(plan: SigningPlan): string {
  const where =
    plan.algorithm === 'sigv4a' ? `region set ${(plan.regionSet ?? ['*']).join(',')}` : `${plan.region}`
  return `${plan.service} in ${where} with ${plan.algorithm === 'sigv4a' ? 'SigV4A' : 'SigV4'}`
}
