// Population benchmark (`npm run bench`, or `node --import tsx bench/population.ts` alone): the
// cost of one 28-day patient with every hypothesis module on, what the population code adds on top
// of `simulate`, and a 10,000-patient cohort serial (this thread) and on the worker pool, with the
// speed-up. The goal is 10,000 patients × 28 days with all modules in under 20 s on 2 cores.
// LDN_BENCH_POPULATION_N changes the cohort size. Figures are recorded by hand in
// docs/BENCHMARKS.md with the machine and date.
import { availableParallelism, loadavg } from 'node:os';
import {
  POPULATION_RTOL,
  buildLdnModel,
  expandRegimen,
  fullParameterSet,
  outputGrid,
  parameterValues,
  parsePopulationOptions,
  runPopulation,
  samplePatient,
  simpleRegimen,
  simulate,
  summarizePopulation,
} from '../packages/engine/src/index.js';
import { PopulationPool, inThisThread } from '../packages/cli/src/population/pool.js';
import { timeMedian } from './timing.js';



export async function benchPopulation(): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  const N = Number(process.env.LDN_BENCH_POPULATION_N ?? 10_000);
  const threads = availableParallelism();
  const hypotheses = ['rebound', 'tlr4', 'ogf'];
  const model = buildLdnModel(hypotheses);
  const set = fullParameterSet('literature');
  const typical = parameterValues(set);
  const schedule = expandRegimen(simpleRegimen({ dose_mg: 4.5, time: '22:00' }), 28 * 24);
  const times = outputGrid(28 * 24, 1);

  // one patient: the typical one, at the tolerance of the brief's "today" and at the population's
  for (const rtol of [1e-4, POPULATION_RTOL]) {
    let evals = 0;
    const ms = timeMedian(() => {
      evals = simulate({ schedule, days: 28, times, model, parameters: set, control: { rtol } }).stats.rhsEvaluations;
    }, 100);
    rows.push([`population: typical 28-day patient, all modules (17 states, 19 outputs), 1 h grid, rtol ${rtol.toExponential(0)}, median`, `${ms.toFixed(2)} ms (${evals} rhs evaluations)`]);
  }

  // sampled patients: simulate alone, then the whole per-patient path of runPopulation
  const options = parsePopulationOptions({ n: N, seed: 1, dose: 4.5, time: '22:00', days: 28, hypotheses });
  const M = 200;
  const ids = new Set(model.parameterIds);
  const overrides = Array.from({ length: M }, (_, i) => Object.fromEntries(Object.entries(samplePatient(1, i, typical, options.covariates).values).filter(([k]) => ids.has(k))));
  runPopulation(options, { start: 0, end: 40 }); // warm-up
  let a = performance.now();
  for (const o of overrides) simulate({ schedule, days: 28, times, model, parameters: set, overrides: o, control: { rtol: POPULATION_RTOL } });
  const simMs = (performance.now() - a) / M;
  a = performance.now();
  runPopulation(options, { start: 0, end: M });
  const runMs = (performance.now() - a) / M;
  rows.push([`population: sampled patient, simulate only (mean of ${M})`, `${simMs.toFixed(2)} ms`]);
  rows.push([`population: sampled patient, runPopulation (sampling, 0.25 h summary points, histograms, summaries; mean of ${M})`, `${runMs.toFixed(2)} ms (+${(100 * (runMs / simMs - 1)).toFixed(0)} %)`]);

  // the cohort: serial, then on a warmed pool. CPU seconds (all threads of this process) are
  // printed too: other processes on the machine inflate wall time, not CPU time.
  const cpu = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;
  const load = () => loadavg()[0]!.toFixed(1);
  rows.push(['population: load average (1 min) before the cohort runs', load()]);
  a = performance.now();
  let c0 = process.cpuUsage();
  const serial = summarizePopulation(options, inThisThread(options));
  const serialS = (performance.now() - a) / 1000;
  const serialCpu = cpu(process.cpuUsage(c0));
  rows.push([`population: ${N.toLocaleString('en-US')} patients × 28 days, all modules, 1 thread`, `${serialS.toFixed(1)} s (${((1000 * serialS) / N).toFixed(2)} ms per patient; CPU ${serialCpu.toFixed(1)} s)`]);

  const pool = new PopulationPool(threads);
  try {
    await pool.run(parsePopulationOptions({ n: 2 * threads, seed: 2, dose: 4.5, days: 2, hypotheses })); // start-up and JIT
    a = performance.now();
    c0 = process.cpuUsage();
    const parallel = summarizePopulation(options, await pool.run(options));
    const poolS = (performance.now() - a) / 1000;
    const poolCpu = cpu(process.cpuUsage(c0));
    rows.push([`population: the same on the worker pool, ${threads} threads (warm)`, `${poolS.toFixed(1)} s (${((1000 * poolS) / N).toFixed(2)} ms per patient; CPU ${poolCpu.toFixed(1)} s)`]);
    rows.push(['population: load average (1 min) after', load()]);
    rows.push(['population: speed-up of the pool', `${(serialS / poolS).toFixed(2)}×`]);
    rows.push(['population: goal 10,000 × 28 days < 20 s on 2 cores', N === 10_000 ? (poolS < 20 ? `met (${poolS.toFixed(1)} s)` : `not met (${poolS.toFixed(1)} s)`) : `not measured (N = ${N})`]);
    rows.push(['population: pool and serial give the same cohort and bands', JSON.stringify(parallel) === JSON.stringify(serial) ? `yes (checksum ${serial.cohort_checksum})` : 'NO']);
    // the faster tolerance (errors up to 1e-3 relative, docs/BENCHMARKS.md)
    const fast = parsePopulationOptions({ n: N, seed: 1, dose: 4.5, time: '22:00', days: 28, hypotheses, rtol: 1e-4 });
    a = performance.now();
    c0 = process.cpuUsage();
    summarizePopulation(fast, await pool.run(fast));
    const fastS = (performance.now() - a) / 1000;
    rows.push([`population: the same on the pool at rtol 1e-4`, `${fastS.toFixed(1)} s (CPU ${cpu(process.cpuUsage(c0)).toFixed(1)} s; load ${load()})`]);
  } finally {
    await pool.close();
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [k, v] of await benchPopulation()) console.log(`${k}  ${v}`);
}
