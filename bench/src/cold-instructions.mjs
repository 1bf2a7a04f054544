// Cold start counted in instructions instead of milliseconds: the same fresh-process variants as
// cold-start.mjs, each run under valgrind's callgrind, which counts the instructions a process executes
// (all its threads) whatever else the machine is doing. On this shared machine the milliseconds of one
// variant move by 1.7× between a quiet and a slow phase (aws4's own increment: 14–30 ms); its instructions
// move by ≈ 1 %. So this answers "does awssig do more work than aws4 at a cold start?" in a way a slow phase
// cannot bend, where cold-start.mjs answers "how long, today?". Part of `pnpm bench` when valgrind is
// installed (Debian's package); alone: `node src/cold-instructions.mjs [runs=5]`.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { AWS4, AWS4_AXIOS, AXIOS, CHILD_ENV, CORE, cwdFor, FLOOR, V4A, VARIANTS } from './cold-start.mjs'
import { median } from './measure.mjs'

const EMPTY = 'empty node'
const COUNTED = [EMPTY, CORE, AWS4, V4A, FLOOR, AXIOS, AWS4_AXIOS]
// [id, what is compared, variant, the peer's variant]
const COMPARISONS = [
  ['core-vs-aws4', 'core import + first SigV4 sign / aws4', CORE, AWS4],
  ['sigv4a-vs-aws4', 'core import + first SigV4A sign / aws4 (first SigV4)', V4A, AWS4],
  ['sigv4a-vs-floor', 'core import + first SigV4A sign / the floor (fixtures/sigv4a-floor)', V4A, FLOOR],
  ['axios-vs-aws4-axios', 'axios + @awssig/axios / axios + aws4-axios', AXIOS, AWS4_AXIOS],
]

/** Why valgrind cannot count here, or undefined when it can. */
export function instructionCountUnavailable() {
  const probe = spawnSync('valgrind', ['--version'], { encoding: 'utf8' })
  return probe.status === 0 ? undefined : 'valgrind is not installed (Debian: apt-get install valgrind)'
}

/** Instructions one fresh `node` process executes running variant `name` (an ES module body). */
function count(name) {
  const result = spawnSync(
    'valgrind',
    [
      '--tool=callgrind',
      // V8 writes the machine code it runs: valgrind must notice code that changes outside mapped files.
      '--smc-check=all-non-file',
      '--callgrind-out-file=/dev/null',
      process.execPath,
      '--input-type=module',
      '-e',
      VARIANTS[name],
    ],
    { cwd: cwdFor(name), encoding: 'utf8', env: CHILD_ENV, maxBuffer: 16 * 1024 * 1024 },
  )
  const collected = /Collected : (\d+)/.exec(result.stderr)?.[1]
  if (result.status !== 0 || collected === undefined)
    throw new Error(`cold-start variant failed under valgrind:\n${result.stderr.slice(-2000)}`)
  return Number(collected)
}

/** Per counted variant: the median instruction count over `runs` processes and its increment over empty node. */
export function countColdStartInstructions(runs = 5) {
  const samples = Object.fromEntries(COUNTED.map((name) => [name, []]))
  for (let i = 0; i < runs; i++) for (const name of COUNTED) samples[name].push(count(name))
  const medians = Object.fromEntries(
    COUNTED.map((name) => [name, median(samples[name].sort((a, b) => a - b))]),
  )
  return Object.fromEntries(
    COUNTED.map((name) => [
      name,
      {
        instructions: medians[name],
        increment: medians[name] - medians[EMPTY],
        spread: (Math.max(...samples[name]) - Math.min(...samples[name])) / medians[name],
      },
    ]),
  )
}

/** Informational rows for the targets table: the cold-start comparisons of issue 17, in instructions. */
export function coldInstructionRows(r) {
  return COMPARISONS.map(([id, what, variant, peer]) => ({
    id: `cold-instructions-${id}`,
    label: `(info) cold start in instructions: ${what}`,
    value: r[variant].increment / r[peer].increment,
    limit: 1.5,
    unit: '×',
    informational: true,
  }))
}

/** The Markdown table of one count. */
export function coldInstructionTable(r, runs) {
  const lines = [
    `Cold start in instructions (valgrind callgrind, every thread), node ${process.version}, median of ${runs} fresh processes per variant`,
    '',
    '| variant | instructions (M) | increment over empty node (M) | spread of the runs |',
    '|---|--:|--:|--:|',
  ]
  for (const [name, { instructions, increment, spread }] of Object.entries(r)) {
    const incrementText = name === EMPTY ? '—' : (increment / 1e6).toFixed(1)
    lines.push(
      `| ${name} | ${(instructions / 1e6).toFixed(1)} | ${incrementText} | ${(spread * 100).toFixed(1)} % |`,
    )
  }
  return lines.join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const unavailable = instructionCountUnavailable()
  if (unavailable) {
    console.log(`skipped: ${unavailable}`)
    process.exit(0)
  }
  const runs = Number(process.argv[2] ?? 5)
  const r = countColdStartInstructions(runs)
  console.log(`${coldInstructionTable(r, runs)}\n`)
  for (const row of coldInstructionRows(r)) console.log(`${row.label}: ${row.value.toFixed(2)} ${row.unit}`)
}
