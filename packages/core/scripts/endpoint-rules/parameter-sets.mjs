/**
 * Realistic values for the rule-set parameters beyond Region/UseFIPS/UseDualStack, so that enumeration
 * reaches the account-based, resource and data-plane endpoints too. Values follow the formats in each
 * service's API reference (ARNs: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html);
 * the account ID and names are the documentation's example values.
 */
const ACCOUNT = '111122223333'

/** Parameter sets for `service` in `region` of `partition`, each `[label, params]`; `[]` = builtins only. */
export function parameterSets(service, partition, region) {
  const arn = (svc, resource, arnRegion = region) =>
    `arn:${partition}:${svc}:${arnRegion}:${ACCOUNT}:${resource}`
  switch (service) {
    case 'dynamodb':
      return [
        ['account endpoint', { AccountId: ACCOUNT, AccountIdEndpointMode: 'preferred' }],
        ['table ARN', { ResourceArn: arn('dynamodb', 'table/Music'), AccountIdEndpointMode: 'required' }],
      ]
    case 'events':
    case 'sesv2':
      return [['global endpoint', { EndpointId: 'abcde.veo' }]]
    case 'kinesis':
      return [
        ['stream data', { StreamARN: arn('kinesis', 'stream/orders'), OperationType: 'data' }],
        ['stream control', { StreamARN: arn('kinesis', 'stream/orders'), OperationType: 'control' }],
      ]
    case 'neptune-graph':
      return [
        ['control plane', { ApiType: 'ControlPlane' }],
        ['data plane', { ApiType: 'DataPlane' }],
      ]
    case 'cloudfront-keyvaluestore':
      return [
        [
          'key value store',
          {
            KvsARN: `arn:${partition}:cloudfront::${ACCOUNT}:key-value-store/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`,
          },
        ],
      ]
    case 'sts':
      return [['global endpoint', { UseGlobalEndpoint: true }]]
    case 'arc-region-switch':
      return [['control plane', { UseControlPlaneEndpoint: true }]]
    case 's3':
      return s3Sets(partition, arn)
    case 's3control':
      return s3ControlSets(arn)
    default:
      return []
  }
}

function s3Sets(partition, arn) {
  // One zone ID for every region keeps the snapshot small; the rule set only checks its shape.
  const zone = 'usw2-az1'
  return [
    ['virtual-hosted bucket', { Bucket: 'amzn-s3-demo-bucket' }],
    ['path-style bucket', { Bucket: 'amzn-s3-demo-bucket', ForcePathStyle: true }],
    ['accelerate', { Bucket: 'amzn-s3-demo-bucket', Accelerate: true }],
    ['global endpoint', { Bucket: 'amzn-s3-demo-bucket', UseGlobalEndpoint: true }],
    ['access point', { Bucket: arn('s3', 'accesspoint/reports') }],
    ['object lambda access point', { Bucket: arn('s3-object-lambda', 'accesspoint/redactor') }],
    [
      'outposts access point',
      { Bucket: arn('s3-outposts', 'outpost/op-01ac5d28a6a232904/accesspoint/reports') },
    ],
    [
      'multi-region access point',
      { Bucket: `arn:${partition}:s3::111122223333:accesspoint/mfzwi23gnjvgw.mrap` },
    ],
    ['directory bucket', { Bucket: `amzn-s3-demo-bucket--${zone}--x-s3` }],
    [
      'directory bucket control',
      { Bucket: `amzn-s3-demo-bucket--${zone}--x-s3`, UseS3ExpressControlEndpoint: true },
    ],
  ]
}

function s3ControlSets(arn) {
  const outposts = 'outpost/op-01ac5d28a6a232904'
  return [
    ['account', { AccountId: ACCOUNT, RequiresAccountId: true }],
    ['outposts bucket', { Bucket: arn('s3-outposts', `${outposts}/bucket/reports`), AccountId: ACCOUNT }],
    [
      'outposts access point',
      { AccessPointName: arn('s3-outposts', `${outposts}/accesspoint/reports`), AccountId: ACCOUNT },
    ],
    ['outpost', { OutpostId: 'op-01ac5d28a6a232904', AccountId: ACCOUNT }],
    ['directory bucket control', { UseS3ExpressControlEndpoint: true, AccountId: ACCOUNT }],
    [
      'resource ARN',
      { ResourceArn: arn('s3', 'accesspoint/reports'), AccountId: ACCOUNT, RequiresAccountId: true },
    ],
  ]
}
