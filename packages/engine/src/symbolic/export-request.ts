// One request → one SBML document: the same request that `ldn simulate` and POST /api/simulate
// take (run.ts: dose or regimen or event table, parameter set, hypotheses), turned into the LDN
// model's equations with the chosen parameter values and the regimen's doses as events. Shared by
// `ldn export sbml` and, later, an API route, so both write the same file.
//
// Hypothesis modules join the export through SYMBOLIC_MODULES: a module with an `equations.ts`
// (returning a SymbolicFragment, see symbolic/model.ts) adds one line there; a module without one
// is refused with a message that says so, rather than exported without its mechanism.

import { buildLdnModel, fullParameterSet, HYPOTHESIS_MODULES, parseHypotheses } from '../models/ldn/compose.js';
import { reboundEquations } from '../models/rebound/equations.js';
import { tlr4Equations } from '../models/tlr4/equations.js';
import { ogfEquations } from '../models/ogf/equations.js';
import { simulate } from '../simulate.js';
import { ldnSymbolicModel } from '../models/ldn/equations.js';
import { ldnModel } from '../models/ldn/model.js';
import type { HypothesisId } from '../models/modules/types.js';
import { parameterValues, type ParameterSet } from '../parameters/types.js';
import { formatClock, formatDate } from '../regimen/clock.js';
import { MODEL_NOTE, RequestError, scheduleFromRequest } from '../run.js';
import { MW_NALTREXONE_HCL } from '../units.js';
import { CLOCK_FRAGMENT, type SymbolicFragment, type SymbolicModel } from './model.js';
import { type SbmlDose, toSbml } from './sbml-write.js';

/**
 * The symbolic equations of each hypothesis module, given the full parameter set (core and
 * modules, `literature` or `seed` version) for provenance; a module that reads the clock lists
 * CLOCK_FRAGMENT first (identical copies merge).
 */
export const SYMBOLIC_MODULES: Partial<Record<HypothesisId, (set: ParameterSet) => readonly SymbolicFragment[]>> = {
  rebound: (set) => [CLOCK_FRAGMENT, reboundEquations(set)],
  tlr4: (set) => [tlr4Equations(set)],
  ogf: (set) => [ogfEquations(set)],
};

/**
 * The drug-free state at t = 0 after the engine's run-in (circadian rhythms on their periodic
 * orbit): SBML starts at t = 0, so the module states start there with these values.
 */
function runInInitialValues(hypotheses: readonly HypothesisId[], set: ParameterSet, firstDoseClockH: number): Record<string, number> {
  const model = buildLdnModel(hypotheses);
  const tr = simulate({ model, schedule: { doses: [], firstDoseClockH }, days: 1, times: [0], parameters: set, includeStates: true, control: { rtol: 1e-10, atol: 1e-12 } });
  return Object.fromEntries(Object.entries(tr.states!).map(([id, col]) => [id, col[0]!]));
}

export interface SbmlExport {
  /** the SBML Level 3 Version 2 document */
  xml: string;
  model: SymbolicModel;
  /** the doses written as events (nmol into the dose state) */
  doses: SbmlDose[];
  parameterSet: string;
  hypotheses: HypothesisId[];
  /** the regimen in words */
  description: string;
  /** the notes written into the document */
  notes: string[];
}

/** Validates a simulation request and writes its model, parameters and doses as SBML. */
export function sbmlFromRequest(input: unknown): SbmlExport {
  const { request, schedule, description, notes } = scheduleFromRequest(input);
  // the module equations and their run-in are built from a named set; what-if values would need both redone, so they are refused rather than dropped
  if (request.overrides !== undefined && Object.keys(request.overrides).length > 0) {
    throw new RequestError('overrides: the SBML export writes a named parameter set (literature or seed); what-if values are not exported. Change the values in the exported file, or export without overrides', 'overrides');
  }
  let hypotheses: HypothesisId[];
  try {
    hypotheses = parseHypotheses(request.hypotheses ?? []);
  } catch (e) {
    throw new RequestError(`hypotheses: ${(e as Error).message}`, 'hypotheses');
  }
  const set = fullParameterSet(request.params);
  const modules = hypotheses.map((h) => {
    const equations = SYMBOLIC_MODULES[h];
    if (!equations) throw new RequestError(`hypotheses: the ${h} module has no symbolic equations yet (packages/engine/src/models/${h}/equations.ts), so it cannot be exported; export without it`, 'hypotheses');
    return equations(set);
  }).flat();
  const composed = ldnSymbolicModel({ set, modules });
  const moduleStates = new Set(hypotheses.flatMap((h) => HYPOTHESIS_MODULES[h].states.map((st) => st.id)));
  const start = moduleStates.size ? runInInitialValues(hypotheses, set, schedule.firstDoseClockH) : {};
  const model: SymbolicModel = { ...composed, states: composed.states.map((st) => (moduleStates.has(st.id) ? { ...st, initial: start[st.id]! } : st)) };
  if (moduleStates.size) notes.push('Initial values of the hypothesis modules’ states are the drug-free state at t = 0 after LDN Workbench’s run-in (circadian rhythms on their periodic orbit).');
  const doses = schedule.doses.map((d) => ({ time_h: d.time_h, amount: ldnModel.doseAmount(d.dose_mg) }));
  const first = `${formatClock(schedule.firstDoseClockH)}${schedule.startDay !== undefined ? ` on ${formatDate(schedule.startDay)}` : ''}`;
  const written = [
    `Parameter set: ${set.id} (${set.title}). ${set.description}`,
    `Regimen: ${description}; first dose at ${first} (t = 0). ${doses.length} dose${doses.length === 1 ? '' : 's'} within ${request.days} days; simulate from 0 to ${request.days * 24} h.`,
    `Doses are events adding nmol naltrexone to ${model.doseTarget ?? 'the dose state'}: mg naltrexone HCl × 10^6 / ${MW_NALTREXONE_HCL} g/mol.`,
    ...notes,
    'Not encoded as SBML: the constraints f6bn ≥ fmSys·F and F + (f6bn − fmSys·F) ≤ fa, which LDN Workbench checks before simulating; the parameter values written here satisfy them.',
    MODEL_NOTE,
  ];
  const parameters = { ...parameterValues(set), firstDoseClockH: schedule.firstDoseClockH };
  ldnModel.system(parameters); // the hand-written model refuses values that break its fraction constraints
  const xml = toSbml(model, { parameters, doses, notes: written });
  return { xml, model, doses, parameterSet: set.id, hypotheses, description, notes: written };
}
