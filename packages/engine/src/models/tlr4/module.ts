// H2, TLR4 antagonism lowering IL-6 and TNF-α: fractional TLR4 inhibition by unbound plasma
// naltrexone and 6β-naltrexol (independent competitive action, IC50s in µM) and cytokine turnover
// (production × (1 − Imax·inhibition), first-order loss). The point of the module is the number
// it makes visible: how far LDN concentrations are below the IC50 (summary: concentration gap).

import type { OutputSpec, StateSpec } from '../../model/types.js';
import { moduleParam as get, type BoundModule, type HypothesisModule } from '../modules/types.js';
import { TLR4_LITERATURE, TLR4_SEED } from './parameters.js';

const STATES: StateSpec[] = [
  { id: 'tlr4.il6', unit: 'pg/mL', description: 'plasma IL-6' },
  { id: 'tlr4.tnf', unit: 'pg/mL', description: 'plasma TNF-α' },
];

const OUTPUTS: OutputSpec[] = [
  { id: 'tlr4_inhibition', unit: 'fraction', description: 'TLR4 inhibition by naltrexone + 6β-naltrexol (H2)' },
  { id: 'il6_pg_ml', unit: 'pg/mL', description: 'plasma IL-6 (H2)' },
  { id: 'tnf_pg_ml', unit: 'pg/mL', description: 'plasma TNF-α (H2)' },
];

export const tlr4Module: HypothesisModule = {
  id: 'tlr4',
  title: 'H2 TLR4 antagonism',
  claim: 'Naltrexone antagonises TLR4 on immune cells and microglia, lowering IL-6 and TNF-α.',
  evidence: {
    grade: 'implausible at LDN concentrations; a small uncontrolled clinical signal',
    summary:
      'TLR4 IC50s are for (+)-naltrexone in mouse cells (105.5 µM; (+)-6β-naltrexol 242.8 µM). The clinical (−)-naltrexone had no TLR4 effect in human cells up to 200 µM (Cant 2017). Peak unbound naltrexone after 4.5 mg is about 3 nM, some 30,000–70,000-fold lower. Clinically, IL-6 fell 35% in 8 patients on 4.5 mg in a single-blind study without a control group (Parkitny 2017): the module cannot explain that through TLR4.',
    sources: ['wang2016', 'selfridge2015', 'cant2017', 'parkitny2017'],
  },
  states: STATES,
  outputs: OUTPUTS,
  parameters: { literature: TLR4_LITERATURE, seed: TLR4_SEED },
  runInH: () => 0,
  bind(p): BoundModule {
    const icN = get(p, 'tlr4.ic50Naltrexone') * 1000; // µM → nM
    const icB = get(p, 'tlr4.ic50Naltrexol') * 1000;
    const imax = get(p, 'tlr4.maxInhibition');
    const il6 = get(p, 'tlr4.il6Baseline');
    const tnf = get(p, 'tlr4.tnfBaseline');
    const k6 = Math.LN2 / get(p, 'tlr4.il6HalfLife');
    const kT = Math.LN2 / get(p, 'tlr4.tnfHalfLife');
    const inhibition = (nN: number, nB: number) => {
      const theta = nN / icN + nB / icB;
      return theta / (1 + theta);
    };
    return {
      initial(y, o) {
        y[o] = il6;
        y[o + 1] = tnf;
      },
      rhs(s, y, o, dy) {
        const keep = 1 - imax * inhibition(s.naltrexoneUnbound, s.naltrexolUnbound);
        dy[o] = k6 * (il6 * keep - y[o]!);
        dy[o + 1] = kT * (tnf * keep - y[o + 1]!);
      },
      output(s, y, o, out, oo) {
        out[oo] = inhibition(s.naltrexoneUnbound, s.naltrexolUnbound);
        out[oo + 1] = y[o]!;
        out[oo + 2] = y[o + 1]!;
      },
    };
  },
};
