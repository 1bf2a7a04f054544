import { setRecent } from '../bounded-map'

/**
 * How far a server's time may correct the local clock: ±7 days. A device off by hours (a wrong time zone)
 * or days (a resumed VM, a dead clock battery) recovers after one retry; a server claiming a time years
 * away (a hostile or broken host, `Date: … 275760`) is ignored. 7 days is also the longest a SigV4
 * signature may be valid (a presigned URL's maximum `expiresIn`), so no learned offset dates a signature
 * further than AWS itself lets one live.
 */
export const MAX_CLOCK_OFFSET_MS = 7 * 86_400_000

/** How many origins keep a learned offset; the oldest is forgotten first (it is relearned on one retry). */
const MAX_ORIGINS = 64

/** Whether `ms` may be used as a clock offset (finite and within ±{@link MAX_CLOCK_OFFSET_MS}). */
export const isClockOffset = (ms: number): boolean =>
  typeof ms === 'number' && Math.abs(ms) <= MAX_CLOCK_OFFSET_MS

/** Clock offsets learned per origin from clock-skew answers, plus one set for all origins. */
export interface ClockOffsets {
  /** The offset for signing to `origin`: its own learned one, else the one set for all. */
  for(origin: string): number
  /** Remembers `ms` for `origin` (an unusable value is ignored and false returned). */
  learn(origin: string, ms: number): boolean
  /** Sets the offset of every origin (learned ones are forgotten). */
  setAll(ms: number): void
  /** The latest offset learned or set. */
  readonly latest: number
}

/** A bounded map of per-origin clock offsets (see {@link ClockOffsets}). */
export function createClockOffsets(): ClockOffsets {
  const learned = new Map<string, number>()
  let all = 0
  let latest = 0
  return {
    for: (origin) => learned.get(origin) ?? all,
    learn(origin, ms) {
      if (!isClockOffset(ms)) return false
      setRecent(learned, origin, ms, MAX_ORIGINS)
      latest = ms
      return true
    },
    setAll(ms) {
      learned.clear()
      all = latest = ms
    },
    get latest() {
      return latest
    },
  }
}
