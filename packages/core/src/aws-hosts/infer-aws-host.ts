import { awsHostInference } from './aws-host-inference'
import { globalSigningRegion, isKnownSameNameLabel, isNotSigV4, signingNameOf } from './aws-host-tables'
import { type AwsDnsSuffix, findAwsDnsSuffix } from './dns-suffixes'
import { inferOnAwsHost } from './infer-on-aws-host'
import { inferLegacyS3Host, inferRegionalS3Host } from './infer-s3-host'
import { partitionOfRegion } from './regions'
import type { AwsHostInference } from './types'

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/
const SIGNING_NAME = /^[a-z][a-z0-9-]*[a-z0-9]$/

/**
 * What AWS's own hostname conventions say about how to sign for `host`, or null when the host is not one
 * AWS documents. Never guesses: a host whose region and service cannot both be read from AWS's endpoint
 * metadata or a documented pattern gives null (never a default `us-east-1`).
 *
 * `host` should be normalized by the caller (lowercase, punycode, no port, no trailing dot); upper case and
 * a trailing dot are tolerated.
 *
 * Hosts that hand requests to customer code (API Gateway `execute-api`, Lambda function URLs, AppSync) come
 * back with `customerCode: true`; the caller decides whether to claim them.
 *
 * @example inferAwsHost('ec2.us-west-2.amazonaws.com') // { service: 'ec2', region: 'us-west-2', … }
 * @example inferAwsHost('iam.amazonaws.com') // { service: 'iam', region: 'us-east-1', … }
 * @example inferAwsHost('amazonaws.com.evil.com') // null
 */
export function inferAwsHost(host: string): AwsHostInference | null {
  const name = host.toLowerCase().replace(/\.$/, '')
  if (name.length > 253) return null
  const dns = findAwsDnsSuffix(name)
  if (!dns) return null
  const labels = name.slice(0, -dns.suffix.length - 1).split('.')
  if (!labels.every((label) => DNS_LABEL.test(label))) return null
  if (dns.suffix === 'on.aws') return inferOnAwsHost(labels, dns, name)
  // undefined: the host names no region (try the region-less forms); null: it does, but is not recognised.
  const regional = inferRegionalHost(labels, dns, name)
  if (regional !== undefined) return regional
  return inferRegionlessHost(labels, dns, name) ?? null
}

function partitionOfHostRegion(label: string | undefined, dns: AwsDnsSuffix): string | undefined {
  const partition = label === undefined ? undefined : partitionOfRegion(label)
  return partition !== undefined && dns.partitions.includes(partition) ? partition : undefined
}

/**
 * Removes the FIPS and dual-stack markers AWS puts in endpoint prefixes: `ec2-fips.<region>`,
 * `fips.batch.<region>`, `api-fips.sagemaker.<region>`, `s3-fips.dualstack.<region>`
 * (aws-sdk v2 region_config_data.json `fipsRules`/`dualstackRules`; botocore endpoints.json variants).
 */
function withoutVariantMarkers(prefix: readonly string[]): string[] {
  const out: string[] = []
  prefix.forEach((label, index) => {
    if (label === 'fips' && index === 0 && prefix.length > 1) return
    if (label === 'dualstack' && index === prefix.length - 1 && index > 0) return
    out.push(label.endsWith('-fips') ? label.slice(0, -5) : label)
  })
  return out
}

/** `<prefix>.<region>.<suffix>` and the documented service-specific forms that carry a region. */
function inferRegionalHost(
  labels: string[],
  dns: AwsDnsSuffix,
  host: string,
): AwsHostInference | null | undefined {
  let parts = labels
  // VPC interface endpoints: `vpce-<id>.<service>.<region>.vpce.amazonaws.com`, and private REST APIs
  // `<api-id>-<vpce-id>.execute-api.<region>.vpce.amazonaws.com`.
  // https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-api-test-invoke-url.html
  // API Gateway's endpoint-specific names `vpce-<id>[-<zone>].execute-api.<region>.vpce.amazonaws.com`
  // reach any private API the endpoint may call, picked by `x-apigw-api-id`: customer code, by header.
  let byHeader: Partial<AwsHostInference> | undefined
  if (parts.at(-1) === 'vpce' && dns.suffix === 'amazonaws.com') {
    if (parts.length === 4 && parts[0]?.startsWith('vpce-') && parts[1] === 'execute-api')
      byHeader = { customerCode: true, apiChosenByHeader: true }
    parts = parts.slice(0, -1).filter((label) => !label.startsWith('vpce-'))
  }
  // OpenSearch Service domains `search-<domain>-<id>.<region>.es.amazonaws.com` (or `vpc-…`), and
  // OpenSearch Serverless collections `<collection-id>.<region>.aoss.amazonaws.com`.
  // https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createupdatedomains.html
  // https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-clients.html
  // Neptune Analytics graphs `<graph-id>.<region>.neptune-graph.amazonaws.com` (and the data-plane host
  // `<region>.neptune-graph.…` of its endpoint rule set).
  // https://docs.aws.amazon.com/neptune-analytics/latest/userguide/gettingStarted-connecting.html
  const service = parts.at(-1)
  const graph = service === 'neptune-graph'
  if (
    (parts.length === 3 && (service === 'es' || service === 'aoss' || graph)) ||
    (graph && parts.length === 2)
  ) {
    const region = parts.at(-2) as string
    const partition = partitionOfHostRegion(region, dns)
    if (partition === undefined) return null
    const reason = __DEV__
      ? `${graph ? 'Neptune Analytics graph' : `OpenSearch ${service}`} endpoint ${host}`
      : ''
    return awsHostInference(service, partition, region, reason)
  }
  const region = parts.at(-1) as string
  const partition = partitionOfHostRegion(region, dns)
  if (partition === undefined) return undefined
  const prefix = withoutVariantMarkers(parts.slice(0, -1))
  if (prefix.length === 0) return null
  const s3 = inferRegionalS3Host(prefix, partition, region, host)
  if (s3 !== undefined) return s3
  const joined = prefix.join('.')
  const named = signingNameOf(joined)
  if (named !== undefined)
    return awsHostInference(named, partition, region, __DEV__ ? `regional endpoint ${host}` : '')
  if (prefix.length === 1) {
    if (isNotSigV4(joined) || !SIGNING_NAME.test(joined)) return null
    // A label no rule set names still signs under its own name (new services follow the convention), but
    // the explanation says the signing name was read from the host rather than known.
    const guessed = __DEV__ && !isKnownSameNameLabel(joined)
    const reason = __DEV__
      ? `${byHeader ? 'API Gateway VPC endpoint' : 'regional endpoint'} ${host}${guessed ? ' (signing name read from the host label: no endpoint rule set names it)' : ''}`
      : ''
    return awsHostInference(joined, partition, region, reason, byHeader)
  }
  return prefix.length === 2 ? inferTwoLabelHost(prefix as [string, string], partition, region, host) : null
}

/**
 * `<a>.<b>.<region>.<suffix>`: account-based endpoints and the documented customer-code and IoT data forms,
 * whose first label is an ID.
 */
function inferTwoLabelHost(
  prefix: [string, string],
  partition: string,
  region: string,
  host: string,
): AwsHostInference | null {
  // Account-based endpoints `<account-id>.ddb.<region>`, `<account-id>.control-kinesis.<region>` (the
  // DynamoDB and Kinesis endpoint rule sets, with AccountId or a resource ARN).
  const account = /^\d{12}$/.test(prefix[0] as string) ? signingNameOf(`#${prefix[1]}`) : undefined
  if (account) return awsHostInference(account, partition, region, __DEV__ ? `account endpoint ${host}` : '')
  switch (prefix[1]) {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-call-api.html
    case 'execute-api':
      return awsHostInference(
        'execute-api',
        partition,
        region,
        __DEV__ ? `API Gateway API ${host} (customer code)` : '',
        {
          customerCode: true,
        },
      )
    // https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html (GraphQL and real-time)
    case 'appsync-api':
    case 'appsync-realtime-api':
      return awsHostInference(
        'appsync',
        partition,
        region,
        __DEV__ ? `AppSync API ${host} (customer code)` : '',
        {
          customerCode: true,
        },
      )
    // Account-specific IoT data endpoints `<prefix>-ats.iot.<region>.amazonaws.com` (and legacy ones without
    // `-ats`) sign as `iotdata`, like `data-ats.iot` in the metadata.
    // https://docs.aws.amazon.com/iot/latest/developerguide/iot-connect-devices.html#iot-connect-device-endpoints
    case 'iot': {
      const iotData = signingNameOf('data-ats.iot') ?? 'iotdata'
      return awsHostInference(iotData, partition, region, __DEV__ ? `IoT data endpoint ${host}` : '')
    }
    default:
      return null
  }
}

/** Hosts without a `.<region>` label: global endpoints, S3 legacy forms, SigV4A global endpoints. */
function inferRegionlessHost(
  labels: string[],
  dns: AwsDnsSuffix,
  host: string,
): AwsHostInference | undefined {
  let prefix = withoutVariantMarkers(labels)
  let partition = dns.partitions[0] as string
  const aws = dns.suffix === 'amazonaws.com'
  // S3 Multi-Region Access Points: `<alias>.mrap.accesspoint.s3-global.amazonaws.com`, signed with SigV4A
  // for every region. https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiRegionAccessPointRequests.html
  if (aws && prefix.length === 4 && prefix.slice(1).join('.') === 'mrap.accesspoint.s3-global') {
    return sigV4aEverywhere('s3', __DEV__ ? `S3 Multi-Region Access Point ${host}` : '', {
      s3: true,
      contentSha256: true,
    })
  }
  // EventBridge global endpoints `<name>.<id>.endpoint.events.<suffix>` and SES global endpoints
  // `<name>.<id>.endpoints.email[.global].<suffix>` are signed with SigV4A (their rule sets' authSchemes).
  // https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-global-endpoints.html
  // https://docs.aws.amazon.com/ses/latest/dg/global-endpoints.html
  const global = prefix.at(-1) === 'global' ? prefix.slice(0, -1) : prefix
  const kind = `${global[2]}.${global[3]}`
  if (global.length === 4 && (kind === 'endpoint.events' || kind === 'endpoints.email')) {
    const service = kind === 'endpoint.events' ? 'events' : 'ses'
    return sigV4aEverywhere(service, __DEV__ ? `${service} global endpoint ${host}` : '', { partition })
  }
  // CloudFront KeyValueStore `<account-id>.cloudfront-kvs.global.api.aws` takes SigV4A only (its rule set's
  // authSchemes), signing name cloudfront-keyvaluestore.
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/kvs-with-functions-kvp.html
  if (dns.suffix === 'api.aws' && prefix.length === 3 && /^\d{12}$/.test(prefix[0] as string)) {
    if (prefix[1] === 'cloudfront-kvs' && prefix[2] === 'global')
      return sigV4aEverywhere('cloudfront-keyvaluestore', __DEV__ ? `CloudFront KeyValueStore ${host}` : '')
  }
  const legacyS3 = inferLegacyS3Host(prefix, dns.partitions, host)
  if (legacyS3) return legacyS3
  // GovCloud global endpoints `iam.us-gov.amazonaws.com`, `route53.us-gov.amazonaws.com` (aws-sdk v2
  // region_config_data.json `globalGovCloud`); dual-stack global endpoints `iam.global.api.aws`.
  if (aws && prefix.at(-1) === 'us-gov') {
    partition = 'aws-us-gov'
    prefix = prefix.slice(0, -1)
  } else if (prefix.at(-1) === 'global') {
    prefix = prefix.slice(0, -1)
  }
  const service = prefix[0]
  if (prefix.length !== 1 || service === undefined) return undefined
  const region = globalSigningRegion(service, partition)
  if (region === undefined) return undefined
  return awsHostInference(
    signingNameOf(service) ?? service,
    partition,
    region,
    __DEV__ ? `global endpoint ${host}` : '',
    {
      hostRegion: undefined,
    },
  )
}

function sigV4aEverywhere(
  service: string,
  reason: string,
  overrides?: Partial<AwsHostInference>,
): AwsHostInference {
  return awsHostInference(service, 'aws', undefined, reason, {
    regionSet: ['*'],
    algorithm: 'sigv4a',
    ...overrides,
  })
}
