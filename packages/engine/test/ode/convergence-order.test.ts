// Convergence order: with fixed steps the global error of each method must fall like h^p with
// p its published order (which checks the tableau's order conditions numerically), its dense
// output like h^(p*+1); with adaptive steps the error must be proportional to the tolerance.

import { describe, expect, it } from 'vitest';
import { ConstantStepController, createDopri5, dopri5, solve } from '../../src/ode/index.js';
import type { OdeSystem, Solver } from '../../src/ode/index.js';
import { observedOrder } from './helpers.js';

/** y1 = 1/(1+t²) (nonlinear), y2 = exp(sin t) (non-autonomous) */
const smooth: OdeSystem = {
  dimension: 2,
  rhs(t, y, d) {
    d[0] = -2 * t * y[0]! * y[0]!;
    d[1] = Math.cos(t) * y[1]!;
  },
  jacobian(t, y, j) {
    j[0] = -4 * t * y[0]!;
    j[1] = 0;
    j[2] = 0;
    j[3] = Math.cos(t);
  },
};
const exact = (t: number): [number, number] => [1 / (1 + t * t), Math.exp(Math.sin(t))];

interface Case {
  name: string;
  fixed: Solver;
  adaptive: Solver;
  /** order of the propagated solution (published) */
  order: number;
  /** order of the continuous extension (published) */
  denseOrder: number;
}

const CASES: Case[] = [
  {
    name: 'dopri5',
    fixed: createDopri5({ controller: () => new ConstantStepController() }),
    adaptive: dopri5,
    order: 5,
    denseOrder: 4,
  },
];

const T = 3;
const STEPS = [20, 40, 80, 160];

describe.each(CASES.map((c) => [c.name, c] as const))('convergence of %s', (_name, c) => {
  const runs = STEPS.map((N) => {
    const h = T / N;
    const mids = Array.from({ length: N }, (_, k) => (k + 0.5) * h);
    const sol = solve({
      system: smooth,
      y0: [1, 1],
      t0: 0,
      saveAt: [...mids, T],
      solver: c.fixed,
      control: { h0: h, rtol: 1, atol: 1 },
    });
    const e = exact(T);
    const endErr = Math.max(Math.abs(sol.y[0]![N]! - e[0]), Math.abs(sol.y[1]![N]! - e[1]));
    let midErr = 0;
    mids.forEach((t, k) => {
      const m = exact(t);
      midErr = Math.max(midErr, Math.abs(sol.y[0]![k]! - m[0]), Math.abs(sol.y[1]![k]! - m[1]));
    });
    return { h, N, accepted: sol.stats.accepted, endErr, midErr };
  });

  it('takes exactly the requested fixed steps', () => {
    expect(runs.map((r) => r.accepted)).toEqual(STEPS);
  });

  it(`global error falls like h^${c.order} with fixed steps`, () => {
    const p = observedOrder(
      runs.map((r) => r.h),
      runs.map((r) => r.endErr),
    );
    expect(p).toBeGreaterThan(c.order - 0.3);
    expect(p).toBeLessThan(c.order + 0.7);
    // halving the step at the finest level
    const last = Math.log2(runs[runs.length - 2]!.endErr / runs[runs.length - 1]!.endErr);
    expect(last).toBeGreaterThan(c.order - 0.4);
  });

  it(`dense output between steps falls at least like h^${c.denseOrder + 1}`, () => {
    const p = observedOrder(
      runs.map((r) => r.h),
      runs.map((r) => r.midErr),
    );
    expect(p).toBeGreaterThan(c.denseOrder + 0.6);
  });

  it('adaptive error is proportional to the tolerance', () => {
    const tols = [1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10];
    const errs = tols.map((rtol) => {
      const sol = solve({ system: smooth, y0: [1, 1], t0: 0, saveAt: [10], solver: c.adaptive, control: { rtol, atol: rtol } });
      const e = exact(10);
      return Math.max(Math.abs(sol.y[0]![0]! - e[0]), Math.abs(sol.y[1]![0]! - e[1]));
    });
    const slope = observedOrder(tols, errs);
    expect(slope).toBeGreaterThan(0.75);
    expect(slope).toBeLessThan(1.25);
    tols.forEach((tol, i) => expect(errs[i]!).toBeLessThan(20 * tol));
  });
});
