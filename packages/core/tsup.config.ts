import { defineConfig } from 'tsup'

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    // Reached only through package.json "imports" (#default-credentials): node → the AWS SDK chain,
    // default → a stub, so browser bundles never reference @aws-sdk/credential-providers.
    'default-credentials.node': 'src/credentials/default-credentials.node.ts',
    'default-credentials.browser': 'src/credentials/default-credentials.browser.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['#default-credentials', '@smithy/signature-v4a', '@aws-sdk/credential-providers'],
})
