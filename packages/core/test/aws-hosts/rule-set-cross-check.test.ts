import { describe, expect, it } from 'vitest'
import { inferAwsHost } from '../../src/aws-hosts'
import type { AwsHostInference } from '../../src/aws-hosts/types'
import { type RuleSetHost, ruleSetHosts, snapshot } from './support/rule-set-hosts'

/**
 * Every hostname the pinned endpoint rule sets produce (every region of every partition; standard, FIPS and
 * dual-stack; account, ARN and bucket parameters filled with realistic values by
 * scripts/endpoint-rules/parameter-sets.mjs) must be inferred with the rule set's signing name and region,
 * or fall under one of these listed reasons.
 */
const REASONS: readonly (readonly [
  reason: string,
  applies: (h: RuleSetHost, i: AwsHostInference | null) => boolean,
])[] = [
  [
    'not SigV4: SigV2-only (SimpleDB, whose SigV4 export API shares the sdb host; Import/Export) or bearer tokens (CodeCatalyst)',
    (h, i) => i === null && ['sdb', 'simpledbv2', 'importexport', 'codecatalyst'].includes(h.service),
  ],
  [
    'not under an AWS endpoint DNS suffix (console sign-in hosts such as <region>.signin.aws.amazon.com)',
    (h, i) =>
      i === null &&
      !/\.(amazonaws\.com|api\.aws|on\.aws|amazonaws\.com\.cn|amazonaws\.eu|ic\.gov|sgov\.gov|adc-e\.uk|scloud|amazonwebservices\.(com\.cn|eu))$/.test(
        h.host,
      ),
  ],
  [
    'the region is not in the host: S3 Transfer Acceleration signs for the bucket region, which the host does not name',
    (h, i) => i === null && h.host.includes('.s3-accelerate.'),
  ],
  [
    'SigV4A-only global services outside the table (Partner Central channel, Sustainability): not inferred yet',
    (h, i) =>
      i === null && h.scheme === 'sigv4a' && ['partnercentral-channel', 'sustainability'].includes(h.service),
  ],
  [
    'on.aws outside the aws and aws-us-gov partitions (neptune-graph.cn-north-1.on.aws): AWS documents on.aws only for those two',
    (h, i) => i === null && h.host.endsWith('.on.aws') && !['aws', 'aws-us-gov'].includes(h.partition),
  ],
  [
    'S3 Multi-Region Access Points outside the aws partition (the rule set templates them; the documented pattern covers amazonaws.com)',
    (h, i) => i === null && h.host.includes('.mrap.accesspoint.s3-global.') && h.partition !== 'aws',
  ],
  [
    'GovCloud hosts with the region before `us-gov` (routes.geo.<region>.us-gov.amazonaws.com): not inferred yet',
    (h, i) =>
      i === null && /\.us-gov\.(amazonaws\.com|api\.aws)$/.test(h.host) && h.host.includes(`.${h.region}.`),
  ],
  [
    'FIPS and dual-stack variants of region-less global endpoints (iam-fips.global.api.aws, route53-fips.amazonaws.com.cn, …): not inferred yet',
    (h, i) =>
      i === null &&
      !h.host.includes(`.${h.region}.`) &&
      (h.host.includes('-fips.') || h.host.includes('.api.') || h.host.endsWith('.api.aws')),
  ],
  [
    'a region-less host two partitions share (budgets-fips.amazonaws.com in aws and aws-us-gov): inference takes the first partition of the suffix',
    (h, i) => i !== null && h.partition === 'aws-us-gov' && i.partition === 'aws',
  ],
  [
    'FIPS host in a partition without FIPS (iam-fips.amazonaws.com.cn): the rule set signs with the implicit global region, the standard host with another',
    (h, i) => i !== null && h.partition === 'aws-cn' && h.host.includes('-fips.'),
  ],
  [
    'the rule set lists SigV4A before SigV4 (S3 on Outposts access points); inference picks SigV4, which the endpoint also accepts',
    (h, i) => i?.algorithm === 'sigv4' && h.scheme === 'sigv4a' && h.host.includes('.s3-outposts.'),
  ],
  [
    'S3 Express One Zone directory buckets: declined (CreateSession credentials needed)',
    (h, i) => h.scheme === 'sigv4-s3express' && i?.declined !== undefined,
  ],
]

function agrees(h: RuleSetHost, i: AwsHostInference | null): boolean {
  if (i === null || i.declined !== undefined || i.service !== h.signingName) return false
  if (h.scheme === 'sigv4a')
    return i.algorithm === 'sigv4a' && (i.regionSet ?? []).join(',') === h.signingRegion
  return i.algorithm === 'sigv4' && i.region === h.signingRegion
}

describe(`inference against the endpoint rule sets (${snapshot.source})`, () => {
  const hosts = ruleSetHosts()
  const counts = new Map<string, number>()
  const unexplained: string[] = []
  let agreeing = 0
  for (const h of hosts) {
    const inferred = inferAwsHost(h.host)
    if (agrees(h, inferred)) {
      agreeing++
      continue
    }
    const reason = REASONS.find(([, applies]) => applies(h, inferred))?.[0]
    if (reason === undefined) {
      unexplained.push(
        `${h.host} (${h.service}): rule set ${h.scheme} ${h.signingName} ${h.signingRegion}, inferred ${inferred ? `${inferred.algorithm} ${inferred.service} ${inferred.region ?? inferred.regionSet}` : 'null'}`,
      )
    } else counts.set(reason, (counts.get(reason) ?? 0) + 1)
  }

  it('enumerates every service of the snapshot, in every partition', () => {
    const services = new Set(hosts.map((h) => h.service))
    expect(services.size).toBe(Object.keys(snapshot.services).length)
    expect(new Set(hosts.map((h) => h.partition)).size).toBe(snapshot.partitions.length)
  })

  it('agrees on signing name and region, or returns null (or declines) for a listed reason', () => {
    const report = [
      `${hosts.length} hostnames from ${Object.keys(snapshot.services).length} rule sets: ${agreeing} agree`,
      ...[...counts].map(([reason, n]) => `  ${n} × ${reason}`),
    ]
    console.log(report.join('\n'))
    expect(unexplained.slice(0, 20)).toEqual([])
    expect(agreeing).toBeGreaterThan(hosts.length * 0.97)
  })

  it('reports the rule-set templates no parameter set instantiated, with the reason', () => {
    const unreached = Object.entries(snapshot.services).flatMap(([service, entry]) =>
      (entry.unreached ?? []).map((template) => [service, template] as const),
    )
    const custom = unreached.filter(([, t]) => t.includes('{url#') || t.includes('{Endpoint'))
    const rest = unreached.filter(([, t]) => !custom.some(([, c]) => c === t))
    console.log(
      [
        `${unreached.length} rule-set URL templates not instantiated:`,
        `  ${custom.length} take the host from a custom endpoint (SDK::Endpoint / parsed URL), which has no AWS host to infer`,
        `  ${rest.length} others (literal hosts only reached for one region or parameter the enumeration does not set, e.g. legacy global hosts behind UseGlobalEndpoint or ARN shapes):`,
        ...rest.map(([service, template]) => `    ${service}: ${template}`),
      ].join('\n'),
    )
    expect(unreached.length).toBeGreaterThan(0)
  })
})
