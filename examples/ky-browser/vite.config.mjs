import { defineConfig } from 'vite'

export default defineConfig({
  resolve: {
    alias: [
      // @aws-sdk/credential-providers declares its browser build through the legacy `browser` field with
      // extension-less keys, which Vite 8 (rolldown) does not apply; without this the Node providers
      // (ini files, IMDS, child_process) are bundled into the page.
      {
        find: /^@aws-sdk\/credential-providers$/,
        replacement: '@aws-sdk/credential-providers/dist-es/index.browser.js',
      },
    ],
  },
  // Top-level await in src/main.js (credentials are loaded before the first request).
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
})
