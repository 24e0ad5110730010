// Automatic choice of the first step (Hairer, Nørsett & Wanner, Solving ODEs I, §II.4, the
// algorithm of their codes' HINIT): estimate the size of y and y' and of the second derivative
// from one explicit Euler step, then take h so that the leading error term of a method of order
// `order` is about 0.01 in the tolerance-weighted norm. Shared by all adaptive solvers so that
// every segment after a dose restarts the same way.

import type { OdeSystem } from '../types.js';

/**
 * Returns the suggested first step from (t, y0) with f0 = f(t, y0) already evaluated. Uses
 * `y1` and `f1` as scratch (length n) and calls the right-hand side once.
 */
export function initialStep(
  system: OdeSystem,
  t: number,
  y0: Float64Array,
  f0: Float64Array,
  order: number,
  hmax: number,
  atol: Float64Array,
  rtol: number,
  y1: Float64Array,
  f1: Float64Array,
): number {
  const n = system.dimension;
  let dnf = 0;
  let dny = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol[i]! + rtol * Math.abs(y0[i]!);
    const a = f0[i]! / sk;
    const b = y0[i]! / sk;
    dnf += a * a;
    dny += b * b;
  }
  dnf = Math.sqrt(dnf / n);
  dny = Math.sqrt(dny / n);
  let h = dnf <= 1e-5 || dny <= 1e-5 ? 1e-6 : 0.01 * (dny / dnf);
  h = Math.min(h, hmax);
  // one explicit Euler step to estimate the second derivative
  for (let i = 0; i < n; i++) y1[i] = y0[i]! + h * f0[i]!;
  system.rhs(t + h, y1, f1);
  let der2 = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol[i]! + rtol * Math.abs(y0[i]!);
    const d = (f1[i]! - f0[i]!) / sk;
    der2 += d * d;
  }
  der2 = Math.sqrt(der2 / n) / h;
  const der12 = Math.max(Math.abs(der2), dnf);
  const h1 = der12 <= 1e-15 ? Math.max(1e-6, h * 1e-3) : Math.pow(0.01 / der12, 1 / order);
  const result = Math.min(100 * h, h1, hmax);
  // a non-finite derivative leaves NaN here; the solver reports the right-hand side instead
  return Number.isFinite(result) && result > 0 ? result : Math.min(1e-6, hmax);
}
