import type { Options } from 'tsup'

/**
 * The build of the published packages without build-time flags (fetch, axios, ky, websocket, testing): ESM
 * and CJS with declarations, for any runtime. Core and the CLI have their own (production build, binary).
 */
export const libraryBuild = {
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
} satisfies Options
