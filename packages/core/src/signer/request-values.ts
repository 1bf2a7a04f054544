import { AwsSigError, InvalidInputError, isAwsSigError } from '../errors'
import { invalidIn } from '../rules/compile-rules'
import { signedRequestOf } from '../signing/signed-request'
import type { SignableRequest, SigningPlan, SignResult } from '../types'

/** Checks that every public signer method applies to what callers pass, and copies of what it returns. */
export function toUrl(url: string | URL): URL {
  // Only strings and URLs: String() of anything else runs foreign code (toString) or throws a TypeError.
  if (typeof url === 'string' || url instanceof URL) {
    try {
      return new URL(url)
    } catch {}
  }
  // The value itself is not quoted: a string that fails to parse may be anything, a secret included.
  throw new InvalidInputError(
    __DEV__
      ? `url must be an absolute URL (a string or URL), got a ${typeof url} that is not`
      : invalidIn('url'),
    'url',
  )
}

/** A caller's `signingDate`, checked: a valid Date whose year has four digits (an `X-Amz-Date` can say it). */
export function checkedDate(date: unknown): Date | undefined {
  if (date === undefined) return undefined
  const ms = date instanceof Date ? date.getTime() : Number.NaN
  if (!(ms >= 0 && ms < 253402300800000)) {
    throw new InvalidInputError(
      __DEV__ ? 'signingDate must be a valid Date between 1970 and 9999' : invalidIn('signingDate'),
      'signingDate',
    )
  }
  return date as Date
}

/** The request as sent to `url`: the caller's method, headers (the checked pairs, copied) and body. */
export function requestOf(request: SignableRequest, url: URL): SignResult['request'] {
  return signedRequestOf(
    request.method,
    url.href,
    request.headers as [string, string][],
    request.body ?? null,
  )
}

export function clonePlan(plan: SigningPlan): SigningPlan {
  const copy: SigningPlan = { ...plan, warnings: [...plan.warnings] }
  if (plan.regionSet) copy.regionSet = [...plan.regionSet]
  return copy
}

/** Adds the request's method and URL to awssig errors raised without them (credentials, SigV4A loading). */
export function withRequestContext(request: SignableRequest, error: unknown): unknown {
  if (isAwsSigError(error) && error.method === undefined) {
    // A throwaway error applies the same redaction to the URL as every other awssig error.
    const { method, url } = new AwsSigError('', { method: request.method, url: String(request.url) })
    Object.assign(error, { method, url })
  }
  return error
}

/**
 * The own properties of an options object, on an object without a prototype: code that polluted
 * Object.prototype (`signingDate`, `debug`, `rules` …) must not choose how a request is signed.
 */
export function ownOptions<T>(options: T): T {
  return Object.assign(Object.create(null), options)
}
