import { DNS_SUFFIXES } from './aws-partitions.generated'

/** A DNS suffix AWS serves endpoints under, and the partitions whose endpoints use it. */
export interface AwsDnsSuffix {
  suffix: string
  /** Partitions that own the suffix; the first one owns its region-less (global) endpoints. */
  partitions: string[]
}

/**
 * Every AWS DNS suffix of every partition (standard and dual-stack, plus `on.aws` for Lambda function URLs),
 * longest first.
 */
export const AWS_DNS_SUFFIXES: readonly AwsDnsSuffix[] = DNS_SUFFIXES.split(';').map((entry) => {
  const [suffix, ...partitions] = entry.split(' ') as [string, ...string[]]
  return { suffix, partitions }
})

/** The AWS DNS suffix `host` ends with (as whole labels), or undefined. */
export function findAwsDnsSuffix(host: string): AwsDnsSuffix | undefined {
  return AWS_DNS_SUFFIXES.find(({ suffix }) => host.length > suffix.length + 1 && host.endsWith(`.${suffix}`))
}
