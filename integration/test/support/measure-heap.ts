/** A heap measurement and how it was taken. */
export interface HeapSample {
  bytes: number
  /** `gc`: after forced full collections (`--expose-gc`); `settle`: after a pause only (less exact). */
  method: 'gc' | 'settle'
}

const SETTLE_MS = 250

/**
 * `process.memoryUsage().heapUsed` after the heap settles: with `--expose-gc` (the integration vitest config
 * passes it to the test workers), after forced full collections separated by turns of the event loop, so
 * closures released by finished requests and their finalizers are gone; without it, after a pause only.
 */
export async function measureHeap(): Promise<HeapSample> {
  const gc = (globalThis as { gc?: () => void }).gc
  await pause(SETTLE_MS)
  if (gc) {
    for (let round = 0; round < 3; round++) {
      gc()
      await pause(20)
    }
  }
  return { bytes: process.memoryUsage().heapUsed, method: gc ? 'gc' : 'settle' }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
