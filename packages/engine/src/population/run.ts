// Running a virtual cohort. The unit of work is a CHUNK: patients [start, end) of a cohort
// described by plain, JSON-able options. `runPopulation` simulates a chunk with the ordinary
// `simulate` (there is no second simulator) and returns what aggregation needs: every patient's
// summary numbers (by patient index) and per-time histograms of every output (sketch.ts). Chunks
// merge exactly and commutatively (`mergePopulationChunks`), and each patient's draws depend only
// on (seed, index) (random.ts), so one thread, a Node worker pool and a browser Web Worker give
// the same cohort and the same bands to the bit. `handlePopulationMessage` is the whole protocol
// a worker needs: message in, chunk out.
//
// Output grid: 1 h by default for populations. The bands are drawn over days, and on the 28-day
// run the solver's own steps are about 0.3 h, so a finer grid adds histogram updates and memory
// (673 times × 19 outputs × the bins of each cell) without showing anything new at the scale of a
// figure. The per-patient summaries need the absorption peak (Tmax ≈ 0.75 h), so the simulation
// also outputs every 0.25 h for the 4 h after the first dose and after the steady-state dose; the
// population tests check the summaries against a 0.25 h grid throughout.
//
// Solver tolerance: rtol 1e-5 (POPULATION_RTOL), not the engine's 1e-6. Measured against rtol
// 1e-10 on 50 sampled patients (10 % hepatic; all modules, 28 days, hourly grid; values below
// 1e-3 of a series' peak compared at that floor): the largest error of any output is 4.7e-5
// relative at rtol 1e-5 (median patient 2.2e-5), 80× below the 0.39 % resolution of the bands, with
// 30 % fewer right-hand-side evaluations than 1e-6. rtol 1e-4 saves another 24 % but reaches 8e-4
// in the OGF blockade (a Hill function of order 8 magnifies occupancy errors), a fifth of the band
// resolution; it is offered as --rtol 1e-4. The test "population tolerance" keeps the bound.

import { z } from 'zod';
import { HYPOTHESIS_MODULES, buildLdnModel, fullParameterSet, parseHypotheses } from '../models/ldn/compose.js';
import { PARAMETER_SET_IDS } from '../models/ldn/parameters.js';
import { HYPOTHESIS_IDS, type HypothesisId } from '../models/modules/types.js';
import type { ModelDefinition } from '../model/types.js';
import { parameterValues, type ParameterSet } from '../parameters/types.js';
import { MAX_DOSE_MG } from '../regimen/schema.js';
import type { DoseSchedule } from '../regimen/expand.js';
import { applyOverrides, MAX_DAYS, MODEL_NOTE, overrideNotes, overridesSchema, RequestError, scheduleFromRequest } from '../run.js';
import { outputGrid, simulate, type Trajectory } from '../simulate.js';
import { auc } from '../nca/nca.js';
import { hoursAbove, occupancyMetrics } from '../nca/occupancy.js';
import { INTERMITTENT_MAX_HOURS, blockadeSummary, predictHypotheses } from '../hypotheses.js';
import { samplePatient } from './cohort.js';
import { COVARIATE_LIMITS, CovariateError, DEFAULT_COVARIATES, DUNBAR_2007, HEPATIC_IMPAIRMENT, covariateMedian, describeCovariate, parseCovariate, validateCovariate, validateHepaticFraction, type CovariateDistribution, type CovariateOptions } from './covariates.js';
import { MAX_POPULATION_SEED } from './random.js';
import { SKETCH_ACCUMULATOR_CAPACITY, SKETCH_MANTISSA_BITS, SKETCH_RELATIVE_ERROR, SketchAccumulator, emptySketch, mergeSketches, sketchQuantiles, type PackedSketch } from './sketch.js';
import { VARIABILITY, describeVariability } from './variability.js';

export const MAX_POPULATION = 1_000_000;
export const POPULATION_RTOL = 1e-5;
export const POPULATION_STEP_H = 1;
export const POPULATION_DAYS = 28;
export const BAND_PERCENTILES = [0.05, 0.5, 0.95] as const;
/** trajectories added to the histograms together (cache locality; see SketchAccumulator.addBatch) */
const SKETCH_BATCH = 64;
/** fine output points for the summaries: every 0.25 h for 4 h after the first and the steady-state dose */
const FINE_STEP_H = 0.25;
const FINE_SPAN_H = 4;

const distributionSchema = z.union([
  z.object({ kind: z.literal('uniform'), min: z.number(), max: z.number() }).strict(),
  z.object({ kind: z.literal('normal'), mean: z.number(), sd: z.number() }).strict(),
  z.object({ kind: z.literal('fixed'), value: z.number() }).strict(),
]);

export const populationRequestSchema = z
  .object({
    n: z.number().int(`must be a whole number from 1 to ${MAX_POPULATION.toLocaleString('en-US')}`).gte(1, `must be a whole number from 1 to ${MAX_POPULATION.toLocaleString('en-US')}`).lte(MAX_POPULATION, `must be a whole number from 1 to ${MAX_POPULATION.toLocaleString('en-US')}`),
    seed: z.number().int(`must be a whole number from 0 to ${MAX_POPULATION_SEED}`).gte(0, `must be a whole number from 0 to ${MAX_POPULATION_SEED}`).lte(MAX_POPULATION_SEED, `must be a whole number from 0 to ${MAX_POPULATION_SEED}`),
    dose: z.number().finite().gt(0, 'must be above 0 mg').lte(MAX_DOSE_MG, `must be at most ${MAX_DOSE_MG} mg naltrexone HCl`),
    time: z.string().default('22:00'),
    days: z.number().finite().gt(0, 'must be above 0 days').lte(MAX_DAYS, `must be at most ${MAX_DAYS} days`).default(POPULATION_DAYS),
    every: z.number().finite().gt(0, 'must be above 0 h').lte(672, 'must be at most 672 h').optional(),
    params: z.enum(PARAMETER_SET_IDS as [string, ...string[]], { error: `must be one of: ${PARAMETER_SET_IDS.join(', ')}` }).default('literature'),
    hypotheses: z.array(z.string()).default([]),
    step: z.number().finite().gt(0, 'must be above 0 h').lte(24, 'must be at most 24 h').default(POPULATION_STEP_H),
    weight: z.union([z.string(), distributionSchema]).optional(),
    age: z.union([z.string(), distributionSchema]).optional(),
    hepaticFraction: z.number().finite().gte(0, 'must be a share from 0 to 1').lte(1, 'must be a share from 0 to 1').default(0),
    blockadeHours: z.number().finite().gte(0, 'must be from 0 to 24 h').lte(24, 'must be from 0 to 24 h').default(INTERMITTENT_MAX_HOURS),
    rtol: z.number().finite().gte(1e-12, 'must be from 1e-12 to 1e-2').lte(1e-2, 'must be from 1e-12 to 1e-2').default(POPULATION_RTOL),
    overrides: overridesSchema.optional(),
  })
  .strict();

export type PopulationRequest = z.input<typeof populationRequestSchema>;

/** Validated options with every default filled in (what chunks carry). */
export interface PopulationOptions {
  n: number;
  seed: number;
  dose: number;
  time: string;
  days: number;
  every?: number;
  params: string;
  hypotheses: HypothesisId[];
  step: number;
  covariates: CovariateOptions;
  blockadeHours: number;
  rtol: number;
  /** what-if typical values by parameter id; patients vary around them */
  overrides?: Record<string, number>;
}

export class PopulationError extends RequestError {
  constructor(message: string, field?: string) {
    super(message, field);
    this.name = 'PopulationError';
  }
}

/** Validates a population request (field names in messages, as `runSimulation`). */
export function parsePopulationOptions(input: unknown): PopulationOptions {
  const parsed = populationRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') throw new PopulationError(`unknown field(s) ${issue.keys.join(', ')}; accepted: ${Object.keys(populationRequestSchema.shape).join(', ')}`, issue.keys[0]);
    const got = field && typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[field.split('.')[0]!] : undefined;
    const gotText = typeof got === 'number' || typeof got === 'string' ? ` (got ${JSON.stringify(got)})` : '';
    throw new PopulationError(`${field}: ${issue.message}${gotText}`, field);
  }
  const r = parsed.data;
  let hypotheses: HypothesisId[];
  try {
    hypotheses = parseHypotheses(r.hypotheses);
  } catch (e) {
    throw new PopulationError(`hypotheses: ${(e as Error).message}`, 'hypotheses');
  }
  const covariate = (field: 'weight' | 'age', v: string | CovariateDistribution | undefined): CovariateDistribution => {
    try {
      if (v === undefined) return DEFAULT_COVARIATES[field];
      if (typeof v === 'string') return parseCovariate(field, v);
      validateCovariate(field, v);
      return v;
    } catch (e) {
      if (e instanceof CovariateError) throw new PopulationError(e.message, field);
      throw e;
    }
  };
  const covariates: CovariateOptions = { weight: covariate('weight', r.weight), age: covariate('age', r.age), hepaticFraction: r.hepaticFraction };
  validateHepaticFraction(covariates.hepaticFraction);
  const options: PopulationOptions = { n: r.n, seed: r.seed, dose: r.dose, time: r.time, days: r.days, params: r.params, hypotheses, step: r.step, covariates, blockadeHours: r.blockadeHours, rtol: r.rtol };
  if (r.every !== undefined) options.every = r.every;
  if (r.overrides !== undefined && Object.keys(r.overrides).length > 0) options.overrides = { ...r.overrides };
  prepare(options); // validates the regimen (clock time, step vs span) and the what-if values
  return options;
}

// ---- the prepared cohort: everything that is the same for every patient ----------------------

export interface MetricSpec {
  id: string;
  unit: string;
  description: string;
}

interface Prepared {
  options: PopulationOptions;
  schedule: DoseSchedule;
  description: string;
  model: ModelDefinition;
  set: ParameterSet;
  typical: Record<string, number>;
  /** the band grid (regular, every `step` h) */
  time: Float64Array;
  /** the simulated times: the band grid plus fine points after the first and the steady-state dose */
  simTime: Float64Array;
  /** index in simTime of each band-grid time */
  bandIndex: Int32Array;
  outputIds: string[];
  firstWindow: [number, number];
  steadyWindow: [number, number] | null;
  /** parameters reported per patient (varied or covariate-shifted) */
  parameterIds: string[];
}

const prepared = new Map<string, Prepared>();

function prepare(options: PopulationOptions): Prepared {
  const key = JSON.stringify({ ...options, n: 0 });
  const hit = prepared.get(key);
  if (hit) return hit;
  let sched;
  try {
    sched = scheduleFromRequest({ dose: options.dose, time: options.time, days: options.days, step: options.step, ...(options.every !== undefined ? { every: options.every } : {}) });
  } catch (e) {
    if (e instanceof RequestError) throw new PopulationError(e.message, e.field);
    throw e;
  }
  const { schedule, description } = sched;
  if (schedule.doses.length === 0) throw new PopulationError('no dose falls inside the simulated span; lengthen days', 'days');
  const model = buildLdnModel(options.hypotheses);
  const set = fullParameterSet(options.params);
  let typical: Record<string, number>;
  try {
    typical = applyOverrides(parameterValues(set), options.overrides ?? {}, model, options.hypotheses);
  } catch (e) {
    if (e instanceof RequestError) throw new PopulationError(e.message, e.field);
    throw e;
  }
  const time = outputGrid(options.days * 24, options.step);
  const end = time[time.length - 1]!;
  const second = schedule.doses[1]?.time_h ?? Infinity;
  const firstWindow: [number, number] = [0, Math.min(24, second, end)];
  const candidates = schedule.doses.filter((d) => d.time_h + 24 <= end + 1e-9);
  const last = candidates[candidates.length - 1];
  const steadyWindow: [number, number] | null = schedule.doses.length >= 2 && last && last.time_h > 0 ? [last.time_h, last.time_h + 24] : null;
  // Cmax and AUC need the absorption peak (Tmax ≈ 0.75 h): on an hourly grid the first-interval
  // AUC is 4 % low and Cmax up to 10 % low. Fine points every FINE_STEP_H for FINE_SPAN_H after the
  // first dose and after the steady-state window's dose are simulated too, for the summaries only.
  const extra: number[] = [];
  if (options.step > FINE_STEP_H) {
    for (const d of [0, ...(steadyWindow ? [steadyWindow[0]] : [])]) {
      for (let t = d + FINE_STEP_H; t < d + FINE_SPAN_H - 1e-9 && t <= end; t += FINE_STEP_H) extra.push(t);
    }
  }
  const simTime = Float64Array.from(new Set([...time, ...extra])).sort();
  const bandIndex = new Int32Array(time.length);
  for (let k = 0, i = 0; k < time.length; k++) {
    while (simTime[i] !== time[k]) i++;
    bandIndex[k] = i;
  }
  const varied = VARIABILITY.filter((v) => v.kind !== 'none').map((v) => v.parameter);
  const parameterIds = ['CL', 'F', ...varied.filter((id) => id !== 'CL' && id !== 'F')].filter((id) => model.parameterIds.includes(id));
  const p: Prepared = { options, schedule, description, model, set, typical, time, simTime, bandIndex, outputIds: model.outputs.map((o) => o.id), firstWindow, steadyWindow, parameterIds };
  if (prepared.size > 16) prepared.clear();
  prepared.set(key, p);
  return p;
}

// ---- per-patient summary numbers ----------------------------------------------------------------

const PATTERN_CODE = { none: 0, intermittent: 1, sustained: 2 } as const;

function baseMetricSpecs(p: Prepared): MetricSpec[] {
  const unitOf = (id: string) => p.set.parameters[id]?.unit ?? '';
  return [
    { id: 'weight_kg', unit: 'kg', description: 'body weight' },
    { id: 'age_y', unit: 'years', description: 'age' },
    { id: 'hepatic', unit: '0/1', description: 'hepatic impairment (1 = impaired)' },
    { id: 'hepatic_multiplier', unit: '×', description: 'naltrexone exposure multiplier from hepatic impairment (1 when not impaired)' },
    ...p.parameterIds.map((id) => ({ id: `parameter.${id}`, unit: unitOf(id), description: p.set.parameters[id]?.label ?? id })),
    { id: 'first_dose.naltrexone_cmax_ng_ml', unit: 'ng/mL', description: 'naltrexone Cmax on the output grid, first dosing interval' },
    { id: 'first_dose.naltrexone_auc_ng_h_ml', unit: 'ng·h/mL', description: 'naltrexone AUC over the first dosing interval (at most 24 h)' },
    { id: 'first_dose.naltrexol_cmax_ng_ml', unit: 'ng/mL', description: '6β-naltrexol Cmax, first dosing interval' },
    { id: 'first_dose.naltrexol_auc_ng_h_ml', unit: 'ng·h/mL', description: '6β-naltrexol AUC over the first dosing interval' },
    { id: 'first_dose.mu_peak', unit: 'fraction', description: 'peak μ occupancy, first dosing interval' },
    { id: 'first_dose.mu_hours_above_50', unit: 'h', description: 'hours with μ occupancy above 50 %, first dosing interval' },
    { id: 'steady_state.naltrexone_cmax_ng_ml', unit: 'ng/mL', description: 'naltrexone Cmax, the last full day after a dose' },
    { id: 'steady_state.naltrexone_cmin_ng_ml', unit: 'ng/mL', description: 'naltrexone Cmin, the last full day after a dose' },
    { id: 'steady_state.naltrexone_auc_0_24_ng_h_ml', unit: 'ng·h/mL', description: 'naltrexone AUC0–24, the last full day after a dose' },
    { id: 'steady_state.naltrexol_cmax_ng_ml', unit: 'ng/mL', description: '6β-naltrexol Cmax, the last full day after a dose' },
    { id: 'steady_state.naltrexol_auc_0_24_ng_h_ml', unit: 'ng·h/mL', description: '6β-naltrexol AUC0–24, the last full day after a dose' },
    { id: 'steady_state.mu_peak', unit: 'fraction', description: 'peak μ occupancy, the last full day after a dose' },
    { id: 'steady_state.mu_trough', unit: 'fraction', description: 'trough μ occupancy, the last full day after a dose' },
    { id: 'steady_state.mu_mean', unit: 'fraction', description: 'mean μ occupancy, the last full day after a dose' },
    { id: 'last_day.mu_hours_above_50', unit: 'h', description: 'hours with μ occupancy above 50 % on the last simulated day' },
    { id: 'last_day.mu_hours_above_90', unit: 'h', description: 'hours with μ occupancy above 90 % on the last simulated day' },
    { id: 'last_day.blockade_pattern', unit: '0 none / 1 intermittent / 2 sustained', description: `μ blockade pattern on the last day (intermittent: above 50 % for under ${INTERMITTENT_MAX_HOURS} h)` },
  ];
}

function windowStats(t: Float64Array, c: Float64Array, [a, b]: [number, number]) {
  let cmax = -Infinity;
  let cmin = Infinity;
  for (let i = 0; i < t.length; i++) {
    const ti = t[i]!;
    if (ti < a - 1e-9 || ti > b + 1e-9) continue;
    if (c[i]! > cmax) cmax = c[i]!;
    if (c[i]! < cmin) cmin = c[i]!;
  }
  return { cmax, cmin, auc: auc(t, c, a, b) };
}

function patientMetrics(p: Prepared, traj: Trajectory, values: Readonly<Record<string, number>>): Record<string, number> {
  const t = traj.time_h;
  const s = traj.series;
  const ntx = s.naltrexone_ng_ml!;
  const ntb = s.naltrexol_ng_ml!;
  const mu = s.mu_occupancy!;
  const m: Record<string, number> = {};
  const fw = p.firstWindow;
  const f1 = windowStats(t, ntx, fw);
  const f2 = windowStats(t, ntb, fw);
  const fm = windowStats(t, mu, fw);
  m['first_dose.naltrexone_cmax_ng_ml'] = f1.cmax;
  m['first_dose.naltrexone_auc_ng_h_ml'] = f1.auc;
  m['first_dose.naltrexol_cmax_ng_ml'] = f2.cmax;
  m['first_dose.naltrexol_auc_ng_h_ml'] = f2.auc;
  m['first_dose.mu_peak'] = fm.cmax;
  m['first_dose.mu_hours_above_50'] = hoursAbove(t, mu, 0.5, fw[0], fw[1]);
  const sw = p.steadyWindow;
  if (sw) {
    const a = windowStats(t, ntx, sw);
    const b = windowStats(t, ntb, sw);
    const o = occupancyMetrics(t, mu, sw[0], sw[1]);
    m['steady_state.naltrexone_cmax_ng_ml'] = a.cmax;
    m['steady_state.naltrexone_cmin_ng_ml'] = a.cmin;
    m['steady_state.naltrexone_auc_0_24_ng_h_ml'] = a.auc;
    m['steady_state.naltrexol_cmax_ng_ml'] = b.cmax;
    m['steady_state.naltrexol_auc_0_24_ng_h_ml'] = b.auc;
    m['steady_state.mu_peak'] = o.peak;
    m['steady_state.mu_trough'] = o.trough;
    m['steady_state.mu_mean'] = o.mean;
  } else {
    for (const k of ['naltrexone_cmax_ng_ml', 'naltrexone_cmin_ng_ml', 'naltrexone_auc_0_24_ng_h_ml', 'naltrexol_cmax_ng_ml', 'naltrexol_auc_0_24_ng_h_ml', 'mu_peak', 'mu_trough', 'mu_mean']) m[`steady_state.${k}`] = NaN;
  }
  const blockade = blockadeSummary(traj);
  m['last_day.mu_hours_above_50'] = blockade.hours_above_50;
  m['last_day.mu_hours_above_90'] = blockade.hours_above_90;
  m['last_day.blockade_pattern'] = PATTERN_CODE[blockade.pattern];
  for (const h of predictHypotheses(traj, p.options.hypotheses, values)) {
    for (const [k, v] of Object.entries(h.numbers)) m[`${h.id}.${k}`] = v;
  }
  return m;
}

/** Descriptions of the modules' headline numbers (from hypotheses.ts) as metrics. */
function moduleMetricSpecs(ids: readonly string[]): MetricSpec[] {
  const unit = (k: string) => (/hours/.test(k) ? 'h' : /_nM$/.test(k) ? 'nM' : /fold/.test(k) ? '×' : /change$/.test(k) ? 'fraction change' : /inhibition/.test(k) ? 'fraction' : 'ratio');
  return ids.map((id) => {
    const [h, k] = id.split(/\.(.*)/s) as [string, string];
    const title = HYPOTHESIS_MODULES[h as HypothesisId]?.title ?? h;
    return { id, unit: unit(k), description: `${title}: ${k.replace(/_/g, ' ')}` };
  });
}

// ---- a chunk ------------------------------------------------------------------------------------

export interface PopulationChunk {
  start: number;
  end: number;
  /** metric id → value of patients start … end − 1 */
  metrics: Record<string, Float64Array>;
  /** histograms of output j at time k in cell j·nTimes + k */
  bands: PackedSketch;
  /** solver work, summed over the chunk's patients */
  solver: { accepted: number; rejected: number; rhsEvaluations: number };
}

export interface ChunkRange {
  start?: number;
  end?: number;
}

export interface PopulationCallbacks {
  /** called after each patient with the number of this chunk's patients done and the chunk size */
  onProgress?: (done: number, total: number) => void;
  /** patients per histogram accumulator before it is packed (default and maximum 65,535: 16-bit counts); tests use small values */
  accumulatorCapacity?: number;
}

/** Simulates patients [start, end) (default: the whole cohort) of a cohort. */
export function runPopulation(input: PopulationOptions | PopulationRequest, range: ChunkRange = {}, callbacks: PopulationCallbacks = {}): PopulationChunk {
  const options = isNormalized(input) ? input : parsePopulationOptions(input);
  const start = range.start ?? 0;
  const end = range.end ?? options.n;
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= options.n)) {
    throw new PopulationError(`chunk [${start}, ${end}) is not inside the cohort of ${options.n}`, 'n');
  }
  const p = prepare(options);
  const nT = p.time.length;
  const nOut = p.outputIds.length;
  const capacity = Math.min(SKETCH_ACCUMULATOR_CAPACITY, Math.max(1, callbacks.accumulatorCapacity ?? SKETCH_ACCUMULATOR_CAPACITY));
  let acc = new SketchAccumulator(nOut * nT);
  let packed: PackedSketch | undefined;
  let inAcc = 0;
  const size = end - start;
  const metrics: Record<string, Float64Array> = {};
  const column = (id: string) => (metrics[id] ??= new Float64Array(size).fill(NaN));
  const solver = { accepted: 0, rejected: 0, rhsEvaluations: 0 };
  const modelIds = new Set(p.model.parameterIds);
  // trajectories wait in a batch and enter the histograms together (SketchAccumulator.addBatch)
  const batch: Trajectory[] = [];
  const index = p.simTime.length !== nT ? p.bandIndex : undefined;
  const flush = () => {
    if (batch.length === 0) return;
    for (let j = 0; j < nOut; j++) {
      const id = p.outputIds[j]!;
      acc.addBatch(j * nT, batch.map((t) => t.series[id]!), nT, index);
    }
    batch.length = 0;
  };
  for (let i = start; i < end; i++) {
    const patient = samplePatient(options.seed, i, p.typical, options.covariates);
    // the what-if typical values, then this patient's own (varied or covariate-shifted around them)
    const overrides: Record<string, number> = { ...options.overrides };
    for (const [k, v] of Object.entries(patient.values)) if (modelIds.has(k)) overrides[k] = v;
    const traj = simulate({ schedule: p.schedule, days: options.days, times: p.simTime, model: p.model, parameters: p.set, overrides, control: { rtol: options.rtol } });
    solver.accepted += traj.stats.accepted;
    solver.rejected += traj.stats.rejected;
    solver.rhsEvaluations += traj.stats.rhsEvaluations;
    if (inAcc === capacity) {
      // 16-bit counts: pack and start a new accumulator (chunks above 65,535 patients)
      flush();
      packed = packed ? mergeSketches(packed, acc.pack()) : acc.pack();
      acc = new SketchAccumulator(nOut * nT);
      inAcc = 0;
    }
    batch.push(traj);
    inAcc++;
    if (batch.length === SKETCH_BATCH) flush();
    const r = i - start;
    column('weight_kg')[r] = patient.weight_kg;
    column('age_y')[r] = patient.age_y;
    column('hepatic')[r] = patient.hepatic ? 1 : 0;
    column('hepatic_multiplier')[r] = patient.hepatic_multiplier;
    for (const id of p.parameterIds) column(`parameter.${id}`)[r] = overrides[id] ?? p.typical[id]!;
    const m = patientMetrics(p, traj, { ...p.typical, ...overrides });
    for (const k in m) column(k)[r] = m[k]!;
    callbacks.onProgress?.(r + 1, size);
  }
  flush();
  return { start, end, metrics, bands: packed ? mergeSketches(packed, acc.pack()) : acc.pack(), solver };
}

function isNormalized(x: PopulationOptions | PopulationRequest): x is PopulationOptions {
  return typeof x === 'object' && x !== null && 'covariates' in x;
}

// ---- the worker protocol ------------------------------------------------------------------------

export interface PopulationMessage {
  type: 'population-chunk';
  options: PopulationOptions;
  start: number;
  end: number;
  /** post a progress message every this many patients (default 10) */
  progressEvery?: number;
}

export type PopulationReply = { type: 'progress'; start: number; done: number } | { type: 'chunk'; chunk: PopulationChunk } | { type: 'error'; message: string; field?: string };

/**
 * The whole worker protocol: a Node worker thread or a browser Web Worker calls this with each
 * message and posts the replies (`post`). Returns the final reply, which it has also posted.
 * Pure apart from `post`: the same message gives the same chunk anywhere.
 */
export function handlePopulationMessage(message: PopulationMessage, post: (reply: PopulationReply) => void = () => undefined): PopulationReply {
  let reply: PopulationReply;
  try {
    if (message?.type !== 'population-chunk') throw new PopulationError(`unknown message type ${JSON.stringify((message as { type?: unknown })?.type)}`);
    const every = Math.max(1, message.progressEvery ?? 10);
    const chunk = runPopulation(message.options, { start: message.start, end: message.end }, {
      onProgress: (done, total) => {
        if (done % every === 0 || done === total) post({ type: 'progress', start: message.start, done });
      },
    });
    reply = { type: 'chunk', chunk };
  } catch (e) {
    reply = { type: 'error', message: (e as Error).message, ...(e instanceof RequestError && e.field ? { field: e.field } : {}) };
  }
  post(reply);
  return reply;
}

/** Splits a cohort into about `parts` contiguous chunks of at most `maxSize` patients. */
export function chunkRanges(n: number, parts: number, maxSize = 2500): { start: number; end: number }[] {
  const count = Math.max(1, Math.min(n, Math.max(parts, Math.ceil(n / maxSize))));
  const out: { start: number; end: number }[] = [];
  for (let c = 0; c < count; c++) {
    const start = Math.floor((c * n) / count);
    const end = Math.floor(((c + 1) * n) / count);
    if (end > start) out.push({ start, end });
  }
  return out;
}

// ---- merging and summarising --------------------------------------------------------------------

export interface MergedPopulation {
  n: number;
  metrics: Record<string, Float64Array>;
  bands: PackedSketch;
  solver: { accepted: number; rejected: number; rhsEvaluations: number };
}

/**
 * Merges chunks as they arrive, in any order: per-patient numbers go to their index, histograms
 * are summed (exact and commutative, so arrival order cannot change the result). Holding the
 * running sum instead of every chunk keeps the memory of a 10,000-patient cohort at about one
 * merged histogram set.
 */
export class PopulationMerger {
  readonly options: PopulationOptions;
  private readonly metrics: Record<string, Float64Array> = {};
  private bands: PackedSketch;
  private readonly covered: { start: number; end: number }[] = [];
  private readonly solver = { accepted: 0, rejected: 0, rhsEvaluations: 0 };
  private patients = 0;

  constructor(options: PopulationOptions) {
    this.options = options;
    const p = prepare(options);
    this.bands = emptySketch(p.outputIds.length * p.time.length);
  }

  /** patients merged so far */
  get done(): number {
    return this.patients;
  }

  add(chunk: PopulationChunk): void {
    const { start, end } = chunk;
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= this.options.n)) throw new PopulationError(`chunk [${start}, ${end}) is not inside the cohort of ${this.options.n}`);
    for (const c of this.covered) if (start < c.end && c.start < end) throw new PopulationError(`chunk [${start}, ${end}) overlaps chunk [${c.start}, ${c.end})`);
    this.covered.push({ start, end });
    for (const [id, part] of Object.entries(chunk.metrics)) {
      const col = (this.metrics[id] ??= new Float64Array(this.options.n).fill(NaN));
      col.set(part, start);
    }
    this.bands = mergeSketches(this.bands, chunk.bands);
    this.solver.accepted += chunk.solver.accepted;
    this.solver.rejected += chunk.solver.rejected;
    this.solver.rhsEvaluations += chunk.solver.rhsEvaluations;
    this.patients += end - start;
  }

  /** The merged cohort; every patient must have been added exactly once. */
  result(): MergedPopulation {
    const sorted = [...this.covered].sort((a, b) => a.start - b.start);
    let at = 0;
    for (const c of sorted) {
      if (c.start !== at) throw new PopulationError(`chunks do not cover the cohort: expected a chunk starting at ${at}, got ${c.start}`);
      at = c.end;
    }
    if (at !== this.options.n) throw new PopulationError(`chunks cover ${at} of ${this.options.n} patients`);
    return { n: this.options.n, metrics: this.metrics, bands: this.bands, solver: { ...this.solver } };
  }
}

/** Merges chunks that cover [0, n) exactly once, in any order. */
export function mergePopulationChunks(options: PopulationOptions, chunks: readonly PopulationChunk[]): MergedPopulation {
  const merger = new PopulationMerger(options);
  for (const c of chunks) merger.add(c);
  return merger.result();
}

export interface Distribution {
  unit: string;
  description: string;
  p5: number;
  p50: number;
  p95: number;
  mean: number;
  /** patients with a finite value */
  n: number;
}

export interface Share {
  value: number;
  count: number;
  description: string;
}

export interface PopulationResult {
  n: number;
  seed: number;
  /** FNV-1a over every patient's covariates and parameters: the same seed gives the same checksum everywhere */
  cohort_checksum: string;
  regimen: { description: string; first_dose_clock: string; doses: number; days: number };
  parameters: string;
  /** what-if typical values, when the request has any */
  overrides?: Record<string, number>;
  model: string;
  hypotheses: HypothesisId[];
  step_h: number;
  solver: { method: string; rtol: number; atol: number; rhs_evaluations_per_patient: number; steps_per_patient: number };
  time_h: number[];
  outputs: { id: string; unit: string; description: string }[];
  /** output id → percentile bands on time_h */
  bands: Record<string, { p5: number[]; p50: number[]; p95: number[] }>;
  band_method: string;
  summaries: Record<string, Distribution>;
  shares: Record<string, Share>;
  covariates: { weight: string; age: string; hepatic_fraction: number; notes: string[] };
  variability: { parameter: string; distribution: string; omega: number; evidence: string; sources: string[]; note: string }[];
  notes: string[];
}

/** R type 7 percentile of sorted finite values. */
function percentileSorted(s: Float64Array, p: number): number {
  if (s.length === 0) return NaN;
  const h = (s.length - 1) * p;
  const r = Math.floor(h);
  return r + 1 < s.length ? s[r]! + (h - r) * (s[r + 1]! - s[r]!) : s[r]!;
}

export function distributionOf(values: Float64Array): Omit<Distribution, 'unit' | 'description'> {
  const finite = values.filter((x) => Number.isFinite(x)).sort();
  let sum = 0;
  for (const x of finite) sum += x;
  return { p5: percentileSorted(finite, 0.05), p50: percentileSorted(finite, 0.5), p95: percentileSorted(finite, 0.95), mean: finite.length ? sum / finite.length : NaN, n: finite.length };
}

function checksum(merged: MergedPopulation, ids: readonly string[]): string {
  const f = new Float64Array(1);
  const u = new Uint32Array(f.buffer);
  let h = 0x811c9dc5;
  for (let i = 0; i < merged.n; i++) {
    for (const id of ids) {
      const col = merged.metrics[id];
      if (!col) continue;
      f[0] = col[i]!;
      for (const w of u) {
        for (let b = 0; b < 4; b++) {
          h ^= (w >>> (8 * b)) & 0xff;
          h = Math.imul(h, 0x01000193) >>> 0;
        }
      }
    }
  }
  return h.toString(16).padStart(8, '0');
}

/** Percentile bands, summary distributions and shares of a merged cohort. */
export function summarizePopulation(options: PopulationOptions, merged: MergedPopulation): PopulationResult {
  const p = prepare(options);
  const nT = p.time.length;
  const bands: PopulationResult['bands'] = {};
  p.outputIds.forEach((id, j) => {
    const b = { p5: new Array<number>(nT), p50: new Array<number>(nT), p95: new Array<number>(nT) };
    for (let k = 0; k < nT; k++) {
      const [q5, q50, q95] = sketchQuantiles(merged.bands, j * nT + k, BAND_PERCENTILES);
      b.p5[k] = q5!;
      b.p50[k] = q50!;
      b.p95[k] = q95!;
    }
    bands[id] = b;
  });
  const moduleIds = Object.keys(merged.metrics).filter((k) => (HYPOTHESIS_IDS as readonly string[]).includes(k.split('.')[0]!));
  const specs = [...baseMetricSpecs(p), ...moduleMetricSpecs(moduleIds)];
  const summaries: Record<string, Distribution> = {};
  for (const s of specs) {
    const col = merged.metrics[s.id];
    if (!col) continue;
    summaries[s.id] = { unit: s.unit, description: s.description, ...distributionOf(col) };
  }
  const n = merged.n;
  const share = (col: Float64Array | undefined, test: (x: number) => boolean, description: string): Share => {
    let count = 0;
    if (col) for (let i = 0; i < col.length; i++) if (test(col[i]!)) count++;
    return { value: count / n, count, description };
  };
  const X = options.blockadeHours;
  const h50 = merged.metrics['last_day.mu_hours_above_50'];
  const pattern = merged.metrics['last_day.blockade_pattern'];
  const shares: Record<string, Share> = {
    mu_above_50_more_than_x_hours: share(h50, (x) => x > X, `μ occupancy above 50 % for more than ${X} h on the last simulated day`),
    mu_above_50_any: share(h50, (x) => x > 0, 'μ occupancy above 50 % at any time on the last day'),
    mu_above_90_any: share(merged.metrics['last_day.mu_hours_above_90'], (x) => x > 0, 'μ occupancy above 90 % at any time on the last day'),
    blockade_none: share(pattern, (x) => x === 0, 'no blockade (μ below 50 % all of the last day)'),
    blockade_intermittent: share(pattern, (x) => x === 1, `intermittent blockade (μ above 50 % for under ${INTERMITTENT_MAX_HOURS} h of the last day)`),
    blockade_sustained: share(pattern, (x) => x === 2, `sustained blockade (μ above 50 % for ${INTERMITTENT_MAX_HOURS} h or more of the last day)`),
    hepatic_impairment: share(merged.metrics.hepatic, (x) => x === 1, 'patients with hepatic impairment'),
  };
  if (options.hypotheses.includes('rebound')) shares.rebound_signal_above_baseline = share(merged.metrics['rebound.mu_signal_hours_above_baseline'], (x) => x > 0, 'H1: net μ signalling above no drug at any time on the last day (a rebound)');
  if (options.hypotheses.includes('tlr4')) shares.tlr4_il6_fall_35 = share(merged.metrics['tlr4.il6_change'], (x) => x <= -0.35, 'H2: IL-6 at least 35 % below baseline over the last day (the Parkitny 2017 observation)');
  if (options.hypotheses.includes('ogf')) {
    shares.ogf_inhibits = share(merged.metrics['ogf.growth_rate_rel'], (x) => x < 0.98, 'H3: cell growth inhibited (rate below 0.98 of no drug)');
    shares.ogf_stimulates = share(merged.metrics['ogf.growth_rate_rel'], (x) => x > 1.02, 'H3: cell growth stimulated (rate above 1.02 of no drug)');
  }
  const first = p.schedule.firstDoseClockH;
  const clock = `${String(Math.floor(first)).padStart(2, '0')}:${String(Math.round((first % 1) * 60)).padStart(2, '0')}`;
  const cv = options.covariates;
  const varied = VARIABILITY.filter((v) => p.model.parameterIds.includes(v.parameter));
  return {
    n,
    seed: options.seed,
    cohort_checksum: checksum(merged, ['weight_kg', 'age_y', 'hepatic', 'hepatic_multiplier', ...p.parameterIds.map((id) => `parameter.${id}`)]),
    regimen: { description: p.description, first_dose_clock: clock, doses: p.schedule.doses.length, days: options.days },
    parameters: options.params,
    ...(options.overrides ? { overrides: { ...options.overrides } } : {}),
    model: p.model.id,
    hypotheses: [...options.hypotheses],
    step_h: options.step,
    solver: { method: 'dopri5', rtol: options.rtol, atol: 1e-9, rhs_evaluations_per_patient: merged.solver.rhsEvaluations / n, steps_per_patient: (merged.solver.accepted + merged.solver.rejected) / n },
    time_h: Array.from(p.time),
    outputs: p.model.outputs.map((o) => ({ id: o.id, unit: o.unit, description: o.description })),
    bands,
    band_method: `per-time histograms on log-spaced bins (2^${SKETCH_MANTISSA_BITS} per octave): every band value is within ${(100 * SKETCH_RELATIVE_ERROR).toFixed(2)} % (relative) of the exact percentile of the cohort; percentiles interpolate as R type 7`,
    summaries,
    shares,
    covariates: {
      weight: describeCovariate(cv.weight, COVARIATE_LIMITS.weight.unit),
      age: describeCovariate(cv.age, COVARIATE_LIMITS.age.unit),
      hepatic_fraction: cv.hepaticFraction,
      notes: [
        `naltrexone CL × (1 + (${DUNBAR_2007.perKg} L/h per kg × (weight − ${covariateMedian(cv.weight)} kg) − ${-DUNBAR_2007.perYear} L/h per year × (age − ${covariateMedian(cv.age)} y)) / ${DUNBAR_2007.clearance} L/h) (Dunbar 2007, XR-naltrexone popPK; centred on the cohort's median weight and age because Dunbar's reference values are not in the notes)`,
        `hepatic impairment: plasma naltrexone ${HEPATIC_IMPAIRMENT.multiplierMin}–${HEPATIC_IMPAIRMENT.multiplierMax}× higher in cirrhosis (Swiss label); multiplier log-uniform on ${HEPATIC_IMPAIRMENT.multiplierMin}–${HEPATIC_IMPAIRMENT.multiplierMax} (assumption), applied to AUC as F × √M (logit scale, stays below fa) and CL ÷ √M (equal split: assumption)`,
      ],
    },
    variability: varied.map((v) => ({ parameter: v.parameter, distribution: describeVariability(v), omega: v.omega, evidence: v.evidence, sources: [...v.sources], note: v.note })),
    notes: [
      MODEL_NOTE,
      ...overrideNotes(p.set, options.overrides ?? {}, 'typical ').map((n) => `${n} Patients vary around it as around the set's value.`),
      'Between-patient variability: no oral population PK model of naltrexone with inter-individual variability exists (pharmacology.md §1.6); the CVs are derived from 4 subjects (Verebey 1976) and a 4-fold range in 23 (McCaul 2000), and every other CV is an assumption (listed). No correlations between parameters are sourced, so none are used.',
      `The bands are every ${options.step} h. The per-patient Cmax and AUC also use points every ${Math.min(options.step, FINE_STEP_H)} h for ${FINE_SPAN_H} h after the first and the steady-state dose; hours above a threshold interpolate linearly between points.`,
    ],
  };
}

/** Runs a whole cohort in this thread (chunks of 2,500, merged). */
export function simulatePopulation(input: PopulationOptions | PopulationRequest, callbacks: PopulationCallbacks = {}): PopulationResult {
  const options = isNormalized(input) ? input : parsePopulationOptions(input);
  const merger = new PopulationMerger(options);
  for (const r of chunkRanges(options.n, 1)) {
    const before = merger.done;
    merger.add(runPopulation(options, r, { onProgress: (d) => callbacks.onProgress?.(before + d, options.n) }));
  }
  return summarizePopulation(options, merger.result());
}
