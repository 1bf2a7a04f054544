#!/usr/bin/env node
// pnpm bench [--check] [--quick] [--rounds N] [--cold-runs N] [--strict]
//   --cold-runs  fresh processes per cold-start variant (default 60)
//   --cold-instruction-runs  processes per variant counted under valgrind (default 5; 0 skips the count)
//   --check   run the signature cross-check only
//   --quick   fewer, shorter rounds (a smoke run, not for reporting)
//   --strict  exit non-zero when a target (not an informational one) fails, not only on a cross-check mismatch
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import {
  coldInstructionRows,
  coldInstructionTable,
  countColdStartInstructions,
  instructionCountUnavailable,
} from './cold-instructions.mjs'
import { coldStartTable, coldStartTargets, measureColdStart } from './cold-start.mjs'
import { PEERS } from './contenders/all-peers.mjs'
import { PROTOTYPES } from './contenders/all-prototypes.mjs'
import { loadAwssigContenders } from './contenders/awssig.mjs'
import { printCrossCheck, runCrossCheck } from './cross-check.mjs'
import { measureFirstCall } from './first-call.mjs'
import { createFloor } from './floor.mjs'
import { measureInterleaved } from './measure.mjs'
import { printFirstCall, printTargets, printTimings } from './report.mjs'
import { SHAPES } from './request-shapes.mjs'
import { measureStreaming, printStreaming } from './streaming.mjs'
import { evaluateTargets } from './targets.mjs'

const args = process.argv.slice(2)
const flag = (name) => args.includes(name)
const numberArg = (name) => {
  const i = args.indexOf(name)
  return i >= 0 ? Number(args[i + 1]) : undefined
}
const quick = flag('--quick')
const settings = {
  rounds: numberArg('--rounds') ?? (quick ? 5 : 21),
  roundMs: quick ? 10 : 30,
  warmupMs: quick ? 100 : 500,
  firstCallRuns: quick ? 2 : 5,
  coldStartRuns: numberArg('--cold-runs') ?? (quick ? 3 : 60),
  coldInstructionRuns: numberArg('--cold-instruction-runs') ?? (quick ? 1 : 5),
}

if (typeof globalThis.gc !== 'function')
  console.log('note: node runs without --expose-gc, so rounds are not preceded by a collection (noisier)\n')

const awssig = await loadAwssigContenders()
const contenders = [...awssig.contenders, ...PEERS, ...PROTOTYPES]
if (awssig.unavailable) console.log(`note: ${awssig.unavailable} — its rows are skipped\n`)

console.log('== cross-check: same request, same date, same signed headers → same signature\n')
const check = await runCrossCheck(contenders)
printCrossCheck(check)
if (!check.ok) process.exit(1)
if (flag('--check')) process.exit(0)

const timings = {}
for (const shape of SHAPES) {
  const entries = [{ id: 'floor', fn: createFloor(shape) }]
  for (const contender of contenders) {
    if (!contender.supports(shape)) continue
    entries.push({ id: contender.id, fn: await contender.prepare(shape) })
  }
  process.stdout.write(`\nmeasuring ${shape.label} (${entries.length} contenders)…`)
  timings[shape.id] = await measureInterleaved(entries, settings)
  process.stdout.write(' done\n')
}

const firstCallWhich = awssig.contenders.some((c) => c.id === 'core')
  ? ['core', 'core:fetch-loaded', 'smithy', 'proto', 'proto-direct', 'proto-direct:fetch-loaded']
  : ['smithy', 'proto', 'proto-direct']
process.stdout.write(
  `\nmeasuring the first SigV4A signature in ${settings.firstCallRuns} fresh processes each…`,
)
const firstCall = await measureFirstCall(firstCallWhich, settings.firstCallRuns)
process.stdout.write(' done\n')

process.stdout.write('\nmeasuring the time to the first server-sent event, signed vs unsigned…')
const streaming = await measureStreaming({ runs: quick ? 10 : 40 })
process.stdout.write(' done\n')

process.stdout.write(`\nmeasuring cold start in ${settings.coldStartRuns} fresh processes per variant…`)
const coldStart = measureColdStart(settings.coldStartRuns)
process.stdout.write(' done\n')

// The same cold starts in instructions, which a slow phase of the machine cannot bend (cold-instructions.mjs).
const instructionsUnavailable =
  settings.coldInstructionRuns > 0 ? instructionCountUnavailable() : 'skipped by --cold-instruction-runs 0'
let coldInstructions
if (instructionsUnavailable)
  console.log(`\nnote: cold start in instructions not counted: ${instructionsUnavailable}`)
else {
  process.stdout.write(
    `\ncounting cold-start instructions under valgrind, ${settings.coldInstructionRuns} processes per variant…`,
  )
  coldInstructions = countColdStartInstructions(settings.coldInstructionRuns)
  process.stdout.write(' done\n')
}

const labels = Object.fromEntries([
  ['floor', 'floor (node:crypto)'],
  ...contenders.map((c) => [c.id, c.label]),
])
printTimings(SHAPES, timings, labels)
printFirstCall(firstCall)
printStreaming(streaming)
console.log(`\n== ${coldStartTable(coldStart, settings.coldStartRuns)}`)
if (coldInstructions)
  console.log(`\n== ${coldInstructionTable(coldInstructions, settings.coldInstructionRuns)}`)
const coldRows = [
  ...coldStartTargets(coldStart),
  ...(coldInstructions ? coldInstructionRows(coldInstructions) : []),
]
const targets = evaluateTargets(timings, firstCall, streaming, coldRows)
printTargets(targets)

const result = {
  date: new Date().toISOString(),
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cpus: os.cpus().length,
  settings,
  unavailable: awssig.unavailable,
  crossCheck: check,
  labels,
  shapes: Object.fromEntries(SHAPES.map((s) => [s.id, s.label])),
  timings,
  firstCall,
  streaming,
  coldStart,
  coldInstructions,
  targets,
}
const out = new URL('../results/latest.json', import.meta.url)
mkdirSync(new URL('.', out), { recursive: true })
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`)
console.log(`\nwrote ${out.pathname}`)
if (flag('--strict') && targets.some((t) => t.status === 'FAIL' && !t.informational)) process.exit(2)
