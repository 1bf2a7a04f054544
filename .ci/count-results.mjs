// Sums the vitest JSON reports (.vitest-results.json in every package) of one CI lane, or the lanes'
// totals, and prints the closing "N passed, N failed" line that CI reads.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const args = process.argv.slice(2)

if (args[0] === '--total') {
  let passed = 0
  let failed = 0
  let skipped = 0
  for (const file of args.slice(1)) {
    const lane = existsSync(file)
      ? JSON.parse(readFileSync(file, 'utf8'))
      : { passed: 0, failed: 1, skipped: 0 }
    passed += lane.passed
    failed += lane.failed
    skipped += lane.skipped
  }
  if (passed === 0 && failed === 0) failed = 1 // a run that ran no test is not a pass
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
  process.exit(failed === 0 ? 0 : 1)
}

const [lane, exitCode] = args
const reports = []
for (const group of ['packages', 'examples', '.']) {
  const dirs =
    group === '.'
      ? ['bench', 'integration', 'packed']
      : existsSync(group)
        ? readdirSync(group).map((d) => join(group, d))
        : []
  for (const dir of dirs) {
    const file = join(dir, '.vitest-results.json')
    if (existsSync(file)) reports.push({ dir, report: JSON.parse(readFileSync(file, 'utf8')) })
  }
}
let passed = 0
let failed = 0
let skipped = 0
const perPackage = {}
for (const { dir, report } of reports) {
  passed += report.numPassedTests
  failed += report.numFailedTests
  skipped += report.numPendingTests + (report.numTodoTests ?? 0)
  perPackage[dir] = { passed: report.numPassedTests, failed: report.numFailedTests }
  // A suite that failed to load (syntax error, missing import) counts no test; count the file instead.
  for (const suite of report.testResults ?? []) {
    if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) failed += 1
  }
}
// A non-test task (build, typecheck, lint, an example script) that failed also fails the lane.
if (Number(exitCode) !== 0 && failed === 0) failed = 1
console.log(JSON.stringify({ lane, exitCode: Number(exitCode), passed, failed, skipped, perPackage }))
