/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into target/classes/static/app so the Maven module's jar carries it and Spring serves it at /app/.
export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'target/classes/static/app',
    emptyOutDir: true,
  },
  server: {
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
