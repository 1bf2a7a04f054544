import { join } from 'node:path'
import { defineConfig, type Options } from 'tsup'

// __DEV__ guards the prose of validation errors and explanations (src/build-flags.d.ts). Every build keeps it
// except index.production.js, which bundlers pick under the `production` export condition.
export const shared = {
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  external: [
    '#default-credentials',
    '#sha256',
    '@aws-sdk/credential-providers',
    'node:crypto',
    '@awssig/core',
  ],
  define: { __DEV__: 'true' },
} satisfies Options

/** A second ESM build of src/index.ts for one export condition, written beside the first (no types). */
const extraEntry = (name: string, options: Options): Options => ({
  ...shared,
  entry: { [name]: 'src/index.ts' },
  format: ['esm'],
  dts: false,
  clean: false,
  ...options,
})

export default defineConfig([
  {
    ...shared,
    entry: {
      index: 'src/index.ts',
      // Reached only through package.json "imports" (#default-credentials): node → the AWS SDK chain,
      // default → a stub, so browser bundles never reference @aws-sdk/credential-providers.
      'default-credentials.node': 'src/credentials/default-credentials.node.ts',
      'default-credentials.browser': 'src/credentials/default-credentials.browser.ts',
      // #sha256: node → node:crypto (synchronous, fastest), default → Web Crypto (no JS hash in bundles).
      'sha256.node': 'src/signing/sha256.node.ts',
      'sha256.browser': 'src/signing/sha256.browser.ts',
      // @awssig/core/realtime reaches core's run-time code only through the package's own entry (the signer
      // it is given, the error classes), so it shares no chunk with index.js and instanceof holds across both.
      realtime: 'src/realtime/index.ts',
      // @awssig/core/redirects: the redirect policy, which the fetch path's loop loads only on a redirect.
      redirects: 'src/redirects.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
  },
  // The `node` export condition. SigV4A and AWS host inference inline instead of lazily imported chunks: in Node one more dynamic
  // import would cost more at the first SigV4A signature (~1–3 ms) than compiling the code up front. The
  // node:crypto primitives (#sha256's `node` target) inline too: Node 20's ESM loader spends ≈ 4 ms of CPU on
  // a cold start resolving the package import and loading it as a module of its own. What only an error
  // answer, a redirect, a provider or a presign needs stays in chunks, and the file is minified (names kept,
  // for stack traces): compiling the entry is most of an import's cost (bench/src/cold-start.mjs).
  extraEntry('index.node', {
    external: shared.external.filter((name) => name !== '#sha256'),
    minifyWhitespace: true,
    minifySyntax: true,
    esbuildPlugins: [
      {
        name: 'node-inline',
        setup(build) {
          // SigV4A and AWS host inference inline (import-*.node.ts): see above and import-host-inference.ts.
          build.onResolve({ filter: /\/import-(?:sigv4a|host-inference)$/ }, (args) => ({
            path: join(args.resolveDir, `${args.path.split('/').pop()}.node.ts`),
          }))
        },
      },
    ],
    esbuildOptions(options) {
      options.alias = { ...options.alias, '#sha256': './src/signing/sha256.node.ts' }
    },
  }),
  // The `production` export condition (Vite and webpack select it in production builds): validation errors
  // and explanations keep their facts (rule index, field, scope) without the prose. minifySyntax drops the
  // dead `__DEV__ ? prose : …` branches in the published file too, not only in users' bundles.
  extraEntry('index.production', { define: { __DEV__: 'false' }, minifySyntax: true }),
])
