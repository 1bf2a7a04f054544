import { PARTITIONS } from './aws-hosts.generated'

/** A DNS suffix AWS serves endpoints under, and the partitions whose endpoints use it. */
export interface AwsDnsSuffix {
  suffix: string
  /** Partitions that own the suffix; the first one owns its region-less (global) endpoints. */
  partitions: string[]
}

// Lambda function URLs live under `on.aws`, outside the partition metadata:
// https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html
const FUNCTION_URL_SUFFIX = 'on.aws'

function collectSuffixes(): AwsDnsSuffix[] {
  const bySuffix = new Map<string, string[]>()
  const add = (suffix: string, partition: string) => {
    const owners = bySuffix.get(suffix)
    if (!owners) bySuffix.set(suffix, [partition])
    else if (!owners.includes(partition)) owners.push(partition)
  }
  for (const [id, dnsSuffix, dualStackDnsSuffix] of PARTITIONS) {
    add(dnsSuffix, id)
    add(dualStackDnsSuffix, id)
  }
  add(FUNCTION_URL_SUFFIX, 'aws')
  add(FUNCTION_URL_SUFFIX, 'aws-us-gov')
  // Longest first: should one suffix ever end another, the more specific partition wins.
  return [...bySuffix]
    .map(([suffix, partitions]) => ({ suffix, partitions }))
    .sort((a, b) => b.suffix.length - a.suffix.length)
}

/** Every AWS DNS suffix of every partition (standard and dual-stack), longest first. */
export const AWS_DNS_SUFFIXES: readonly AwsDnsSuffix[] = collectSuffixes()

/** The AWS DNS suffix `host` ends with (as whole labels), or undefined. */
export function findAwsDnsSuffix(host: string): AwsDnsSuffix | undefined {
  return AWS_DNS_SUFFIXES.find(({ suffix }) => host.length > suffix.length + 1 && host.endsWith(`.${suffix}`))
}
