// @awssig/core/redirects: the one redirect policy, for adapters whose transport drives the exchange (axios).
// The fetch path's loop loads the same modules only when a redirect arrives. Pure functions and AWS's DNS
// suffix table: no state or classes that would need to be one instance with the package's main entry.
import { findAwsDnsSuffix } from './aws-hosts/dns-suffixes'
import { type NextRedirectHop, redirectPolicyWith } from './request-loop/redirect-policy'
import { sameS3BucketWith } from './request-loop/s3-bucket'

export {
  BODY_HEADERS,
  type NextRedirectHop,
  type RedirectHop,
  type RedirectOrigin,
  redirectLocation,
} from './request-loop/redirect-policy'

/**
 * The next hop of a redirect chain, decided once for every adapter. A hop is signed again only when it stays
 * on the origin (scheme, host and port) of the request the caller made and the chain never left it; or when
 * the first host was inferred as S3 and the hop is https to the same bucket in the same partition. Any other
 * hop — another claimed host, an unclaimed one, an https → http downgrade of the same host — carries no
 * credential material. A `Location` that is not http(s) is a network error, as in the fetch standard.
 *
 * @example
 * nextRedirectHop(307, 'https://ec2.us-east-1.amazonaws.com/', 'POST', 'https://partner.example/x', origin)
 * // → { credentials: 'strip', method: 'POST', … }: a partner cannot choose an AWS call signed as the caller
 */
export const nextRedirectHop: NextRedirectHop = redirectPolicyWith(sameS3BucketWith(findAwsDnsSuffix))
