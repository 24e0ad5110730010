// Finite-difference Jacobian for stiff solvers when the system has no analytic one. Rosenbrock
// methods use J inside the formula (there is no Newton iteration to forgive an inaccurate J), so
// the increment matters: Hairer's fixed rule δ = sqrt(ε·max(1e-5, |y_j|)) is too coarse for
// components far below 1e-5 (on Robertson's problem it makes ∂f/∂y2 wrong by 100% and rodas4 take
// 25× more steps), while a purely relative increment vanishes in round-off for empty compartments.
// So: first δ = sqrt(ε)·max(|y_j|, atol_j) (the threshold idea of MATLAB's numjac and SciPy's
// num_jac); rows where that change is lost in round-off against |f_i| (or is exactly zero while
// f_i is not: a zero entry and a lost one look the same) are taken from one retry with Hairer's
// δ when that is larger. Costs n evaluations, up to 2n when components are below 1 in size.

import type { OdeSystem } from '../types.js';

const EPS = Number.EPSILON;
const SQRT_EPS = Math.sqrt(EPS);
/**
 * A change below this fraction of |f_i| (~1.6e-10) carries more than ~1e-6 relative round-off
 * (ε/level): such rows are taken from the larger increment.
 */
const ROUNDOFF_LEVEL = Math.pow(EPS, 0.625);

/** True when the change of row i is at round-off level relative to |f_i| (or zero while f_i is not). */
function lost(f: number, fNew: number): boolean {
  return Math.abs(fNew - f) < ROUNDOFF_LEVEL * Math.max(Math.abs(f), Math.abs(fNew));
}

/** Work arrays for `finiteDifferenceJacobian`, allocated once per integration. */
export class FdJacobianWork {
  readonly f1: Float64Array;
  readonly f2: Float64Array;
  constructor(n: number) {
    this.f1 = new Float64Array(n);
    this.f2 = new Float64Array(n);
  }
}

/**
 * Writes the forward-difference Jacobian of `system` at (t, y) into `jac` (row-major), given
 * fy = f(t, y). `y` is perturbed in place and restored. Returns the number of rhs evaluations.
 */
export function finiteDifferenceJacobian(
  system: OdeSystem,
  t: number,
  y: Float64Array,
  fy: Float64Array,
  atol: Float64Array,
  jac: Float64Array,
  work: FdJacobianWork,
): number {
  const n = system.dimension;
  const { f1, f2 } = work;
  let evaluations = 0;
  for (let j = 0; j < n; j++) {
    const yj = y[j]!;
    // the increments actually applied (y_j + δ is rounded)
    y[j] = yj + SQRT_EPS * Math.max(Math.abs(yj), atol[j]!);
    const delta1 = y[j]! - yj;
    system.rhs(t, y, f1);
    evaluations++;
    let anyLost = false;
    for (let i = 0; i < n; i++) {
      if (lost(fy[i]!, f1[i]!)) {
        anyLost = true;
        break;
      }
    }
    let delta2 = 0;
    if (anyLost) {
      y[j] = yj + Math.sqrt(EPS * Math.max(1e-5, Math.abs(yj)));
      delta2 = y[j]! - yj;
      if (delta2 > delta1) {
        system.rhs(t, y, f2);
        evaluations++;
      } else {
        delta2 = 0;
      }
    }
    y[j] = yj;
    const inv1 = 1 / delta1;
    if (delta2 === 0) {
      for (let i = 0; i < n; i++) jac[i * n + j] = (f1[i]! - fy[i]!) * inv1;
    } else {
      const inv2 = 1 / delta2;
      for (let i = 0; i < n; i++) {
        jac[i * n + j] = lost(fy[i]!, f1[i]!) ? (f2[i]! - fy[i]!) * inv2 : (f1[i]! - fy[i]!) * inv1;
      }
    }
  }
  return evaluations;
}
