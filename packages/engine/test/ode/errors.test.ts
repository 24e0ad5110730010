// Every invalid input and every integration failure gives a RangeError or SolverError whose
// message names the problem (and, for the right-hand side, where it went wrong).

import { describe, expect, it } from 'vitest';
import { SolverError, solve } from '../../src/ode/index.js';
import type { OdeSystem } from '../../src/ode/index.js';
import { bolus, oneCompartmentOral } from './helpers.js';
import { SOLVER_CASES } from './solvers.js';

const system = oneCompartmentOral(1, 0.1);

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    if (e instanceof Error) return e;
    throw new Error(`threw a non-Error: ${String(e)}`);
  }
  throw new Error('did not throw');
}

describe('solve rejects invalid input with a message naming the problem', () => {
  it('non-finite y0', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      const e = thrown(() => solve({ system, y0: [1, bad], t0: 0, saveAt: [1] }));
      expect(e).toBeInstanceOf(RangeError);
      expect(e.message).toMatch(/y0\[1\] is not finite/);
    }
  });

  it('y0 of the wrong length', () => {
    const e = thrown(() => solve({ system, y0: [1, 2, 3], t0: 0, saveAt: [1] }));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toMatch(/y0 has 3 components but the system has dimension 2/);
  });

  it('unsorted saveAt', () => {
    const e = thrown(() => solve({ system, y0: [1, 0], t0: 0, saveAt: [0, 2, 1, 3] }));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toMatch(/saveAt must be sorted.*saveAt\[2\]=1 < saveAt\[1\]=2/);
  });

  it('saveAt before t0, or not finite', () => {
    const before = thrown(() => solve({ system, y0: [1, 0], t0: 5, saveAt: [4, 6] }));
    expect(before).toBeInstanceOf(RangeError);
    expect(before.message).toMatch(/saveAt\[0\]=4 is before t0=5/);
    const nan = thrown(() => solve({ system, y0: [1, 0], t0: 0, saveAt: [1, NaN] }));
    expect(nan).toBeInstanceOf(RangeError);
    expect(nan.message).toMatch(/saveAt\[1\] is not finite/);
  });

  it('non-finite t0, bad event times', () => {
    expect(thrown(() => solve({ system, y0: [1, 0], t0: NaN, saveAt: [1] })).message).toMatch(/t0 must be finite/);
    const early = thrown(() => solve({ system, y0: [1, 0], t0: 1, saveAt: [2], events: [bolus(3, 0, 1), bolus(0.5, 0, 1)] }));
    expect(early).toBeInstanceOf(RangeError);
    expect(early.message).toMatch(/events\[1\]\.time=0\.5 is before t0=1/);
    const nan = thrown(() => solve({ system, y0: [1, 0], t0: 0, saveAt: [2], events: [bolus(NaN, 0, 1)] }));
    expect(nan.message).toMatch(/events\[0\]\.time is not finite/);
  });

  it('invalid tolerances and limits', () => {
    const run = (control: object) => thrown(() => solve({ system, y0: [1, 0], t0: 0, saveAt: [1], control }));
    expect(run({ rtol: -1 }).message).toMatch(/rtol must be a finite number >= 0/);
    expect(run({ rtol: NaN }).message).toMatch(/rtol/);
    expect(run({ atol: 0 }).message).toMatch(/atol must be a finite number > 0/);
    expect(run({ atol: new Float64Array([1e-9]) }).message).toMatch(/atol has 1 components but the system has 2/);
    expect(run({ atol: new Float64Array([1e-9, -1]) }).message).toMatch(/atol\[1\]/);
    expect(run({ h0: -0.1 }).message).toMatch(/h0 must be a finite number > 0/);
    expect(run({ maxSteps: 0 }).message).toMatch(/maxSteps must be a positive integer/);
    expect(run({ rtol: -1 })).toBeInstanceOf(RangeError);
  });

  it('an event that makes the state non-finite', () => {
    const e = thrown(() =>
      solve({ system, y0: [1, 0], t0: 0, saveAt: [3], events: [{ time: 2, apply: (y) => (y[1] = NaN) }] }),
    );
    expect(e).toBeInstanceOf(SolverError);
    expect(e.message).toMatch(/event at t=2 made component 1 non-finite/);
  });
});

describe.each(SOLVER_CASES)('integration failures with %s', (name, solver) => {
  it('NaN from the right-hand side names the time and the component', () => {
    const nanAfter: OdeSystem = {
      dimension: 3,
      rhs(t, y, d) {
        d[0] = -y[0]!;
        d[1] = -0.5 * y[1]!;
        d[2] = t > 2.5 ? Math.sqrt(-1) : -y[2]!;
      },
    };
    const e = thrown(() => solve({ system: nanAfter, y0: [1, 1, 1], t0: 0, saveAt: [1, 5], solver }));
    expect(e).toBeInstanceOf(SolverError);
    expect(e.message).toMatch(new RegExp(`^${name}: the right-hand side produced NaN at t=[0-9.e-]+ in component 2$`));
    const t = Number(/at t=([0-9.e-]+)/.exec(e.message)![1]);
    expect(t).toBeGreaterThan(2.5);
    expect(t).toBeLessThan(5);
  });

  it('NaN from the right-hand side at the initial point', () => {
    const nanAtStart: OdeSystem = {
      dimension: 2,
      rhs(_t, y, d) {
        d[0] = Math.log(y[0]! - 1); // log(0) = -Infinity at y0 = 1
        d[1] = 0;
      },
    };
    const e = thrown(() => solve({ system: nanAtStart, y0: [1, 0], t0: 3, saveAt: [4], solver }));
    expect(e).toBeInstanceOf(SolverError);
    expect(e.message).toMatch(/produced -Infinity at t=3 in component 0/);
  });

  it('step-size underflow at a finite-time blow-up (y′ = y², y(0) = 1, singular at t = 1)', () => {
    const blowUp: OdeSystem = {
      dimension: 1,
      rhs(_t, y, d) {
        d[0] = y[0]! * y[0]!;
      },
      jacobian(_t, y, j) {
        j[0] = 2 * y[0]!;
      },
    };
    const e = thrown(() => solve({ system: blowUp, y0: [1], t0: 0, saveAt: [0.5, 2], solver }));
    expect(e).toBeInstanceOf(SolverError);
    expect(e.message).toMatch(/step size underflow at t=/);
    const t = Number(/at t=([0-9.e-]+)/.exec(e.message)![1]);
    expect(Math.abs(t - 1)).toBeLessThan(1e-3);
  });

  it('maxSteps exceeded', () => {
    const e = thrown(() =>
      solve({ system, y0: [1, 0], t0: 0, saveAt: [100], solver, control: { maxSteps: 5, rtol: 1e-10 } }),
    );
    expect(e).toBeInstanceOf(SolverError);
    expect(e.message).toMatch(/maxSteps \(5\) exceeded at t=/);
  });
});
