// A model is data: named states, named parameters (with provenance, in a ParameterSet), named
// outputs, and two pure functions (the right-hand side and the output map). Nothing here knows
// about solvers, doses or clock time; `simulate` (../simulate.ts) joins a model to a regimen and a
// solver. New mechanism modules (issue: hypotheses) are new models or extensions built the same way.

import type { OdeSystem } from '../ode/types.js';
import type { ParameterSet } from '../parameters/types.js';

export interface StateSpec {
  readonly id: string;
  readonly unit: string;
  readonly description: string;
}

export interface OutputSpec {
  readonly id: string;
  readonly unit: string;
  readonly description: string;
}

/** What a model may need to know about the calendar: where t = 0 falls on the clock. */
export interface SystemContext {
  /** clock time of t = 0 (the first dose), hours after midnight */
  firstDoseClockH: number;
}

export interface ModelDefinition {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly states: readonly StateSpec[];
  readonly outputs: readonly OutputSpec[];
  /** the parameter ids the model reads; a parameter set must provide each */
  readonly parameterIds: readonly string[];
  /** the state that an oral dose enters */
  readonly doseState: string;
  /** converts an oral dose in mg naltrexone HCl into the dose state's unit */
  doseAmount(mgHcl: number): number;
  /** binds parameter values and returns the ODE system */
  system(p: Readonly<Record<string, number>>, ctx?: SystemContext): OdeSystem;
  /**
   * The drug-free state at t = −runInH (zeros when absent). Models with endogenous dynamics
   * (circadian hormones, receptor density) start from their baseline here.
   */
  initialState?(p: Readonly<Record<string, number>>, ctx: SystemContext): Float64Array;
  /**
   * Hours to integrate drug-free before the first dose, so that slow endogenous rhythms start on
   * their periodic baseline rather than on a guess (0 when absent).
   */
  runInH?(p: Readonly<Record<string, number>>): number;
  /**
   * Computes the outputs from one state vector. Returns a function so that per-parameter work
   * (e.g. unit factors) is done once, not at every output time.
   */
  outputMap(p: Readonly<Record<string, number>>, ctx?: SystemContext): (y: Float64Array, out: Float64Array, t: number) => void;
  /** the model's own version of a named parameter set (composed models add their modules' parameters) */
  parameterSet?(id: string): ParameterSet;
  /**
   * Declares a first-order depot: the state whose right-hand side is exactly −k·y (k the named
   * parameter), fed only by doses. `simulate` may then integrate it in closed form, which removes
   * its fast rate from the step-size control (see simulate.ts). A test checks the declaration.
   */
  exactDepot?: { state: string; rateParameter: string };
}

export function stateIndex(model: ModelDefinition, id: string): number {
  const i = model.states.findIndex((s) => s.id === id);
  if (i < 0) throw new RangeError(`model ${model.id} has no state "${id}"`);
  return i;
}

export function outputIndex(model: ModelDefinition, id: string): number {
  const i = model.outputs.findIndex((s) => s.id === id);
  if (i < 0) throw new RangeError(`model ${model.id} has no output "${id}"; it has ${model.outputs.map((o) => o.id).join(', ')}`);
  return i;
}
