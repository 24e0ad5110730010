// Doses as discontinuities: repeated doses against the superposition closed form, right-continuity
// at dose times, simultaneous and unsorted events, events at t0 and after the last output, and
// the guarantee that every output time is filled exactly once.

import { describe, expect, it } from 'vitest';
import { solve } from '../../src/ode/index.js';
import type { DenseStep, OdeEvent, Solver } from '../../src/ode/index.js';
import { bolus, centralAmount, gutAmount, linspace, oneCompartmentOral } from './helpers.js';
import { SOLVER_CASES } from './solvers.js';

const ka = 1.1;
const ke = 0.17;
const F = 0.6;

describe.each(SOLVER_CASES)('dose events with %s', (_name, solver) => {
  it('repeated oral doses match the superposition of Bateman functions', () => {
    const doses = [0, 12, 24, 36, 48, 60, 72, 84].map((time, i) => ({ time, amount: 25 + 5 * (i % 3) }));
    const events = doses.map((d) => bolus(d.time, 0, F * d.amount));
    const saveAt = linspace(0, 120, 481); // includes every dose time
    const sol = solve({
      system: oneCompartmentOral(ka, ke),
      y0: [0, 0],
      t0: 0,
      saveAt,
      events,
      solver,
      control: { rtol: 1e-10, atol: 1e-12 },
    });
    expect(sol.stats.segments).toBe(doses.length);
    saveAt.forEach((t, k) => {
      const gut = gutAmount(t, doses, F, ka);
      const central = centralAmount(t, doses, F, ka, ke);
      expect(Math.abs(sol.y[0]![k]! - gut)).toBeLessThanOrEqual(1e-8 * gut + 1e-10);
      expect(Math.abs(sol.y[1]![k]! - central)).toBeLessThanOrEqual(1e-8 * central + 1e-10);
    });
  });

  it('an output at a dose time reports the state after the dose (right-continuous)', () => {
    const doses = [{ time: 10, amount: 100 }];
    const saveAt = [9.999999, 10, 10.000001];
    const sol = solve({
      system: oneCompartmentOral(ka, ke),
      y0: [F * 40, 0],
      t0: 0,
      saveAt,
      events: doses.map((d) => bolus(d.time, 0, F * d.amount)),
      solver,
      control: { rtol: 1e-10, atol: 1e-12 },
    });
    const all = [{ time: 0, amount: 40 }, ...doses];
    const before = gutAmount(9.999999, all, F, ka);
    const at = gutAmount(10, all, F, ka);
    expect(at - before).toBeCloseTo(F * 100, 3);
    expect(sol.y[0]![0]!).toBeCloseTo(before, 7);
    expect(sol.y[0]![1]!).toBeCloseTo(at, 7);
    expect(sol.y[0]![2]!).toBeCloseTo(gutAmount(10.000001, all, F, ka), 7);
  });

  it('applies every event that shares a time, and sorts events given in any order', () => {
    const doses = [
      { time: 30, amount: 10 },
      { time: 5, amount: 20 },
      { time: 30, amount: 7 },
      { time: 0, amount: 3 },
      { time: 17.5, amount: 11 },
    ];
    const saveAt = linspace(0, 48, 193);
    const sol = solve({
      system: oneCompartmentOral(ka, ke),
      y0: [0, 0],
      t0: 0,
      saveAt,
      events: doses.map((d) => bolus(d.time, 0, F * d.amount)),
      solver,
      control: { rtol: 1e-10, atol: 1e-12 },
    });
    saveAt.forEach((t, k) => {
      const gut = gutAmount(t, doses, F, ka);
      expect(Math.abs(sol.y[0]![k]! - gut)).toBeLessThanOrEqual(1e-8 * gut + 1e-10);
    });
    // 4 distinct times in (0, 48]: the dose at t0 does not open a segment
    expect(sol.stats.segments).toBe(4);
  });

  it('applies events at t0 before integrating and ignores events after the last output', () => {
    const applied: number[] = [];
    const tracked = (time: number, amount: number): OdeEvent => ({
      time,
      apply(y) {
        applied.push(time);
        y[0] = y[0]! + amount;
      },
    });
    const sol = solve({
      system: oneCompartmentOral(ka, ke),
      y0: [0, 0],
      t0: 2,
      saveAt: [2, 3, 4],
      events: [tracked(2, 10), tracked(4, 1), tracked(4.0000001, 1000), tracked(50, 1000)],
      solver,
    });
    expect(applied).toEqual([2, 4]);
    expect(sol.y[0]![0]!).toBe(10);
    expect(sol.y[0]![2]!).toBeCloseTo(10 * Math.exp(-ka * 2) + 1, 6);
  });

  it('events in a different order give the same solution (ties keep their given order)', () => {
    const order: string[] = [];
    const mk = (label: string, time: number, f: (y: Float64Array) => void): OdeEvent => ({
      time,
      apply(y) {
        order.push(label);
        f(y);
      },
    });
    // at t = 5: double the gut, then add 1 -> order matters, and the given order is kept
    const events = [mk('x2', 5, (y) => (y[0] = 2 * y[0]!)), mk('+1', 5, (y) => (y[0] = y[0]! + 1)), mk('late', 8, () => {})];
    const sol = solve({ system: oneCompartmentOral(ka, ke), y0: [1, 0], t0: 0, saveAt: [5], events: [events[2]!, events[0]!, events[1]!], solver });
    expect(order).toEqual(['x2', '+1']);
    expect(sol.y[0]![0]!).toBeCloseTo(2 * Math.exp(-ka * 5) + 1, 7);
  });

  it('fills every output time exactly once, from the interpolants or at segment ends', () => {
    const fills = new Map<number, number>();
    let interpolations = 0;
    // a solver wrapper that counts the interpolations solve() asks for
    const counting: Solver = {
      ...solver,
      integrate(system, t0, y0, t1, control, onStep) {
        return solver.integrate(system, t0, y0, t1, control, (step: DenseStep) => {
          onStep({
            t0: step.t0,
            t1: step.t1,
            interpolate(t, out) {
              interpolations++;
              fills.set(t, (fills.get(t) ?? 0) + 1);
              expect(t).toBeGreaterThanOrEqual(step.t0);
              expect(t).toBeLessThanOrEqual(step.t1);
              step.interpolate(t, out);
            },
          });
        });
      },
    };
    const saveAt = linspace(0, 96, 3841); // 0.025 h: several outputs per step
    const doseTimes = [0, 24, 48, 72, 96];
    const sol = solve({
      system: oneCompartmentOral(ka, ke),
      y0: [0, 0],
      t0: 0,
      saveAt,
      events: doseTimes.map((t) => bolus(t, 0, 10)),
      solver: counting,
    });
    // every time except the segment boundaries (0, 24, 48, 72, 96) is interpolated exactly once
    expect(interpolations).toBe(saveAt.length - doseTimes.length);
    for (const count of fills.values()) expect(count).toBe(1);
    for (const t of doseTimes) expect(fills.has(t)).toBe(false);
    // and every value is right (no zero left behind)
    const doses = doseTimes.map((time) => ({ time, amount: 10 / F }));
    saveAt.forEach((t, k) => {
      expect(sol.y[0]![k]!).toBeCloseTo(gutAmount(t, doses, F, ka), 5);
    });
  });

  it('repeated output times get identical values; output only at t0 needs no integration', () => {
    const sol = solve({ system: oneCompartmentOral(ka, ke), y0: [3, 1], t0: 0, saveAt: [0, 0, 1, 1, 1, 2], solver });
    expect(sol.y[0]![0]!).toBe(3);
    expect(sol.y[0]![1]!).toBe(3);
    expect(sol.y[0]![2]!).toBe(sol.y[0]![3]!);
    expect(sol.y[0]![3]!).toBe(sol.y[0]![4]!);
    const only = solve({ system: oneCompartmentOral(ka, ke), y0: [3, 1], t0: 7, saveAt: [7], solver });
    expect(only.stats.segments).toBe(0);
    expect(Array.from(only.y[1]!)).toEqual([1]);
    const none = solve({ system: oneCompartmentOral(ka, ke), y0: [3, 1], t0: 7, saveAt: [], solver });
    expect(none.y.map((c) => c.length)).toEqual([0, 0]);
  });

  it('crosses segments shorter than any step (event times a denormal or one ulp apart)', () => {
    // found by the property test: a dose at 5e-324 made a segment [0, 5e-324] for rodas4
    const doses = [
      { time: 0, amount: 10 },
      { time: 5e-324, amount: 5 },
      { time: 1, amount: 7 },
      { time: 1 + Number.EPSILON, amount: 3 },
    ];
    const saveAt = [0, 5e-324, 0.5, 1, 1 + Number.EPSILON, 2];
    const sol = solve({
      system: oneCompartmentOral(ka, ke),
      y0: [0, 0],
      t0: 0,
      saveAt,
      events: doses.map((d) => bolus(d.time, 0, F * d.amount)),
      solver,
      control: { rtol: 1e-10, atol: 1e-12 },
    });
    saveAt.forEach((t, k) => {
      const gut = gutAmount(t, doses, F, ka);
      expect(Math.abs(sol.y[0]![k]! - gut)).toBeLessThanOrEqual(1e-8 * gut);
    });
  });

  it('does not modify the caller’s y0 or saveAt', () => {
    const y0 = new Float64Array([5, 0]);
    const saveAt = new Float64Array([0, 1, 2]);
    const sol = solve({ system: oneCompartmentOral(ka, ke), y0, t0: 0, saveAt, events: [bolus(1, 0, 3)], solver });
    expect(Array.from(y0)).toEqual([5, 0]);
    expect(Array.from(saveAt)).toEqual([0, 1, 2]);
    expect(sol.t).not.toBe(saveAt);
  });
});
