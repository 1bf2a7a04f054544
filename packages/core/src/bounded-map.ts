// The one LRU of awssig's caches (signing keys, clock offsets, signatures the ky hooks issued, the deprecated
// region cache): a plain Map, whose insertion order is kept least recently used first by re-inserting an
// entry on each use. Two functions rather than a Map subclass: fewer bytes in the up-front bundle. (The
// lazily loaded region memory keeps its own: see response/region-memory.ts.)

/**
 * Sets `key` to `value` as the most recent entry of `map`, then forgets the least recently used entries
 * beyond `max`.
 * @example setRecent(regions, 'bucket.s3.amazonaws.com', 'eu-west-1', 256)
 */
export function setRecent<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key)
  map.set(key, value)
  // One set adds at most one entry, so at most one is over.
  if (map.size > max) map.delete(map.keys().next().value as K)
}

/**
 * `map.get(key)`, making a found entry the most recent (so {@link setRecent} forgets it last).
 * @example const region = getRecent(regions, 'bucket.s3.amazonaws.com')
 */
export function getRecent<K, V>(map: Map<K, V>, key: K): V | undefined {
  const value = map.get(key)
  if (value !== undefined) setRecent(map, key, value, map.size)
  return value
}
