// The finite-difference Jacobian must be accurate both for components far below 1 (Robertson's
// y2 ~ 1e-11, where a fixed absolute increment fails) and for empty compartments of a linear PK
// model (where a purely relative increment vanishes in round-off).

import { describe, expect, it } from 'vitest';
import { FdJacobianWork, finiteDifferenceJacobian } from '../../src/ode/linalg/jacobian.js';
import type { OdeSystem } from '../../src/ode/index.js';

function check(system: OdeSystem, y0: number[], atol: number, analytic: (y: number[]) => number[][], relTol: number) {
  const n = system.dimension;
  const y = Float64Array.from(y0);
  const fy = new Float64Array(n);
  system.rhs(0, y, fy);
  const jac = new Float64Array(n * n);
  const evals = finiteDifferenceJacobian(system, 0, y, fy, new Float64Array(n).fill(atol), jac, new FdJacobianWork(n));
  expect(Array.from(y)).toEqual(y0); // restored
  expect(evals).toBeGreaterThanOrEqual(n);
  expect(evals).toBeLessThanOrEqual(2 * n);
  const exact = analytic(y0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const e = exact[i]![j]!;
      // each entry relative to itself; forward differences cannot resolve an entry below about
      // ε·|f_i|/δ, so the floor is relative to the row's own |f_i| (tiny for Robertson's y3 row,
      // which is what catches a too-large increment there)
      const floor = 1e-5 * Math.abs(fy[i]!);
      expect(Math.abs(jac[i * n + j]! - e), `J[${i}][${j}]`).toBeLessThanOrEqual(relTol * Math.abs(e) + floor);
    }
  }
}

const robertson: OdeSystem = {
  dimension: 3,
  rhs(_t, y, d) {
    d[0] = -0.04 * y[0]! + 1e4 * y[1]! * y[2]!;
    d[1] = 0.04 * y[0]! - 1e4 * y[1]! * y[2]! - 3e7 * y[1]! * y[1]!;
    d[2] = 3e7 * y[1]! * y[1]!;
  },
};
const robertsonJ = (y: number[]) => [
  [-0.04, 1e4 * y[2]!, 1e4 * y[1]!],
  [0.04, -1e4 * y[2]! - 6e7 * y[1]!, -1e4 * y[1]!],
  [0, 6e7 * y[1]!, 0],
];

/** gut → central → peripheral, with elimination; amounts in mg */
const chain: OdeSystem = {
  dimension: 3,
  rhs(_t, y, d) {
    d[0] = -1.3 * y[0]!;
    d[1] = 1.3 * y[0]! - (0.2 + 0.5) * y[1]! + 0.1 * y[2]!;
    d[2] = 0.5 * y[1]! - 0.1 * y[2]!;
  },
};
const chainJ = () => [
  [-1.3, 0, 0],
  [1.3, -0.7, 0.1],
  [0, 0.5, -0.1],
];

/** saturable (Michaelis–Menten) elimination and receptor binding */
const nonlinear: OdeSystem = {
  dimension: 2,
  rhs(_t, y, d) {
    d[0] = (-10 * y[0]!) / (0.5 + y[0]!) - 2 * y[0]! * (1 - y[1]!);
    d[1] = 2 * y[0]! * (1 - y[1]!) - 0.3 * y[1]!;
  },
};
const nonlinearJ = (y: number[]) => [
  [(-10 * 0.5) / (0.5 + y[0]!) ** 2 - 2 * (1 - y[1]!), 2 * y[0]!],
  [2 * (1 - y[1]!), -2 * y[0]! - 0.3],
];

describe('finite-difference Jacobian', () => {
  it('Robertson early (y2 ~ 3e-6) and late (y2 ~ 2e-11, below the 1e-5 floor of Hairer’s increment)', () => {
    check(robertson, [0.5, 3e-6, 0.5], 1e-12, robertsonJ, 1e-6);
    check(robertson, [5e-6, 2e-11, 0.999995], 1e-18, robertsonJ, 1e-6);
  });

  it('a linear PK chain with empty compartments and with typical amounts', () => {
    check(chain, [10, 0, 0], 1e-9, chainJ, 1e-6);
    check(chain, [0, 0, 0], 1e-9, chainJ, 1e-6);
    check(chain, [1e-3, 40, 250], 1e-9, chainJ, 1e-6);
  });

  it('saturable elimination and binding', () => {
    check(nonlinear, [0.7, 0.4], 1e-9, nonlinearJ, 1e-6);
    check(nonlinear, [1e-7, 0.99], 1e-12, nonlinearJ, 1e-6);
  });
});
