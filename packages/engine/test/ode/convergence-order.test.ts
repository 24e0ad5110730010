// Convergence order: with fixed steps the global error of each method must fall like h^p with
// p its published order (which checks the tableau's order conditions numerically), its dense
// output like h^(p*+1); with adaptive steps the error must be proportional to the tolerance.

import { describe, expect, it } from 'vitest';
import { ConstantStepController, createDopri5, createRodas4, dopri5, rodas4, solve } from '../../src/ode/index.js';
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
  {
    name: 'rodas4',
    fixed: createRodas4({ controller: () => new ConstantStepController() }),
    adaptive: rodas4,
    order: 4,
    denseOrder: 3,
  },
  {
    name: 'rodas4 (finite-difference Jacobian)',
    fixed: createRodas4({ controller: () => new ConstantStepController(), jacobian: 'finite-difference' }),
    adaptive: createRodas4({ jacobian: 'finite-difference' }),
    order: 4,
    denseOrder: 3,
  },
];

const T = 3;
const STEPS = [20, 40, 80, 160];

describe.each(CASES.map((c) => [c.name, c] as const))('convergence of %s', (_name, c) => {
  const runs = STEPS.map((N) => {
    const h = T / N;
    // every step node and every step midpoint
    const nodes = Array.from({ length: N }, (_, k) => (k + 1) * h);
    const mids = Array.from({ length: N }, (_, k) => (k + 0.5) * h);
    const saveAt = [...nodes, ...mids].sort((a, b) => a - b);
    const sol = solve({ system: smooth, y0: [1, 1], t0: 0, saveAt, solver: c.fixed, control: { h0: h, rtol: 1, atol: 1 } });
    // the maximum over the whole trajectory: at a single end point the leading error term of
    // one component can nearly cancel (it does for exp(sin t) at t = 3 with rodas4)
    let nodeErr = 0;
    let midErr = 0;
    saveAt.forEach((t, k) => {
      const e = exact(t);
      const err = Math.max(Math.abs(sol.y[0]![k]! - e[0]), Math.abs(sol.y[1]![k]! - e[1]));
      if (k % 2 === 1) nodeErr = Math.max(nodeErr, err);
      else midErr = Math.max(midErr, err);
    });
    return { h, N, accepted: sol.stats.accepted, nodeErr, midErr };
  });

  it('takes exactly the requested fixed steps', () => {
    expect(runs.map((r) => r.accepted)).toEqual(STEPS);
  });

  it(`global error falls like h^${c.order} with fixed steps`, () => {
    const p = observedOrder(
      runs.map((r) => r.h),
      runs.map((r) => r.nodeErr),
    );
    expect(p).toBeGreaterThan(c.order - 0.3);
    expect(p).toBeLessThan(c.order + 0.7);
    // halving the step at the finest level
    const last = Math.log2(runs[runs.length - 2]!.nodeErr / runs[runs.length - 1]!.nodeErr);
    expect(last).toBeGreaterThan(c.order - 0.4);
    expect(last).toBeLessThan(c.order + 0.6);
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
