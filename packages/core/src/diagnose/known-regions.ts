import { KNOWN_REGIONS } from './known-regions.generated'

/**
 * The partition of a region AWS has launched, or undefined for any other name, even a well-formed one
 * (`us-fake-9`). Stricter than `isValidRegion`, which accepts future regions by their naming rule: this is
 * for regions read from an answer, which could be forged or confused. `pnpm hosts:update` refreshes the list.
 */
export function partitionOfKnownRegion(region: string): string | undefined {
  for (const entry of KNOWN_REGIONS.split(';')) {
    const [partition, ...regions] = entry.split(' ')
    if (regions.includes(region)) return partition
  }
  return undefined
}
