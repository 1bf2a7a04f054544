import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// What loads with import() must share no module with what the entry point imports statically: bundlers
// (esbuild, rollup) split a shared module into a chunk of its own that the page then loads up front, so the
// lazy code would cost bytes in the browser bundle after all. Helpers are passed in as arguments instead.
// This walks the source graph the way a bundler does, so moving an import back fails here.

const SRC = new URL('./', import.meta.url)
const STATIC_IMPORT = /^(?:import\s+(type\s+)?[\w*{][^'"]*?|export\s+(type\s+)?[{*][^'"]*?)from\s+'([^']+)'/gm
const DYNAMIC_IMPORT = /(?<!typeof )\bimport\('([^']+)'\)/g

/** `from` is a path under src/ ('create-signer.ts'); relative specifiers resolve to .ts or /index.ts. */
function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return specifier.startsWith('#') ? specifier : undefined
  const base = new URL(specifier, new URL(from, SRC)).pathname.slice(SRC.pathname.length)
  return [`${base}.ts`, `${base}/index.ts`].find((path) => existsSync(new URL(path, SRC)))
}

function importsOf(path: string): { runtime: string[]; dynamic: string[] } {
  if (path.startsWith('#')) return { runtime: [], dynamic: [] }
  const source = readFileSync(new URL(path, SRC), 'utf8')
  const runtime: string[] = []
  for (const [, importType, exportType, specifier] of source.matchAll(STATIC_IMPORT)) {
    const target = !importType && !exportType && specifier ? resolve(path, specifier) : undefined
    if (target) runtime.push(target)
  }
  const dynamic = [...source.matchAll(DYNAMIC_IMPORT)].flatMap(([, s]) => resolve(path, s ?? '') ?? [])
  return { runtime, dynamic }
}

/** Every module reached from `roots` through static (run-time) imports, and the import() targets met. */
function staticGraph(roots: string[]): { modules: Set<string>; lazyRoots: Set<string> } {
  const modules = new Set<string>()
  const lazyRoots = new Set<string>()
  const visit = (path: string) => {
    if (modules.has(path)) return
    modules.add(path)
    const { runtime, dynamic } = importsOf(path)
    for (const target of dynamic) lazyRoots.add(target)
    for (const target of runtime) visit(target)
  }
  for (const root of roots) visit(root)
  return { modules, lazyRoots }
}

describe('lazily loaded modules', () => {
  const upFront = staticGraph(['index.ts'])
  const lazy = staticGraph([...upFront.lazyRoots].filter((path) => !path.startsWith('#')))

  it('finds the import() boundaries of the response side, presign, SigV4A and the rarer body kinds', () => {
    expect([...upFront.lazyRoots].sort()).toEqual(
      expect.arrayContaining([
        'body/read-async-body.ts',
        'credentials/provider-source.ts',
        'diagnose/diagnose.ts',
        'diagnose/s3-region-from-response.ts',
        'request-loop/continue-exchange.ts',
        'response/learn-from-answer.ts',
        'signing/presign-query.ts',
        'signing/sigv4a.ts',
      ]),
    )
  })

  it('share no module with the up-front graph', () => {
    expect([...lazy.modules].filter((path) => upFront.modules.has(path))).toEqual([])
  })

  it('keep the region memory, diagnosis and SigV4A code out of the up-front graph', () => {
    for (const path of [
      'response/region-memory.ts',
      'diagnose/scope-fix.ts',
      'signing/sigv4a-key.ts',
      'request-loop/redirect-policy.ts',
    ]) {
      expect(lazy.modules.has(path), path).toBe(true)
      expect(upFront.modules.has(path), path).toBe(false)
    }
  })
})
