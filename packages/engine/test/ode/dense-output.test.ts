// Dense output: values between steps, interpolated by each method's continuous extension, are
// as accurate as the steps themselves, and the interpolant reproduces the step's end points.

import { describe, expect, it } from 'vitest';
import type { DenseStep, OdeSystem } from '../../src/ode/index.js';
import { SOLVER_CASES } from './solvers.js';

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

describe.each(SOLVER_CASES)('dense output of %s', (_name, solver) => {
  it('is accurate between steps and exact at the step ends', () => {
    const nodeErr: number[] = [];
    const midErr: number[] = [];
    const out = new Float64Array(2);
    let prevEnd: number[] | undefined;
    let steps = 0;
    solver.integrate(smooth, 0, new Float64Array([1, 1]), 10, { rtol: 1e-8, atol: 1e-10 }, (step: DenseStep) => {
      steps++;
      const h = step.t1 - step.t0;
      // continuity: the start of this step is the end of the previous one
      step.interpolate(step.t0, out);
      if (prevEnd) {
        expect(out[0]).toBeCloseTo(prevEnd[0]!, 14);
        expect(out[1]).toBeCloseTo(prevEnd[1]!, 14);
      }
      step.interpolate(step.t1, out);
      prevEnd = [out[0]!, out[1]!];
      const ye = exact(step.t1);
      nodeErr.push(Math.max(Math.abs(out[0]! - ye[0]), Math.abs(out[1]! - ye[1])));
      for (const theta of [0.1, 0.25, 0.5, 0.75, 0.9]) {
        const t = step.t0 + theta * h;
        step.interpolate(t, out);
        const ym = exact(t);
        midErr.push(Math.max(Math.abs(out[0]! - ym[0]), Math.abs(out[1]! - ym[1])));
      }
    });
    expect(steps).toBeGreaterThan(20);
    const maxNode = Math.max(...nodeErr);
    const maxMid = Math.max(...midErr);
    // rtol 1e-8: both the steps and the interpolant between them stay within 100·rtol (a wrong
    // dense-output coefficient gives errors of order h ~ 1e-2 here)
    expect(maxNode).toBeLessThan(1e-6);
    expect(maxMid).toBeLessThan(1e-6);
    // the interpolant is one order lower than the step, so it may be somewhat worse, not much
    expect(maxMid).toBeLessThan(50 * maxNode);
  });

  it('reproduces the endpoints of a step: interpolate(t0) = y(t0)', () => {
    const y0 = new Float64Array([1, 1]);
    const out = new Float64Array(2);
    let first = true;
    solver.integrate(smooth, 0, y0, 1, { rtol: 1e-6, atol: 1e-9 }, (step) => {
      if (!first) return;
      first = false;
      step.interpolate(step.t0, out);
      expect(Array.from(out)).toEqual([1, 1]);
    });
  });
});
