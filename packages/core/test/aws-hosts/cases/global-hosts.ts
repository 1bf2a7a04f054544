import type { HostCase } from './host-case'

function global(host: string, service: string, region: string, partition: string): HostCase {
  return {
    host,
    expected: { service, region, partition, algorithm: 'sigv4', customerCode: false, regionCertain: true },
  }
}

/**
 * Global endpoints and the region their credential scope names. Sources:
 * - IAM https://docs.aws.amazon.com/general/latest/gr/iam-service.html (iam.amazonaws.com, us-east-1;
 *   iam.us-gov.amazonaws.com, us-gov-west-1; China iam.cn-north-1.amazonaws.com.cn, cn-north-1)
 * - Route 53 https://docs.aws.amazon.com/general/latest/gr/r53.html (route53.amazonaws.com, us-east-1;
 *   route53.us-gov.amazonaws.com, us-gov-west-1; China route53.amazonaws.com.cn, cn-northwest-1)
 * - STS https://docs.aws.amazon.com/general/latest/gr/sts.html (global sts.amazonaws.com signs us-east-1)
 * - CloudFront https://docs.aws.amazon.com/general/latest/gr/cf_region.html (cloudfront.amazonaws.com, us-east-1)
 * - Global Accelerator https://docs.aws.amazon.com/general/latest/gr/global_accelerator.html
 *   (globalaccelerator.amazonaws.com, Region us-west-2)
 * - botocore endpoints.json `partitionEndpoint` entries and their `credentialScope` (budgets, waf,
 *   savingsplans, the isolated partitions' route53, the fips/dual-stack IAM variants).
 */
export const globalHosts: HostCase[] = [
  global('iam.amazonaws.com', 'iam', 'us-east-1', 'aws'),
  global('iam-fips.amazonaws.com', 'iam', 'us-east-1', 'aws'),
  global('iam.global.api.aws', 'iam', 'us-east-1', 'aws'),
  global('sts.amazonaws.com', 'sts', 'us-east-1', 'aws'),
  global('route53.amazonaws.com', 'route53', 'us-east-1', 'aws'),
  global('route53-fips.amazonaws.com', 'route53', 'us-east-1', 'aws'),
  global('cloudfront.amazonaws.com', 'cloudfront', 'us-east-1', 'aws'),
  global('budgets.amazonaws.com', 'budgets', 'us-east-1', 'aws'),
  global('waf.amazonaws.com', 'waf', 'us-east-1', 'aws'),
  global('savingsplans.amazonaws.com', 'savingsplans', 'us-east-1', 'aws'),
  global('globalaccelerator.amazonaws.com', 'globalaccelerator', 'us-west-2', 'aws'),
  global('iam.us-gov.amazonaws.com', 'iam', 'us-gov-west-1', 'aws-us-gov'),
  global('route53.us-gov.amazonaws.com', 'route53', 'us-gov-west-1', 'aws-us-gov'),
  global('route53.amazonaws.com.cn', 'route53', 'cn-northwest-1', 'aws-cn'),
  global('iam.amazonaws.com.cn', 'iam', 'cn-north-1', 'aws-cn'),
  global('route53.c2s.ic.gov', 'route53', 'us-iso-east-1', 'aws-iso'),
  global('route53.sc2s.sgov.gov', 'route53', 'us-isob-east-1', 'aws-iso-b'),
  global('route53.cloud.adc-e.uk', 'route53', 'eu-isoe-west-1', 'aws-iso-e'),
  global('route53.csp.hci.ic.gov', 'route53', 'us-isof-south-1', 'aws-iso-f'),
]
