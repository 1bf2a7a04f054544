import { findAwsDnsSuffix } from './dns-suffixes'

/**
 * True for any host under an AWS DNS suffix of any partition (`amazonaws.com`, `api.aws`, `on.aws`,
 * `amazonaws.com.cn`, `c2s.ic.gov`, …), even one inference does not recognise; `explain()` uses it to say
 * "AWS host, but not recognised". `host` must be normalized (lowercase, punycode, no port, no trailing dot).
 *
 * @example looksLikeAwsHost('foo.bar.amazonaws.com') // true
 * @example looksLikeAwsHost('amazonaws.com.evil.com') // false
 */
export function looksLikeAwsHost(host: string): boolean {
  return findAwsDnsSuffix(host) !== undefined
}
