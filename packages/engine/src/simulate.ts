// simulate: the engine's entry point from a dose schedule to a trajectory. It joins a model
// (data), a parameter set (with provenance) and a solver; doses become integrator events.

import type { ModelDefinition } from './model/types.js';
import { stateIndex } from './model/types.js';
import { ldnModel } from './models/ldn/model.js';
import { PARAMETER_SET_IDS, parameterSet as namedSet } from './models/ldn/parameters.js';
import { parameterValues, type ParameterSet } from './parameters/types.js';
import type { Dose, DoseSchedule } from './regimen/expand.js';
import { solve, type SolveStats } from './ode/solve.js';
import type { OdeEvent, OdeSystem, Solver, StepControl } from './ode/types.js';

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
  /** integrate the model's declared first-order depot in closed form (default true) */
  exactDepot?: boolean;
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
  const control = { rtol: 1e-6, atol: 1e-9, ...options.control }; // rtol 1e-6: max error vs deSolve 1.5e-7 relative (bench notes)
  const solver = options.solver ? { solver: options.solver } : {};
  const n = model.states.length;
  const depot = options.exactDepot !== false && model.exactDepot ? exactDepot(model, values) : undefined;
  const system = depot ? depot.wrap(model.system(values, ctx)) : model.system(values, ctx);
  const runIn = model.runInH ? model.runInH(values) : 0;
  const start = model.initialState ? model.initialState(values, ctx) : new Float64Array(n);
  let y0 = depot ? depot.augment(start, -runIn) : start;
  if (runIn > 0) {
    // drug-free run-in so that endogenous rhythms start on their periodic baseline
    const pre = solve({ system, y0, t0: -runIn, saveAt: [0], control, ...solver });
    y0 = Float64Array.from(pre.y, (col) => col[0]!);
  }
  const doseEvents: OdeEvent[] = depot
    ? options.schedule.doses.filter((d) => d.time_h <= time[time.length - 1]!).map((d) => depot.dose(d.time_h, model.doseAmount(d.dose_mg)))
    : events;
  const sol = solve({ system, y0, t0: 0, saveAt: time, events: doseEvents, control, ...solver });
  if (depot) depot.restore(sol.y, time);
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
    traj.states = Object.fromEntries(model.states.map((st, i) => [st.id, sol.y[i]!]));
  }
  return traj;
}

/**
 * Closed-form integration of a first-order depot. The depot state holds its amount at the last
 * dose (or the start) and one extra state holds that time τ; the right-hand side sees the exact
 * amount A(t) = A(τ)·e^{−k(t−τ)}, and both stored states have zero derivative. An explicit
 * solver's step is then no longer held to ≈3.3/k by the depot's stability limit (ka ≈ 4/h:
 * 0.8 h steps all day); steps halve to a third, and the solution is the same function.
 */
function exactDepot(model: ModelDefinition, values: Readonly<Record<string, number>>) {
  const spec = model.exactDepot!;
  const d = stateIndex(model, spec.state);
  const k = values[spec.rateParameter];
  if (k === undefined || !(k > 0)) throw new SimulationError(`depot rate ${spec.rateParameter} must be above 0 (got ${String(k)})`);
  const n = model.states.length;
  const amountAt = (y: Float64Array, t: number) => y[d]! * Math.exp(-k * (t - y[n]!));
  return {
    wrap(inner: OdeSystem): OdeSystem {
      return {
        dimension: n + 1,
        rhs(t, y, dy) {
          // the exact amount is put in place for the model's right-hand side and the stored one put
          // back before returning, so the solver's state is unchanged and nothing is copied
          const stored = y[d]!;
          y[d] = stored * Math.exp(-k * (t - y[n]!));
          inner.rhs(t, y, dy);
          y[d] = stored;
          dy[d] = 0;
          dy[n] = 0;
        },
      };
    },
    augment(y: Float64Array, t0: number): Float64Array {
      const out = new Float64Array(n + 1);
      out.set(y);
      out[n] = t0;
      return out;
    },
    dose(time: number, amount: number): OdeEvent {
      return {
        time,
        apply(y) {
          y[d] = amountAt(y, time) + amount;
          y[n] = time;
        },
      };
    },
    /** replaces the stored depot column by the amount at each output time and drops τ */
    restore(columns: Float64Array[], times: Float64Array) {
      const a = columns[d]!;
      const tau = columns[n]!;
      for (let i = 0; i < times.length; i++) a[i] = a[i]! * Math.exp(-k * (times[i]! - tau[i]!));
      columns.length = n;
    },
  };
}
