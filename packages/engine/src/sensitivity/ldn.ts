// Sensitivity of the LDN model at steady state, and a ranked answer to the open question of
// ../../shared/reference/pharmacology.md §9.3: which parameters decide whether daily LDN gives
// intermittent or sustained μ-receptor blockade?
//
// The function analysed: one regimen (default 4.5 mg at 22:00 daily for 28 days) simulated with
// the ordinary `simulate` and summarised with `summarize`; the metrics are read from its steady
// state (the last full day after a dose): μ hours/day above 50 % and 90 %, μ trough, peak and mean,
// a 0/1 "sustained" class (trough ≥ 50 %), naltrexone Cmax and AUC0–24, 6β-naltrexol Cmax, plus the
// naltrexone AUC0–∞ of the first dose alone (whose sensitivities to F and CL are known from PK
// theory: 1 and −1, which checks the plumbing). Only the last two days are written out (the same
// grid points as the full 0.25 h grid, so the numbers equal `ldn simulate`'s), which halves the
// cost of a run.
//
// The parameters: every parameter of the set whose plausible range is not a single point, sampled
// log-uniformly over its range. Log-uniform because the ranges are ratios, not increments: they
// span up to 200-fold (potency 1–200, kBrainIn 0.01–3/h), so uniform sampling would put 90 % of
// the draws in the top decade and never probe the low end; rate constants, volumes and potency
// enter the model as products and quotients (Kd = potency·Ki, k = CL/V), for which the
// scale-invariant (Jeffreys) choice is uniform in the logarithm, and it makes a parameter and its
// reciprocal (a rate and its half-life) equivalent. For the narrow fractions (fa 0.9–1, fu 0.7–0.9)
// log and linear sampling barely differ.
//
// Mass balance: the box of plausible ranges contains points where F·(1 − fmSys) + f6bn > fa
// (more drug formed than absorbed), which the model refuses. There f6bn is lowered to
// fa − F·(1 − fmSys), the most presystemic 6β-naltrexol formation the other values allow; the
// report counts how often. This is a fixed map of the box onto the feasible set, so the indices
// remain those of well-defined inputs.

import type { StepControl } from '../ode/types.js';
import { CALIBRATION } from '../models/ldn/calibration.js';
import { parameterSet } from '../models/ldn/parameters.js';
import { parameterValues, type EvidenceLevel, type ParameterSet } from '../parameters/types.js';
import { parseClock } from '../regimen/clock.js';
import { expandRegimen, simpleRegimen, type DoseSchedule } from '../regimen/expand.js';
import { MAX_DOSE_MG } from '../regimen/schema.js';
import { DEFAULT_STEP_H, simulate, type SimulateOptions } from '../simulate.js';
import { summarize, type SimulationSummary } from '../summary.js';
import { localSensitivity, type LocalResult } from './local.js';
import { morrisScreening, type MorrisResult } from './morris.js';
import { MAX_SEED } from './random.js';
import { sobolIndices, type SobolEntry, type SobolResult } from './sobol.js';
import { checkInteger, fromUnit, SensitivityError, type ProgressCallback, type SensitivityParameter, type SensitivityProblem } from './types.js';

export const LDN_SENSITIVITY_QUESTION = 'Which parameters decide whether daily LDN gives intermittent or sustained μ-receptor blockade at steady state?';

/** the occupancy threshold that separates sustained from intermittent blockade */
export const SUSTAINED_THRESHOLD = 0.5;

export interface LdnMetric {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  /**
   * analysed by the local method only: the first-dose AUC0–∞ needs a terminal-phase fit, which
   * fails (NaN) for fast-clearing corners of the box where the 7-day tail is solver noise
   */
  readonly localOnly?: boolean;
  extract(summary: SimulationSummary): number;
}

function steady(s: SimulationSummary) {
  if (!s.steady_state) throw new SensitivityError(`no steady state: ${s.steady_state_note ?? 'simulate more days'}`);
  return s.steady_state;
}

export const LDN_SENSITIVITY_METRICS: readonly LdnMetric[] = [
  { id: 'mu_hours_above_50', label: 'μ hours/day above 50 %', unit: 'h/day', extract: (s) => steady(s).occupancy.mu.hours_above_50 },
  { id: 'mu_trough', label: 'μ trough occupancy', unit: 'fraction', extract: (s) => steady(s).occupancy.mu.trough },
  { id: 'mu_sustained', label: 'sustained μ blockade (1 if the trough is ≥ 50 %, else 0)', unit: '0/1', extract: (s) => (steady(s).occupancy.mu.trough >= SUSTAINED_THRESHOLD ? 1 : 0) },
  { id: 'mu_hours_above_90', label: 'μ hours/day above 90 %', unit: 'h/day', extract: (s) => steady(s).occupancy.mu.hours_above_90 },
  { id: 'mu_peak', label: 'μ peak occupancy', unit: 'fraction', extract: (s) => steady(s).occupancy.mu.peak },
  { id: 'mu_mean', label: 'mean μ occupancy', unit: 'fraction', extract: (s) => steady(s).occupancy.mu.mean },
  { id: 'naltrexone_cmax', label: 'naltrexone Cmax (steady state)', unit: 'ng/mL', extract: (s) => steady(s).naltrexone.cmax_ng_ml },
  { id: 'naltrexone_auc_0_24', label: 'naltrexone AUC0–24 (steady state)', unit: 'ng·h/mL', extract: (s) => steady(s).naltrexone.auc_0_24_ng_h_ml },
  { id: 'naltrexol_cmax', label: '6β-naltrexol Cmax (steady state)', unit: 'ng/mL', extract: (s) => steady(s).naltrexol.cmax_ng_ml },
  { id: 'naltrexone_auc_0_inf_single', label: 'naltrexone AUC0–∞ after the first dose alone', unit: 'ng·h/mL', localOnly: true, extract: (s) => s.first_dose.naltrexone.auc_0_inf_ng_h_ml },
];

export const LDN_SENSITIVITY_METRIC_IDS = LDN_SENSITIVITY_METRICS.map((m) => m.id);
/** the metrics of the global methods */
export const LDN_GLOBAL_METRIC_IDS = LDN_SENSITIVITY_METRICS.filter((m) => !m.localOnly).map((m) => m.id);

/** the metrics that answer the open question */
export const LDN_DECISION_METRICS = ['mu_hours_above_50', 'mu_trough', 'mu_sustained'] as const;

/**
 * The model's structural assumptions as a partition of its parameters; the joint Sobol' indices
 * of each group are estimated. potency and KiMuN form one group because they enter the μ
 * occupancy of naltrexone only as the product potency·KiMuN (the apparent in-vivo Kd), which is
 * what PET constrains (potency was fitted with KiMuN fixed). κ/δ affinities are left out: they
 * cannot change any μ or plasma metric, and their individual indices are exactly 0.
 */
export const LDN_PARAMETER_GROUPS: Readonly<Record<string, readonly string[]>> = {
  'brain retention pool (kBrainIn, kBrainOut)': ['kBrainIn', 'kBrainOut'],
  'in-vivo μ affinity (potency × in-vitro KiMuN, KiMuB)': ['potency', 'KiMuN', 'KiMuB'],
  'naltrexone plasma PK and binding': ['ka', 'fa', 'F', 'CL', 'V1', 'Q', 'V2', 'fu'],
  '6β-naltrexol formation, disposition and brain access': ['f6bn', 'fmSys', 'CLm', 'Vm', 'fuM', 'kpBrainB'],
};

/** `plausible`: each Parameter's range; `calibration`: fitted parameters vary over their 95 % profile-likelihood interval instead */
export type LdnRanges = 'plausible' | 'calibration';

export interface LdnSensitivitySetup {
  /** mg naltrexone HCl per daily dose (default 4.5) */
  dose_mg?: number;
  /** clock time of the daily dose, HH:MM (default 22:00) */
  time?: string;
  /** days simulated; the steady state is the last full day (default 28) */
  days?: number;
  /** parameter set (default `literature`) */
  params?: string | ParameterSet;
  ranges?: LdnRanges;
  /** solver tolerances (default those of simulate) */
  control?: Partial<StepControl>;
  /** metrics computed (default all of LDN_SENSITIVITY_METRICS) */
  metrics?: readonly string[];
}

export interface LdnVariedParameter {
  id: string;
  label: string;
  unit: string;
  low: number;
  high: number;
  base: number;
  evidence: EvidenceLevel;
}

export interface LdnRunStats {
  /** model runs */
  evaluations: number;
  /** runs where f6bn was lowered to keep mass balance */
  projected: number;
  /** runs whose last day still differed from the day before by more than 2 % */
  notReached: number;
}

export interface LdnProblem {
  problem: SensitivityProblem;
  set: ParameterSet;
  varied: LdnVariedParameter[];
  /** parameters left out because their range is a single point */
  skipped: string[];
  stats: LdnRunStats;
  schedule: DoseSchedule;
  description: string;
  dose_mg: number;
  time: string;
  days: number;
}

export const MAX_SENSITIVITY_DAYS = 365;

const CALIBRATED = CALIBRATION.fitted as Readonly<Record<string, { readonly value: number; readonly ci95: readonly [number, number] }>>;

/** The 95 % profile-likelihood interval of a fitted parameter, if it is one. */
export function calibratedInterval(id: string): [number, number] | undefined {
  const c = CALIBRATED[id];
  return c ? [c.ci95[0], c.ci95[1]] : undefined;
}

/** Builds the sensitivity problem of one regimen at steady state. */
export function ldnSensitivityProblem(setup: LdnSensitivitySetup = {}): LdnProblem {
  const dose = setup.dose_mg ?? 4.5;
  const time = setup.time ?? '22:00';
  const days = setup.days ?? 28;
  if (!(Number.isFinite(dose) && dose > 0 && dose <= MAX_DOSE_MG)) throw new SensitivityError(`dose ${dose} mg is out of range; use a number above 0 and at most ${MAX_DOSE_MG} mg`);
  try {
    parseClock(time);
  } catch {
    throw new SensitivityError(`time "${time}" is not a clock time; use 24-hour HH:MM, e.g. 22:00`);
  }
  checkInteger('days', days, 2, MAX_SENSITIVITY_DAYS);
  let set: ParameterSet;
  try {
    set = typeof setup.params === 'object' ? setup.params : parameterSet(setup.params ?? 'literature');
  } catch (e) {
    throw new SensitivityError((e as Error).message);
  }
  const ranges = setup.ranges ?? 'plausible';
  const varied: LdnVariedParameter[] = [];
  const skipped: string[] = [];
  for (const p of Object.values(set.parameters)) {
    const ci = ranges === 'calibration' && p.evidence === 'fitted' ? calibratedInterval(p.id) : undefined;
    const [low, high] = ci ?? p.range;
    if (!(low < high)) {
      skipped.push(p.id);
      continue;
    }
    varied.push({ id: p.id, label: p.label, unit: p.unit, low, high, base: p.value, evidence: p.evidence });
  }
  const schedule = expandRegimen(simpleRegimen({ dose_mg: dose, time }), days * 24);
  // the last two days on the default grid: the steady-state day and the day before (for `reached`)
  const stepsPerDay = Math.round(24 / DEFAULT_STEP_H);
  const times: number[] = [];
  for (let i = (days - 2) * stepsPerDay; i <= days * stepsPerDay; i++) times.push(i * DEFAULT_STEP_H);
  const stats: LdnRunStats = { evaluations: 0, projected: 0, notReached: 0 };
  const control = setup.control;
  const metricIds = setup.metrics ?? LDN_SENSITIVITY_METRIC_IDS;
  for (const id of metricIds) if (!LDN_SENSITIVITY_METRIC_IDS.includes(id)) throw new SensitivityError(`unknown metric "${id}"; use one of: ${LDN_SENSITIVITY_METRIC_IDS.join(', ')}`);
  const metrics = LDN_SENSITIVITY_METRICS.filter((m) => metricIds.includes(m.id));
  const fn = (v: Readonly<Record<string, number>>): Record<string, number> => {
    stats.evaluations++;
    const values: Record<string, number> = { ...v };
    const { fa, F, fmSys, f6bn } = values;
    if (fa !== undefined && F !== undefined && fmSys !== undefined && f6bn !== undefined && f6bn > fa - F * (1 - fmSys)) {
      values.f6bn = fa - F * (1 - fmSys);
      stats.projected++;
    }
    const opts: SimulateOptions = { schedule, days, parameters: set, overrides: values, times, ...(control ? { control } : {}) };
    const summary = summarize(simulate(opts), opts);
    if (summary.steady_state && !summary.steady_state.reached) stats.notReached++;
    return Object.fromEntries(metrics.map((m) => [m.id, m.extract(summary)]));
  };
  const parameters: SensitivityParameter[] = varied.map((p) => ({ id: p.id, low: p.low, high: p.high, base: p.base, scale: 'log', label: p.label, unit: p.unit }));
  const fixed = parameterValues(set);
  for (const p of varied) delete fixed[p.id];
  return {
    problem: { parameters, fn, fixed, metrics: metrics.map((m) => m.id) },
    set,
    varied,
    skipped,
    stats,
    schedule,
    description: `${dose} mg daily at ${time} for ${days} days`,
    dose_mg: dose,
    time,
    days,
  };
}

// ---------------------------------------------------------------------------------------------

export type LdnMethod = 'local' | 'morris' | 'sobol' | 'all';
export const LDN_METHODS: readonly LdnMethod[] = ['local', 'morris', 'sobol', 'all'];

/** N = 512: ≈ 15 000 runs of ≈ 2 ms, about 30 s on a 2-core machine; ST intervals about ±0.07 */
export const LDN_DEFAULTS = { trajectories: 20, samples: 512, seed: 1, localStep: 0.01 } as const;
/** tighter than simulate's default (rtol 1e-6), so that a 1 % step is far above solver noise */
export const LOCAL_CONTROL: Partial<StepControl> = { rtol: 1e-10, atol: 1e-14 };

export interface LdnSensitivityOptions extends LdnSensitivitySetup {
  method?: LdnMethod;
  /** Morris trajectories r (default 20) */
  trajectories?: number;
  /** Sobol' base samples N (default 512; N·(k + 2 + groups) runs) */
  samples?: number;
  seed?: number;
  /** local step in ln p (default 0.01) */
  localStep?: number;
  bootstrap?: number;
  /** one-at-a-time values at which the trough crosses 50 %, for the top parameters (default 3; 0 for none) */
  tippingPoints?: number;
  onProgress?: ProgressCallback;
}

export interface TippingPoint {
  parameter: string;
  base: number;
  low: number;
  high: number;
  /** values in [low, high] where the steady-state μ trough crosses 50 %, the others at base */
  crossings: { value: number; sustainedAbove: boolean }[];
  /** 95 % profile-likelihood interval when the parameter is fitted */
  calibrated?: [number, number];
}

export interface RankingRow {
  parameter: string;
  /** total Sobol' index (with interval), when Sobol' was run */
  ST?: number;
  STCi?: [number, number];
  S1?: number;
  S1Ci?: [number, number];
  /** Morris μ* and σ, when Morris was run */
  muStar?: number;
  muStarCi?: [number, number];
  sigma?: number;
  /** local normalised (or absolute) sensitivity at the base point */
  local?: number;
  localKind?: 'relative' | 'absolute';
}

export interface GroupRow {
  group: string;
  parameters: string[];
  ST: number;
  STCi: [number, number];
  S1: number;
  S1Ci: [number, number];
}

export interface BlockadeClasses {
  /** rows of the Sobol' A and B samples (parameter sets drawn from the ranges) */
  n: number;
  /** trough ≥ 50 % */
  sustained: number;
  /** peak ≥ 50 % > trough */
  intermittent: number;
  /** peak < 50 % */
  below: number;
}

export interface LdnAnswer {
  question: string;
  /** what the ranking is by: total Sobol' index, else Morris μ*, else |local sensitivity| */
  basis: 'sobol' | 'morris' | 'local';
  rankings: Record<string, RankingRow[]>;
  /** structural assumptions ranked by their joint total index on each decision metric */
  groups: Record<string, GroupRow[]>;
  classes?: BlockadeClasses;
  tippingPoints: TippingPoint[];
  /** the answer in words (one paragraph per entry) */
  text: string[];
}

export interface LdnSensitivityReport {
  question: string;
  regimen: { description: string; dose_mg: number; time: string; days: number };
  parameterSet: string;
  ranges: LdnRanges;
  sampling: string;
  parameters: LdnVariedParameter[];
  skipped: string[];
  metrics: { id: string; label: string; unit: string }[];
  baseMetrics: Record<string, number>;
  local?: LocalResult;
  morris?: MorrisResult;
  sobol?: SobolResult;
  answer: LdnAnswer;
  cost: { local: number; morris: number; sobol: number; tippingPoints: number; base: number; total: number; projected: number; notReached: number };
  notes: string[];
}

function metricLabel(id: string): string {
  return LDN_SENSITIVITY_METRICS.find((m) => m.id === id)?.label ?? id;
}

function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e5)) return x.toExponential(digits - 1);
  return String(Number(x.toPrecision(digits)));
}

const pct = (x: number) => `${(100 * x).toFixed(0)} %`;

/** Runs the chosen methods on the LDN model and answers the open question. */
export function ldnSensitivity(options: LdnSensitivityOptions = {}): LdnSensitivityReport {
  const method = options.method ?? 'all';
  if (!LDN_METHODS.includes(method)) throw new SensitivityError(`method "${String(method)}" is not one of ${LDN_METHODS.join(', ')}`);
  const r = options.trajectories ?? LDN_DEFAULTS.trajectories;
  const n = options.samples ?? LDN_DEFAULTS.samples;
  const seed = options.seed ?? LDN_DEFAULTS.seed;
  const nTip = options.tippingPoints ?? 3;
  checkInteger('trajectories', r, 2, 10_000);
  checkInteger('samples', n, 2, 1 << 20);
  checkInteger('seed', seed, 0, MAX_SEED);
  checkInteger('tipping points', nTip, 0, 100);
  const setup = ldnSensitivityProblem({ ...options, metrics: LDN_GLOBAL_METRIC_IDS });
  const local = method === 'local' || method === 'all';
  const morris = method === 'morris' || method === 'all';
  const sobol = method === 'sobol' || method === 'all';
  const k = setup.varied.length;
  const groups = Object.fromEntries(
    Object.entries(LDN_PARAMETER_GROUPS)
      .map(([g, ids]) => [g, ids.filter((id) => setup.varied.some((p) => p.id === id))] as const)
      .filter(([, ids]) => ids.length > 0),
  );
  const jointGroups = Object.fromEntries(Object.entries(groups).filter(([, ids]) => ids.length > 1));
  const tipCost = 60 * nTip;
  const plan = { local: local ? 1 + 4 * k : 0, morris: morris ? r * (k + 1) : 0, sobol: sobol ? n * (k + 2 + Object.keys(jointGroups).length) : 0, tip: tipCost, base: 1 };
  const planned = plan.local + plan.morris + plan.sobol + plan.tip + plan.base;
  let done = 0;
  const say = options.onProgress ?? (() => undefined);
  const stage = (cost: number) => (f: number, label: string) => say(Math.min(1, (done + f * cost) / planned), label);

  // the base point, on the default tolerances (what `ldn simulate` shows)
  const baseValues = Object.fromEntries(setup.varied.map((p) => [p.id, p.base]));
  const baseMetrics = setup.problem.fn({ ...setup.problem.fixed, ...baseValues });
  done += 1;
  const cost = { local: 0, morris: 0, sobol: 0, tippingPoints: 0, base: 1, total: 0, projected: 0, notReached: 0 };

  const report: LdnSensitivityReport = {
    question: LDN_SENSITIVITY_QUESTION,
    regimen: { description: setup.description, dose_mg: setup.dose_mg, time: setup.time, days: setup.days },
    parameterSet: setup.set.id,
    ranges: options.ranges ?? 'plausible',
    sampling: 'log-uniform over each range (Morris levels and Sobol\' design on the log scale)',
    parameters: setup.varied,
    skipped: setup.skipped,
    metrics: LDN_SENSITIVITY_METRICS.map((m) => ({ id: m.id, label: m.label, unit: m.unit })),
    baseMetrics: { ...baseMetrics },
    answer: { question: LDN_SENSITIVITY_QUESTION, basis: 'local', rankings: {}, groups: {}, tippingPoints: [], text: [] },
    cost,
    notes: [],
  };

  if (local) {
    // a separate problem on tight solver tolerances: a 1 % step must stand far above solver noise
    const tight = ldnSensitivityProblem({ ...options, control: { ...LOCAL_CONTROL, ...options.control }, metrics: LDN_SENSITIVITY_METRIC_IDS });
    report.local = localSensitivity(tight.problem, { step: options.localStep ?? LDN_DEFAULTS.localStep, onProgress: stage(plan.local) });
    cost.local = report.local.evaluations;
    cost.projected += tight.stats.projected;
    cost.notReached += tight.stats.notReached;
    done += plan.local;
  }
  if (morris) {
    report.morris = morrisScreening(setup.problem, { trajectories: r, seed, ...(options.bootstrap !== undefined ? { bootstrap: options.bootstrap } : {}), onProgress: stage(plan.morris) });
    cost.morris = report.morris.evaluations;
    done += plan.morris;
  }
  if (sobol) {
    report.sobol = sobolIndices(setup.problem, { samples: n, seed, groups: jointGroups, keepOutputs: true, ...(options.bootstrap !== undefined ? { bootstrap: options.bootstrap } : {}), onProgress: stage(plan.sobol) });
    cost.sobol = report.sobol.evaluations;
    done += plan.sobol;
  }
  report.answer = answer(report, setup, groups);
  if (nTip > 0) {
    const before = setup.stats.evaluations;
    report.answer.tippingPoints = tippingPoints(setup, topParameters(report, 'mu_trough').slice(0, nTip));
    cost.tippingPoints = setup.stats.evaluations - before;
    report.answer.text.push(...tippingText(report.answer.tippingPoints));
  }
  say(1, 'done');
  cost.projected += setup.stats.projected;
  cost.notReached += setup.stats.notReached;
  cost.total = cost.base + cost.local + cost.morris + cost.sobol + cost.tippingPoints;
  if (report.sobol) delete report.sobol.outputs;

  const notes = report.notes;
  if (setup.skipped.length) notes.push(`left out (range is a single point): ${setup.skipped.join(', ')}`);
  if (cost.projected) notes.push(`${cost.projected} of ${cost.total} runs had F·(1 − fmSys) + f6bn > fa (more formed than absorbed); f6bn was lowered to fa − F·(1 − fmSys) there`);
  if (cost.notReached) notes.push(`${cost.notReached} of ${cost.total} runs had not reached steady state by day ${setup.days} (last day differs from the one before by > 2 %); the metrics are day-${setup.days} values`);
  notes.push('potency and KiMuN enter μ occupancy by naltrexone only as their product (the apparent in-vivo Kd), so their separate indices split one assumption between them; read the in-vivo μ affinity group');
  if (report.ranges === 'calibration') {
    notes.push('fitted parameters vary over their 95 % profile-likelihood intervals, independently: the fit correlates them, so this box is still wider than the data allow');
    notes.push('potency was fitted with KiMuN fixed at its value: varying KiMuN over its in-vitro range while potency stays in its fitted interval overstates the uncertainty of the in-vivo affinity, which PET constrains');
  }
  notes.push('the global indices vary every parameter over the same ranges for either parameter set; --params changes only the base point (local sensitivities, tipping points)');
  notes.push('the model has no clock-time dependence: the dose time labels the regimen but does not change any metric');
  notes.push('model output for research and education, not a clinical fact: occupancy is calibrated to PET after single 2–50 mg doses; no PET data exist at LDN doses beyond 8 h');
  return report;
}

/** Parameters ranked for a metric: by total Sobol' index, else Morris μ*, else |local S|. */
function topParameters(report: LdnSensitivityReport, metric: string): string[] {
  if (report.sobol?.ranking[metric]) return report.sobol.ranking[metric];
  if (report.morris?.ranking[metric]) return report.morris.ranking[metric];
  const loc = report.local!.sensitivities[metric]!;
  return Object.keys(loc).sort((a, b) => Math.abs(loc[b]!.value) - Math.abs(loc[a]!.value) || a.localeCompare(b));
}

function rankingRows(report: LdnSensitivityReport, metric: string): RankingRow[] {
  return topParameters(report, metric).map((id) => {
    const row: RankingRow = { parameter: id };
    const s = report.sobol?.indices[metric]?.[id];
    if (s) Object.assign(row, { ST: s.ST, STCi: s.STCi, S1: s.S1, S1Ci: s.S1Ci });
    const m = report.morris?.effects[metric]?.[id];
    if (m) Object.assign(row, { muStar: m.muStar, muStarCi: m.muStarCi, sigma: m.sigma });
    const l = report.local?.sensitivities[metric]?.[id];
    if (l) Object.assign(row, { local: l.value, localKind: l.kind });
    return row;
  });
}

function groupRows(sobol: SobolResult, metric: string, groups: Record<string, readonly string[]>): GroupRow[] {
  const rows: GroupRow[] = Object.entries(groups).map(([g, ids]) => ({ group: g, parameters: [...ids], ...entry(ids.length === 1 ? sobol.indices[metric]![ids[0]!]! : sobol.groupIndices[metric]![g]!) }));
  return rows.sort((a, b) => b.ST - a.ST);
}

function entry(e: SobolEntry) {
  return { ST: e.ST, STCi: e.STCi, S1: e.S1, S1Ci: e.S1Ci };
}

function answer(report: LdnSensitivityReport, setup: LdnProblem, groups: Record<string, readonly string[]>): LdnAnswer {
  const basis: LdnAnswer['basis'] = report.sobol ? 'sobol' : report.morris ? 'morris' : 'local';
  const rankings: Record<string, RankingRow[]> = {};
  const groupRanking: Record<string, GroupRow[]> = {};
  for (const m of report.local ? LDN_SENSITIVITY_METRIC_IDS : LDN_GLOBAL_METRIC_IDS) {
    rankings[m] = rankingRows(report, m);
    if (report.sobol?.groupIndices[m]) groupRanking[m] = groupRows(report.sobol, m, groups);
  }
  const text: string[] = [];
  const b = report.baseMetrics;
  const baseClass = b.mu_trough! >= SUSTAINED_THRESHOLD ? 'sustained' : b.mu_peak! >= SUSTAINED_THRESHOLD ? 'intermittent' : 'below 50 % all day';
  text.push(
    `At the base point (${setup.set.id} set), ${setup.description} gives a steady-state μ trough of ${pct(b.mu_trough!)} and peak of ${pct(b.mu_peak!)}, ` +
      `${fmt(b.mu_hours_above_50!, 3)} h/day above 50 %: ${baseClass} blockade.`,
  );
  if (report.local) {
    const loc = report.local.sensitivities;
    const hours = loc.mu_hours_above_50!;
    const flat = Object.values(hours).every((e) => e.value === 0);
    const trough = rankings.mu_trough!.filter((r) => r.local !== undefined).sort((x, y) => Math.abs(y.local!) - Math.abs(x.local!));
    const top = trough.slice(0, 4).map((r) => `${r.parameter} ${fmt(r.local!, 2)}`).join(', ');
    text.push(
      `Locally, ${flat ? `no parameter changes the hours above 50 % (they sit at ${fmt(b.mu_hours_above_50!, 3)} h, where small changes do not cross the threshold)` : 'the hours above 50 % move with small parameter changes'}; ` +
        `the trough's normalised sensitivities (% change per 1 % change) are largest for ${top}.`,
    );
  }
  const classes = report.sobol ? blockadeClasses(report.sobol) : undefined;
  if (classes) {
    text.push(
      `Over the ${report.ranges === 'calibration' ? 'calibrated' : 'plausible'} ranges (${setup.varied.length} parameters, log-uniform, ${classes.n} draws), ` +
        `${pct(classes.sustained / classes.n)} of parameter sets give sustained blockade (trough ≥ 50 %), ${pct(classes.intermittent / classes.n)} intermittent, ` +
        `${pct(classes.below / classes.n)} stay below 50 % all day. These are shares of a box of ranges, not probabilities: the ranges are not a posterior.`,
    );
  }
  const describe = (metric: string): string => {
    const rows = rankings[metric]!;
    if (basis === 'sobol') {
      const shown = rows.filter((r, i) => i < 3 || r.ST! >= 0.05).slice(0, 6);
      return shown.map((r) => `${r.parameter} ST ${fmt(r.ST!, 2)} [${fmt(r.STCi![0], 2)}, ${fmt(r.STCi![1], 2)}]${r.muStar !== undefined ? ` (Morris μ* ${fmt(r.muStar, 2)})` : ''}`).join(', ');
    }
    if (basis === 'morris') return rows.slice(0, 5).map((r) => `${r.parameter} μ* ${fmt(r.muStar!, 2)} (σ ${fmt(r.sigma!, 2)})`).join(', ');
    return rows.slice(0, 5).map((r) => `${r.parameter} ${fmt(r.local!, 2)}`).join(', ');
  };
  const by = basis === 'sobol' ? "total Sobol' index ST (95 % bootstrap interval)" : basis === 'morris' ? 'Morris μ*' : '|local sensitivity|';
  for (const m of LDN_DECISION_METRICS) text.push(`Ranked by ${by} on ${metricLabel(m)}: ${describe(m)}.`);
  if (report.sobol && report.morris) {
    const agree = LDN_DECISION_METRICS.map((m) => {
      const s = report.sobol!.ranking[m]!.slice(0, 3);
      const mo = report.morris!.ranking[m]!.slice(0, 3);
      return `${metricLabel(m)}: Sobol' top 3 ${s.join(', ')}; Morris top 3 ${mo.join(', ')}`;
    });
    text.push(`Morris screening and Sobol' indices compared — ${agree.join('; ')}.`);
  }
  if (report.sobol) {
    const g = groupRanking.mu_hours_above_50!;
    const lead = g.filter((row) => row.ST >= 0.1);
    const minor = g.filter((row) => row.ST < 0.1);
    const list = (rows: GroupRow[]) => rows.map((row) => `${row.group} ST ${fmt(row.ST, 2)} (S1 ${fmt(row.S1, 2)})`).join('; ');
    const zero = setup.varied.filter((p) => /^Ki(Kappa|Delta)/.test(p.id)).map((p) => p.id);
    text.push(
      `Structural assumptions, by their joint total index on μ hours/day above 50 %: ${list(lead)}${minor.length ? `; minor: ${list(minor)}` : ''}.` +
        (zero.length ? ` The κ/δ affinities (${zero.join(', ')}) get exactly 0, as they must.` : ''),
    );
    const first = lead[0];
    if (first) {
      const rest = lead.slice(1).map((row) => row.group);
      const sumS1 = g.reduce((sum, row) => sum + Math.max(0, row.S1), 0);
      const st = report.sobol.indices.mu_hours_above_50!;
      const leadIds = lead.flatMap((row) => row.parameters).filter((id) => st[id]!.ST >= 0.05);
      const evidence = (level: (e: EvidenceLevel) => boolean) => setup.varied.filter((p) => leadIds.includes(p.id) && level(p.evidence)).map((p) => p.id);
      const fittedIds = evidence((e) => e === 'fitted');
      const measured = evidence((e) => e !== 'fitted' && e !== 'assumption');
      const assumed = evidence((e) => e === 'assumption');
      text.push(
        `Plainly: whether daily LDN blocks μ receptors intermittently or continuously is decided mainly by the ${first.group}` +
          `${rest.length ? `, then by the ${rest.join(' and the ')}` : ''}. ` +
          (sumS1 >= 1
            ? `The first-order indices of these groups add up to ${fmt(sumS1, 2)} (≥ 1 within estimation error): they act nearly additively. `
            : `The groups acting separately explain ${pct(sumS1)} of the variance (sum of their first-order indices) and their interactions the other ${pct(1 - sumS1)}; ST − S1 is each group's share in interactions (the 50 % threshold makes the metric non-additive). `) +
          `Of their parameters with ST ≥ 0.05, ${fittedIds.length ? `${fittedIds.join(', ')} ${fittedIds.length === 1 ? 'is' : 'are'} fitted (ldn calibrate: PK to 50 mg summaries, potency and the brain pool to PET after 2–50 mg, Lee 1988 and Rabiner 2011), never measured at LDN doses` : 'none is fitted'}` +
          `${measured.length ? `; ${measured.join(', ')} ${measured.length === 1 ? 'comes' : 'come'} from labels or in-vitro and clinical measurements` : ''}${assumed.length ? `; ${assumed.join(', ')} ${assumed.length === 1 ? 'is a modelling assumption' : 'are modelling assumptions'}` : ''}.`,
      );
    }
  }
  return { question: LDN_SENSITIVITY_QUESTION, basis, rankings, groups: groupRanking, ...(classes ? { classes } : {}), tippingPoints: [], text };
}

function blockadeClasses(sobol: SobolResult): BlockadeClasses | undefined {
  const trough = sobol.outputs?.mu_trough;
  const peak = sobol.outputs?.mu_peak;
  if (!trough || !peak) return undefined;
  const c: BlockadeClasses = { n: trough.length, sustained: 0, intermittent: 0, below: 0 };
  trough.forEach((t, i) => {
    if (t >= SUSTAINED_THRESHOLD) c.sustained++;
    else if (peak[i]! >= SUSTAINED_THRESHOLD) c.intermittent++;
    else c.below++;
  });
  return c;
}

/** One-at-a-time: where in its range does each parameter alone move the trough across 50 %? */
function tippingPoints(setup: LdnProblem, ids: readonly string[]): TippingPoint[] {
  const base = Object.fromEntries(setup.varied.map((p) => [p.id, p.base]));
  const troughAt = (id: string, value: number) => setup.problem.fn({ ...setup.problem.fixed, ...base, [id]: value }).mu_trough! - SUSTAINED_THRESHOLD;
  return ids.map((id) => {
    const p = setup.problem.parameters.find((q) => q.id === id)!;
    const grid = Array.from({ length: 13 }, (_, i) => i / 12);
    const g = grid.map((u) => troughAt(id, fromUnit(p, u)));
    const crossings: TippingPoint['crossings'] = [];
    for (let i = 0; i + 1 < grid.length; i++) {
      if (g[i]! >= 0 === g[i + 1]! >= 0) continue;
      let lo = grid[i]!;
      let hi = grid[i + 1]!;
      const sLo = g[i]! >= 0;
      for (let it = 0; it < 24; it++) {
        const mid = (lo + hi) / 2;
        if (troughAt(id, fromUnit(p, mid)) >= 0 === sLo) lo = mid;
        else hi = mid;
      }
      crossings.push({ value: fromUnit(p, (lo + hi) / 2), sustainedAbove: !sLo });
    }
    const tp: TippingPoint = { parameter: id, base: base[id]!, low: p.low, high: p.high, crossings };
    const ci = calibratedInterval(id);
    if (ci) tp.calibrated = ci;
    return tp;
  });
}

function tippingText(tps: readonly TippingPoint[]): string[] {
  if (tps.length === 0) return [];
  const parts = tps.map((tp) => {
    const ci = tp.calibrated ? `; fitted 95 % interval ${fmt(tp.calibrated[0])}–${fmt(tp.calibrated[1])}` : '';
    if (tp.crossings.length === 0) return `${tp.parameter} alone never moves the trough across 50 % within ${fmt(tp.low)}–${fmt(tp.high)} (base ${fmt(tp.base)}${ci})`;
    const c = tp.crossings.map((x) => `${x.sustainedAbove ? 'below' : 'above'} ${fmt(x.value)}`).join(' or ');
    const inside = tp.calibrated && tp.crossings.some((x) => x.value > tp.calibrated![0] && x.value < tp.calibrated![1]) ? ' — inside the fitted interval: the PET data do not settle it' : '';
    return `${tp.parameter} ${c} makes the trough fall below 50 % (base ${fmt(tp.base)}, range ${fmt(tp.low)}–${fmt(tp.high)}${ci})${inside}`;
  });
  return [`Tipping points, one parameter at a time with the others at base: ${parts.join('; ')}.`];
}
