// What the simulation worker computes for one slider position. It is `runSimulation` (the function
// behind `ldn simulate` and POST /api/simulate) minus its JSON shaping: the same request validation,
// schedule, composed model, parameter set, summary, blockade pattern and hypothesis predictions, but
// the series stay Float64Arrays (transferred to the page without copying) and are not rounded to 6
// significant digits. Rounding thousands of numbers per series cost more than the simulation itself
// (≈45 ms vs ≈8 ms for 28 days with every hypothesis), and slider moves must stay under a frame.
// A test checks that these numbers equal runSimulation's to its rounding.

import {
  blockadeSummary,
  expandRegimen,
  parseRegimen,
  HYPOTHESIS_MODULES,
  MODEL_NOTE,
  predictHypotheses,
  prepareSimulation,
  RequestError,
  simulatePrepared,
  type BlockadeSummary,
  type HypothesisId,
  type HypothesisPrediction,
  type SimulationSummary,
} from '@ldn/engine';

export const CORE_SERIES = ['naltrexone_ng_ml', 'naltrexol_ng_ml', 'mu_occupancy', 'kappa_occupancy', 'delta_occupancy'] as const;

export interface ViewOutput {
  id: string;
  unit: string;
  description: string;
  /** the hypothesis module that produces it; undefined for the PK/occupancy core */
  module?: HypothesisId;
}

export interface ViewDose {
  time_h: number;
  dose_mg: number;
  kind: 'scheduled' | 'extra';
}

export interface ViewResult {
  time_h: Float64Array;
  /** output id → values at time_h (occupancies as fractions 0–1) */
  series: Record<string, Float64Array>;
  outputs: ViewOutput[];
  doses: ViewDose[];
  /** times (hours since the first dose) of scheduled doses marked as missed */
  missed_h: number[];
  /** clock time of the first dose, hours after midnight */
  firstDoseClockH: number;
  /** calendar date of the first dose (YYYY-MM-DD), when the regimen has one */
  startDate?: string;
  summary: SimulationSummary;
  blockade: BlockadeSummary;
  hypotheses: HypothesisPrediction[];
  activeHypotheses: HypothesisId[];
  parameters: string;
  /** what-if parameter values, when the request has any */
  overrides?: Record<string, number>;
  description: string;
  notes: string[];
  /** time spent in the worker, ms (validation + simulation + summary) */
  compute_ms: number;
}

export class ViewRequestError extends Error {
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super(message);
    this.name = 'ViewRequestError';
    this.field = field;
  }
}

function isoDate(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

/** The scheduled doses that `missed` removed: the regimen expanded without it, minus the doses given. */
function missedTimes(regimen: unknown, time: string | undefined, spanH: number, given: readonly { time_h: number }[]): number[] {
  if (typeof regimen !== 'object' || regimen === null || !('missed' in regimen)) return [];
  const { missed: _missed, ...rest } = regimen as Record<string, unknown>;
  const r = parseRegimen(rest);
  if (time !== undefined) r.steps[0] = { ...r.steps[0]!, time };
  const all = expandRegimen(r, spanH).doses;
  return all.filter((d) => !given.some((g) => Math.abs(g.time_h - d.time_h) < 1e-6)).map((d) => d.time_h);
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Simulates one request for display. Bad requests throw ViewRequestError with the engine's message and field. */
export function simulateForView(input: unknown): ViewResult {
  const t0 = now();
  try {
    const prepared = prepareSimulation(input);
    const { request, description, notes, model, values } = prepared;
    const active = prepared.hypotheses;
    const { traj, summary } = simulatePrepared(prepared);
    const outputs: ViewOutput[] = [
      ...model.outputs.filter((o) => (CORE_SERIES as readonly string[]).includes(o.id)).map((o) => ({ id: o.id, unit: o.unit, description: o.description })),
      ...active.flatMap((h) => HYPOTHESIS_MODULES[h].outputs.map((o) => ({ id: o.id, unit: o.unit, description: o.description, module: h }))),
    ];
    const series: Record<string, Float64Array> = {};
    for (const o of outputs) series[o.id] = traj.series[o.id]!;
    const result: ViewResult = {
      time_h: traj.time_h,
      series,
      outputs,
      doses: traj.doses.map((d) => ({ time_h: d.time_h, dose_mg: d.dose_mg, kind: d.kind })),
      missed_h: missedTimes(request.regimen, request.time, request.days * 24, traj.doses),
      firstDoseClockH: traj.firstDoseClockH,
      summary,
      blockade: blockadeSummary(traj),
      hypotheses: predictHypotheses(traj, active, values),
      activeHypotheses: active,
      parameters: traj.parameterSet,
      description,
      notes: [...notes, MODEL_NOTE],
      compute_ms: 0,
    };
    if (prepared.overrides) result.overrides = prepared.overrides;
    if (traj.startDay !== undefined) result.startDate = isoDate(traj.startDay);
    result.compute_ms = now() - t0;
    return result;
  } catch (e) {
    if (e instanceof RequestError) throw new ViewRequestError(e.message, e.field);
    if (e instanceof RangeError || (e instanceof Error && e.name === 'SimulationError')) throw new ViewRequestError(e.message);
    throw e;
  }
}

/** The buffers of a result, for postMessage's transfer list (the page gets them without a copy). */
export function transferables(r: ViewResult): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const a of [r.time_h, ...Object.values(r.series)]) if (a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  return [...out];
}
