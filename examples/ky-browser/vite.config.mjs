import { defineConfig } from 'vite'

export default defineConfig({
  // Top-level await in src/main.js (credentials are loaded before the first request).
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
})
