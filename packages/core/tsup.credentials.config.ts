import { defineConfig } from 'tsup'
import { shared } from './tsup.config'

// @awssig/core/credentials, built after the main build (package.json "build"): its own build so no chunk is
// shared with (and loaded by) the fetch path, and run second because the main build's `clean` removes every
// .d.ts in dist/. It carries its own copy of the error classes; isAwsSigError recognises them by brand.
export default defineConfig({
  ...shared,
  entry: { credentials: 'src/credentials/web/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: false,
})
