import { defineConfig } from 'tsup'

const external = ['#default-credentials', '#sha256', '@aws-sdk/credential-providers', 'node:crypto']

// __DEV__ guards the prose of validation errors and explanations (src/build-flags.d.ts). Every build keeps it
// except index.production.js, which bundlers pick under the `production` export condition.
const development = { __DEV__: 'true' }

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      // Reached only through package.json "imports" (#default-credentials): node → the AWS SDK chain,
      // default → a stub, so browser bundles never reference @aws-sdk/credential-providers.
      'default-credentials.node': 'src/credentials/default-credentials.node.ts',
      'default-credentials.browser': 'src/credentials/default-credentials.browser.ts',
      // #sha256: node → node:crypto (synchronous, fastest), default → Web Crypto (no JS hash in bundles).
      'sha256.node': 'src/signing/sha256.node.ts',
      'sha256.browser': 'src/signing/sha256.browser.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    external,
    define: development,
  },
  {
    // The `node` export condition's ESM build: SigV4A inlined instead of a lazily imported chunk. Bundles
    // for browsers keep it lazy (index.js); in Node, one more dynamic import would cost more at the first
    // SigV4A signature (~1–3 ms) than the code costs to load up front.
    entry: { 'index.node': 'src/index.ts' },
    format: ['esm'],
    splitting: false,
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    external,
    define: development,
  },
  {
    // The `production` export condition's ESM build (Vite and webpack select it in production builds):
    // validation errors and explanations keep their facts (rule index, field, scope) without the prose.
    entry: { 'index.production': 'src/index.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    external,
    define: { __DEV__: 'false' },
    // Drops the dead `__DEV__ ? prose : …` branches in the published file too, not only in users' bundles.
    minifySyntax: true,
  },
])
