import { InvalidRuleError } from '../../errors'
import type { TokenInput } from './types'

/** Reads a token option; a missing or empty token is a typed error naming the field, before any call. */
export async function resolveToken(input: TokenInput, field: string): Promise<string> {
  const value = typeof input === 'function' ? await input() : input
  if (typeof value !== 'string' || value === '') {
    throw new InvalidRuleError(
      `${field} must be a non-empty string (or a function returning one).`,
      -1,
      field,
    )
  }
  return value
}

/** A required string option; typed error naming the field otherwise. Values are never quoted. */
export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new InvalidRuleError(`${field} must be a non-empty string.`, -1, field)
  }
  return value
}
