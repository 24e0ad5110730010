// The one entry point of the ODE core (diffrax's `diffeqsolve`): validates the problem, splits
// the time line at discontinuities (doses), runs a solver over each smooth segment and fills the
// requested output times from the solver's dense interpolants. Models call only this, so that
// the handling of doses and output grids is written and tested once.
//
// Semantics:
// - Output times may coincide (each gets the same value) and must be non-decreasing, >= t0.
// - Events are applied in time order (ties in the order given). Events at t0 are applied before
//   integrating; events after the last output time are ignored; events before t0 are an error.
// - The solution is RIGHT-CONTINUOUS: an output time equal to an event time reports the state
//   just AFTER the event (after every event at that time). Use a time slightly earlier to see the
//   pre-dose state.
// - Integration stops exactly at every event time and restarts there with a fresh first step
//   (new derivative, new step history), using the previous segment's last step size as a hint.
// - A segment shorter than the smallest step representable at its start (two event times within
//   rounding of each other, e.g. 0 and 5e-324) is crossed with one explicit Euler step.

import { SolverError } from './types.js';
import type { DenseStep, OdeEvent, OdeSystem, Solver, StepControl } from './types.js';
import { dopri5 } from './solvers/dopri5.js';
import { minStep, resolveControl } from './stepsize/tolerance.js';

export interface SolveOptions {
  system: OdeSystem;
  y0: Float64Array | readonly number[];
  t0: number;
  /** ascending (non-decreasing) output times, each >= t0 */
  saveAt: Float64Array | readonly number[];
  /** discontinuities (doses), any order; sorted here */
  events?: readonly OdeEvent[];
  /** default dopri5 */
  solver?: Solver;
  /** defaults rtol 1e-6, atol 1e-9 */
  control?: Partial<StepControl>;
}

export interface SolveStats {
  accepted: number;
  rejected: number;
  rhsEvaluations: number;
  jacobianEvaluations: number;
  /** number of smooth segments integrated (calls to the solver) */
  segments: number;
}

export interface Solution {
  /** the output times (a copy of saveAt) */
  t: Float64Array;
  /** columnar: y[stateIndex][outputIndex] (views of one buffer of n·nOut values) */
  y: Float64Array[];
  stats: SolveStats;
}

export const DEFAULT_RTOL = 1e-6;
export const DEFAULT_ATOL = 1e-9;

/**
 * Fills the outputs from dense steps. All columns live in one buffer (state i at output k is
 * buffer[i*nOut + k]; the returned columns are views of it), which keeps the store monomorphic.
 * One writer per `solve` call, so no closure is made per step.
 */
class OutputWriter {
  /** index of the next output time to fill */
  next = 0;
  /** outputs at or after this time belong to a later segment */
  segmentEnd = 0;
  readonly onStep: (step: DenseStep) => void;

  constructor(
    private readonly times: Float64Array,
    private readonly n: number,
    private readonly buffer: Float64Array,
    private readonly scratch: Float64Array,
  ) {
    this.onStep = (step) => {
      this.fillFromStep(step);
    };
  }

  private fillFromStep(step: DenseStep): void {
    const { times, n, buffer, scratch, segmentEnd } = this;
    const nOut = times.length;
    const t1 = step.t1;
    let k = this.next;
    while (k < nOut) {
      const tk = times[k]!;
      if (tk > t1 || tk >= segmentEnd) break;
      step.interpolate(tk, scratch);
      for (let i = 0, j = k; i < n; i++, j += nOut) buffer[j] = scratch[i]!;
      k++;
    }
    this.next = k;
  }

  /** Writes the exact state `y` into every output at time `t` still unfilled. */
  fillAt(t: number, y: Float64Array): void {
    const { times, n, buffer } = this;
    const nOut = times.length;
    let k = this.next;
    while (k < nOut && times[k] === t) {
      for (let i = 0, j = k; i < n; i++, j += nOut) buffer[j] = y[i]!;
      k++;
    }
    this.next = k;
  }
}

/** The interpolant of one explicit Euler step, for segments too short for a solver. */
class EulerStep implements DenseStep {
  t0 = 0;
  t1 = 0;
  constructor(
    private readonly y0: Float64Array,
    private readonly f0: Float64Array,
  ) {}

  interpolate(t: number, out: Float64Array): void {
    const dt = t - this.t0;
    for (let i = 0; i < out.length; i++) out[i] = this.y0[i]! + dt * this.f0[i]!;
  }
}

/**
 * Integrates `system` from (t0, y0) and returns the state at every time in `saveAt`, applying
 * `events` (doses) as discontinuities. Throws `RangeError` for invalid input and `SolverError`
 * when integration fails (non-finite right-hand side, step-size underflow, maxSteps exceeded).
 */
export function solve(options: SolveOptions): Solution {
  const { system, t0 } = options;
  const solver = options.solver ?? dopri5;
  const n = system.dimension;
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`solve: system.dimension must be a positive integer (got ${String(n)})`);
  }
  if (!Number.isFinite(t0)) throw new RangeError(`solve: t0 must be finite (got ${String(t0)})`);

  const y = Float64Array.from(options.y0);
  if (y.length !== n) {
    throw new RangeError(`solve: y0 has ${y.length} components but the system has dimension ${n}`);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i]!)) throw new RangeError(`solve: y0[${i}] is not finite (${String(y[i])})`);
  }

  const times = Float64Array.from(options.saveAt);
  const nOut = times.length;
  for (let k = 0; k < nOut; k++) {
    const tk = times[k]!;
    if (!Number.isFinite(tk)) throw new RangeError(`solve: saveAt[${k}] is not finite (${String(tk)})`);
    if (tk < t0) throw new RangeError(`solve: saveAt[${k}]=${tk} is before t0=${t0}`);
    if (k > 0 && tk < times[k - 1]!) {
      throw new RangeError(
        `solve: saveAt must be sorted in ascending order, but saveAt[${k}]=${tk} < saveAt[${k - 1}]=${times[k - 1]!}`,
      );
    }
  }

  const control: StepControl = {
    ...options.control,
    rtol: options.control?.rtol ?? DEFAULT_RTOL,
    atol: options.control?.atol ?? DEFAULT_ATOL,
  };
  // validate once here, so a bad control fails even when there is nothing to integrate
  const resolved = resolveControl(control, n, 'solve');

  const buffer = new Float64Array(n * nOut);
  const columns: Float64Array[] = [];
  for (let i = 0; i < n; i++) columns.push(buffer.subarray(i * nOut, (i + 1) * nOut));
  const stats: SolveStats = { accepted: 0, rejected: 0, rhsEvaluations: 0, jacobianEvaluations: 0, segments: 0 };
  if (nOut === 0) return { t: times, y: columns, stats };
  const tEnd = times[nOut - 1]!;

  // events up to the last output time, stably sorted by time
  const events: OdeEvent[] = [];
  const given = options.events ?? [];
  for (let e = 0; e < given.length; e++) {
    const ev = given[e]!;
    if (!Number.isFinite(ev.time)) throw new RangeError(`solve: events[${e}].time is not finite (${String(ev.time)})`);
    if (ev.time < t0) throw new RangeError(`solve: events[${e}].time=${ev.time} is before t0=${t0}`);
    if (ev.time <= tEnd) events.push(ev);
  }
  events.sort((a, b) => a.time - b.time); // Array.prototype.sort is stable

  const writer = new OutputWriter(times, n, buffer, new Float64Array(n));
  const slope = new Float64Array(n);
  const euler = new EulerStep(y, slope);
  const segmentControl: StepControl = { ...control };
  let hHint = resolved.h0;
  let t = t0;
  let e = 0;
  for (;;) {
    while (e < events.length && events[e]!.time === t) {
      events[e]!.apply(y);
      for (let i = 0; i < n; i++) {
        if (!Number.isFinite(y[i]!)) {
          throw new SolverError(`solve: the event at t=${t} made component ${i} non-finite (${String(y[i])})`);
        }
      }
      e++;
    }
    writer.fillAt(t, y);
    if (t >= tEnd) break;

    const tNext = e < events.length ? events[e]!.time : tEnd;
    writer.segmentEnd = tNext;
    if (tNext - t < minStep(t)) {
      // shorter than any step a solver can take here: one explicit Euler step, exact to O(Δt²)
      euler.t0 = t;
      euler.t1 = tNext;
      system.rhs(t, y, slope);
      stats.rhsEvaluations++;
      for (let i = 0; i < n; i++) {
        if (!Number.isFinite(slope[i]!)) {
          throw new SolverError(`solve: the right-hand side produced ${String(slope[i])} at t=${t} in component ${i}`);
        }
      }
      writer.onStep(euler);
      for (let i = 0; i < n; i++) y[i] = y[i]! + (tNext - t) * slope[i]!;
      t = tNext;
      continue;
    }
    // restart with a fresh first step; the previous segment's step size is the hint
    if (hHint !== undefined) segmentControl.h0 = hHint;
    const result = solver.integrate(system, t, y, tNext, segmentControl, writer.onStep);
    stats.accepted += result.accepted;
    stats.rejected += result.rejected;
    stats.rhsEvaluations += result.rhsEvaluations;
    stats.jacobianEvaluations += result.jacobianEvaluations;
    stats.segments++;
    y.set(result.y);
    hHint = result.hLast;
    t = tNext;
  }
  if (writer.next !== nOut) {
    // cannot happen unless a solver skips part of [t, tNext]; fail loudly rather than return zeros
    throw new SolverError(`solve: internal error, ${nOut - writer.next} output times were not filled`);
  }
  return { t: times, y: columns, stats };
}
