// Property test (fast-check): for random linear two-compartment models (central ⇄ peripheral,
// elimination from central) with random positive rate constants, random initial amounts and
// random doses into either compartment, some exactly on output times, every solver matches the
// closed form e^{Mt} (from the eigenvalues of the 2×2 rate matrix, by superposition over doses)
// and conserves mass: central + peripheral + eliminated = everything given so far.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/ode/index.js';
import type { OdeSystem } from '../../src/ode/index.js';
import { bolus } from './helpers.js';
import { SOLVER_CASES } from './solvers.js';

interface Rates {
  k10: number;
  k12: number;
  k21: number;
}

/** state [central, peripheral, eliminated] */
function twoCompartment({ k10, k12, k21 }: Rates): OdeSystem {
  return {
    dimension: 3,
    autonomous: true,
    rhs(_t, y, d) {
      const a1 = y[0]!;
      const a2 = y[1]!;
      d[0] = -(k10 + k12) * a1 + k21 * a2;
      d[1] = k12 * a1 - k21 * a2;
      d[2] = k10 * a1;
    },
    jacobian(_t, _y, j) {
      j.set([-(k10 + k12), k21, 0, k12, -k21, 0, k10, 0, 0]);
    },
  };
}

/**
 * e^{Mt}·v for M = [[−(k10+k12), k21], [k12, −k21]], with distinct real eigenvalues
 * λ1,2 = (tr ± √(tr² − 4 det))/2 (the discriminant is ≥ k12² > 0):
 * e^{Mt} = (e^{λ1 t}(M − λ2 I) − e^{λ2 t}(M − λ1 I)) / (λ1 − λ2).
 */
function propagate({ k10, k12, k21 }: Rates, t: number, v: readonly [number, number]): [number, number] {
  const m11 = -(k10 + k12);
  const m12 = k21;
  const m21 = k12;
  const m22 = -k21;
  const tr = m11 + m22;
  const det = m11 * m22 - m12 * m21;
  const root = Math.sqrt(tr * tr - 4 * det);
  const l1 = (tr + root) / 2;
  const l2 = (tr - root) / 2;
  const e1 = Math.exp(l1 * t);
  const e2 = Math.exp(l2 * t);
  const c = 1 / (l1 - l2);
  const p11 = c * (e1 * (m11 - l2) - e2 * (m11 - l1));
  const p12 = c * (e1 * m12 - e2 * m12);
  const p21 = c * (e1 * m21 - e2 * m21);
  const p22 = c * (e1 * (m22 - l2) - e2 * (m22 - l1));
  return [p11 * v[0] + p12 * v[1], p21 * v[0] + p22 * v[1]];
}

const rate = fc.double({ min: Math.log(0.01), max: Math.log(5), noNaN: true }).map(Math.exp);
const doseTime = fc.oneof(
  fc.integer({ min: 0, max: 96 }).map((k) => k / 2), // on the output grid
  fc.double({ min: 0, max: 48, noNaN: true }),
);
const dose = fc.record({ time: doseTime, amount: fc.double({ min: 0.1, max: 100, noNaN: true }), into: fc.constantFrom(0, 1) });
const problem = fc.record({
  rates: fc.record({ k10: rate, k12: rate, k21: rate }),
  initial: fc.tuple(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true })),
  doses: fc.array(dose, { minLength: 1, maxLength: 6 }),
});

const saveAt = Float64Array.from({ length: 145 }, (_, k) => k / 2); // 0 .. 72 h every 0.5 h

describe.each(SOLVER_CASES)('random two-compartment models with %s', (_name, solver) => {
  it('match the closed form and conserve mass', () => {
    fc.assert(
      fc.property(problem, ({ rates, initial, doses }) => {
        const sol = solve({
          system: twoCompartment(rates),
          y0: [initial[0], initial[1], 0],
          t0: 0,
          saveAt,
          events: doses.map((d) => bolus(d.time, d.into, d.amount)),
          solver,
          control: { rtol: 1e-9, atol: 1e-10 },
        });
        const total = initial[0] + initial[1] + doses.reduce((s, d) => s + d.amount, 0);
        saveAt.forEach((t, k) => {
          // superposition: the initial state and every dose given at or before t (right-continuous)
          let [a1, a2] = propagate(rates, t, initial);
          let given = initial[0] + initial[1];
          for (const d of doses) {
            if (d.time > t) continue;
            const [b1, b2] = propagate(rates, t - d.time, d.into === 0 ? [d.amount, 0] : [0, d.amount]);
            a1 += b1;
            a2 += b2;
            given += d.amount;
          }
          const c1 = sol.y[0]![k]!;
          const c2 = sol.y[1]![k]!;
          const el = sol.y[2]![k]!;
          expect(Math.abs(c1 - a1)).toBeLessThanOrEqual(1e-6 * total);
          expect(Math.abs(c2 - a2)).toBeLessThanOrEqual(1e-6 * total);
          // Runge–Kutta and Rosenbrock steps (and their dense output) preserve linear invariants
          expect(Math.abs(c1 + c2 + el - given)).toBeLessThanOrEqual(1e-11 * total);
        });
      }),
      { numRuns: 150 },
    );
  });
});
