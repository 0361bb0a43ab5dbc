/// <reference types="vitest/config" />
// Build, dev server and unit-test configuration.
import { join } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicyMeta } from './vite.csp.js';
import { kernelFrame } from './vite.kernelFrame.js';
import { lessonHtml } from './vite.lessonHtml.js';

export default defineConfig({
  // Relative base: the same build works at / and under GitHub Pages' /<repo>/.
  base: './',
  plugins: [
    react(),
    contentSecurityPolicyMeta(),
    kernelFrame(import.meta.dirname),
    lessonHtml(join(import.meta.dirname, 'cells')),
    // Offline after one visit: a service worker precaches every asset the lesson needs (tfjs and its
    // wasm binaries, the editor, Plotly, KaTeX's woff2 fonts). 'prompt': a new deployment waits for
    // the student to accept it, so an update never reloads the page under someone's unsaved work.
    VitePWA({
      registerType: 'prompt',
      injectRegister: null,
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Jacobian Notebook',
        short_name: 'Jacobians',
        description: 'Learn backpropagation in the browser: gradients by hand with Jacobians and by autograd, side by side.',
        theme_color: '#1d4ed8',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // Browsers that run this app all read woff2: the .woff/.ttf fallbacks need no cache space.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,wasm,woff2,webmanifest}'],
        // The threaded wasm build needs cross-origin isolation, which static hosts like GitHub Pages
        // cannot give: tfjs never loads it there, so it is not worth 440 kB of every visitor's cache.
        globIgnores: ['**/404.html', '**/tfjs-backend-wasm-threaded-simd-*.wasm'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // No fallback page for every navigation: under any other folder the app's relative assets would
        // 404 and the page stay blank. The notebook's own address (with any query, e.g. ?present=3)
        // is served from the precache; anything else goes to the network (the host's 404 page).
        navigateFallback: null,
        ignoreURLParametersMatching: [/.*/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: {
    format: 'es',
    // Workers have no DOM: the markdown worker takes the entity decoder's table version, not the
    // browser one that decodes through a <i> element (the package's "worker" export).
    plugins: () => [
      {
        name: 'entities-without-dom',
        enforce: 'pre',
        resolveId: (id) => (id === 'decode-named-character-reference' ? join(import.meta.dirname, 'node_modules/decode-named-character-reference/index.js') : undefined),
      },
    ],
  },
  build: {
    target: 'es2022',
    // tfjs (in the Worker) and Plotly are big by nature; both load lazily, never on the first screen.
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      // Bundling tfjs into the Worker dominates build time; that is expected, not a problem to report.
      checks: { bundlerTimings: false },
    },
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
