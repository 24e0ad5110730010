// Closed-form solutions and small utilities shared by the ODE tests. Every expected value in the
// tests comes from here (or from the external fixtures), never from the code under test.

import type { OdeEvent, OdeSystem } from '../../src/ode/index.js';

/** One-compartment model with first-order absorption; state [gut amount, central amount]. */
export function oneCompartmentOral(ka: number, ke: number): OdeSystem {
  return {
    dimension: 2,
    rhs(_t, y, dydt) {
      dydt[0] = -ka * y[0]!;
      dydt[1] = ka * y[0]! - ke * y[1]!;
    },
    jacobian(_t, _y, jac) {
      jac[0] = -ka;
      jac[1] = 0;
      jac[2] = ka;
      jac[3] = -ke;
    },
  };
}

/**
 * Bateman function: the central amount after an oral dose `dose` (bioavailable fraction F) at
 * time 0, divided by V: C(t) = F·D·ka/(V(ka−ke))·(e^{−ke t} − e^{−ka t}). Written with expm1
 * so that small t loses no digits to cancellation.
 */
export function bateman(t: number, dose: number, F: number, ka: number, ke: number, V: number): number {
  if (t < 0) return 0;
  return ((F * dose * ka) / (V * (ka - ke))) * -Math.exp(-ke * t) * Math.expm1(-(ka - ke) * t);
}

/** Gut amount after oral doses (right-continuous: a dose at t counts at t). */
export function gutAmount(t: number, doses: readonly { time: number; amount: number }[], F: number, ka: number): number {
  let a = 0;
  for (const d of doses) if (d.time <= t) a += F * d.amount * Math.exp(-ka * (t - d.time));
  return a;
}

/** Central amount after oral doses, by superposition of Bateman functions (V = 1). */
export function centralAmount(
  t: number,
  doses: readonly { time: number; amount: number }[],
  F: number,
  ka: number,
  ke: number,
): number {
  let a = 0;
  for (const d of doses) if (d.time <= t) a += bateman(t - d.time, d.amount, F, ka, ke, 1);
  return a;
}

/** An event that adds `amount` to compartment `index`. */
export function bolus(time: number, index: number, amount: number): OdeEvent {
  return {
    time,
    apply(y) {
      y[index] = y[index]! + amount;
    },
  };
}

export function linspace(a: number, b: number, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let k = 0; k < count; k++) out[k] = count === 1 ? a : a + ((b - a) * k) / (count - 1);
  return out;
}

/** largest |a_i − b_i| / |b_i| */
export function maxRelErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < b.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!) / Math.abs(b[i]!));
  return m;
}

/** largest |a_i − b_i| */
export function maxAbsErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < b.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

/** least-squares slope of log(err) against log(h) */
export function observedOrder(hs: readonly number[], errs: readonly number[]): number {
  const xs = hs.map(Math.log);
  const ys = errs.map(Math.log);
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return num / den;
}
