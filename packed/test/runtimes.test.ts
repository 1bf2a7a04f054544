import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packedProjects } from './support/context'
import { run } from './support/run'

// Bun, Deno and workerd from their npm packages run the fetch adapter's smoke test (fixtures/runtimes/
// smoke.mjs) from the packed tarballs installed in the fresh node project, with their own fetch, against
// @awssig/testing's loopback verifier served by a Node process (serve.mjs): SigV4, SigV4A, a same-origin
// redirect (signed again), a cross-origin redirect (no credential header arrives), a stream body
// (UNSIGNED-PAYLOAD) and a wrong-region control that must be refused. Node runs it too, as the reference.
// A runtime whose package does not install here is skipped, and the test prints why.
const RUNTIMES = {
  bun: { spec: '@oven/bun-linux-x64@1.4.4', bin: 'node_modules/@oven/bun-linux-x64/bin/bun' },
  deno: { spec: 'deno@2.9.6', bin: 'node_modules/.bin/deno' },
  workerd: { spec: 'workerd@1.20261117.1', bin: 'node_modules/.bin/workerd' },
} as const
type Runtime = keyof typeof RUNTIMES | 'node'

const projects = packedProjects()
const project = projects?.node ?? ''
// Outside the workspace, reused between runs (the binaries are 50–100 MB each).
const cache = join(tmpdir(), 'awssig-runtimes-cache')

/** Installs one runtime's npm package into the cache; returns its binary, or why it is missing. */
function install(name: keyof typeof RUNTIMES): { bin: string } | { missing: string } {
  const { spec, bin } = RUNTIMES[name]
  const dir = join(cache, name)
  const path = join(dir, bin)
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true })
    // A package.json of its own instead of `--prefix`: npm reads its global config from <prefix>/etc/npmrc, so
    // `--prefix` lost the machine's (the `cafile` of the TLS proxy in front of the registry) and, under turbo,
    // which withholds NODE_EXTRA_CA_CERTS, every fetch failed with SELF_SIGNED_CERT_IN_CHAIN: Bun and Deno
    // were skipped on every machine without this cache.
    if (!existsSync(join(dir, 'package.json')))
      writeFileSync(join(dir, 'package.json'), '{ "private": true }\n')
    const args = ['install', '--no-audit', '--no-fund', '--loglevel=error', spec]
    const result = run('npm', args, { cwd: dir, timeoutMs: 300_000 })
    if (result.status !== 0 || !existsSync(path))
      return { missing: `${spec} did not install: ${result.output.trim().slice(0, 300)}` }
  }
  return { bin: path }
}

/** The command that runs the smoke test in `runtime` from the project directory. */
function commandFor(runtime: Runtime, bin: string): string[] {
  if (runtime === 'node' || runtime === 'bun') return [bin, 'cli-entry.mjs']
  if (runtime === 'deno') return [bin, 'run', '--allow-net', '--allow-read', '--allow-env', 'cli-entry.mjs']
  // workerd runs one bundled module, as wrangler deploys it: esbuild with the worker conditions.
  const bundle = run(
    join(project, 'node_modules/.bin/esbuild'),
    [
      'worker-entry.mjs',
      '--bundle',
      '--format=esm',
      '--platform=browser',
      '--conditions=workerd,worker,browser',
      '--outfile=worker.bundle.mjs',
      '--log-level=error',
    ],
    { cwd: project },
  )
  if (bundle.status !== 0) throw new Error(`esbuild failed:\n${bundle.output}`)
  // The default "internet" service allows public addresses only: the verifier listens on 127.0.0.1.
  writeFileSync(
    join(project, 'worker.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (services = [
  (name = "main", worker = .worker),
  (name = "internet", network = (allow = ["public", "private", "local"])),
]);
const worker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "worker.bundle.mjs")],
  compatibilityDate = "2026-11-01",
);
`,
  )
  return [bin, 'test', 'worker.capnp']
}

let stopServer: (() => void) | undefined

describe.skipIf(!projects)(
  'the fetch adapter from the packed tarballs in Node, Bun, Deno and workerd',
  () => {
    beforeAll(async () => {
      const server = spawn(process.execPath, ['serve.mjs'], {
        cwd: project,
        stdio: ['pipe', 'pipe', 'inherit'],
      })
      stopServer = () => server.stdin.end()
      const [line] = await new Promise<string[]>((resolve, reject) => {
        server.once('exit', (code) => reject(new Error(`serve.mjs exited (${code})`)))
        createInterface({ input: server.stdout }).once('line', (first) => resolve([first]))
      })
      writeFileSync(join(project, 'origins.mjs'), `export const origins = ${line}\n`)
    })
    afterAll(() => stopServer?.())

    const runtimes: Runtime[] = ['node', 'bun', 'deno', 'workerd']
    for (const runtime of runtimes) {
      it(`${runtime}: every smoke case passes`, async (context) => {
        const installed = runtime === 'node' ? { bin: process.execPath } : install(runtime)
        if ('missing' in installed) {
          console.log(`runtimes: ${runtime} skipped (${installed.missing})`)
          context.skip()
          return
        }
        const [bin, ...args] = commandFor(runtime, installed.bin)
        // A synchronous run is fine: serve.mjs, not this process, serves the verifier.
        const result = run(bin as string, args, { cwd: project, timeoutMs: 120_000 })
        const lines = result.output.split('\n').filter((line) => /^(ok|FAIL) /.test(line.trim()))
        console.log(`runtimes: ${runtime}\n${lines.join('\n')}`)
        expect(lines.length, result.output).toBe(7)
        expect(
          lines.filter((line) => line.trim().startsWith('FAIL')),
          result.output,
        ).toEqual([])
        expect(result.output).toContain('RESULT ok')
        expect(result.status, result.output).toBe(0)
        // A first run installs the runtime (50–100 MB from npm) inside the test.
      }, 900_000)
    }
  },
)
