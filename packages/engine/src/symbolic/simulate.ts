// Simulates a symbolic model with the engine's own solver: doses become integrator events exactly
// as in `simulate` (../simulate.ts), so a model read back from SBML can be compared with the
// hand-written model it was exported from. Slower than the hand-written right-hand sides (closure
// trees instead of straight-line code): for checks and for models that exist only as equations.

import { solve } from '../ode/solve.js';
import type { OdeEvent, Solver, StepControl } from '../ode/types.js';
import { compileSymbolicModel, type SymbolicModel, SymbolicModelError } from './model.js';

export interface SymbolicDose {
  /** hours since t = 0 */
  time_h: number;
  /** amount added, in the target state's unit */
  amount: number;
  /** the state it enters (default: the model's dose target) */
  target?: string;
}

export interface SymbolicSimulateOptions {
  parameters?: Readonly<Record<string, number>>;
  doses?: readonly SymbolicDose[];
  /** output times, hours, non-decreasing, from 0 */
  times: Float64Array | readonly number[];
  solver?: Solver;
  /** default rtol 1e-6, atol 1e-9, as `simulate` */
  control?: Partial<StepControl>;
}

export interface SymbolicTrajectory {
  time_h: Float64Array;
  series: Record<string, Float64Array>;
  states: Record<string, Float64Array>;
}

export function simulateSymbolic(model: SymbolicModel, options: SymbolicSimulateOptions): SymbolicTrajectory {
  const c = compileSymbolicModel(model, options.parameters ?? {});
  const time = Float64Array.from(options.times);
  const events: OdeEvent[] = (options.doses ?? []).map((d) => {
    const target = d.target ?? model.doseTarget;
    if (target === undefined) throw new SymbolicModelError(`model ${model.id} has no dose target; give each dose a target state`);
    const i = c.stateIds.indexOf(target);
    if (i < 0) throw new SymbolicModelError(`dose target ${target} is not a state of model ${model.id}`);
    return { time: d.time_h, apply: (y: Float64Array) => void (y[i]! += d.amount) };
  });
  const sol = solve({
    system: c.system,
    y0: c.initialState(),
    t0: 0,
    saveAt: time,
    events,
    ...(options.solver ? { solver: options.solver } : {}),
    control: { rtol: 1e-6, atol: 1e-9, ...options.control },
  });
  const series: Record<string, Float64Array> = {};
  const cols = c.outputIds.map((id) => (series[id] = new Float64Array(time.length)));
  const y = new Float64Array(c.stateIds.length);
  const out = new Float64Array(c.outputIds.length);
  for (let k = 0; k < time.length; k++) {
    for (let i = 0; i < y.length; i++) y[i] = sol.y[i]![k]!;
    c.outputs(y, out, time[k]!);
    for (let j = 0; j < out.length; j++) cols[j]![k] = out[j]!;
  }
  return { time_h: time, series, states: Object.fromEntries(c.stateIds.map((id, i) => [id, sol.y[i]!])) };
}
