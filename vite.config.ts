/// <reference types="vitest/config" />
// Build, dev server and unit-test configuration.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Relative base: the same build works at / and under GitHub Pages' /<repo>/.
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  server: { port: 5173, strictPort: false },
  test: {
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx', 'cli/**/*.test.ts', 'cells/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
