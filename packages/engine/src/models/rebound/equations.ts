// H1 (rebound) as equations, for SBML export: the same states, outputs and mathematics as
// module.ts (enkephalin at quasi-steady state). A consistency test compares the two.
import type { ParameterSet } from '../../parameters/types.js';
import type { SymbolicFragment } from '../../symbolic/model.js';
import { moduleSymbolicParameters } from '../ldn/equations.js';
import { reboundModule } from './module.js';

const unitOf = (id: string) => reboundModule.states.find((s) => s.id === id)!.unit;
const outUnit = (id: string) => reboundModule.outputs.find((o) => o.id === id)!.unit;
const wrapped = [-2, -1, 0, 1, 2].map((k) => `exp(-0.5 * ((clock_h - rebound.windowCentre + ${24 * k}) / rebound.windowWidth) ^ 2)`).join(' + ');

export function reboundEquations(set: ParameterSet): SymbolicFragment {
  return {
    id: 'rebound',
    description: `${reboundModule.title}: ${reboundModule.claim} Evidence: ${reboundModule.evidence.grade}.`,
    states: [
      { id: 'rebound.endorphin', unit: unitOf('rebound.endorphin'), initial: 'rebound.meanEndorphin', name: 'plasma β-endorphin' },
      { id: 'rebound.endorphin_ref', unit: unitOf('rebound.endorphin_ref'), initial: 'rebound.meanEndorphin', name: 'plasma β-endorphin without drug' },
      { id: 'rebound.feedback', unit: unitOf('rebound.feedback'), initial: 0, name: 'relative rise of production caused by blockade' },
      { id: 'rebound.mor', unit: unitOf('rebound.mor'), initial: 1, name: 'μ-receptor density relative to no drug' },
      { id: 'rebound.dor', unit: unitOf('rebound.dor'), initial: 1, name: 'δ-receptor density relative to no drug' },
    ],
    parameters: moduleSymbolicParameters(set, 'rebound'),
    assignments: [
      { id: 'rebound.k', unit: '1/h', math: 'ln(2) / rebound.halfLife', name: 'β-endorphin elimination rate constant' },
      { id: 'rebound.window', unit: '1/h', math: `(${wrapped}) / (rebound.windowWidth * sqrt(2 * pi))`, name: 'night production window (wrapped normal density on the clock)' },
      {
        id: 'rebound.production',
        unit: 'pg/mL/h',
        math: 'rebound.k * rebound.meanEndorphin * ((1 - rebound.windowFraction) * (1 + rebound.amplitude * cos(2 * pi * (clock_h - rebound.acrophase) / 24)) + rebound.windowFraction * 24 * rebound.window)',
        name: 'β-endorphin production without drug',
      },
      { id: 'rebound.drive', unit: 'fraction', math: 'rebound.feedbackMax * mu_occupancy ^ rebound.feedbackHill / (rebound.feedbackOcc50 ^ rebound.feedbackHill + mu_occupancy ^ rebound.feedbackHill)', name: 'feedback target set by μ blockade' },
      { id: 'beta_endorphin_pg_ml', unit: outUnit('beta_endorphin_pg_ml'), math: 'rebound.endorphin', output: true },
      { id: 'beta_endorphin_rel', unit: outUnit('beta_endorphin_rel'), math: 'rebound.endorphin / rebound.endorphin_ref', output: true },
      { id: 'enkephalin_rel', unit: outUnit('enkephalin_rel'), math: '1 + rebound.feedback', output: true },
      { id: 'mor_density_rel', unit: outUnit('mor_density_rel'), math: 'rebound.mor', output: true },
      { id: 'mu_signal_rel', unit: outUnit('mu_signal_rel'), math: 'rebound.mor * beta_endorphin_rel * (1 - mu_occupancy)', output: true },
      { id: 'delta_signal_rel', unit: outUnit('delta_signal_rel'), math: 'rebound.dor * enkephalin_rel * (1 - delta_occupancy)', output: true },
    ],
    rates: [
      { id: 'rebound.endorphin', math: 'rebound.production * (1 + rebound.feedback) - rebound.k * rebound.endorphin' },
      { id: 'rebound.endorphin_ref', math: 'rebound.production - rebound.k * rebound.endorphin_ref' },
      { id: 'rebound.feedback', math: 'rebound.feedbackRate * (rebound.drive - rebound.feedback)' },
      { id: 'rebound.mor', math: 'rebound.receptorRate * (1 + rebound.morUpMax * mu_occupancy - rebound.mor)' },
      { id: 'rebound.dor', math: 'rebound.receptorRate * (1 + rebound.dorUpMax * mu_occupancy - rebound.dor)' },
    ],
  };
}
