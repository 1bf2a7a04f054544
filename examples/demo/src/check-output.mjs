// The demo's test: its output must stay byte-identical to expected-output.txt (issue 18). The demo fixes its
// clock and seeds its random routing, so any difference is a change in what awssig decides or says — or in the
// demo itself, in which case update the file on purpose (`node src/demo.mjs > expected-output.txt`).
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const demo = fileURLToPath(new URL('./demo.mjs', import.meta.url))
const expected = readFileSync(new URL('../expected-output.txt', import.meta.url), 'utf8')
const run = spawnSync(process.execPath, [demo], { encoding: 'utf8' })
process.stdout.write(run.stdout)
process.stderr.write(run.stderr)
if (run.status !== 0) process.exit(run.status ?? 1)

const actual = run.stdout.split('\n')
const lines = expected.split('\n')
const differing = lines.flatMap((line, i) => (line === actual[i] ? [] : [i]))
if (actual.length !== lines.length || differing.length > 0) {
  console.error('\nThe demo printed something else than expected-output.txt:')
  for (const i of differing.slice(0, 10)) console.error(`  line ${i + 1}\n  - ${lines[i]}\n  + ${actual[i]}`)
  if (actual.length !== lines.length) console.error(`  ${actual.length} lines instead of ${lines.length}`)
  process.exit(1)
}
