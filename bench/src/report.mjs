// Console tables for the timings, the first-call figures and the targets.
import { formatTable } from './cross-check.mjs'

const fmt = (x, digits = 1) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits))
const times = (a, b) => (a === undefined || b === undefined ? '—' : `${(a / b).toFixed(2)}×`)

/** One table per shape: µs/op and ratios to the floor, to smithy used directly and to aws4. */
export function printTimings(shapes, timings, labels) {
  for (const shape of shapes) {
    const rows = timings[shape.id]
    const floor = rows.floor?.usPerOp
    const smithy = (rows.smithy ?? rows['smithy-v4a'])?.usPerOp
    const aws4 = rows.aws4?.usPerOp
    const lines = [
      [
        'contender',
        'µs/op',
        '× floor',
        shape.algorithm === 'sigv4a' ? '× smithy-v4a' : '× smithy',
        '× aws4',
        'best round µs',
        'IQR %',
        'iter/round',
      ],
    ]
    const order = Object.keys(rows).sort((a, b) => rows[a].usPerOp - rows[b].usPerOp)
    for (const id of order) {
      const r = rows[id]
      const digits = r.usPerOp < 100 ? 2 : 0
      lines.push([
        labels[id] ?? id,
        fmt(r.usPerOp, digits),
        times(r.usPerOp, floor),
        times(r.usPerOp, smithy),
        times(r.usPerOp, aws4),
        fmt(r.bestUs, digits),
        fmt(r.spreadPct),
        r.iterations,
      ])
    }
    console.log(`\n== ${shape.label}: median of ${rows.floor.rounds.length} interleaved rounds\n`)
    console.log(formatTable(lines))
  }
}

export function printFirstCall(firstCall) {
  console.log('\n== first SigV4A signature in a fresh process (median of runs, ms)\n')
  const lines = [['signer', 'import', 'first sign', 'import + first sign', 'second sign']]
  for (const [which, r] of Object.entries(firstCall)) {
    if (r.error) lines.push([which, `error: ${r.error}`, '', '', ''])
    else lines.push([which, fmt(r.importMs), fmt(r.firstSignMs), fmt(r.totalMs), fmt(r.secondSignMs, 2)])
  }
  console.log(formatTable(lines))
}

export function printTargets(targets) {
  console.log('\n== targets (issues 6 and 17; 5% tolerance)\n')
  const lines = [['result', 'target', 'measured', 'limit']]
  for (const t of targets)
    lines.push([
      t.status,
      t.label,
      t.value === undefined ? '—' : `${fmt(t.value, 2)} ${t.unit}`,
      t.limit === undefined ? '—' : `${fmt(t.limit, 2)} ${t.unit}`,
    ])
  console.log(formatTable(lines))
}
