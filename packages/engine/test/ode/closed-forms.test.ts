// Solutions with closed forms: exponential decay, the Bateman function of one-compartment oral
// absorption, and the harmonic oscillator over many periods, for every solver.

import { describe, expect, it } from 'vitest';
import { solve } from '../../src/ode/index.js';
import type { OdeSystem } from '../../src/ode/index.js';
import { bateman, linspace, maxAbsErr, maxRelErr, oneCompartmentOral } from './helpers.js';
import { SOLVER_CASES } from './solvers.js';

describe.each(SOLVER_CASES)('closed forms with %s', (_name, solver) => {
  it('exponential decay y = y0·e^{−kt} to 1e-9 relative at rtol 1e-11', () => {
    const k = 0.3;
    const system: OdeSystem = {
      dimension: 1,
      rhs: (_t, y, d) => {
        d[0] = -k * y[0]!;
      },
      jacobian: (_t, _y, j) => {
        j[0] = -k;
      },
    };
    const saveAt = linspace(0, 40, 81);
    const sol = solve({ system, y0: [5], t0: 0, saveAt, solver, control: { rtol: 1e-11, atol: 1e-20 } });
    const exact = saveAt.map((t) => 5 * Math.exp(-k * t));
    expect(maxRelErr(sol.y[0]!, exact)).toBeLessThan(1e-9);
    expect(sol.t).toEqual(saveAt);
  });

  it('one-compartment oral absorption matches the Bateman function to 1e-8 relative at every output', () => {
    const ka = 1.5;
    const ke = 0.2;
    const F = 0.8;
    const V = 30;
    const D = 50;
    const saveAt = linspace(0.05, 72, 400);
    const sol = solve({
      system: oneCompartmentOral(ka, ke),
      y0: [F * D, 0],
      t0: 0,
      saveAt,
      solver,
      control: { rtol: 1e-10, atol: 1e-16 },
    });
    const conc = sol.y[1]!.map((a) => a / V);
    const exact = saveAt.map((t) => bateman(t, D, F, ka, ke, V));
    expect(maxRelErr(conc, exact)).toBeLessThan(1e-8);
    // the gut empties to ~1e-45: below atol only an absolute bound is meaningful
    saveAt.forEach((t, k) => {
      const gut = F * D * Math.exp(-ka * t);
      expect(Math.abs(sol.y[0]![k]! - gut)).toBeLessThanOrEqual(1e-8 * gut + 1e-14);
    });
  });

  it('the harmonic oscillator keeps phase and amplitude over 50 periods', () => {
    const w = 2 * Math.PI; // period 1
    const system: OdeSystem = {
      dimension: 2,
      rhs: (_t, y, d) => {
        d[0] = y[1]!;
        d[1] = -w * w * y[0]!;
      },
      jacobian: (_t, _y, j) => {
        j[0] = 0;
        j[1] = 1;
        j[2] = -w * w;
        j[3] = 0;
      },
    };
    const saveAt = linspace(0, 50, 1001);
    const sol = solve({ system, y0: [1, 0], t0: 0, saveAt, solver, control: { rtol: 1e-10, atol: 1e-12 } });
    const x = saveAt.map((t) => Math.cos(w * t));
    const v = saveAt.map((t) => -w * Math.sin(w * t));
    expect(maxAbsErr(sol.y[0]!, x)).toBeLessThan(1e-6);
    expect(maxAbsErr(sol.y[1]!, v)).toBeLessThan(1e-6 * w);
    // energy drift
    const energy = sol.y[0]!.map((xi, k) => xi * xi + (sol.y[1]![k]! / w) ** 2);
    expect(maxAbsErr(energy, new Float64Array(energy.length).fill(1))).toBeLessThan(1e-6);
  });
});
