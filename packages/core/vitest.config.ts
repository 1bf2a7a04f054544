import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { sharedTestConfig, workspaceAliases } from '../../vitest.shared'

// package.json "imports" points #default-credentials at dist/; tests run from src.
const defaultCredentials = fileURLToPath(
  new URL('./src/credentials/default-credentials.node.ts', import.meta.url),
)

export default defineConfig({
  ...sharedTestConfig,
  resolve: {
    alias: [{ find: /^#default-credentials$/, replacement: defaultCredentials }, ...workspaceAliases],
  },
})
