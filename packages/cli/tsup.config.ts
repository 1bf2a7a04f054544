import { defineConfig } from 'tsup'

const shared = { sourcemap: true, target: 'es2022', platform: 'node' } as const

export default defineConfig([
  // `index` exports the command functions for use as a library.
  {
    ...shared,
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts' } },
    clean: true,
  },
  // `bin` is the executable: CommonJS, one file (the commands' dynamic imports become lazily run parts of it).
  // Started as an ES module it paid Node's ES module loader for itself and for every CommonJS dependency it
  // imports (commander, ws: each parsed for its exports): `awssig explain` took ≈ 112 ms over an empty `node`
  // process, ≈ 63 ms as CommonJS (Node 20, 15 rounds).
  {
    ...shared,
    entry: { bin: 'src/bin.ts' },
    format: ['cjs'],
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
  },
])
