import { defineConfig } from 'tsup'

const external = ['#default-credentials', '#sha256', '@aws-sdk/credential-providers', 'node:crypto']

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
  },
])
