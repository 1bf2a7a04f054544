import { describe, expect, it } from 'vitest'
import { inferAwsHost } from '../../src/aws-hosts'
import { globalHosts } from './cases/global-hosts'
import type { HostCase } from './cases/host-case'
import {
  chinaHosts,
  commercialRegional,
  differentSigningNames,
  dualStackHosts,
  fipsHosts,
  govCloudHosts,
  interfaceEndpointHosts,
  isolatedHosts,
} from './cases/regional-hosts'
import { resourceHosts } from './cases/resource-hosts'
import { newerServices, newerSigningNames, partitionGlobals, ruleSetVariants } from './cases/rule-set-hosts'
import { s3Hosts } from './cases/s3-hosts'

const groups: Record<string, HostCase[]> = {
  'regional endpoints (aws)': commercialRegional,
  'signing names that differ from the host label': differentSigningNames,
  'FIPS endpoints': fipsHosts,
  'dual-stack endpoints': dualStackHosts,
  'China (aws-cn)': chinaHosts,
  'GovCloud (aws-us-gov)': govCloudHosts,
  'isolated and sovereign partitions': isolatedHosts,
  'VPC interface endpoints': interfaceEndpointHosts,
  'global endpoints': globalHosts,
  'S3 host forms': s3Hosts,
  'customer resources and data planes': resourceHosts,
  'newer signing names (endpoint rule sets)': newerSigningNames,
  'newer services and every partition (endpoint rule sets)': newerServices,
  'global endpoints of every partition (endpoint rule sets)': partitionGlobals,
  'FIPS and dual-stack variants (endpoint rule sets)': ruleSetVariants,
}

describe('inferAwsHost', () => {
  for (const [group, cases] of Object.entries(groups)) {
    describe(group, () => {
      it.each(cases.map((c) => [c.host, c.expected] as const))('%s', (host, expected) => {
        const inferred = inferAwsHost(host)
        expect(inferred).toMatchObject(expected)
        // A plan carries either a region (SigV4) or a region set (SigV4A), never both.
        if (expected.algorithm === 'sigv4a') expect(inferred).not.toHaveProperty('region')
        else expect(inferred).not.toHaveProperty('regionSet')
        expect(inferred?.reason).toContain(host)
      })
    })
  }

  it('covers at least 300 distinct AWS hostnames across all eight partitions', () => {
    const all = Object.values(groups).flat()
    expect(new Set(all.map((c) => c.host)).size).toBeGreaterThanOrEqual(300)
    expect(new Set(all.map((c) => c.expected.partition))).toEqual(
      new Set(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']),
    )
  })

  it('marks only execute-api, function URLs and AppSync as customer code', () => {
    const customer = Object.values(groups)
      .flat()
      .filter((c) => inferAwsHost(c.host)?.customerCode)
      .map((c) => inferAwsHost(c.host)?.service)
    expect(new Set(customer)).toEqual(new Set(['execute-api', 'lambda', 'appsync']))
  })

  it('reports the region written in the hostname, and none for global endpoints', () => {
    expect(inferAwsHost('ec2.us-west-2.amazonaws.com')?.hostRegion).toBe('us-west-2')
    expect(inferAwsHost('bucket.s3-eu-west-1.amazonaws.com')?.hostRegion).toBe('eu-west-1')
    expect(inferAwsHost('iam.amazonaws.com')).not.toHaveProperty('hostRegion')
    expect(inferAwsHost('bucket.s3.amazonaws.com')).not.toHaveProperty('hostRegion')
  })

  it('tolerates upper case and a trailing dot', () => {
    expect(inferAwsHost('EC2.US-WEST-2.AMAZONAWS.COM')).toMatchObject({ service: 'ec2', region: 'us-west-2' })
    expect(inferAwsHost('iam.amazonaws.com.')).toMatchObject({ service: 'iam', region: 'us-east-1' })
    expect(inferAwsHost('Bucket.S3.Amazonaws.Com')).toMatchObject({ service: 's3', regionCertain: false })
  })

  it('returns a fresh object each time (callers may not mutate shared state)', () => {
    const first = inferAwsHost('abc.mrap.accesspoint.s3-global.amazonaws.com')
    first?.regionSet?.push('us-east-1')
    expect(inferAwsHost('abc.mrap.accesspoint.s3-global.amazonaws.com')?.regionSet).toEqual(['*'])
  })
})
