import type { RedirectOrigin, SigningPlan } from '@awssig/core'

/**
 * The config key under which the interceptor remembers what it did to a request. axios' `mergeConfig`
 * copies unknown plain-object keys, so the state survives axios-retry's re-dispatch and our own redirect
 * and clock-skew retries (symbol keys would not survive every axios version).
 */
export const SIGNING_STATE_KEY = '__awssig'

/** What the signing interceptor recorded on a config it signed. */
export interface SigningState {
  /** The `Authorization` value we set: on re-entry, an equal value is ours and stale, never the caller's. */
  authorization?: string
  /** Redirects attachSigner may still follow itself (it set `maxRedirects: 0`); absent: not managed. */
  redirectsLeft?: number
  /** The plan the request was signed with, to read AWS's answer against the scope actually signed. */
  plan?: SigningPlan
  /** The one response-side retry (clock skew or S3 wrong region) was already spent on this request. */
  retried?: boolean
  /** Where the redirect chain started (core's policy decides each hop against it). */
  origin?: RedirectOrigin
  /** Core's redirect policy said this hop goes without any credential material: never sign it. */
  unsigned?: boolean
}

/** Reads the signing state of a config, if the interceptor has seen it before. */
export function readSigningState(config: object): SigningState | undefined {
  const value = (config as Record<string, unknown>)[SIGNING_STATE_KEY]
  return typeof value === 'object' && value !== null ? (value as SigningState) : undefined
}

/** Returns a shallow copy of `config` carrying `state`. */
export function withSigningState<T extends object>(config: T, state: SigningState): T {
  return { ...config, [SIGNING_STATE_KEY]: state }
}
