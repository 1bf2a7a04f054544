// Smoke-tests @awssig/fetch in other JavaScript runtimes: bundles runtimes/runtime-smoke.mjs with esbuild
// (browser/worker conditions, as those runtimes' bundlers would) and runs it in each runtime found.
//   BUN_PATH=… DENO_PATH=… WORKERD_PATH=… node runtimes/run-smoke.mjs
// A runtime whose binary is not given or not on PATH is reported as skipped. Node always runs.
// The runtimes are not dependencies of the project (each is a 50-100 MB binary); install them with
// `npm i @oven/bun-linux-x64 deno workerd` somewhere and point the variables at their binaries.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const here = fileURLToPath(new URL('.', import.meta.url))
const out = mkdtempSync(join(tmpdir(), 'awssig-runtimes-'))

async function bundle(entry, file, conditions) {
  await build({
    entryPoints: [join(here, entry)],
    outfile: join(out, file),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions,
    target: 'es2022',
    // Inside the monorepo esbuild would apply packages/core/tsconfig.json's `paths` (which point
    // #default-credentials at the Node source for type checking); consumers see only package.json.
    tsconfigRaw: {},
    logLevel: 'error',
  })
  return join(out, file)
}

function find(envName, command) {
  if (process.env[envName]) return process.env[envName]
  const which = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' })
  return which.status === 0 ? which.stdout.trim() : undefined
}

const cliBundle = await bundle('cli-entry.mjs', 'smoke.mjs', ['browser'])
await bundle('worker-entry.mjs', 'worker.mjs', ['workerd', 'worker', 'browser'])
writeFileSync(
  join(out, 'config.capnp'),
  `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (services = [(name = "main", worker = .worker)]);
const worker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "worker.mjs")],
  compatibilityDate = "2026-11-01",
);
`,
)

const runtimes = [
  { name: 'node', bin: process.execPath, args: [cliBundle] },
  { name: 'bun', bin: find('BUN_PATH', 'bun'), args: [cliBundle] },
  { name: 'deno', bin: find('DENO_PATH', 'deno'), args: ['run', '--quiet', cliBundle] },
  { name: 'workerd', bin: find('WORKERD_PATH', 'workerd'), args: ['test', join(out, 'config.capnp')] },
]

let failed = 0
for (const runtime of runtimes) {
  if (!runtime.bin) {
    console.log(`skip ${runtime.name}: not found (set ${runtime.name.toUpperCase()}_PATH)`)
    continue
  }
  const version = execFileSync(runtime.bin, ['--version'], { encoding: 'utf8' }).trim().split('\n')[0]
  const run = spawnSync(runtime.bin, runtime.args, { encoding: 'utf8', timeout: 60_000 })
  const ok = run.status === 0
  if (!ok) failed++
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${runtime.name} ${version}`)
  const output = `${run.stdout}${run.stderr}`.trim()
  if (output) console.log(output.replace(/^/gm, '     '))
}
rmSync(out, { recursive: true, force: true })
process.exitCode = failed ? 1 : 0
