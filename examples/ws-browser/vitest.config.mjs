import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    testTimeout: 90_000,
  },
})
