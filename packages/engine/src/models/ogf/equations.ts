// H3 (OGF–OGFr) as equations, for SBML export: the same states, outputs and mathematics as
// module.ts. A consistency test compares the two.
import type { ParameterSet } from '../../parameters/types.js';
import type { SymbolicFragment } from '../../symbolic/model.js';
import { moduleSymbolicParameters } from '../ldn/equations.js';
import { DAY_FILTER_RATE, ogfModule } from './module.js';

const outUnit = (id: string) => ogfModule.outputs.find((o) => o.id === id)!.unit;

export function ogfEquations(set: ParameterSet): SymbolicFragment {
  return {
    id: 'ogf',
    description: `${ogfModule.title}: ${ogfModule.claim} Evidence: ${ogfModule.evidence.grade}.`,
    states: [
      { id: 'ogf.upregulation', unit: 'fraction', initial: 0, name: 'compensatory OGF/OGFr up-regulation' },
      { id: 'ogf.signal_daily', unit: 'ratio', initial: 1, name: 'OGF–OGFr signalling averaged over the past day' },
    ],
    parameters: moduleSymbolicParameters(set, 'ogf'),
    assignments: [
      { id: 'ogfr_blockade', unit: outUnit('ogfr_blockade'), math: 'mu_occupancy ^ ogf.blockadeHill / (ogf.blockadeOcc50 ^ ogf.blockadeHill + mu_occupancy ^ ogf.blockadeHill)', output: true },
      { id: 'ogf_signal_rel', unit: outUnit('ogf_signal_rel'), math: '(1 - ogfr_blockade) * (1 + ogf.upregulation)', output: true },
      { id: 'growth_rate_rel', unit: outUnit('growth_rate_rel'), math: '1 - ogf.growthGain * (ogf.signal_daily - 1)', output: true },
    ],
    rates: [
      { id: 'ogf.upregulation', math: 'ogf.upregulationRate * (ogf.upregulationMax * ogfr_blockade - ogf.upregulation)' },
      { id: 'ogf.signal_daily', math: `${DAY_FILTER_RATE} * (ogf_signal_rel - ogf.signal_daily)` },
    ],
  };
}
