// A model is data: named states, named parameters (with provenance, in a ParameterSet), named
// outputs, and two pure functions (the right-hand side and the output map). Nothing here knows
// about solvers, doses or clock time; `simulate` (../simulate.ts) joins a model to a regimen and a
// solver. New mechanism modules (issue: hypotheses) are new models or extensions built the same way.

import type { OdeSystem } from '../ode/types.js';

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
  system(p: Readonly<Record<string, number>>): OdeSystem;
  /**
   * Computes the outputs from one state vector. Returns a function so that per-parameter work
   * (e.g. unit factors) is done once, not at every output time.
   */
  outputMap(p: Readonly<Record<string, number>>): (y: Float64Array, out: Float64Array) => void;
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
