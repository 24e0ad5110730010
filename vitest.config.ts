import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests import workspace packages from source, so no build is needed to run them.
export default defineConfig({
  resolve: {
    alias: {
      '@ldn/engine': src('engine'),
      '@ldn/evidence': src('evidence'),
      '@ldn/figures': src('figures'),
      '@ldn/cli': src('cli'),
      '@ldn/planner': src('planner'),
      '@ldn/server': src('server'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
