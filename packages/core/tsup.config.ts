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

/**
 * What the `node` build keeps out of its entry, each a file of its own loaded on first use: the response side
 * and the redirect loop (an answer that is not a success), presigning, credential providers, Blob/FormData/
 * stream bodies, payload-hash-only rules and bearer replacement. Compiling code costs a cold start even when
 * it never runs (+1.7 ms for the 31 KB these add to a 74 KB entry, profiled). None of them holds module state
 * or creates core's classes (errors come from the signer it is handed), so each may carry its own copy of
 * what it shares with the entry (AWS host tables, for the response side) and imports nothing.
 */
const NODE_CHUNKS = {
  'learn-from-answer': 'src/response/learn-from-answer.ts',
  diagnose: 'src/diagnose/diagnose.ts',
  's3-region-from-response': 'src/diagnose/s3-region-from-response.ts',
  'continue-exchange': 'src/request-loop/continue-exchange.ts',
  'presign-query': 'src/signing/presign-query.ts',
  'provider-source': 'src/credentials/provider-source.ts',
  'read-async-body': 'src/body/read-async-body.ts',
  'payload-hash-only': 'src/signing/payload-hash-only.ts',
  'bearer-authorization': 'src/signing/bearer-authorization.ts',
}
const NODE_CHUNK_IMPORT = new RegExp(`(?:^|/)(?:${Object.keys(NODE_CHUNKS).join('|')})$`)

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
  // The `node` export condition: one module, bundled without splitting, so every `import()` of core's own code
  // is inlined: in Node one more module costs a cold start more (~1–3 ms at the first SigV4A signature) than
  // compiling its code with the rest, and with splitting, a lazy chunk that reads what the entry has inline
  // (the response side reads AWS host knowledge) made esbuild move that into shared chunks the entry imports
  // statically (3 of them: +2.4 ms, paired over 60 fresh processes). The exceptions are NODE_CHUNKS above. The
  // node:crypto primitives (#sha256's `node` target) inline too: Node 20's ESM loader spends ≈ 4 ms of CPU on a
  // cold start resolving the package import and loading it as a module of its own. Minified, names kept for
  // stack traces: compiling the entry is most of an import's cost (bench/src/cold-start.mjs).
  extraEntry('index.node', {
    entry: {
      'index.node': 'src/index.ts',
      ...Object.fromEntries(Object.entries(NODE_CHUNKS).map(([name, source]) => [`${name}.node`, source])),
    },
    // CommonJS too, for `require` under the `node` condition (a CommonJS Lambda handler): the same one minified
    // module, where index.cjs is the neutral build, unminified, with #sha256 a module of its own.
    format: ['esm', 'cjs'],
    splitting: false,
    external: shared.external.filter((name) => name !== '#sha256'),
    minifyWhitespace: true,
    minifySyntax: true,
    esbuildPlugins: [
      {
        name: 'node-inline',
        setup(build) {
          const commonjs = build.initialOptions.format === 'cjs'
          // SigV4A and AWS host inference come from import-*.node.ts, which also make inference available
          // without awaiting (import-host-inference.ts).
          build.onResolve({ filter: /\/import-(?:sigv4a|host-inference)$/ }, (args) => ({
            path: join(args.resolveDir, `${args.path}.node.ts`),
          }))
          // NODE_CHUNKS stay files of their own, loaded on first use. In the CommonJS build through `require`:
          // an `import()` of a CommonJS file would get only `default`, since Node cannot read the named exports
          // of a minified one.
          build.onResolve({ filter: NODE_CHUNK_IMPORT }, (args) => {
            if (args.kind !== 'dynamic-import') return undefined
            const chunk = `./${args.path.split('/').pop()}.node`
            return commonjs
              ? { path: `${chunk}.cjs`, namespace: 'node-chunk' }
              : { path: `${chunk}.js`, external: true }
          })
          if (!commonjs) return
          // The chunk's stand-in module, bundled, requires the chunk's file, left external.
          build.onLoad({ filter: /./, namespace: 'node-chunk' }, (args) => ({
            contents: `module.exports = require(${JSON.stringify(args.path)})`,
            loader: 'js',
          }))
          build.onResolve({ filter: /\.node\.cjs$/ }, (args) => ({ path: args.path, external: true }))
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
