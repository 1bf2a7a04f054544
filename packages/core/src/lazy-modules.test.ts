import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// What loads with import() must stay out of what the entry point imports statically, or the page would load it
// up front after all. Lazy code imports what it needs normally: a module the entry uses anyway costs nothing
// more when a lazy chunk uses it too (bundlers share it), and `pnpm size` says what each boundary buys. This
// walks the source graph the way a bundler does, so an import that pulls lazy code up front fails here.

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
        'aws-host-planning.ts',
      ]),
    )
  })

  it('keep AWS host inference, the region memory, diagnosis and SigV4A code out of the up-front graph', () => {
    for (const path of [
      'aws-host-planning.ts',
      'aws-hosts/infer-aws-host.ts',
      'aws-hosts/aws-hosts.generated.ts',
      'aws-hosts/aws-host-tables.ts',
      'aws-hosts/infer-s3-host.ts',
      'aws-hosts/infer-on-aws-host.ts',
      'rules/customer-code-claim.ts',
      'websocket-plan.ts',
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
