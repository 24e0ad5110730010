// Checks every adaptive solver makes on a segment and on each step, written once: the arguments
// of `integrate` and the two ways a segment can fail (too many steps, step-size underflow). The
// messages name the solver and the time, so a failing simulation says where it failed.

import { SolverError } from '../types.js';
import { minStep } from '../stepsize/tolerance.js';

export function checkSegment(name: string, n: number, y0: Float64Array, t0: number, t1: number): void {
  if (y0.length !== n) throw new RangeError(`${name}: y0 has ${y0.length} components but the system has ${n}`);
  if (!Number.isFinite(t0) || !Number.isFinite(t1) || !(t1 > t0)) throw new RangeError(`${name}: need finite t0 < t1 (got t0=${t0}, t1=${t1})`);
}

/** Throws when the step budget is spent or the step size has underflowed at t. */
export function guardStep(name: string, steps: number, maxSteps: number, t: number, t1: number, h: number, advice: string): void {
  if (steps >= maxSteps) {
    throw new SolverError(`${name}: maxSteps (${maxSteps}) exceeded at t=${t} while integrating to t=${t1}; ${advice}`);
  }
  if (!(h >= minStep(t))) {
    throw new SolverError(`${name}: step size underflow at t=${t} (h=${h}); the solution may blow up or be discontinuous there`);
  }
}
