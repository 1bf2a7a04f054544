import type { findAwsDnsSuffix } from '../aws-hosts/dns-suffixes'
import type { SameS3Bucket } from './redirect-policy'

/** Core's DNS-suffix lookup, handed in: this module loads only when a redirect arrives. */
type FindAwsDnsSuffix = typeof findAwsDnsSuffix

/** Where an S3 URL names its bucket, and the partition of the host that serves it. */
export interface S3BucketAddress {
  bucket: string
  partition: string
}

// The labels that make a host an S3 endpoint for buckets (not access points, Control or Outposts): `s3`,
// `s3-<region>`, `s3-fips-<region>`, `s3-external-1`, and `s3.dualstack`/`s3-fips.dualstack` forms.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html
const S3_LABEL = /^s3(?:-fips)?(?:-[a-z]{2}(?:-[a-z]+)+-\d+|-external-1)?$/

/**
 * The bucket an S3 URL addresses, in any of the forms S3 answers with (virtual-hosted `bucket.s3.<region>…`,
 * path-style `s3.<region>…/bucket/…`, legacy `bucket.s3-<region>.amazonaws.com`), with its partition; or
 * undefined for any other URL.
 */
export function s3BucketOf(url: URL, findAwsDnsSuffix: FindAwsDnsSuffix): S3BucketAddress | undefined {
  const host = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname
  const suffix = findAwsDnsSuffix(host)
  const partition = suffix?.partitions[0]
  if (suffix === undefined || partition === undefined) return undefined
  const labels = host.slice(0, -(suffix.suffix.length + 1)).split('.')
  const at = labels.findIndex((label) => S3_LABEL.test(label))
  if (at === -1) return undefined
  const bucket = at > 0 ? labels.slice(0, at).join('.') : decodeURIComponent(url.pathname.split('/')[1] ?? '')
  return bucket === '' ? undefined : { bucket: bucket.toLowerCase(), partition }
}

/**
 * A check of whether `to` addresses the same S3 bucket as `from`, over https, in the same partition: the one
 * cross-origin redirect awssig signs again, because S3 itself moves a request to the bucket's regional
 * endpoint (`307 TemporaryRedirect` to `bucket.s3-<region>.amazonaws.com`).
 */
export const sameS3BucketWith =
  (findAwsDnsSuffix: FindAwsDnsSuffix): SameS3Bucket =>
  (from, to) => {
    if (to.protocol !== 'https:') return false
    const a = s3BucketOf(from, findAwsDnsSuffix)
    const b = s3BucketOf(to, findAwsDnsSuffix)
    return a !== undefined && b !== undefined && a.bucket === b.bucket && a.partition === b.partition
  }
