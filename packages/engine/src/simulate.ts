// simulate: the engine's entry point from a dose schedule to a trajectory. It joins a model
// (data), a parameter set (with provenance) and a solver; doses become integrator events.

import type { ModelDefinition } from './model/types.js';
import { stateIndex } from './model/types.js';
import { ldnModel } from './models/ldn/model.js';
import { PARAMETER_SET_IDS, parameterSet as namedSet } from './models/ldn/parameters.js';
import { parameterValues, type ParameterSet } from './parameters/types.js';
import type { Dose, DoseSchedule } from './regimen/expand.js';
import { solve, type SolveStats } from './ode/solve.js';
import type { OdeEvent, Solver, StepControl } from './ode/types.js';

export const DEFAULT_STEP_H = 0.25;
/** refuse output grids that would not fit comfortably in memory */
export const MAX_OUTPUT_POINTS = 2_000_000;

export interface SimulateOptions {
  schedule: DoseSchedule;
  /** span simulated, days from the first dose */
  days: number;
  /** output grid spacing, hours (default 0.25) */
  step_h?: number;
  /** a parameter set or its name (default `literature`) */
  parameters?: ParameterSet | string;
  /** values replacing parameters of the set, by id */
  overrides?: Readonly<Record<string, number>>;
  model?: ModelDefinition;
  solver?: Solver;
  control?: Partial<StepControl>;
  /** also return every state (default false) */
  includeStates?: boolean;
  /** explicit output times (hours since the first dose) instead of a regular grid */
  times?: Float64Array | readonly number[];
}

export interface Trajectory {
  model: string;
  parameterSet: string;
  time_h: Float64Array;
  /** output id → values at time_h */
  series: Record<string, Float64Array>;
  states?: Record<string, Float64Array>;
  doses: Dose[];
  firstDoseClockH: number;
  startDay?: number;
  stats: SolveStats;
}

export class SimulationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulationError';
  }
}

/** Regular output grid 0, step, 2·step, … up to and including spanH. */
export function outputGrid(spanH: number, stepH: number): Float64Array {
  if (!(stepH > 0) || !Number.isFinite(stepH)) throw new SimulationError(`step must be above 0 h (got ${stepH})`);
  if (!(spanH > 0) || !Number.isFinite(spanH)) throw new SimulationError(`days must be above 0 (got ${spanH / 24})`);
  const n = Math.floor(spanH / stepH + 1e-9) + 1;
  if (n > MAX_OUTPUT_POINTS) {
    throw new SimulationError(`${n} output points (span ${spanH} h every ${stepH} h) is more than ${MAX_OUTPUT_POINTS}; use a larger step or a shorter span`);
  }
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = i * stepH;
  return t;
}

export function resolveParameters(parameters: ParameterSet | string | undefined, overrides?: Readonly<Record<string, number>>, model: ModelDefinition = ldnModel) {
  const name = typeof parameters === 'string' || parameters === undefined ? (parameters ?? 'literature') : parameters.id;
  const set = typeof parameters === 'object' ? parameters : model.parameterSet ? model.parameterSet(name) : namedSet(name);
  const values = parameterValues(set);
  if (model.parameterSet && model.parameterIds.some((id) => !(id in values))) {
    // a core set given to a composed model: the modules' parameters come from the model's own version of the set
    const full = parameterValues(model.parameterSet(PARAMETER_SET_IDS.includes(set.id) ? set.id : 'literature'));
    for (const id of model.parameterIds) if (!(id in values)) values[id] = full[id]!;
  }
  for (const [k, v] of Object.entries(overrides ?? {})) {
    if (!(k in values)) throw new SimulationError(`unknown parameter "${k}"; the ${set.id} set has ${Object.keys(values).join(', ')}`);
    if (!Number.isFinite(v)) throw new SimulationError(`parameter ${k} must be a finite number (got ${v})`);
    values[k] = v;
  }
  for (const id of model.parameterIds) {
    if (!(id in values)) throw new SimulationError(`parameter set ${set.id} lacks ${id}, which model ${model.id} needs`);
  }
  return { set, values };
}

export function simulate(options: SimulateOptions): Trajectory {
  const model = options.model ?? ldnModel;
  const { set, values } = resolveParameters(options.parameters, options.overrides, model);
  const spanH = options.days * 24;
  const time = options.times ? Float64Array.from(options.times) : outputGrid(spanH, options.step_h ?? DEFAULT_STEP_H);
  const doseIdx = stateIndex(model, model.doseState);
  const events: OdeEvent[] = options.schedule.doses
    .filter((d) => d.time_h <= time[time.length - 1]!)
    .map((d) => {
      const amount = model.doseAmount(d.dose_mg);
      return { time: d.time_h, apply: (y: Float64Array) => void (y[doseIdx]! += amount) };
    });
  const ctx = { firstDoseClockH: options.schedule.firstDoseClockH };
  const system = model.system(values, ctx);
  const control = { rtol: 1e-6, atol: 1e-9, ...options.control }; // rtol 1e-6: max error vs deSolve 1.5e-7 relative (bench notes)
  const solver = options.solver ? { solver: options.solver } : {};
  let y0 = model.initialState ? model.initialState(values, ctx) : new Float64Array(model.states.length);
  const runIn = model.runInH ? model.runInH(values) : 0;
  if (runIn > 0) {
    // drug-free run-in so that endogenous rhythms start on their periodic baseline
    const pre = solve({ system, y0, t0: -runIn, saveAt: [0], control, ...solver });
    y0 = Float64Array.from(pre.y, (col) => col[0]!);
  }
  const sol = solve({ system, y0, t0: 0, saveAt: time, events, control, ...solver });
  const map = model.outputMap(values, ctx);
  const nOut = model.outputs.length;
  const series: Record<string, Float64Array> = {};
  const cols = model.outputs.map((o) => (series[o.id] = new Float64Array(time.length)));
  const y = new Float64Array(model.states.length);
  const out = new Float64Array(nOut);
  for (let k = 0; k < time.length; k++) {
    for (let i = 0; i < y.length; i++) y[i] = sol.y[i]![k]!;
    map(y, out, time[k]!);
    for (let j = 0; j < nOut; j++) {
      const v = out[j]!;
      if (!Number.isFinite(v)) throw new SimulationError(`output ${model.outputs[j]!.id} is not finite at t = ${time[k]} h; check the parameters`);
      cols[j]![k] = v;
    }
  }
  const traj: Trajectory = {
    model: model.id,
    parameterSet: set.id,
    time_h: time,
    series,
    doses: options.schedule.doses.filter((d) => d.time_h <= time[time.length - 1]!),
    firstDoseClockH: options.schedule.firstDoseClockH,
    stats: sol.stats,
  };
  if (options.schedule.startDay !== undefined) traj.startDay = options.schedule.startDay;
  if (options.includeStates) {
    traj.states = Object.fromEntries(model.states.map((s, i) => [s.id, sol.y[i]!]));
  }
  return traj;
}
