// One simulation request → one result, shared by every interface: `ldn simulate` builds the
// request from its options, `POST /api/simulate` takes it as JSON, and both return
// `SimulationOutput`, so their JSON is the same by construction. The request is validated here,
// with messages that name the field and what is accepted.

import { z } from 'zod';
import { round6 } from './format.js';
import { clockPosition, parseClock, parseDate } from './regimen/clock.js';
import { expandRegimen, simpleRegimen, type DoseSchedule } from './regimen/expand.js';
import { parseEventTable } from './regimen/nonmem.js';
import { MAX_DOSE_MG, parseRegimen, RegimenError, type Regimen } from './regimen/schema.js';
import { PARAMETER_SET_IDS } from './models/ldn/parameters.js';
import type { ParameterSet } from './parameters/types.js';
import { DEFAULT_STEP_H, resolveParameters, simulate, SimulationError, type SimulateOptions, type Trajectory } from './simulate.js';
import { HYPOTHESIS_IDS, type HypothesisId } from './models/modules/types.js';
import { buildLdnModel, HYPOTHESIS_MODULES, parseHypotheses } from './models/ldn/compose.js';
import { blockadeSummary, predictHypotheses, type BlockadeSummary, type HypothesisPrediction } from './hypotheses.js';
import { summarize, type SimulationSummary } from './summary.js';

export const MAX_DAYS = 3650;

/**
 * What-if parameter values by id. A parsed record cannot hold the key "__proto__" (assigning it sets
 * the prototype), so it is refused on the input as sent rather than silently dropped.
 */
export const overridesSchema = z.preprocess(
  (x, ctx) => {
    if (typeof x === 'object' && x !== null && Object.hasOwn(x, '__proto__')) ctx.addIssue({ code: 'custom', message: 'unknown parameter "__proto__"', path: ['__proto__'], input: x });
    return x;
  },
  z.record(z.string(), z.number({ error: 'must be a number' }).finite('must be a finite number').gte(0, 'must be 0 or more (no parameter of the model is negative)')),
);

export const simulationRequestSchema = z
  .object({
    dose: z.number().finite().gt(0, 'must be above 0 mg').lte(MAX_DOSE_MG, `must be at most ${MAX_DOSE_MG} mg naltrexone HCl`).optional().describe('mg naltrexone HCl per dose'),
    time: z.string().optional().describe('clock time of the first dose, HH:MM (default 22:00)'),
    days: z.number().finite().gt(0, 'must be above 0 days').lte(MAX_DAYS, `must be at most ${MAX_DAYS} days`).default(14).describe('span simulated, days from the first dose'),
    every: z.number().finite().gt(0, 'must be above 0 h').lte(672, 'must be at most 672 h').optional().describe('dosing interval, hours (default 24)'),
    doses: z.number().int('must be a whole number').gte(1, 'must be at least 1').lte(100_000).optional().describe('number of doses (default: every interval across the span)'),
    step: z.number().finite().gt(0, 'must be above 0 h').lte(24, 'must be at most 24 h').default(DEFAULT_STEP_H).describe('output step, hours'),
    params: z.enum(PARAMETER_SET_IDS as [string, ...string[]], { error: `must be one of: ${PARAMETER_SET_IDS.join(', ')}` }).default('literature'),
    start: z.string().optional().describe('calendar date of the first dose, YYYY-MM-DD'),
    regimen: z.unknown().optional().describe('a regimen object (see the regimen JSON schema) instead of dose/time/every/doses'),
    events: z.string().optional().describe('a NONMEM event table (CSV text) instead of dose/time/every/doses'),
    hypotheses: z.array(z.string()).optional().describe(`hypothesis modules to switch on: ${HYPOTHESIS_IDS.join(', ')}`),
    overrides: overridesSchema.optional().describe('parameter values to use instead of the set’s, by parameter id (`ldn params`), e.g. {"CL": 70}: a what-if, reported in the notes'),
  })
  .strict();

export type SimulationRequest = z.input<typeof simulationRequestSchema>;

export class RequestError extends Error {
  /** the request field that is wrong, when one is */
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super(message);
    this.name = 'RequestError';
    this.field = field;
  }
}

export interface SimulationOutput {
  time_h: number[];
  series: {
    naltrexone_ng_ml: number[];
    naltrexol_ng_ml: number[];
    mu_occupancy: number[];
    kappa_occupancy: number[];
    delta_occupancy: number[];
    /** outputs of the active hypothesis modules, by output id */
    [moduleOutput: string]: number[];
  };
  summary: SimulationSummary & { blockade: BlockadeSummary; hypotheses: HypothesisPrediction[] };
  hypotheses: HypothesisId[];
  regimen: {
    description: string;
    first_dose_clock: string;
    start_date?: string;
    doses: { time_h: number; dose_mg: number; day: number; clock: string; date?: string; kind: string }[];
  };
  parameters: string;
  /** parameter values the request changed from the set, when it changed any */
  overrides?: Record<string, number>;
  model: string;
  units: Record<string, string>;
  notes: string[];
}

const OUTPUTS = ['naltrexone_ng_ml', 'naltrexol_ng_ml', 'mu_occupancy', 'kappa_occupancy', 'delta_occupancy'] as const;

export const MODEL_NOTE =
  'Model output for research and education, not a clinical fact: occupancy is calibrated to PET in healthy volunteers after single 2–50 mg doses; no PET data exist at LDN doses beyond 8 h.';

const round = round6;

function roundDeep<T>(value: T): T {
  if (typeof value === 'number') return round(value) as T;
  if (Array.isArray(value)) return value.map(roundDeep) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundDeep(v)])) as T;
  return value;
}

function fieldOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Validates a request and builds the dose schedule it describes. */
export function scheduleFromRequest(input: unknown): { request: z.output<typeof simulationRequestSchema>; schedule: DoseSchedule; description: string; notes: string[] } {
  const parsed = simulationRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = fieldOf(issue.path);
    const message = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}; accepted: ${Object.keys(simulationRequestSchema.shape).join(', ')}` : `${field}: ${issue.message}`;
    throw new RequestError(message, issue.code === 'unrecognized_keys' ? issue.keys[0] : field);
  }
  const req = parsed.data;
  const sources = [req.dose !== undefined, req.regimen !== undefined, req.events !== undefined].filter(Boolean).length;
  if (sources !== 1) throw new RequestError(sources === 0 ? 'give a dose (mg), a regimen or an event table' : 'give only one of: dose, regimen, events', 'dose');
  if (req.regimen !== undefined || req.events !== undefined) {
    for (const f of ['every', 'doses'] as const) if (req[f] !== undefined) throw new RequestError(`${f} applies to a simple dose; the ${req.regimen !== undefined ? 'regimen' : 'event table'} sets its own schedule`, f);
  }
  let firstClock = 22;
  if (req.time !== undefined) {
    try {
      firstClock = parseClock(req.time);
    } catch {
      throw new RequestError(`time: "${req.time}" is not a clock time; use 24-hour HH:MM, e.g. 22:00`, 'time');
    }
  }
  const spanH = req.days * 24;
  if (req.step > spanH) throw new RequestError(`step: ${req.step} h is longer than the simulated span (${spanH} h)`, 'step');
  const notes: string[] = [];
  try {
    if (req.events !== undefined) {
      const table = parseEventTable(req.events, firstClock);
      notes.push(...table.notes);
      const schedule = table.schedule;
      if (req.start !== undefined) schedule.startDay = parseDate(req.start);
      schedule.doses = schedule.doses.filter((d) => d.time_h < spanH);
      return { request: req, schedule, description: `${table.schedule.doses.length} doses from an event table`, notes };
    }
    let regimen: Regimen;
    if (req.regimen !== undefined) {
      regimen = parseRegimen(req.regimen);
      if (req.time !== undefined) regimen.steps[0] = { ...regimen.steps[0]!, time: req.time };
      if (req.start !== undefined) regimen.start_date = req.start;
    } else {
      regimen = parseRegimen(
        simpleRegimen({ dose_mg: req.dose!, time: req.time ?? '22:00', every_h: req.every ?? 24, ...(req.doses !== undefined ? { doses: req.doses } : {}), ...(req.start !== undefined ? { start_date: req.start } : {}) }),
      );
    }
    const schedule = expandRegimen(regimen, spanH);
    return { request: req, schedule, description: describeRegimen(regimen), notes };
  } catch (e) {
    if (e instanceof RegimenError || e instanceof RangeError) throw new RequestError(e.message, req.events !== undefined ? 'events' : req.regimen !== undefined ? 'regimen' : 'start');
    throw e;
  }
}

export function describeRegimen(regimen: Regimen): string {
  return regimen.steps
    .map((s) => {
      const every = s.every_h ?? 24;
      const freq = every === 24 ? 'daily' : `every ${every} h`;
      const len = s.days !== undefined ? ` for ${s.days} d` : s.doses !== undefined ? ` × ${s.doses}` : '';
      return `${s.dose_mg} mg ${freq}${s.time ? ` at ${s.time}` : ''}${len}`;
    })
    .join(', then ');
}

export function outputFromTrajectory(
  traj: Trajectory,
  summary: SimulationSummary,
  description: string,
  notes: string[],
  hypotheses: readonly HypothesisId[] = [],
  values: Readonly<Record<string, number>> = {},
): SimulationOutput {
  const moduleOutputs = hypotheses.flatMap((h) => HYPOTHESIS_MODULES[h].outputs.map((o) => o.id));
  const series = Object.fromEntries([...OUTPUTS, ...moduleOutputs].map((id) => [id, Array.from(traj.series[id]!, round)])) as SimulationOutput['series'];
  const full = { ...summary, blockade: blockadeSummary(traj), hypotheses: predictHypotheses(traj, hypotheses, values) };
  const doses = traj.doses.map((d) => {
    const pos = clockPosition(d.time_h, traj.firstDoseClockH, traj.startDay);
    return { time_h: round(d.time_h), dose_mg: d.dose_mg, day: pos.day, clock: pos.clock, ...(pos.date ? { date: pos.date } : {}), kind: d.kind };
  });
  const first = clockPosition(0, traj.firstDoseClockH, traj.startDay);
  return {
    time_h: Array.from(traj.time_h, round),
    series,
    summary: roundDeep(full),
    hypotheses: [...hypotheses],
    regimen: { description, first_dose_clock: first.clock, ...(first.date ? { start_date: first.date } : {}), doses },
    parameters: traj.parameterSet,
    model: traj.model,
    units: { time_h: 'hours since the first dose', dose_mg: 'mg naltrexone HCl', concentrations: 'ng/mL (base)', occupancy: 'fraction 0–1' },
    notes: [...notes, MODEL_NOTE],
  };
}

/** A validated request, ready to simulate: what `runSimulation` and the web app's worker share. */
export interface PreparedSimulation {
  request: z.output<typeof simulationRequestSchema>;
  description: string;
  /** the request's notes, with one per what-if value */
  notes: string[];
  hypotheses: HypothesisId[];
  model: ReturnType<typeof buildLdnModel>;
  options: SimulateOptions;
  /** the parameter values used (the set's, with the overrides) */
  values: Record<string, number>;
  /** the what-if values, when the request has any */
  overrides?: Record<string, number>;
}

/** Validates a request (schedule, hypotheses, what-if values against the active model) without simulating. */
export function prepareSimulation(input: unknown): PreparedSimulation {
  const { request, schedule, description, notes } = scheduleFromRequest(input);
  if (schedule.doses.length === 0) throw new RequestError('no dose falls inside the simulated span; lengthen days', 'days');
  let hypotheses: HypothesisId[];
  try {
    hypotheses = parseHypotheses(request.hypotheses ?? []);
  } catch (e) {
    throw new RequestError(`hypotheses: ${(e as Error).message}`, 'hypotheses');
  }
  const model = buildLdnModel(hypotheses);
  const overrides = request.overrides ?? {};
  const changed = Object.keys(overrides).length > 0;
  const values = applyOverrides(resolveParameters(request.params, undefined, model).values, overrides, model, hypotheses);
  const options: SimulateOptions = { schedule, days: request.days, step_h: request.step, parameters: request.params, model, ...(changed ? { overrides } : {}) };
  const set = model.parameterSet?.(request.params);
  return { request, description, notes: [...notes, ...(set ? overrideNotes(set, overrides) : [])], hypotheses, model, options, values, ...(changed ? { overrides: { ...overrides } } : {}) };
}

/**
 * `values` with the what-if values applied, after checking them against the active model: every name
 * must be one of its parameters (a module's needs the module switched on), and the result must meet
 * the model's own constraints (fractions, presystemic formation). Shared by simulations and cohorts.
 */
export function applyOverrides(values: Readonly<Record<string, number>>, overrides: Readonly<Record<string, number>>, model: ReturnType<typeof buildLdnModel>, hypotheses: readonly HypothesisId[]): Record<string, number> {
  const ids = Object.keys(overrides);
  if (ids.length === 0) return { ...values };
  const unknown = ids.find((k) => !model.parameterIds.includes(k));
  if (unknown !== undefined) {
    const module = HYPOTHESIS_IDS.find((h) => unknown.startsWith(`${h}.`));
    throw new RequestError(
      `overrides: unknown parameter "${unknown}"; ${module !== undefined && !hypotheses.includes(module) ? `switch on the ${module} module (hypotheses) to set it; ` : ''}the model${hypotheses.length > 0 ? ` with ${hypotheses.join(', ')}` : ''} has ${model.parameterIds.join(', ')}`,
      `overrides.${unknown}`,
    );
  }
  const out = { ...values, ...overrides };
  try {
    model.system(out);
  } catch (e) {
    if (e instanceof RangeError) throw new RequestError(`overrides: ${e.message.replace(/^LDN model: /, '')}`, 'overrides');
    throw e;
  }
  return out;
}

/** Simulates a prepared request and summarises it; a failure that only the what-if values can cause names them. */
export function simulatePrepared(p: PreparedSimulation): { traj: Trajectory; summary: SimulationSummary } {
  try {
    const traj = simulate(p.options);
    return { traj, summary: summarize(traj, p.options) };
  } catch (e) {
    // with the set's own values the model is well posed; a failure here comes from the changed values
    if (p.overrides && (e instanceof SimulationError || e instanceof RangeError)) {
      throw new RequestError(`overrides: with ${Object.entries(p.overrides).map(([k, v]) => `${k} = ${v}`).join(', ')} the model cannot be solved (${e.message}); check the values against \`ldn params\``, 'overrides');
    }
    throw e;
  }
}

/** Validates a request, simulates it and summarises it. */
export function runSimulation(input: unknown): SimulationOutput {
  const prepared = prepareSimulation(input);
  const { traj, summary } = simulatePrepared(prepared);
  const out = outputFromTrajectory(traj, summary, prepared.description, prepared.notes, prepared.hypotheses, prepared.values);
  // (non-finite outputs cannot reach here: simulate refuses them, and simulatePrepared names the what-if values)
  if (prepared.overrides) out.overrides = prepared.overrides;
  return out;
}

/** One note per changed parameter: the new value, the set's value, and whether it leaves the plausible range. */
export function overrideNotes(set: ParameterSet, overrides: Readonly<Record<string, number>>, what = ''): string[] {
  return Object.entries(overrides).map(([id, v]) => {
    const p = set.parameters[id];
    if (!p) return `what-if: ${what}${id} = ${v}`;
    const unit = p.unit === '–' || p.unit === '' ? '' : ` ${p.unit}`;
    const outside = v < p.range[0] || v > p.range[1];
    return `what-if: ${what}${id} (${p.label}) = ${v}${unit} instead of ${round(p.value)}${unit} (${set.id} set; plausible ${p.range[0]}–${p.range[1]}${unit})${outside ? ': outside the plausible range' : ''}.`;
  });
}
