import { defineConfig } from 'vitest/config'

// No workspace aliases here (unlike vitest.shared.ts): these tests must see only the packed tarballs.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]] as never,
    testTimeout: 180_000,
    hookTimeout: 600_000,
    // Each test starts its own npm/tsc/bundler processes; two at a time is what the machines have.
    maxWorkers: 1,
  },
})
