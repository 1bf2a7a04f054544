import { readFile } from 'node:fs/promises'
import type { SigningRule } from '@awssig/core'
import { UsageError } from '../cli-error'

/**
 * One rule as written in a JSON rules file: a {@link SigningRule} whose `host` may be a `"/regex/flags"`
 * string (JSON has no RegExp) and whose credentials come from a named profile instead of literal keys,
 * so that a rules file can be committed without secrets.
 */
export interface RulesFileRule {
  host: string
  service?: string
  region?: string
  algorithm?: 'sigv4' | 'sigv4a'
  regionSet?: string[]
  unsignedPayload?: boolean
  /** Let a wildcard or `/regex/` host claim customer-code hosts (API Gateway, AppSync, Lambda URLs, …). */
  customerCode?: boolean
  /** API Gateway VPC endpoint hosts: the API IDs `x-apigw-api-id` may name. */
  apiIds?: string[]
  /** A profile from `~/.aws/config` / `~/.aws/credentials` used for this host only. */
  profile?: string
}

/** A rules file parsed into core rules, with the profile each rule asked for. */
export interface LoadedRules {
  rules: SigningRule[]
  /** `profiles[i]` is the profile named by `rules[i]`, if any. */
  profiles: (string | undefined)[]
}

const knownFields: Record<keyof RulesFileRule, 'string' | 'boolean' | 'string[]'> = {
  host: 'string',
  service: 'string',
  region: 'string',
  algorithm: 'string',
  regionSet: 'string[]',
  unsignedPayload: 'boolean',
  customerCode: 'boolean',
  apiIds: 'string[]',
  profile: 'string',
}

/**
 * Reads and structurally checks a JSON rules file: either an array of rules or `{ "rules": [...] }`.
 * Semantic checks (a bad region, `regionSet` on a SigV4 rule, …) are left to `createSigner`, which
 * throws `InvalidRuleError`; the caller turns both kinds into a one-sentence usage error.
 *
 * @example
 * ```json
 * { "rules": [
 *   { "host": "api.example.com", "service": "execute-api", "algorithm": "sigv4a", "regionSet": ["us-*"] },
 *   { "host": "/\\.corp\\.example$/i", "service": "execute-api", "region": "eu-west-1", "profile": "corp" }
 * ] }
 * ```
 */
export async function loadRulesFile(path: string): Promise<LoadedRules> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as { code?: string }).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(code)
    throw new UsageError(`Cannot read rules file ${path}: ${why}.`, { cause: error })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new UsageError(`Rules file ${path} is not valid JSON: ${(error as Error).message}.`, {
      cause: error,
    })
  }
  return parseRules(json, path)
}

/** Checks already-parsed JSON; exported for tests and for callers that embed rules elsewhere. */
export function parseRules(json: unknown, source: string): LoadedRules {
  const list = Array.isArray(json) ? json : isObject(json) ? json.rules : undefined
  if (!Array.isArray(list)) {
    throw new UsageError(
      `Rules file ${source} must hold an array of rules or an object with a "rules" array.`,
    )
  }
  const rules: SigningRule[] = []
  const profiles: (string | undefined)[] = []
  list.forEach((entry, index) => {
    const where = `Rules file ${source}: rules[${index}]`
    if (!isObject(entry)) throw new UsageError(`${where} must be an object.`)
    for (const [field, value] of Object.entries(entry)) {
      // Own keys only: `__proto__` or `constructor` in the file must read as unknown, not as Object's.
      const expected = Object.hasOwn(knownFields, field)
        ? knownFields[field as keyof RulesFileRule]
        : undefined
      if (!expected) {
        const hint = closestField(field)
        throw new UsageError(
          `${where} has an unknown field "${field}"${hint ? ` (did you mean "${hint}"?)` : ''}; known fields: ${Object.keys(knownFields).join(', ')}.`,
        )
      }
      if (!hasType(value, expected)) {
        throw new UsageError(`${where}.${field} must be a ${describe(expected)}.`)
      }
    }
    if (entry.host === undefined)
      throw new UsageError(`${where} needs a "host" (a hostname, "*.suffix" or "/regex/").`)
    const { profile, host, ...rest } = entry as unknown as RulesFileRule
    // Each field's type is checked above; how they combine (regionSet only with sigv4a, …) is createSigner's
    // check, which throws an InvalidRuleError naming the field and the rule's index.
    rules.push({ ...rest, host: parseHost(host, where) } as SigningRule)
    profiles.push(profile)
  })
  return { rules, profiles }
}

function parseHost(host: string, where: string): string | RegExp {
  // JSON cannot hold a RegExp; a hostname never starts with "/", so "/…/flags" is unambiguous.
  const match = /^\/(.+)\/([a-z]*)$/s.exec(host)
  if (!match) return host
  try {
    return new RegExp(match[1]!, match[2])
  } catch (error) {
    throw new UsageError(`${where}.host is not a valid regular expression: ${(error as Error).message}.`, {
      cause: error,
    })
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function hasType(value: unknown, expected: 'string' | 'boolean' | 'string[]'): boolean {
  if (expected === 'string[]') return Array.isArray(value) && value.every((item) => typeof item === 'string')
  return typeof value === expected
}

function describe(expected: 'string' | 'boolean' | 'string[]'): string {
  return expected === 'string[]' ? 'list of strings' : expected
}

function closestField(field: string): string | undefined {
  let best: { name: string; distance: number } | undefined
  for (const name of Object.keys(knownFields)) {
    const distance = editDistance(field.toLowerCase(), name.toLowerCase())
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance }
  }
  return best?.name
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution)
    }
    previous = current
  }
  return previous[b.length]!
}
