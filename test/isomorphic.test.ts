// The isomorphic packages must run in the browser. Bundling each one for the browser platform with
// esbuild fails on any Node built-in it reaches, directly or through a dependency, so this checks
// what the lint rule cannot see: the transitive import graph.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const ISOMORPHIC = ['engine', 'evidence', 'planner', 'figures'].filter((p) =>
  existsSync(`${root}/packages/${p}/src/index.ts`),
);

async function bundleForBrowser(entry: string) {
  return build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    // workspace packages resolve to their sources so that no build is needed
    alias: Object.fromEntries(ISOMORPHIC.map((p) => [`@ldn/${p}`, `${root}/packages/${p}/src/index.ts`])),
  });
}

describe('isomorphic packages import no Node built-ins', () => {
  it.each(ISOMORPHIC)('%s bundles for the browser', async (pkg) => {
    const result = await bundleForBrowser(`${root}/packages/${pkg}/src/index.ts`);
    expect(result.errors).toEqual([]);
  });

  it('the check itself rejects a module that imports node:fs', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/iso-`);
    writeFileSync(`${dir}/bad.ts`, "import { readFileSync } from 'node:fs'; export const x = readFileSync;");
    await expect(bundleForBrowser(`${dir}/bad.ts`)).rejects.toThrow(/node:fs/);
  });
});
