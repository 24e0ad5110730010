// Weighted least-squares fit of some model parameters to calibration targets. Parameters are fitted
// on the log scale (all are positive rates, volumes or fractions), inside their plausible ranges.
// The minimiser is Levenberg–Marquardt (lm.ts); residuals are the targets' σ-scaled residuals, so
// the objective is a χ² and profile-likelihood intervals follow from it (profile.ts).

import { levenbergMarquardt } from './lm.js';
import type { ParameterSet } from '../parameters/types.js';
import { parameterValues } from '../parameters/types.js';
import { predictTargets } from './predict.js';
import { residual, type CalibrationTarget } from './targets.js';

export interface FitProblem {
  set: ParameterSet;
  targets: readonly CalibrationTarget[];
  /** ids of the parameters to fit */
  free: readonly string[];
  /** parameter values to hold at something other than the set's value */
  fixed?: Readonly<Record<string, number>>;
  petTimeH?: number;
}

export interface FitResult {
  values: Record<string, number>;
  /** fitted free parameters only */
  estimates: Record<string, number>;
  predictions: number[];
  residuals: number[];
  /** Σ residual² (χ² with the stated σ) */
  objective: number;
  iterations: number;
  converged: boolean;
  reason: string;
}

export function evaluate(problem: FitProblem, values: Readonly<Record<string, number>>) {
  const predictions = predictTargets(problem.targets, { set: problem.set, values, ...(problem.petTimeH !== undefined ? { petTimeH: problem.petTimeH } : {}) });
  const residuals = problem.targets.map((t, i) => residual(t, predictions[i]!));
  return { predictions, residuals, objective: residuals.reduce((s, r) => s + r * r, 0) };
}

function bounds(problem: FitProblem, id: string): [number, number] {
  const p = problem.set.parameters[id];
  if (!p) throw new RangeError(`cannot fit unknown parameter ${id}`);
  return [Math.log(p.range[0]), Math.log(p.range[1])];
}

export function fit(problem: FitProblem, start?: Readonly<Record<string, number>>): FitResult {
  const base = { ...parameterValues(problem.set), ...problem.fixed };
  const x0 = problem.free.map((id) => Math.log(start?.[id] ?? base[id]!));
  const lo = problem.free.map((id) => bounds(problem, id)[0]);
  const hi = problem.free.map((id) => bounds(problem, id)[1]);
  const valuesOf = (x: ArrayLike<number>) => {
    const v = { ...base };
    problem.free.forEach((id, i) => (v[id] = Math.exp(x[i]!)));
    return v;
  };
  const f = (x: Float64Array) => {
    try {
      return Float64Array.from(evaluate(problem, valuesOf(x)).residuals);
    } catch {
      // a parameter vector the model refuses counts as a very bad fit
      return new Float64Array(problem.targets.length).fill(1e6);
    }
  };
  const result = levenbergMarquardt(f, x0, { lower: lo, upper: hi, maxIterations: 300 });
  const values = valuesOf(result.x);
  const ev = evaluate(problem, values);
  return {
    values,
    estimates: Object.fromEntries(problem.free.map((id) => [id, values[id]!])),
    predictions: ev.predictions,
    residuals: ev.residuals,
    objective: ev.objective,
    iterations: result.iterations,
    converged: result.converged,
    reason: result.reason,
  };
}
