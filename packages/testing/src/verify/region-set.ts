/** Splits an `X-Amz-Region-Set` value (`us-east-1,us-west-*`) into entries. */
export function parseRegionSet(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '')
}

/** Whether a SigV4A region set covers a region: entries match exactly or with `*` wildcards (`*`, `us-*`). */
export function regionSetCovers(regionSet: readonly string[], region: string): boolean {
  const target = region.toLowerCase()
  return regionSet.some((entry) => {
    const pattern = entry
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')
    return new RegExp(`^${pattern}$`).test(target)
  })
}
