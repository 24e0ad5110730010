// Local (one-at-a-time, derivative-based) sensitivities at the base point: the normalised
// sensitivity S = (∂y/y)/(∂p/p) = ∂ln y/∂ln p of every metric to every parameter, the quantity a
// pharmacologist reads as "a 1 % change in p changes y by S %" (e.g. S = 1 for AUC with respect
// to bioavailability, −1 with respect to clearance).
//
// Method: central differences in log-parameter space, p·e^{±h} with h = 0.01 (±1 %) by default,
// of ln |y|: S ≈ (ln|y(p·e^h)| − ln|y(p·e^−h)|) / (2h), truncation error O(h²) and exact for power
// laws y ∝ p^S (so AUC = F·D/CL gives 1 and −1 to rounding). Each value is repeated
// with a step four times smaller; when the two disagree by more than 1 % of |S| + 10^−3 (a kink,
// a threshold, or solver noise larger than the step can swamp), the entry is marked unstable.
//
// Metrics that are zero at the base point or change sign across the steps have no meaningful
// relative sensitivity; for them the absolute sensitivity ∂y/∂ln p is reported (metric units per
// unit change of ln p; ×0.01 for a 1 % change), and the entry says so (kind `absolute`). A
// parameter whose base value is 0 has no log step: ∂y/∂p by an additive step h·(high − low) is
// reported instead.

import {
  baseValue,
  Evaluator,
  SensitivityError,
  validateParameters,
  type ProgressCallback,
  type SensitivityProblem,
} from './types.js';

export const DEFAULT_LOCAL_STEP = 0.01;

export interface LocalOptions {
  /** step in ln p (default 0.01, i.e. ±1 %) */
  step?: number;
  /** the smaller step the result is checked against (default step / 4) */
  checkStep?: number;
  onProgress?: ProgressCallback;
}

export interface LocalEntry {
  /** `relative`: S = ∂ln y/∂ln p; `absolute`: ∂y/∂ln p (∂y/∂p when the parameter's base is 0) */
  kind: 'relative' | 'absolute';
  value: number;
  /** the same quantity with the check step */
  check: number;
  /** false when value and check differ by more than 1 % of |value| + 10^−3 (relative) */
  stable: boolean;
}

export interface LocalResult {
  method: 'local';
  step: number;
  checkStep: number;
  parameters: string[];
  metrics: string[];
  /** the base point (parameter values) */
  base: Record<string, number>;
  /** the metrics at the base point */
  baseMetrics: Record<string, number>;
  /** sensitivities[metric][parameter] */
  sensitivities: Record<string, Record<string, LocalEntry>>;
  /** largest |value − check| among relative entries */
  maxRelativeStepDiscrepancy: number;
  evaluations: number;
  notes: string[];
}

function sameSign(values: readonly number[]): boolean {
  return values.every((v) => v > 0) || values.every((v) => v < 0);
}

export function localSensitivity(problem: SensitivityProblem, options: LocalOptions = {}): LocalResult {
  validateParameters(problem.parameters, false);
  const h = options.step ?? DEFAULT_LOCAL_STEP;
  const hc = options.checkStep ?? h / 4;
  for (const [name, v] of [['step', h], ['checkStep', hc]] as const) {
    if (!(v > 0 && v <= 0.5)) throw new SensitivityError(`local ${name} must be in (0, 0.5] (a step in ln p; got ${v})`);
  }
  const ev = new Evaluator(problem);
  const params = problem.parameters;
  const base: Record<string, number> = Object.fromEntries(params.map((p) => [p.id, baseValue(p)]));
  const total = 1 + 4 * params.length;
  const say = options.onProgress ?? (() => undefined);
  const y0 = ev.evaluate(base);
  const metrics = ev.metricIds();
  say(1 / total, 'local');

  // y at p·e^{±h}, p·e^{±hc} (or p ± h·range when p = 0)
  const shifted: { plus: Float64Array; minus: Float64Array; plusC: Float64Array; minusC: Float64Array; additive: boolean }[] = [];
  for (const p of params) {
    const b = base[p.id]!;
    const additive = b === 0;
    const at = (step: number) => (additive ? b + step * (p.high - p.low || 1) : b * Math.exp(step));
    const run = (step: number) => ev.evaluate({ ...base, [p.id]: at(step) });
    const plus = run(h);
    const minus = run(-h);
    const plusC = run(hc);
    const minusC = run(-hc);
    shifted.push({ plus, minus, plusC, minusC, additive });
    say(ev.evaluations / total, 'local');
  }

  const notes: string[] = [];
  const sensitivities: Record<string, Record<string, LocalEntry>> = {};
  let maxDisc = 0;
  metrics.forEach((m, i) => {
    const row: Record<string, LocalEntry> = {};
    const scale = Math.max(1e-300, Math.abs(y0[i]!), ...shifted.map((s) => Math.max(Math.abs(s.plus[i]!), Math.abs(s.minus[i]!))));
    const absoluteFor: string[] = [];
    params.forEach((p, j) => {
      const s = shifted[j]!;
      const ys = [y0[i]!, s.plus[i]!, s.minus[i]!, s.plusC[i]!, s.minusC[i]!];
      const relative = !s.additive && sameSign(ys);
      const diff = (a: number, b: number, step: number) => (relative ? Math.log(Math.abs(a) / Math.abs(b)) : a - b) / (2 * step);
      const value = diff(s.plus[i]!, s.minus[i]!, h);
      const check = diff(s.plusC[i]!, s.minusC[i]!, hc);
      const tol = relative ? 0.01 * Math.abs(value) + 1e-3 : 0.01 * Math.abs(value) + 1e-3 * scale;
      const disc = Math.abs(value - check);
      if (relative) maxDisc = Math.max(maxDisc, disc);
      row[p.id] = { kind: relative ? 'relative' : 'absolute', value, check, stable: disc <= tol };
      if (!relative) absoluteFor.push(p.id);
    });
    sensitivities[m] = row;
    if (absoluteFor.length === params.length) {
      notes.push(`${m} is ${y0[i] === 0 ? 'zero' : 'at or across zero'} at the base point: absolute sensitivities ∂y/∂ln p are reported for every parameter`);
    } else if (absoluteFor.length > 0) {
      notes.push(`${m} crosses zero within the step for ${absoluteFor.join(', ')}: absolute sensitivities ∂y/∂ln p are reported for those`);
    }
  });
  const unstable = metrics.flatMap((m) => params.filter((p) => !sensitivities[m]![p.id]!.stable).map((p) => `${m}/${p.id}`));
  if (unstable.length) notes.push(`the step ${h} and the check step ${hc} disagree (a kink, a threshold or numerical noise) for: ${unstable.join(', ')}`);
  const zeroBase = params.filter((p) => base[p.id] === 0).map((p) => p.id);
  if (zeroBase.length) notes.push(`base value 0 for ${zeroBase.join(', ')}: ∂y/∂p by an additive step is reported`);
  say(1, 'local');
  return {
    method: 'local',
    step: h,
    checkStep: hc,
    parameters: params.map((p) => p.id),
    metrics,
    base,
    baseMetrics: Object.fromEntries(metrics.map((m, i) => [m, y0[i]!])),
    sensitivities,
    maxRelativeStepDiscrepancy: maxDisc,
    evaluations: ev.evaluations,
    notes,
  };
}
