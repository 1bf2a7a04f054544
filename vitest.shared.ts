import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('.', import.meta.url))

/**
 * Tests import workspace packages from their sources, so a package's tests never depend on another
 * package's stale `dist/`. (Built output is exercised by the CLI, examples, and `check:package`.)
 */
export const workspaceAliases = [
  { find: /^#sha256$/, replacement: `${root}packages/core/src/signing/sha256.node.ts` },
  {
    find: /^#default-credentials$/,
    replacement: `${root}packages/core/src/credentials/default-credentials.node.ts`,
  },
  { find: /^@awssig\/core\/credentials$/, replacement: `${root}packages/core/src/credentials/web/index.ts` },
  { find: /^@awssig\/testing\/msw$/, replacement: `${root}packages/testing/src/msw.ts` },
  { find: /^@awssig\/testing\/server$/, replacement: `${root}packages/testing/src/server.ts` },
  { find: /^@awssig\/core\/realtime$/, replacement: `${root}packages/core/src/realtime/index.ts` },
  { find: /^@awssig\/core\/redirects$/, replacement: `${root}packages/core/src/redirects.ts` },
  {
    find: /^@awssig\/(core|fetch|axios|ky|testing|websocket)$/,
    replacement: `${root}packages/$1/src/index.ts`,
  },
]

/**
 * Test-only instrumentation, applied as tests load core's source, so the library carries no test hook: every
 * signer `createSigner` returns is pushed into `globalThis.__AWSSIG_SIGNER_SINK__` (the function binding is
 * rewrapped at the end of the module: a function declaration is a mutable binding; importers see the
 * wrapper). The secret scan (vitest.secret-scan.setup.ts) sets the array, observes errors itself, and prints
 * what it collects.
 */
const secretScanSinks = {
  name: 'awssig-secret-scan-sinks',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    const path = id.replaceAll('\\', '/')
    if (!path.endsWith('/packages/core/src/create-signer.ts')) return undefined
    return `${code}
;createSigner = ((create) => (...args) => {
  const signer = create(...args)
  const sink = globalThis.__AWSSIG_SIGNER_SINK__
  if (Array.isArray(sink)) sink.push(signer)
  return signer
})(createSigner)
`
  },
}

export const sharedTestConfig = {
  plugins: [secretScanSinks],
  resolve: { alias: workspaceAliases },
  // Tests run core's sources as its development builds do (packages/core/src/build-flags.d.ts); the
  // production build is tested from dist by packages/core/test/production-build.test.ts.
  define: { __DEV__: 'true' },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]] as never,
    testTimeout: 20_000,
    // Type-level tests (`*.test-d.ts`: the public API's inference) run with the package's tests: vitest hands
    // them to tsc with the package's test tsconfig (CONTRIBUTING.md), so `pnpm test` and CI run them.
    // AWSSIG_TYPECHECK=0 (the peer-range lanes of .ci/run) runs the run-time tests only.
    typecheck: {
      enabled: process.env.AWSSIG_TYPECHECK !== '0',
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.test.json',
    },
    // Issue 7: every awssig error and console line a test produces is scanned for the test secrets.
    setupFiles: [`${root}vitest.secret-scan.setup.ts`],
  },
}
