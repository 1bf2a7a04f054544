import { awsHostInference } from './aws-host-inference'
import type { AwsDnsSuffix } from './dns-suffixes'
import { partitionOfRegion } from './regions'
import type { AwsHostInference } from './types'

/**
 * Hosts under `on.aws`, where AWS names customer resources (no rule set describes them):
 * - Lambda function URLs `<url-id>.lambda-url.<region>.on.aws`, signed as `lambda` (customer code):
 *   https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html
 * - Aurora DSQL clusters `<cluster-id>.dsql.<region>.on.aws`, signed as `dsql` (the IAM auth token is a
 *   presigned `DbConnect`/`DbConnectAdmin` request to this host):
 *   https://docs.aws.amazon.com/aurora-dsql/latest/userguide/SECTION_authentication-token.html
 * - VPC Lattice services `<service>-<id>.<hash>.vpc-lattice-svcs.<region>.on.aws`, signed as
 *   `vpc-lattice-svcs` with `UNSIGNED-PAYLOAD` (Lattice does not accept a payload hash); they run customer
 *   code: https://docs.aws.amazon.com/vpc-lattice/latest/ug/sigv4-authenticated-requests.html
 */
export function inferOnAwsHost(labels: string[], dns: AwsDnsSuffix, host: string): AwsHostInference | null {
  const region = labels.at(-1) as string
  const partition = partitionOfRegion(region)
  if (partition === undefined || !dns.partitions.includes(partition)) return null
  const kind = labels.at(-2)
  // Neptune Analytics data plane `neptune-graph.<region>.on.aws` (its endpoint rule set, `ApiType` DataPlane).
  if (kind === 'neptune-graph' && labels.length === 2) {
    return awsHostInference(kind, partition, region, __DEV__ ? `Neptune Analytics data plane ${host}` : '')
  }
  if (kind === 'lambda-url' && labels.length === 3) {
    const reason = __DEV__ ? `Lambda function URL ${host} (customer code)` : ''
    return awsHostInference('lambda', partition, region, reason, { customerCode: true })
  }
  // Cluster identifiers are lower-case letters and digits.
  if (kind === 'dsql' && labels.length === 3 && /^[a-z0-9]+$/.test(labels[0] as string)) {
    return awsHostInference('dsql', partition, region, __DEV__ ? `Aurora DSQL cluster ${host}` : '')
  }
  if (kind === 'vpc-lattice-svcs' && labels.length === 4) {
    const reason = __DEV__ ? `VPC Lattice service ${host} (customer code; UNSIGNED-PAYLOAD)` : ''
    return awsHostInference('vpc-lattice-svcs', partition, region, reason, {
      customerCode: true,
      unsignedPayload: true,
    })
  }
  return null
}
