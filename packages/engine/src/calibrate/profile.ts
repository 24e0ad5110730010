// Profile-likelihood 95% intervals of fitted parameters. With σ-scaled residuals the objective is
// χ²; the interval of a parameter holds the values whose profile (the objective minimised over
// all other free parameters with this one fixed) is within χ²₁(0.95) = 3.841 of the optimum
// (Venzon & Moolgavkar 1988; Raue et al. 2009). An end that reaches the parameter's plausible
// range before crossing the threshold is reported as open: the data do not bound it there.

import { fit, type FitProblem, type FitResult } from './fit.js';

export const CHI2_1_95 = 3.841458820694124;

export interface ProfileInterval {
  lower: number;
  upper: number;
  /** false when that end hit the plausible range without crossing the threshold */
  lowerBounded: boolean;
  upperBounded: boolean;
}

function profileSide(problem: FitProblem, best: FitResult, id: string, direction: 1 | -1): { value: number; bounded: boolean } {
  const p = problem.set.parameters[id]!;
  const limit = Math.log(direction > 0 ? p.range[1] : p.range[0]);
  const others = problem.free.filter((f) => f !== id);
  const x0 = Math.log(best.values[id]!);
  const objectiveAt = (logValue: number, start: Record<string, number>) => {
    const r = others.length
      ? fit({ ...problem, free: others, fixed: { ...problem.fixed, [id]: Math.exp(logValue) } }, start)
      : fit({ ...problem, free: [], fixed: { ...problem.fixed, [id]: Math.exp(logValue) } });
    return r;
  };
  const threshold = best.objective + CHI2_1_95;
  let inside = x0;
  let start: Record<string, number> = best.values;
  let step = 0.05;
  let outside = NaN;
  for (;;) {
    const next = direction > 0 ? Math.min(inside + step, limit) : Math.max(inside - step, limit);
    const r = objectiveAt(next, start);
    if (r.objective > threshold) {
      outside = next;
      break;
    }
    inside = next;
    start = r.values;
    if (next === limit) return { value: Math.exp(limit), bounded: false };
    step *= 2;
  }
  // bisection to 0.5% in the parameter
  while (Math.abs(outside - inside) > 0.005) {
    const mid: number = (inside + outside) / 2;
    const r = objectiveAt(mid, start);
    if (r.objective > threshold) outside = mid;
    else {
      inside = mid;
      start = r.values;
    }
  }
  return { value: Math.exp((inside + outside) / 2), bounded: true };
}

export function profileInterval(problem: FitProblem, best: FitResult, id: string): ProfileInterval {
  const lo = profileSide(problem, best, id, -1);
  const hi = profileSide(problem, best, id, 1);
  return { lower: lo.value, upper: hi.value, lowerBounded: lo.bounded, upperBounded: hi.bounded };
}
