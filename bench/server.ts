// The HTTP API under load: `ldn serve` runs in a child process on a free loopback port, and
// autocannon (in this process) sends POST /api/simulate with the contract's request for a fixed
// time at a fixed number of connections, then reports requests/s and latency percentiles. The
// rate limit is switched off for the run (LDN_RATE_LIMIT=0): one client hammering the server is
// exactly what it exists to stop. Goal of the issue: ≥ 200 requests/s and p99 < 50 ms on 2 cores.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export interface ServerBenchRow {
  workers: number;
  connections: number;
  requests_per_s: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  non2xx: number;
}

const BODY = JSON.stringify({ dose: 4.5, time: '22:00', days: 14 });

/** Starts `ldn serve` (the built dist, as `npm start` runs it) and resolves with its URL and a stop function. */
async function startChild(workers: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ldn-bench-serve-'));
  const bin = fileURLToPath(new URL('../packages/cli/bin/ldn.js', import.meta.url));
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir], { env: { ...process.env, LDN_RATE_LIMIT: '0', LDN_SIMULATE_WORKERS: String(workers), DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ldn serve did not start within 60 s: ${err}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += String(d);
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`ldn serve exited with ${code}: ${err}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.on('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

async function load(url: string, workers: number, connections: number, seconds: number): Promise<ServerBenchRow> {
  const r = await autocannon({ url: `${url}/api/simulate`, method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY, connections, duration: seconds, pipelining: 1 });
  return { workers, connections, requests_per_s: r.requests.average, p50_ms: r.latency.p50, p99_ms: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

/**
 * POST /api/simulate throughput and latency at several connection counts, after a warm-up, with
 * the simulations on the event loop (0 workers) and on the worker-thread pool (`ldn serve`'s default).
 */
export async function benchServer(options: { seconds?: number; connections?: number[]; workers?: number[] } = {}): Promise<{ rows: ServerBenchRow[]; printed: [string, string][] }> {
  const seconds = options.seconds ?? 10;
  const rows: ServerBenchRow[] = [];
  for (const workers of options.workers ?? [0, 2]) {
    const server = await startChild(workers);
    try {
      const check = await fetch(`${server.url}/api/simulate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY });
      if (check.status !== 200) throw new Error(`POST /api/simulate answered ${check.status}: ${await check.text()}`);
      await load(server.url, workers, 4, 3); // warm-up (JIT)
      for (const c of options.connections ?? [1, 4, 8]) rows.push(await load(server.url, workers, c, seconds));
    } finally {
      await server.stop();
    }
  }
  const printed: [string, string][] = rows.map((r) => [
    `POST /api/simulate (contract body), ${r.workers === 0 ? 'event loop' : `${r.workers} worker threads`}, ${r.connections} connection${r.connections > 1 ? 's' : ''}, ${seconds} s`,
    `${r.requests_per_s.toFixed(0)} req/s, p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms${r.errors + r.non2xx > 0 ? `, ${r.errors} errors, ${r.non2xx} non-2xx` : ''}`,
  ]);
  return { rows, printed };
}
