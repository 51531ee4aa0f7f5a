/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The API client, texts and the form renderer come from runtime-ui's sources (@rt), so the designer's preview
// is the very renderer caseworkers use. Their imports of react and openapi-fetch resolve to this app's copies.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@rt\//, replacement: here('../runtime-ui/src/') },
      { find: /^openapi-fetch$/, replacement: here('node_modules/openapi-fetch/dist/index.mjs') },
    ],
    dedupe: ['react', 'react-dom'],
  },
  build: {
    outDir: 'target/classes/static/admin',
    emptyOutDir: true,
  },
  server: {
    port: 5174,
    fs: { allow: ['..'] },
    proxy: { '/api': 'http://localhost:8080', '/v3': 'http://localhost:8080' },
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    // Rendering whole pages in jsdom takes seconds on a loaded 2-core CI machine.
    testTimeout: 20000,
  },
});
