// `npm run bench`: prints figures, asserts nothing. Each benchmark reports a median over repeated
// runs after a warm-up. Results are recorded by hand in docs/BENCHMARKS.md with the machine and date.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandRegimen, LITERATURE, parameterValues, simpleRegimen, simulate } from '../packages/engine/src/index.js';
import { benchOdeSolvers } from './ode-solvers.js';
import { benchPopulation } from './population.js';
import { benchServer } from './server.js';
import { timeMedian } from './timing.js';



function desolveMedianMs(reps: number): number | string {
  const dir = mkdtempSync(join(tmpdir(), 'ldn-bench-'));
  const params = join(dir, 'params.csv');
  writeFileSync(params, ['name,value', ...Object.entries(parameterValues(LITERATURE)).map(([k, v]) => `${k},${v}`)].join('\n'));
  try {
    const out = execFileSync('Rscript', [new URL('./desolve/ldn-28d.R', import.meta.url).pathname, params, String(reps)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return Number(out.trim()) * 1000;
  } catch (e) {
    return `not run (${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'Rscript not installed: apt-get install r-base-core r-cran-desolve' : (e as Error).message.split('\n')[0]})`;
  }
}

const rows: [string, string][] = [];
console.log(`LDN Workbench benchmarks · Node ${process.version} · ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length} · ${new Date().toISOString().slice(0, 10)}`);

const schedule = expandRegimen(simpleRegimen({ dose_mg: 4.5, time: '22:00' }), 28 * 24);
const engineMs = timeMedian(() => simulate({ schedule, days: 28 }), 300);
rows.push(['28-day patient, LDN model (8 states, 28 doses, 2689 outputs, dopri5 rtol 1e-6), median', `${engineMs.toFixed(3)} ms`]);

const rReps = 20;
const rMs = desolveMedianMs(rReps);
if (typeof rMs === 'number') {
  rows.push([`same model in R deSolve lsoda (R right-hand side), median of ${rReps}`, `${rMs.toFixed(1)} ms`]);
  rows.push(['speed-up over deSolve', `${(rMs / engineMs).toFixed(0)}×`]);
} else rows.push(['R deSolve', rMs]);

for (const r of await benchOdeSolvers()) rows.push([`ODE core: ${r.name}`, `${r.median_ms.toFixed(3)} ms`]);
rows.push(...(await benchPopulation()));

const w = Math.max(...rows.map((r) => r[0].length));
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);

// The HTTP API under load (bench/server.ts): needs the build (`npm install` or `npm run build`).
try {
  const { printed } = await benchServer();
  for (const [k, v] of printed) console.log(`${k.padEnd(w)}  ${v}`);
} catch (e) {
  console.log(`HTTP API benchmark not run: ${(e as Error).message}`);
}

// The web app in Chromium (bench/web.ts): re-simulation per slider move on the production build.
// Needs Debian's Chromium (apt-get install chromium); builds packages/web/dist if it is missing or stale.
try {
  const { benchWeb } = await import('./web.js');
  const { printed } = await benchWeb();
  for (const [k, v] of printed) console.log(`${k.padEnd(w)}  ${v}`);
} catch (e) {
  console.log(`web app benchmark not run: ${(e as Error).message}`);
}
