import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { sharedTestConfig, workspaceAliases } from '../vitest.shared'

const coreSource = fileURLToPath(new URL('../packages/core/src/', import.meta.url))

export default defineConfig({
  ...sharedTestConfig,
  resolve: {
    alias: [
      // Core's Node-only hashing is a package.json subpath import; point it at the source like the others.
      { find: /^#sha256$/, replacement: `${coreSource}signing/sha256.node.ts` },
      ...workspaceAliases,
    ],
  },
  test: {
    ...sharedTestConfig.test,
    testTimeout: 120_000,
    // The soak measures heap growth after forced full collections (globalThis.gc).
    execArgv: ['--expose-gc'],
  },
})
