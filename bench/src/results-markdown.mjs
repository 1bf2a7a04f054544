#!/usr/bin/env node
// Prints results/latest.json as Markdown tables (for bench/README.md and the issue note):
// node src/results-markdown.mjs [path/to/result.json]
import { existsSync, readFileSync } from 'node:fs'

const file = process.argv[2] ?? new URL('../results/latest.json', import.meta.url)
const result = JSON.parse(readFileSync(file, 'utf8'))
const fmt = (x, digits) => (x === undefined ? '—' : x.toFixed(digits))
const times = (a, b) => (a === undefined || b === undefined ? '—' : `${(a / b).toFixed(2)}×`)
const out = []

out.push(
  `Node ${result.node}, ${result.platform}, ${result.cpus}× ${result.cpu}, ${result.date.slice(0, 16).replace('T', ' ')} UTC; ${result.settings.rounds} interleaved rounds of ~${result.settings.roundMs} ms per contender, median of per-round means.`,
)
for (const [shapeId, label] of Object.entries(result.shapes)) {
  const rows = result.timings[shapeId]
  const smithy = (rows.smithy ?? rows['smithy-v4a'])?.usPerOp
  const base = rows.smithy ? 'smithy' : 'smithy-v4a'
  out.push(
    '',
    `**${label}**`,
    '',
    `| contender | µs/op | × floor | × ${base} | × aws4 | best round µs |`,
    '|---|--:|--:|--:|--:|--:|',
  )
  for (const id of Object.keys(rows).sort((a, b) => rows[a].usPerOp - rows[b].usPerOp)) {
    const r = rows[id]
    const digits = r.usPerOp < 100 ? 1 : 0
    out.push(
      `| ${result.labels[id] ?? id} | ${fmt(r.usPerOp, digits)} | ${times(r.usPerOp, rows.floor?.usPerOp)} | ${times(r.usPerOp, smithy)} | ${times(r.usPerOp, rows.aws4?.usPerOp)} | ${fmt(r.bestUs, digits)} |`,
    )
  }
}
out.push(
  '',
  '**First SigV4A signature in a fresh process** (median of children, ms)',
  '',
  '| signer | import | first sign | import + first sign | second sign |',
  '|---|--:|--:|--:|--:|',
)
for (const [which, r] of Object.entries(result.firstCall)) {
  if (r.error) out.push(`| ${which} | error: ${r.error} | | | |`)
  else
    out.push(
      `| ${which} | ${fmt(r.importMs, 1)} | ${fmt(r.firstSignMs, 1)} | ${fmt(r.totalMs, 1)} | ${fmt(r.secondSignMs, 2)} |`,
    )
}
if (result.streaming) {
  const s = result.streaming
  out.push(
    '',
    `**Time to first server-sent event** (loopback server, median of ${s.runs} requests each, alternating)`,
    '',
    '| fetch | ms | of which server verification |',
    '|---|--:|--:|',
    `| unsigned \`fetch\` | ${fmt(s.unsignedMs, 2)} | — |`,
    `| @awssig/fetch \`createSignedFetch\` | ${fmt(s.signedMs, 2)} (+${fmt(s.deltaMs, 2)}) | ${fmt(s.serverVerifyMs, 2)} |`,
    '',
    `Streams closed by an abort after the first event: ${s.closedEarly} of ${s.expectedClosed}.`,
  )
}
out.push('', '**Targets** (5% tolerance)', '', '| result | target | measured | limit |', '|---|---|--:|--:|')
for (const t of result.targets)
  out.push(
    `| ${t.status} | ${t.label} | ${t.value === undefined ? '—' : `${fmt(t.value, 2)} ${t.unit}`} | ${t.limit === undefined ? '—' : `${fmt(t.limit, 2)} ${t.unit}`} |`,
  )
const sizeFile = new URL('../results/size.json', import.meta.url)
if (existsSync(sizeFile)) {
  const size = JSON.parse(readFileSync(sizeFile, 'utf8'))
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`
  out.push(
    '',
    `**Browser bundle** (\`pnpm size\`, esbuild ${size.esbuild}, minified, gzip -9, ${size.date.slice(0, 10)})`,
    '',
  )
  out.push('| bundle | up front min | up front gz | lazy gz | budget |', '|---|--:|--:|--:|---|')
  for (const app of Object.values(size.apps)) {
    const budget = app.budgetBytes
      ? `${app.upFront.gz <= app.budgetBytes ? 'PASS' : 'FAIL'} ≤ ${kb(app.budgetBytes)}`
      : ''
    out.push(
      `| ${app.label.trim()} | ${kb(app.upFront.min)} | ${kb(app.upFront.gz)} | ${app.lazy.files ? kb(app.lazy.gz) : '—'} | ${budget} |`,
    )
  }
}
console.log(out.join('\n'))
