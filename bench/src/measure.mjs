// Interleaved timing: every contender runs a round of N iterations in turn, the order rotating each
// round, so drift (thermal, the other engineers' processes on this 2-core machine) hits all of them
// alike. The reported figure is the median of the per-round means.
//
// The heap is collected before every round (when node runs with --expose-gc, as `pnpm bench` does), so a
// round pays for the garbage its own contender makes and never for a major collection that the previous
// contenders' garbage set off. Without it the rounds of one contender spread by 20–80 % (interquartile range)
// on this machine and a difference of two contenders (the adapter-overhead targets) moved by ±10 µs between
// runs; with it they spread by 2–7 %.
import { hrtime } from 'node:process'

/** `gc` exists only under --expose-gc; without it rounds are measured as before, only noisier. */
const collectGarbage = /** @type {(() => void) | undefined} */ (globalThis.gc)

const isThenable = (value) => value !== null && typeof value === 'object' && typeof value.then === 'function'

/**
 * @param {{ id: string, fn: () => unknown }[]} entries
 * @param {{ rounds: number, roundMs: number, warmupMs: number }} options
 * @returns {Promise<Record<string, { usPerOp: number, bestUs: number, iterations: number, rounds: number[], spreadPct: number }>>}
 */
export async function measureInterleaved(entries, { rounds, roundMs, warmupMs }) {
  const runners = []
  for (const { id, fn } of entries) {
    const isAsync = isThenable(fn())
    const loop = isAsync ? asyncLoop(fn) : syncLoop(fn)
    const perOpNs = await warmUp(loop, warmupMs)
    const iterations = Math.max(1, Math.round((roundMs * 1e6) / perOpNs))
    runners.push({ id, loop, iterations, samples: [] })
  }
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < runners.length; k++) {
      const runner = runners[(round + k) % runners.length]
      collectGarbage?.()
      const start = hrtime.bigint()
      await runner.loop(runner.iterations)
      runner.samples.push(Number(hrtime.bigint() - start) / runner.iterations / 1000)
    }
  }
  const results = {}
  for (const { id, iterations, samples } of runners) {
    const sorted = [...samples].sort((a, b) => a - b)
    const usPerOp = median(sorted)
    const q1 = sorted[Math.floor((sorted.length - 1) / 4)]
    const q3 = sorted[Math.ceil(((sorted.length - 1) * 3) / 4)]
    results[id] = {
      usPerOp,
      // the fastest round: a noise-resistant lower bound, shown beside the median on a busy machine
      bestUs: sorted[0],
      iterations,
      rounds: samples.map((s) => Math.round(s * 100) / 100),
      // interquartile range relative to the median: how noisy this contender's rounds were
      spreadPct: Math.round(((q3 - q1) / usPerOp) * 1000) / 10,
    }
  }
  return results
}

export function median(sorted) {
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

let sink

function syncLoop(fn) {
  return (n) => {
    for (let i = 0; i < n; i++) sink = fn()
  }
}

function asyncLoop(fn) {
  return async (n) => {
    for (let i = 0; i < n; i++) sink = await fn()
  }
}

/** Runs the loop for about `ms`, doubling the batch, and returns the last batch's ns per op. */
async function warmUp(loop, ms) {
  const deadline = hrtime.bigint() + BigInt(Math.round(ms * 1e6))
  let batch = 1
  let perOpNs = 0
  do {
    const start = hrtime.bigint()
    await loop(batch)
    perOpNs = Number(hrtime.bigint() - start) / batch
    batch *= 2
  } while (hrtime.bigint() < deadline)
  return perOpNs
}

/**
 * Keeps results observable so the engine cannot drop the work.
 * @public (for a debugger or an ad-hoc script; nothing in the bench reads it)
 */
export const lastResult = () => sink
