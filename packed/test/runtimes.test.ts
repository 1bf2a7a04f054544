import { existsSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { packedSkipReason } from './support/lane'
import { run } from './support/run'

// Bun, Deno and workerd from their npm packages run the fetch adapter's runtime smoke test
// (examples/fetch-node/runtimes: SigV4 GET/POST/FormData, a global endpoint, SigV4A, a wrong-region
// control, each checked by @awssig/testing's verifier). A runtime whose package does not install here is
// skipped, and the test says so. Same lane as the packaging tests: it is not about Node versions.
const RUNTIMES = {
  bun: { spec: '@oven/bun-linux-x64@1.4.4', bin: 'node_modules/@oven/bun-linux-x64/bin/bun' },
  deno: { spec: 'deno@2.9.6', bin: 'node_modules/.bin/deno' },
  workerd: { spec: 'workerd@1.20261117.1', bin: 'node_modules/.bin/workerd' },
} as const

const skip = packedSkipReason()
const smoke = fileURLToPath(new URL('../../examples/fetch-node/runtimes/run-smoke.mjs', import.meta.url))
// Outside the workspace, reused between runs (the binaries are 50–100 MB each).
const cache = join(tmpdir(), 'awssig-runtimes-cache')

/** Installs one runtime's npm package into the cache; returns its binary, or why it is missing. */
function install(name: keyof typeof RUNTIMES): { bin: string } | { missing: string } {
  const { spec, bin } = RUNTIMES[name]
  const dir = join(cache, name)
  const path = join(dir, bin)
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true })
    const result = run(
      'npm',
      ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', spec],
      {
        cwd: dir,
        timeoutMs: 300_000,
      },
    )
    if (result.status !== 0 || !existsSync(path))
      return { missing: `${spec} did not install: ${result.output.trim().slice(0, 300)}` }
  }
  return { bin: path }
}

describe.skipIf(skip !== undefined)('the fetch adapter in Bun, Deno and workerd', () => {
  for (const name of Object.keys(RUNTIMES) as (keyof typeof RUNTIMES)[]) {
    it(`${name}: every smoke case passes`, (context) => {
      const installed = install(name)
      if ('missing' in installed) {
        console.log(`runtimes: ${name} skipped (${installed.missing})`)
        context.skip()
        return
      }
      const result = run(process.execPath, [smoke], {
        cwd: fileURLToPath(new URL('../../examples/fetch-node', import.meta.url)),
        env: { [`${name.toUpperCase()}_PATH`]: installed.bin, PATH: '/nonexistent' },
      })
      const ownLines = result.output
        .split('\n')
        .filter((line) => new RegExp(`^(ok|FAIL|skip)\\s+${name}\\b`).test(line))
      expect(ownLines, result.output).toHaveLength(1)
      expect(ownLines[0], result.output).toMatch(/^ok/)
      expect(result.status, result.output).toBe(0)
    })
  }
})
