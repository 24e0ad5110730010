// Validation of the user's error-control settings and the weighted RMS error norm of Hairer,
// Nørsett & Wanner (Solving ODEs I, §II.4), shared by every adaptive solver so that "rtol 1e-6"
// means the same thing whichever method integrates the system.

import { SolverError } from '../types.js';
import type { StepControl } from '../types.js';

/** Per-call tolerances and limits with defaults applied. */
export interface ResolvedControl {
  rtol: number;
  /** absolute tolerance per component */
  atol: Float64Array;
  /** initial step, when the caller fixed it */
  h0: number | undefined;
  hmax: number;
  maxSteps: number;
}

export const DEFAULT_MAX_STEPS = 100_000;

/** Checks `control` for a system of dimension n and expands a scalar atol to a vector. */
export function resolveControl(control: StepControl, n: number, solver: string): ResolvedControl {
  const { rtol, atol, h0, hmax, maxSteps } = control;
  if (typeof rtol !== 'number' || !Number.isFinite(rtol) || rtol < 0) {
    throw new RangeError(`${solver}: control.rtol must be a finite number >= 0 (got ${String(rtol)})`);
  }
  const atolVec = new Float64Array(n);
  if (typeof atol === 'number') {
    if (!Number.isFinite(atol) || !(atol > 0)) {
      throw new RangeError(`${solver}: control.atol must be a finite number > 0 (got ${String(atol)})`);
    }
    atolVec.fill(atol);
  } else {
    if (atol.length !== n) {
      throw new RangeError(`${solver}: control.atol has ${atol.length} components but the system has ${n}`);
    }
    for (let i = 0; i < n; i++) {
      const a = atol[i]!;
      if (!Number.isFinite(a) || !(a > 0)) {
        throw new RangeError(`${solver}: control.atol[${i}] must be a finite number > 0 (got ${String(a)})`);
      }
      atolVec[i] = a;
    }
  }
  if (h0 !== undefined && (!Number.isFinite(h0) || !(h0 > 0))) {
    throw new RangeError(`${solver}: control.h0 must be a finite number > 0 (got ${String(h0)})`);
  }
  const hmaxValue = hmax ?? Infinity;
  if (!(hmaxValue > 0)) {
    throw new RangeError(`${solver}: control.hmax must be > 0 (got ${String(hmax)})`);
  }
  const maxStepsValue = maxSteps ?? DEFAULT_MAX_STEPS;
  if (!Number.isInteger(maxStepsValue) || maxStepsValue < 1) {
    throw new RangeError(`${solver}: control.maxSteps must be a positive integer (got ${String(maxSteps)})`);
  }
  return { rtol, atol: atolVec, h0, hmax: hmaxValue, maxSteps: maxStepsValue };
}

/**
 * Hairer's error norm: sqrt( (1/n) Σ ( err_i / (atol_i + rtol·max(|ya_i|, |yb_i|)) )² ).
 * A step is acceptable when this is <= 1. NaN anywhere gives NaN.
 */
export function errorNorm(
  err: Float64Array,
  ya: Float64Array,
  yb: Float64Array,
  atol: Float64Array,
  rtol: number,
  n: number,
): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol[i]! + rtol * Math.max(Math.abs(ya[i]!), Math.abs(yb[i]!));
    const e = err[i]! / sk;
    sum += e * e;
  }
  return Math.sqrt(sum / n);
}

/** Index of the first non-finite entry of v[0..n), or -1. */
export function firstNonFinite(v: Float64Array, n: number): number {
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(v[i]!)) return i;
  }
  return -1;
}

/** Throws the solver's standard error for a NaN/Infinity produced by the right-hand side. */
export function throwNonFiniteRhs(solver: string, t: number, component: number, value: number): never {
  throw new SolverError(
    `${solver}: the right-hand side produced ${String(value)} at t=${t} in component ${component}`,
  );
}

/**
 * The smallest step that still advances t in floating point (Hairer's test 0.1|h| <= |t|·uround,
 * with a floor at t = 0). Relative to the current t only: a long segment may need tiny steps.
 */
export function minStep(t: number): number {
  return Math.max(10 * Number.EPSILON * Math.abs(t), 1e-300);
}
