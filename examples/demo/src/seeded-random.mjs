/**
 * A small seeded PRNG (mulberry32): the demo's "latency routing" must pick the same regions on every
 * run so that the printed table never changes.
 * @param {number} seed
 * @returns {() => number} a function returning floats in [0, 1)
 */
export function seededRandom(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
