// `ldn calibrate`: fits the LDN model to published data in two stages, reports every target with
// prediction and residual, the fitted values with profile-likelihood intervals, the seed set's
// derived clearance, and the fit of the structure without a brain pool (so a reader sees why the
// pool is there). Stage 1 fits the plasma PK to the label/literature summaries; stage 2 fits the
// receptor parameters to PET with the PK fixed. Multi-start guards against local minima.

import { phaseHalfLife } from '../nca/nca.js';
import { simulate } from '../simulate.js';
import { summarize } from '../summary.js';
import { expandRegimen, simpleRegimen } from '../regimen/expand.js';
import type { ParameterSet } from '../parameters/types.js';
import { parameterValues } from '../parameters/types.js';
import { LITERATURE } from '../models/ldn/parameters.js';
import { fit, type FitProblem, type FitResult } from './fit.js';
import { profileInterval } from './profile.js';
import { DEFAULT_PET_TIME_H, OCCUPANCY_TARGETS, PK_TARGETS, type CalibrationStage, type CalibrationTarget } from './targets.js';

export const PK_FREE = ['ka', 'F', 'V1', 'Q', 'V2', 'CLm', 'Vm'] as const;
export const OCCUPANCY_FREE = ['potency', 'kBrainIn', 'kBrainOut'] as const;

export interface TargetResult {
  id: string;
  description: string;
  observed: number;
  predicted: number;
  residual: number;
  sigma: number;
  scale: 'linear' | 'log';
  unit: string;
  source: string;
}

export interface Estimate {
  value: number;
  ci95: [number, number];
  /** false where the interval reached the plausible range without closing */
  bounded: [boolean, boolean];
}

export interface StageReport {
  stage: CalibrationStage;
  objective: number;
  iterations: number;
  converged: boolean;
  starts: number;
  targets: TargetResult[];
  estimates: Record<string, Estimate>;
}

export interface AlternativeReport {
  structure: string;
  fittedTo: string;
  objective: number;
  estimates: Record<string, number>;
  targets: TargetResult[];
}

export interface CalibrationReport {
  generated: string;
  petTimeH: number;
  stages: StageReport[];
  seed: { CL: number; dominantHalfLifeH: number };
  alternatives: AlternativeReport[];
  petTimeSensitivity: { petTimeH: number; objective: number; estimates: Record<string, number> }[];
  /** what each fitted structure predicts for 4.5 mg at 22:00 daily, μ at steady state (day 28) */
  ldnImplication: { structure: string; muPeak: number; muTrough: number; hoursAbove50: number }[];
}

export interface CalibrateOptions {
  /** assumed scan time of the Rabiner points, h (default 4) */
  petTimeH?: number;
  /** compute profile-likelihood intervals (default true; the slow part) */
  profile?: boolean;
  /** number of quasi-random starting points per stage besides the current defaults (default 6) */
  starts?: number;
  set?: ParameterSet;
  /** date stamp for the report (default today) */
  date?: string;
  onProgress?: (message: string) => void;
}

/** Halton sequence point k (1-based) in dimension d: deterministic, well spread starting points. */
function halton(k: number, base: number): number {
  let f = 1;
  let r = 0;
  for (let i = k; i > 0; i = Math.floor(i / base)) {
    f /= base;
    r += f * (i % base);
  }
  return r;
}
const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29];

function multiStart(problem: FitProblem, starts: number): { best: FitResult; starts: number } {
  let best = fit(problem);
  for (let k = 1; k <= starts; k++) {
    const start: Record<string, number> = {};
    problem.free.forEach((id, d) => {
      const [lo, hi] = problem.set.parameters[id]!.range;
      start[id] = Math.exp(Math.log(lo) + halton(k, PRIMES[d % PRIMES.length]!) * (Math.log(hi) - Math.log(lo)));
    });
    const r = fit(problem, start);
    if (r.objective < best.objective - 1e-9) best = r;
  }
  return { best, starts: starts + 1 };
}

function targetResults(targets: readonly CalibrationTarget[], r: FitResult): TargetResult[] {
  return targets.map((t, i) => ({
    id: t.id,
    description: t.description,
    observed: t.observed,
    predicted: r.predictions[i]!,
    residual: r.residuals[i]!,
    sigma: t.sigma,
    scale: t.scale,
    unit: t.unit,
    source: t.source,
  }));
}

function stageReport(stage: CalibrationStage, problem: FitProblem, best: FitResult, starts: number, profile: boolean): StageReport {
  const estimates: Record<string, Estimate> = {};
  for (const id of problem.free) {
    const value = best.values[id]!;
    if (profile) {
      const ci = profileInterval(problem, best, id);
      estimates[id] = { value, ci95: [ci.lower, ci.upper], bounded: [ci.lowerBounded, ci.upperBounded] };
    } else estimates[id] = { value, ci95: [NaN, NaN], bounded: [false, false] };
  }
  return { stage, objective: best.objective, iterations: best.iterations, converged: best.converged, starts, targets: targetResults(problem.targets, best), estimates };
}

/** The clearance that makes the dominant (2–12 h) naltrexone half-life equal `targetH`. */
export function clearanceForHalfLife(set: ParameterSet, values: Record<string, number>, targetH: number): { CL: number; halfLife: number } {
  const t = Float64Array.from({ length: 97 }, (_, i) => i);
  const halfLife = (cl: number) => {
    const tr = simulate({
      schedule: { doses: [{ time_h: 0, dose_mg: 50, kind: 'scheduled' }], firstDoseClockH: 0 },
      days: 4,
      times: t,
      parameters: set,
      overrides: { ...values, CL: cl },
      control: { rtol: 1e-9, atol: 1e-12 },
    });
    return phaseHalfLife(t, tr.series.naltrexone_ng_ml!, 2, 12);
  };
  let lo = Math.log(5);
  let hi = Math.log(values.CL! * 4);
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (halfLife(Math.exp(mid)) > targetH) lo = mid; // longer half-life means clearance too low
    else hi = mid;
  }
  const CL = Math.exp((lo + hi) / 2);
  return { CL, halfLife: halfLife(CL) };
}

export function calibrate(options: CalibrateOptions = {}): CalibrationReport {
  const set = options.set ?? LITERATURE;
  const petTimeH = options.petTimeH ?? DEFAULT_PET_TIME_H;
  if (!(petTimeH > 0 && petTimeH <= 8)) throw new RangeError(`the PET scan time must be in (0, 8] h, as Rabiner's scans were < 8 h after the dose (got ${petTimeH})`);
  const profile = options.profile ?? true;
  const starts = options.starts ?? 6;
  const say = options.onProgress ?? (() => undefined);

  say('stage 1: plasma PK (50 mg summaries)');
  const pkProblem: FitProblem = { set, targets: PK_TARGETS, free: PK_FREE };
  const pk = multiStart(pkProblem, starts);
  const pkReport = stageReport('pk', pkProblem, pk.best, pk.starts, profile);

  say('stage 2: receptor occupancy (Rabiner 2011, Lee 1988)');
  const occProblem: FitProblem = { set, targets: OCCUPANCY_TARGETS, free: OCCUPANCY_FREE, fixed: pk.best.estimates, petTimeH };
  const occ = multiStart(occProblem, starts);
  const occReport = stageReport('occupancy', occProblem, occ.best, occ.starts, profile);

  say('seed set: clearance for a 6 h half-life');
  const fitted = { ...parameterValues(set), ...pk.best.estimates, ...occ.best.estimates };
  const seed = clearanceForHalfLife(set, fitted, 6);

  say('alternative: plasma-driven occupancy without the brain pool');
  const plasmaOnly = (targets: readonly CalibrationTarget[], label: string): AlternativeReport => {
    const problem: FitProblem = { set, targets, free: ['potency'], fixed: { ...pk.best.estimates, kBrainIn: 0 }, petTimeH };
    const r = multiStart(problem, 2).best;
    const all = fit({ ...problem, targets: OCCUPANCY_TARGETS, free: [], fixed: { ...problem.fixed, potency: r.values.potency! } });
    return { structure: 'plasma-driven occupancy (no brain pool)', fittedTo: label, objective: all.objective, estimates: { potency: r.values.potency! }, targets: targetResults(OCCUPANCY_TARGETS, all) };
  };
  const alternatives = [
    plasmaOnly(OCCUPANCY_TARGETS.filter((t) => t.source === 'rabiner2011'), 'Rabiner 2011 only'),
    plasmaOnly(OCCUPANCY_TARGETS, 'Rabiner 2011 and Lee 1988'),
  ];

  say('sensitivity to the assumed PET scan time');
  const petTimeSensitivity = [2, 4, 6, 8].map((h) => {
    const r = fit({ ...occProblem, petTimeH: h }, occ.best.values);
    return { petTimeH: h, objective: r.objective, estimates: r.estimates };
  });

  say('implication for LDN 4.5 mg at bedtime');
  const ldnImplication = [
    { structure: 'brain pool (calibrated)', values: fitted },
    { structure: 'plasma-driven, fitted to Rabiner 2011 only', values: { ...fitted, kBrainIn: 0, potency: alternatives[0]!.estimates.potency! } },
  ].map(({ structure, values }) => {
    const schedule = expandRegimen(simpleRegimen({ dose_mg: 4.5, time: '22:00' }), 28 * 24);
    const opts = { schedule, days: 28, parameters: set, overrides: values };
    const mu = summarize(simulate(opts), opts).steady_state!.occupancy.mu;
    return { structure, muPeak: mu.peak, muTrough: mu.trough, hoursAbove50: mu.hours_above_50 };
  });

  return {
    ldnImplication,
    generated: options.date ?? new Date().toISOString().slice(0, 10),
    petTimeH,
    stages: [pkReport, occReport],
    seed: { CL: seed.CL, dominantHalfLifeH: seed.halfLife },
    alternatives,
    petTimeSensitivity,
  };
}

function sig(x: number): string {
  return Number.isFinite(x) ? Number(x.toPrecision(6)).toString() : 'NaN';
}

/** The calibration.ts module that `ldn calibrate --write` writes (the defaults' provenance). */
export function calibrationModuleSource(report: CalibrationReport): string {
  const lines: string[] = [];
  lines.push('// Generated by `ldn calibrate --write`: the fitted parameters of the LDN model with their 95%');
  lines.push("// profile-likelihood intervals, and the seed set's derived clearance. Do not edit by hand; the");
  lines.push('// test "calibration is reproducible" fails when this file no longer matches a fresh fit.');
  lines.push(`// PET scan time assumed for Rabiner 2011: ${report.petTimeH} h. Objective (χ²): ${report.stages.map((s) => `${s.stage} ${sig(s.objective)} over ${s.targets.length} targets`).join('; ')}.`);
  lines.push('');
  lines.push('export const CALIBRATION = {');
  lines.push(`  generated: '${report.generated}',`);
  lines.push(`  petTimeH: ${report.petTimeH},`);
  lines.push('  fitted: {');
  for (const s of report.stages) {
    for (const [id, e] of Object.entries(s.estimates)) {
      lines.push(`    ${id}: { value: ${sig(e.value)}, ci95: [${sig(e.ci95[0])}, ${sig(e.ci95[1])}], bounded: [${e.bounded[0]}, ${e.bounded[1]}], stage: '${s.stage}', evidence: 'fitted' },`);
    }
  }
  lines.push('  },');
  lines.push('  seed: {');
  lines.push(`    CL: { value: ${sig(report.seed.CL)}, dominantHalfLifeH: ${sig(report.seed.dominantHalfLifeH)}, evidence: 'derived' },`);
  lines.push('  },');
  lines.push('} as const;');
  lines.push('');
  lines.push('export type CalibratedId = keyof typeof CALIBRATION.fitted;');
  lines.push('');
  return lines.join('\n');
}
