import { type ClockOffsets, createClockOffsets } from '../clock/clock-offsets'
import { AwsSigError } from '../errors'

/** The signer's time: the caller's clock, corrected per origin by what servers said. */
export interface SignerClock {
  /** `options.now()` in milliseconds, without any correction. */
  localNow(): number
  /** The time to sign a request to `url` with: a server's correction applies to that server only. */
  nowFor(url: URL): number
  /** The corrections learned per origin (and the one set for all through `clockOffsetMs`). */
  offsets: ClockOffsets
}

/** A clock over `now` (the validated `options.now`) with per-origin offsets. */
export function createSignerClock(now: () => Date): SignerClock {
  const offsets = createClockOffsets()
  const localNow = () => {
    const date: unknown = now()
    const ms = date instanceof Date ? date.getTime() : Number.NaN
    if (Number.isNaN(ms)) throw new AwsSigError(`options.now must return a valid Date, got ${typeof date}`)
    return ms
  }
  return { localNow, nowFor: (url) => localNow() + offsets.for(url.origin), offsets }
}
