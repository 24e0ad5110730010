// Vite build of the web app. The isomorphic packages are aliased to their TypeScript sources (as in
// vitest.config.ts), so `vite build` and `vite dev` need no prior `tsc -b` and the bundle is what the
// tests exercise. Output goes to packages/web/dist, which `ldn serve` serves on the API's port.
// The server's CSP allows only same-origin scripts: Vite emits index.html with an external module
// script only, and the simulation worker is a separate same-origin ES module file.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const src = (pkg: string): string => fileURLToPath(new URL(`../${pkg}/src/index.ts`, import.meta.url));

/** `LDN_API_URL=http://127.0.0.1:8080 npm run dev -w @ldn/web` proxies /api to a running `ldn serve`. */
const api = process.env.LDN_API_URL;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: [
      { find: '@ldn/engine', replacement: src('engine') },
      { find: '@ldn/evidence', replacement: src('evidence') },
      { find: '@ldn/figures', replacement: src('figures') },
      { find: '@ldn/planner', replacement: src('planner') },
      // stdlib's generator probe calls eval, which the CSP blocks (see src/shims/no-eval.ts)
      { find: /^@stdlib\/utils-eval$/, replacement: fileURLToPath(new URL('./src/shims/no-eval.ts', import.meta.url)) },
    ],
  },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // zod and the switch that turns its JIT off (src/zod-jitless.ts) share one chunk, so the
        // switch runs before any other chunk can create a schema: when the entry's modules are
        // split into a chunk shared with the lazy pages, that chunk runs before the entry's own
        // first import, and schemas made there would try `new Function` (a CSP violation)
        codeSplitting: { groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]zod-jitless\.ts$/ }] },
      },
    },
  },
  server: api ? { proxy: { '/api': { target: api, changeOrigin: false } } } : {},
  preview: api ? { proxy: { '/api': { target: api, changeOrigin: false } } } : {},
});
