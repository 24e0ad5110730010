// The ODE core runs in the browser: bundling its entry point for the browser platform fails on
// any Node built-in it reaches. (The workspace test bundles the engine's index; this one covers
// the ODE core on its own, before and regardless of how the engine re-exports it.)
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('the ODE core imports no Node built-ins', () => {
  it('src/ode/index.ts bundles for the browser', async () => {
    const entry = fileURLToPath(new URL('../../src/ode/index.ts', import.meta.url));
    const result = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]!.text).toContain('dopri5');
  });
});
