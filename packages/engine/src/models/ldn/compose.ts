// Composition of the PK/occupancy core with any set of hypothesis modules into one model. States,
// outputs and parameters are concatenated (module ids are prefixed, so they cannot clash); each
// module reads the core through CoreSignals computed once per right-hand-side call. Composed
// models are cached, so a population of 10,000 patients builds each combination once.

import type { ModelDefinition, OutputSpec, StateSpec, SystemContext } from '../../model/types.js';
import type { Parameter, ParameterSet } from '../../parameters/types.js';
import { HYPOTHESIS_IDS, type CoreSignals, type HypothesisId, type HypothesisModule } from '../modules/types.js';
import { ogfModule } from '../ogf/module.js';
import { reboundModule } from '../rebound/module.js';
import { tlr4Module } from '../tlr4/module.js';
import { coreSignalMap, ldnModel } from './model.js';
import { PARAMETER_SETS, PARAMETER_SET_IDS } from './parameters.js';

export const HYPOTHESIS_MODULES: Readonly<Record<HypothesisId, HypothesisModule>> = {
  rebound: reboundModule,
  tlr4: tlr4Module,
  ogf: ogfModule,
};

export class UnknownHypothesisError extends RangeError {
  constructor(id: string) {
    super(`unknown hypothesis "${id}"; use any of: ${HYPOTHESIS_IDS.join(', ')}`);
    this.name = 'UnknownHypothesisError';
  }
}

/** Validates and orders hypothesis ids (canonical order, no duplicates). */
export function parseHypotheses(ids: readonly string[]): HypothesisId[] {
  for (const id of ids) if (!(HYPOTHESIS_IDS as readonly string[]).includes(id)) throw new UnknownHypothesisError(id);
  return HYPOTHESIS_IDS.filter((h) => ids.includes(h));
}

/** The named parameter set with the parameters of every module (literature or seed version). */
export function fullParameterSet(id: string): ParameterSet {
  const core = PARAMETER_SETS[id];
  if (!core) throw new RangeError(`unknown parameter set "${id}"; use one of: ${PARAMETER_SET_IDS.join(', ')}`);
  const version = id === 'seed' ? 'seed' : 'literature';
  const parameters: Record<string, Parameter> = { ...core.parameters };
  for (const m of Object.values(HYPOTHESIS_MODULES)) Object.assign(parameters, m.parameters[version]);
  return { ...core, parameters };
}

const cache = new Map<string, ModelDefinition>();

export function buildLdnModel(hypotheses: readonly string[] = []): ModelDefinition {
  const ids = parseHypotheses(hypotheses);
  const key = ids.join('+');
  const hit = cache.get(key);
  if (hit) return hit;
  const modules = ids.map((id) => HYPOTHESIS_MODULES[id]);
  if (modules.length === 0) {
    const core: ModelDefinition = { ...ldnModel, parameterSet: fullParameterSet };
    cache.set(key, core);
    return core;
  }
  const states: StateSpec[] = [...ldnModel.states];
  const outputs: OutputSpec[] = [...ldnModel.outputs];
  const stateOffset: number[] = [];
  const outputOffset: number[] = [];
  for (const m of modules) {
    stateOffset.push(states.length);
    outputOffset.push(outputs.length);
    states.push(...m.states);
    outputs.push(...m.outputs);
  }
  const nCoreOut = ldnModel.outputs.length;
  const parameterIds = [...ldnModel.parameterIds, ...modules.flatMap((m) => Object.keys(m.parameters.literature))];
  const clockOf = (ctx: SystemContext | undefined, t: number) => {
    const c = ((ctx?.firstDoseClockH ?? 0) + t) % 24;
    return c < 0 ? c + 24 : c;
  };
  const signals = (p: Readonly<Record<string, number>>) => {
    const fill = coreSignalMap(p);
    const s: CoreSignals = { mu: 0, kappa: 0, delta: 0, naltrexoneUnbound: 0, naltrexolUnbound: 0, clockH: 0 };
    return { s, fill };
  };

  const model: ModelDefinition = {
    id: `${ldnModel.id}+${key}`,
    title: `${ldnModel.title} with ${modules.map((m) => m.title).join(', ')}`,
    description: `${ldnModel.description} Hypothesis modules: ${modules.map((m) => m.title).join('; ')}.`,
    states,
    outputs,
    parameterIds,
    doseState: ldnModel.doseState,
    doseAmount: (mg: number) => ldnModel.doseAmount(mg),
    exactDepot: ldnModel.exactDepot!,
    parameterSet: fullParameterSet,
    runInH: (p) => Math.max(0, ...modules.map((m) => m.runInH(p))),
    initialState(p, ctx) {
      const y = new Float64Array(states.length);
      const clock = clockOf(ctx, -(model.runInH?.(p) ?? 0));
      modules.forEach((m, i) => m.bind(p).initial(y, stateOffset[i]!, clock));
      return y;
    },
    system(p, ctx) {
      const core = ldnModel.system(p);
      const bound = modules.map((m) => m.bind(p));
      const { s, fill } = signals(p);
      return {
        dimension: states.length,
        rhs(t, y, dy) {
          core.rhs(t, y, dy);
          fill(y, s);
          s.clockH = clockOf(ctx, t);
          for (let i = 0; i < bound.length; i++) bound[i]!.rhs(s, y, stateOffset[i]!, dy);
        },
      };
    },
    outputMap(p, ctx) {
      const coreOut = ldnModel.outputMap(p, ctx);
      const bound = modules.map((m) => m.bind(p));
      const { s, fill } = signals(p);
      const tmp = new Float64Array(nCoreOut);
      return (y, out, t) => {
        coreOut(y, tmp, t);
        out.set(tmp, 0);
        fill(y, s);
        s.clockH = clockOf(ctx, t);
        for (let i = 0; i < bound.length; i++) bound[i]!.output(s, y, stateOffset[i]!, out, outputOffset[i]!);
      };
    },
  };
  cache.set(key, model);
  return model;
}
