import { PARTITION_REGIONS } from './aws-partitions.generated'

/** Each partition with its region naming rule (AWS's `regionRegex`), compiled once. */
const PARTITION_REGION_PATTERNS: readonly (readonly [partition: string, regions: RegExp])[] =
  PARTITION_REGIONS.split(';').map((entry) => {
    const [id, head] = entry.split(' ') as [string, string]
    return [id, new RegExp(`^${head}-[a-z0-9]+-\\d+$`)]
  })

/**
 * The partition a region belongs to, judged by that partition's region naming rule from AWS's partition
 * metadata. Region names AWS has not launched yet but that follow the rule are accepted.
 *
 * @example partitionOfRegion('cn-north-1') // 'aws-cn'
 * @example partitionOfRegion('us-gov-west-1') // 'aws-us-gov'
 * @example partitionOfRegion('global') // undefined
 */
export function partitionOfRegion(region: string): string | undefined {
  for (const [partition, regex] of PARTITION_REGION_PATTERNS) if (regex.test(region)) return partition
  return undefined
}

/**
 * True when `region` is a well-formed region name of a known AWS partition (`us-west-2`, `cn-north-1`,
 * `us-gov-west-1`, `us-iso-east-1`, `eusc-de-east-1`). False for `us-west2`, `US-WEST-2`, `global`, ''.
 *
 * @example isValidRegion('eu-central-1') // true
 */
export function isValidRegion(region: string): boolean {
  return partitionOfRegion(region) !== undefined
}
