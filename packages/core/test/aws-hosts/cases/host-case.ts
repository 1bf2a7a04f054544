import type { AwsHostInference } from '../../../src/aws-hosts/types'

/** One hostname and what AWS says about signing for it (written by hand from the cited source). */
export interface HostCase {
  host: string
  expected: Partial<AwsHostInference> & Pick<AwsHostInference, 'service' | 'partition'>
}

/** SigV4 with an explicit region; further fields (customerCode, s3, …) only where they differ. */
export function sigv4(
  host: string,
  service: string,
  region: string,
  partition: string,
  extra: Partial<AwsHostInference> = {},
): HostCase {
  return { host, expected: { service, region, partition, algorithm: 'sigv4', customerCode: false, ...extra } }
}
