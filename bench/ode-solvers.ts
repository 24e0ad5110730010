// Benchmark of the ODE core on the shape of problem the population simulator solves per patient:
// a 10-state linear PK chain (depot, 3 transit compartments, central + 2 peripheral, metabolite
// + peripheral, effect site), one oral dose a day for 28 days, output every 0.25 h (2689 times).
// `npm run bench` calls benchOdeSolvers(); run alone with `npx tsx bench/ode-solvers.ts`.

import { solve, dopri5, rodas4 } from '../packages/engine/src/ode/index.js';
import type { OdeEvent, OdeSystem, Solver } from '../packages/engine/src/ode/index.js';
import { timeMedian } from './timing.js';

/** rate constants in 1/h */
const K = {
  ka: 1.2, // depot -> transit 1
  ktr: 3.0, // transit i -> i+1 and transit 3 -> central
  k10: 0.35, // central elimination (to metabolite fraction fm, rest excreted)
  fm: 0.6,
  k12: 0.8,
  k21: 0.25,
  k13: 0.15,
  k31: 0.03,
  km0: 0.12, // metabolite elimination
  kmp: 0.4,
  kpm: 0.1,
  ke0: 0.7, // effect-site equilibration
};

export const pk10: OdeSystem = {
  dimension: 10,
  autonomous: true,
  rhs(_t, y, d) {
    const depot = y[0]!, tr1 = y[1]!, tr2 = y[2]!, tr3 = y[3]!, c = y[4]!, p1 = y[5]!, p2 = y[6]!;
    const m = y[7]!, mp = y[8]!, ce = y[9]!;
    d[0] = -K.ka * depot;
    d[1] = K.ka * depot - K.ktr * tr1;
    d[2] = K.ktr * (tr1 - tr2);
    d[3] = K.ktr * (tr2 - tr3);
    d[4] = K.ktr * tr3 - (K.k10 + K.k12 + K.k13) * c + K.k21 * p1 + K.k31 * p2;
    d[5] = K.k12 * c - K.k21 * p1;
    d[6] = K.k13 * c - K.k31 * p2;
    d[7] = K.fm * K.k10 * c - (K.km0 + K.kmp) * m + K.kpm * mp;
    d[8] = K.kmp * m - K.kpm * mp;
    d[9] = K.ke0 * (c - ce);
  },
  jacobian(_t, _y, j) {
    j.fill(0);
    const n = 10;
    const set = (i: number, k: number, v: number) => {
      j[i * n + k] = v;
    };
    set(0, 0, -K.ka);
    set(1, 0, K.ka);
    set(1, 1, -K.ktr);
    set(2, 1, K.ktr);
    set(2, 2, -K.ktr);
    set(3, 2, K.ktr);
    set(3, 3, -K.ktr);
    set(4, 3, K.ktr);
    set(4, 4, -(K.k10 + K.k12 + K.k13));
    set(4, 5, K.k21);
    set(4, 6, K.k31);
    set(5, 4, K.k12);
    set(5, 5, -K.k21);
    set(6, 4, K.k13);
    set(6, 6, -K.k31);
    set(7, 4, K.fm * K.k10);
    set(7, 7, -(K.km0 + K.kmp));
    set(7, 8, K.kpm);
    set(8, 7, K.kmp);
    set(8, 8, -K.kpm);
    set(9, 4, K.ke0);
    set(9, 9, -K.ke0);
  },
};

export const pk10Doses: OdeEvent[] = Array.from({ length: 28 }, (_, day) => ({
  time: 24 * day,
  apply(y: Float64Array) {
    y[0] = y[0]! + 4.5;
  },
}));

export const pk10SaveAt = Float64Array.from({ length: 28 * 96 + 1 }, (_, k) => k * 0.25);

export function solvePk10(solver: Solver = dopri5, rtol = 1e-6, atol = 1e-9) {
  return solve({
    system: pk10,
    y0: new Float64Array(10),
    t0: 0,
    saveAt: pk10SaveAt,
    events: pk10Doses,
    solver,
    control: { rtol, atol },
  });
}



/** Median wall time of `solve` on the 10-state, 28-dose problem, per solver and tolerance. */
export async function benchOdeSolvers(): Promise<{ name: string; median_ms: number }[]> {
  await Promise.resolve();
  const cases: [string, () => unknown, number][] = [
    ['pk10 28 daily doses, 2689 outputs, dopri5 rtol 1e-6', () => solvePk10(dopri5, 1e-6), 500],
    ['pk10 28 daily doses, 2689 outputs, dopri5 rtol 1e-7', () => solvePk10(dopri5, 1e-7), 300],
    ['pk10 28 daily doses, 2689 outputs, rodas4 rtol 1e-6 (analytic J)', () => solvePk10(rodas4, 1e-6), 100],
  ];
  return cases.map(([name, run, repeats]) => ({ name, median_ms: timeMedian(run, repeats) }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, solver] of [['dopri5', dopri5], ['rodas4', rodas4]] as const) {
    console.log(name, 'stats at rtol 1e-6', solvePk10(solver).stats);
  }
  for (const r of await benchOdeSolvers()) console.log(`${r.name}: ${r.median_ms.toFixed(3)} ms`);
}
