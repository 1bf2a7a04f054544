import { awsHostInference } from './aws-host-inference'
import { signingNameOf } from './aws-host-tables'
import { partitionOfRegion } from './regions'
import type { AwsHostInference } from './types'

const s3Family = { s3: true, contentSha256: true }

/**
 * S3-family hosts that name their region (the labels before the region, FIPS and dual-stack markers
 * already removed). Host forms follow the S3 user guide:
 * - virtual-hosted and path style, `s3.<region>` and `bucket.s3.<region>`, dual-stack `s3.dualstack.<region>`:
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html
 * - access points `<name>-<account>.s3-accesspoint.<region>`:
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-naming.html
 * - S3 Control `<account>.s3-control.<region>`: https://docs.aws.amazon.com/general/latest/gr/s3.html
 * - Object Lambda `<name>-<account>.s3-object-lambda.<region>`:
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/olap-use.html
 * - Outposts `<name>-<account>.<outpost-id>.s3-outposts.<region>`:
 *   https://docs.aws.amazon.com/AmazonS3/latest/s3-outposts/S3OutpostsAccessingAPs.html
 * - directory buckets `<bucket>--<az-id>--x-s3.s3express-<az-id>.<region>` and `s3express-control.<region>`:
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-express-Regions-and-Zones.html
 */
export function inferRegionalS3Host(
  prefix: readonly string[],
  partition: string,
  region: string,
  host: string,
): AwsHostInference | null | undefined {
  const last = prefix.at(-1) ?? ''
  const key = last.startsWith('s3express-') && last !== 's3express-control' ? 's3express-' : last
  if (!Object.hasOwn(S3_FORMS, key)) return undefined
  const form = S3_FORMS[key] as (typeof S3_FORMS)[string]
  const [service, kind, fits] = form
  // An S3-family label in a shape S3 does not use is not a guessable endpoint.
  if (!fits(prefix.length)) return null
  const reason = __DEV__ ? `${kind} ${host}` : ''
  // The S3 on Outposts control plane (`s3-outposts.<region>`) is an ordinary API signed as s3-outposts;
  // only its access points speak the S3 API with S3's path rules.
  if (key === 's3-outposts' && prefix.length === 1)
    return awsHostInference(service, partition, region, reason)
  if (key === 's3express-') {
    return awsHostInference(service, partition, region, reason, {
      ...s3Family,
      declined: __DEV__
        ? `${host} is an S3 Express One Zone directory bucket: S3 accepts only requests signed with session credentials from CreateSession (x-amz-s3session-token), which awssig does not obtain; add a rule for this host only if you sign such requests yourself.`
        : `${host}: S3 Express needs CreateSession`,
    })
  }
  return awsHostInference(service, partition, region, reason, s3Family)
}

/**
 * S3-family endpoint label → [signing name, description (for explanations; empty in production builds),
 * accepted number of labels up to and including it].
 */
const S3_FORMS: Readonly<Record<string, readonly [string, string, (labels: number) => boolean]>> = {
  s3: ['s3', __DEV__ ? 'S3 endpoint or virtual-hosted bucket' : '', () => true],
  's3-accesspoint': ['s3', __DEV__ ? 'S3 access point' : '', (n) => n === 2],
  's3-control': [signingNameOf('s3-control') ?? 's3', __DEV__ ? 'S3 Control endpoint' : '', (n) => n <= 2],
  's3-object-lambda': ['s3-object-lambda', __DEV__ ? 'S3 Object Lambda access point' : '', (n) => n === 2],
  's3-outposts': ['s3-outposts', __DEV__ ? 'S3 on Outposts endpoint' : '', (n) => n === 1 || n === 3],
  's3express-control': ['s3express', __DEV__ ? 'S3 Express One Zone control endpoint' : '', (n) => n === 1],
  's3express-': ['s3express', __DEV__ ? 'S3 Express One Zone directory bucket' : '', (n) => n === 2],
}

/**
 * S3 hosts without a `.<region>` label: the legacy global endpoint (`s3.amazonaws.com`,
 * `bucket.s3.amazonaws.com`), which AWS routes to the bucket's region (it may answer with a redirect or an
 * `AuthorizationHeaderMalformed` naming the right region, so the region is not certain), `s3-external-1`,
 * and the legacy dash-region form `s3-<region>` (https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html#s3-dash-region).
 */
export function inferLegacyS3Host(
  prefix: readonly string[],
  partitions: readonly string[],
  host: string,
): AwsHostInference | undefined {
  const last = prefix.at(-1) ?? ''
  // Explanations only: production builds leave it out (src/build-flags.d.ts).
  const kind = !__DEV__
    ? ''
    : prefix.length === 1
      ? 'legacy S3 path-style endpoint'
      : 'legacy S3 virtual-hosted bucket'
  if (partitions[0] === 'aws' && host.endsWith('.amazonaws.com')) {
    if (last === 's3') {
      return awsHostInference(
        's3',
        'aws',
        'us-east-1',
        __DEV__ ? `${kind} ${host} (global; AWS may redirect)` : '',
        {
          ...s3Family,
          hostRegion: undefined,
          regionCertain: false,
        },
      )
    }
    if (last === 's3-external-1') {
      return awsHostInference('s3', 'aws', 'us-east-1', __DEV__ ? `${kind} ${host}` : '', {
        ...s3Family,
        hostRegion: undefined,
      })
    }
  }
  const region = /^s3-(?:fips-)?(.+)$/.exec(last)?.[1]
  const partition = region === undefined ? undefined : partitionOfRegion(region)
  if (region === undefined || partition === undefined || !partitions.includes(partition)) return undefined
  return awsHostInference('s3', partition, region, __DEV__ ? `${kind} ${host}` : '', s3Family)
}
