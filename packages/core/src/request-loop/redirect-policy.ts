import type { SigningPlan } from '../types'

/** The statuses fetch follows; 300 and 304 are answers, not redirects. */
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308])

/** Headers that describe the body: dropped with it when a redirect turns the request into a GET. */
export const BODY_HEADERS: readonly string[] = [
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'content-location',
]

/** Where a redirect chain started, and whether it has left that origin. */
export interface RedirectOrigin {
  /** The URL of the request the caller made. */
  first: URL
  /** The plan that request was signed with. */
  plan: SigningPlan | null
  /** True once a hop went to another origin: nothing after it is signed, even back on the first origin. */
  left: boolean
}

/** One redirect hop as the fetch standard rewrites it, and whether it may carry credentials. */
export interface RedirectHop {
  url: string
  method: string
  /** 303, and 301/302 after POST: the hop is a GET without the body and the headers describing it. */
  dropBody: boolean
  /**
   * `sign`: the hop stays on the caller's origin (or is S3 moving the same bucket), so it is signed again.
   * `strip`: it is sent with no credential material at all, or not sent when the signer's `unmatched` is
   * `'error'`.
   */
  credentials: 'sign' | 'strip'
  /** The chain's origin state after this hop. */
  origin: RedirectOrigin
}

/** The `Location` of a redirect answer, or null when `status` is not a redirect or names none. */
export function redirectLocation(status: number, location: string | null | undefined): string | null {
  return REDIRECT_STATUSES.has(status) && typeof location === 'string' ? location : null
}

/** The next hop of a redirect chain (see `nextRedirectHop` in @awssig/core/redirects). */
export type NextRedirectHop = (
  status: number,
  location: string,
  method: string,
  current: string,
  origin: RedirectOrigin,
) => RedirectHop

/**
 * Whether a redirect from `from` to `to` is S3 moving the same bucket (core's `isSameS3Bucket`). Handed in, so
 * this module imports nothing that the fetch path loads up front (it is loaded only when a redirect arrives).
 */
export type SameS3Bucket = (from: URL, to: URL) => boolean

/** {@link NextRedirectHop} with the S3 check it uses. */
export const redirectPolicyWith = (isSameS3Bucket: SameS3Bucket): NextRedirectHop =>
  function nextRedirectHop(status, location, method, current, origin) {
    let url: URL
    try {
      url = new URL(location, current)
    } catch (cause) {
      throw new TypeError('fetch failed: the redirect Location is not a valid URL', { cause })
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new TypeError(`fetch failed: a redirect to a ${url.protocol} URL is a network error`)
    }
    url.hash = ''
    const upper = method.toUpperCase()
    const dropBody =
      (status === 303 && upper !== 'GET' && upper !== 'HEAD') ||
      ((status === 301 || status === 302) && upper === 'POST')
    const sameOrigin = !origin.left && url.origin === origin.first.origin
    const s3Move =
      !origin.left &&
      origin.plan?.source === 'aws' &&
      origin.plan.s3 === true &&
      isSameS3Bucket(origin.first, url)
    const credentials = sameOrigin || s3Move ? 'sign' : 'strip'
    return {
      url: url.href,
      method: dropBody ? 'GET' : method,
      dropBody,
      credentials,
      origin: credentials === 'sign' ? origin : { ...origin, left: true },
    }
  }
