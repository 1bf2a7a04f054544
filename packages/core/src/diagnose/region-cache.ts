import { isValidRegion } from '../aws-hosts/regions'
import { getRecent, setRecent } from '../bounded-map'
import { InvalidInputError } from '../errors'

/**
 * Options of `createRegionCache`.
 * @deprecated With `createRegionCache`; removed in the next minor release.
 */
export interface RegionCacheOptions {
  /** Most hosts remembered; the least recently used is forgotten first. @default 256 */
  max?: number
}

/**
 * Host → region learned from S3's wrong-region answers, bounded and least-recently-used first out, so a
 * client talking to many buckets never grows without limit. Hosts compare case-insensitively and without
 * a trailing dot or port.
 * @deprecated With `createRegionCache`; removed in the next minor release.
 */
export interface RegionCache {
  /** The remembered region for `host`, refreshing its recency. */
  get(host: string): string | undefined
  /** Remembers `region` for `host`. Throws `InvalidInputError` for a value that is not an AWS region name. */
  set(host: string, region: string): void
  /** Whether a region is remembered for `host` (recency unchanged). */
  has(host: string): boolean
  /** Forgets `host`; true when it was remembered. */
  delete(host: string): boolean
  /** Forgets every host. */
  clear(): void
  /** Number of hosts remembered. */
  readonly size: number
  /** The bound given at creation. */
  readonly max: number
}

/**
 * Creates a bounded host → region cache for S3's wrong-region answers.
 *
 * @deprecated Nothing in awssig uses it: the signer itself remembers the region S3 names for a bucket
 * (`signer.learnFromResponse`, which every adapter calls). Removed in the next minor release.
 *
 * @example
 * const regions = createRegionCache({ max: 100 })
 * const region = await s3RegionFromResponse(response)
 * if (region) regions.set(new URL(request.url).host, region)
 */
export function createRegionCache(options: RegionCacheOptions = {}): RegionCache {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidInputError(
      __DEV__ ? 'createRegionCache(options): options must be an object like { max: 256 }' : 'options',
      'options',
    )
  }
  const max = options.max ?? 256
  if (!Number.isSafeInteger(max) || max < 1) {
    throw new InvalidInputError(
      __DEV__
        ? `createRegionCache: max must be a positive integer, got ${typeof max === 'number' ? max : typeof max}`
        : 'max',
      'max',
    )
  }
  const entries = new Map<string, string>()
  return {
    get: (host) => getRecent(entries, hostKey(host)),
    set(host, region) {
      if (typeof region !== 'string' || !isValidRegion(region)) {
        throw new InvalidInputError(
          __DEV__
            ? `RegionCache.set: '${typeof region === 'string' ? region : typeof region}' is not an AWS region name`
            : 'region',
          'region',
        )
      }
      setRecent(entries, hostKey(host), region, max)
    },
    has: (host) => entries.has(hostKey(host)),
    delete: (host) => entries.delete(hostKey(host)),
    clear: () => entries.clear(),
    get size() {
      return entries.size
    },
    max,
  }
}

function hostKey(host: string): string {
  if (typeof host !== 'string' || host === '')
    throw new InvalidInputError(__DEV__ ? 'RegionCache: host must be a non-empty string' : 'host', 'host')
  const lower = host.toLowerCase()
  // `[::1]:8443` keeps its brackets; only a trailing `:port` after the hostname is dropped.
  const withoutPort = lower.startsWith('[')
    ? lower.slice(0, lower.indexOf(']') + 1) || lower
    : lower.replace(/:\d*$/, '')
  return withoutPort.endsWith('.') ? withoutPort.slice(0, -1) : withoutPort
}
