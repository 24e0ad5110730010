// `ldn serve`: it listens on --port, PORT or 8080 (0 = a free port), prints its URL and database,
// serves the API and the page on one port, keeps data in its data directory across restarts,
// refuses bad ports with exit 2, and stops cleanly on SIGTERM (checked on a real child process).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSimulation } from '@ldn/engine';
import type { RunningServer } from '@ldn/server';
import { afterAll, describe, expect, it } from 'vitest';
import { resolvePort, serve, DEFAULT_PORT } from '../src/commands/serve.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ldn-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `serve` in this process until `body` is done; returns what it printed. */
async function withServer(flags: Parameters<typeof serve>[0], env: NodeJS.ProcessEnv, body: (s: RunningServer) => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const stop = new AbortController();
  let failure: Error | undefined;
  const done = serve(flags, {
    env,
    signal: stop.signal,
    print: (l) => lines.push(l),
    onListening: (s) => {
      body(s).then(
        () => stop.abort(),
        (e: unknown) => {
          failure = e instanceof Error ? e : new Error(String(e));
          stop.abort();
        },
      );
    },
  });
  await done;
  if (failure !== undefined) throw failure;
  return lines;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a !== null ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

describe('ldn serve', () => {
  it('takes --port, else PORT, else 8080, and refuses bad values naming them', () => {
    expect(resolvePort('9000', { PORT: '7000' })).toBe(9000);
    expect(resolvePort(undefined, { PORT: '7000' })).toBe(7000);
    expect(resolvePort(undefined, {})).toBe(DEFAULT_PORT);
    expect(() => resolvePort(undefined, { PORT: 'http' })).toThrow(/PORT "http" is not a number/);
  });

  it('exits 2 for a bad --port', async () => {
    const r = await runCli(['serve', '--port', '70000']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--port 70000 is out of range; use a whole number at least 0 and at most 65535/);
  });

  it('serves the API and the page on the PORT it prints, on PGlite in --data-dir, and keeps data across restarts', async () => {
    const port = await freePort();
    const dataDir = join(dir, 'data');
    let id = '';
    const lines = await withServer({ host: '127.0.0.1', dataDir }, { PORT: String(port) }, async (s) => {
      expect(s.url).toBe(`http://127.0.0.1:${port}`);
      const health = await fetch(`${s.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
      const body = { dose: 4.5, time: '22:00', days: 14 };
      const sim = await fetch(`${s.url}/api/simulate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(await sim.text()).toBe(JSON.stringify(runSimulation(body)));
      const page = await fetch(`${s.url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const saved = await fetch(`${s.url}/api/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'kept', request: body }) });
      id = ((await saved.json()) as { id: string }).id;
    });
    expect(lines[0]).toBe(`LDN Workbench running at http://127.0.0.1:${port} (database: pglite at ${dataDir})`);
    expect(lines.at(-1)).toBe('LDN Workbench stopped');
    await withServer({ host: '127.0.0.1', port: '0' }, { LDN_DATA_DIR: dataDir }, async (s) => {
      expect(s.url).not.toBe(`http://127.0.0.1:${port}`);
      const again = await fetch(`${s.url}/api/scenarios/${id}`);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ name: 'kept' });
    });
  });

  it('says which port is taken', async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      await expect(serve({ host: '127.0.0.1', port: String(port), dataDir: join(dir, 'busy') }, { env: {}, print: () => undefined })).rejects.toThrow(`port ${port} on 127.0.0.1 is in use`);
    } finally {
      blocker.close();
    }
  });

  it('runs as a real process and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const entry = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import { main } from ${JSON.stringify(entry)}; process.exitCode = await main(['serve', '--data-dir', ${JSON.stringify(join(dir, 'child'))}]);`], {
      env: { ...process.env, PORT: String(port), DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += String(d)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start line within 60 s; stderr: ${err}`)), 60_000);
      child.stdout.on('data', (d: Buffer) => {
        out += String(d);
        if (out.includes('running at')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', (code) => reject(new Error(`exited early with ${code}: ${err}`)));
    });
    expect(out).toContain(`LDN Workbench running at http://127.0.0.1:${port} (database: pglite at `);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('LDN Workbench stopped');
  }, 90_000);
});
