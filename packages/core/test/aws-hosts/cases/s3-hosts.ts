import { type HostCase, sigv4 } from './host-case'

const s3 = { s3: true, contentSha256: true, regionCertain: true }

/**
 * S3 in its host forms. Sources:
 * - virtual-hosted, path style, legacy `s3-<region>`, legacy global `s3.amazonaws.com` (us-east-1; AWS
 *   redirects or answers AuthorizationHeaderMalformed for buckets elsewhere, hence regionCertain false):
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html
 * - dual-stack `s3.dualstack.<region>`: https://docs.aws.amazon.com/AmazonS3/latest/userguide/dual-stack-endpoints.html
 * - FIPS `s3-fips.<region>`: https://aws.amazon.com/compliance/fips/
 * - access points: https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-naming.html
 * - Multi-Region Access Points (SigV4A, region set `*`):
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiRegionAccessPointRequests.html
 * - S3 Control `<account>.s3-control.<region>` (signing name s3): https://docs.aws.amazon.com/general/latest/gr/s3.html
 * - Object Lambda (signing name s3-object-lambda): https://docs.aws.amazon.com/AmazonS3/latest/userguide/olap-use.html
 * - Outposts (signing name s3-outposts): https://docs.aws.amazon.com/AmazonS3/latest/s3-outposts/S3OutpostsAccessingAPs.html
 * - Express One Zone (signing name s3express): https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-express-Regions-and-Zones.html
 * - PrivateLink for S3: https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html
 */
export const s3Hosts: HostCase[] = [
  sigv4('s3.us-west-2.amazonaws.com', 's3', 'us-west-2', 'aws', s3),
  sigv4('bucket.s3.us-west-2.amazonaws.com', 's3', 'us-west-2', 'aws', s3),
  sigv4('my.dotted.bucket.s3.eu-west-1.amazonaws.com', 's3', 'eu-west-1', 'aws', s3),
  sigv4('s3.us-east-1.amazonaws.com', 's3', 'us-east-1', 'aws', s3),
  sigv4('s3-us-west-2.amazonaws.com', 's3', 'us-west-2', 'aws', s3),
  sigv4('bucket.s3-us-west-2.amazonaws.com', 's3', 'us-west-2', 'aws', s3),
  sigv4('s3-eu-west-1.amazonaws.com', 's3', 'eu-west-1', 'aws', s3),
  sigv4('s3-external-1.amazonaws.com', 's3', 'us-east-1', 'aws', s3),
  sigv4('s3.dualstack.us-east-1.amazonaws.com', 's3', 'us-east-1', 'aws', s3),
  sigv4('bucket.s3.dualstack.ap-northeast-1.amazonaws.com', 's3', 'ap-northeast-1', 'aws', s3),
  sigv4('s3-fips.us-east-1.amazonaws.com', 's3', 'us-east-1', 'aws', s3),
  sigv4('s3-fips.dualstack.us-east-2.amazonaws.com', 's3', 'us-east-2', 'aws', s3),
  sigv4('s3.amazonaws.com', 's3', 'us-east-1', 'aws', { ...s3, regionCertain: false }),
  sigv4('bucket.s3.amazonaws.com', 's3', 'us-east-1', 'aws', { ...s3, regionCertain: false }),
  sigv4('reports-123456789012.s3-accesspoint.us-west-2.amazonaws.com', 's3', 'us-west-2', 'aws', s3),
  sigv4(
    'reports-123456789012.s3-accesspoint.dualstack.us-west-2.amazonaws.com',
    's3',
    'us-west-2',
    'aws',
    s3,
  ),
  sigv4('reports-123456789012.s3-accesspoint-fips.us-east-1.amazonaws.com', 's3', 'us-east-1', 'aws', s3),
  sigv4('123456789012.s3-control.us-east-1.amazonaws.com', 's3', 'us-east-1', 'aws', s3),
  sigv4('s3-control.us-west-2.amazonaws.com', 's3', 'us-west-2', 'aws', s3),
  sigv4('123456789012.s3-control.dualstack.us-west-2.amazonaws.com', 's3', 'us-west-2', 'aws', s3),
  sigv4(
    'banner-123456789012.s3-object-lambda.us-east-1.amazonaws.com',
    's3-object-lambda',
    'us-east-1',
    'aws',
    s3,
  ),
  sigv4(
    'ap-123456789012.op-01ac5d28a6a232904.s3-outposts.us-west-2.amazonaws.com',
    's3-outposts',
    'us-west-2',
    'aws',
    s3,
  ),
  sigv4(
    'logs--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com',
    's3express',
    'us-west-2',
    'aws',
    s3,
  ),
  sigv4('s3express-control.us-west-2.amazonaws.com', 's3express', 'us-west-2', 'aws', s3),
  sigv4('bucket.vpce-1a2b3c4d-5e6f.s3.us-east-1.vpce.amazonaws.com', 's3', 'us-east-1', 'aws', s3),
  sigv4('s3.cn-north-1.amazonaws.com.cn', 's3', 'cn-north-1', 'aws-cn', s3),
  sigv4('bucket.s3.cn-northwest-1.amazonaws.com.cn', 's3', 'cn-northwest-1', 'aws-cn', s3),
  sigv4('s3.dualstack.cn-north-1.amazonaws.com.cn', 's3', 'cn-north-1', 'aws-cn', s3),
  sigv4('s3.us-gov-west-1.amazonaws.com', 's3', 'us-gov-west-1', 'aws-us-gov', s3),
  sigv4('s3-fips.us-gov-west-1.amazonaws.com', 's3', 'us-gov-west-1', 'aws-us-gov', s3),
  sigv4('s3-us-gov-west-1.amazonaws.com', 's3', 'us-gov-west-1', 'aws-us-gov', s3),
  sigv4('s3.us-iso-east-1.c2s.ic.gov', 's3', 'us-iso-east-1', 'aws-iso', s3),
  sigv4('s3.eusc-de-east-1.amazonaws.eu', 's3', 'eusc-de-east-1', 'aws-eusc', s3),
  {
    host: 'mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com',
    expected: {
      service: 's3',
      partition: 'aws',
      algorithm: 'sigv4a',
      regionSet: ['*'],
      s3: true,
      contentSha256: true,
    },
  },
]
