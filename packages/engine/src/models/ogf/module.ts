// H3, the OGF–OGFr axis (Zagon & McLaughlin): blockade b(t) of the opioid growth factor receptor
// (a steep function of μ occupancy); compensatory up-regulation U of OGF and OGFr that builds
// during blockade, dU/dt = k(Umax·b − U); OGF signalling I = (1 − b)(1 + U) (signal passes only
// while the receptor is free, amplified by up-regulation; 1 without drug); and its daily average
// Ī (first-order filter over 24 h). Growth relative to no drug = 1 − γ(Ī − 1): short daily blockade
// leaves Ī above 1 (inhibition), continuous blockade drives Ī to 0 (stimulation).

import type { OutputSpec, StateSpec } from '../../model/types.js';
import { moduleParam as get, type BoundModule, type HypothesisModule } from '../modules/types.js';
import { OGF_LITERATURE, OGF_SEED } from './parameters.js';
import { powerOf } from '../modules/hill.js';

const STATES: StateSpec[] = [
  { id: 'ogf.upregulation', unit: 'fraction', description: 'compensatory OGF/OGFr up-regulation' },
  { id: 'ogf.signal_daily', unit: 'ratio', description: 'OGF–OGFr signalling averaged over the past day' },
];

const OUTPUTS: OutputSpec[] = [
  { id: 'ogfr_blockade', unit: 'fraction', description: 'OGF receptor blockade (H3)' },
  { id: 'ogf_signal_rel', unit: 'ratio', description: 'OGF–OGFr signalling relative to no drug (H3)' },
  { id: 'growth_rate_rel', unit: 'ratio', description: 'cell-growth rate relative to no drug; < 1 inhibits, > 1 stimulates (H3)' },
];

export const DAY_FILTER_RATE = 1 / 24;

export const ogfModule: HypothesisModule = {
  id: 'ogf',
  title: 'H3 OGF–OGFr intermittent blockade',
  claim: 'Brief daily blockade of opioid receptors up-regulates the opioid growth factor (Met-enkephalin) and its receptor; when blockade wears off, the amplified OGF–OGFr signal inhibits cell proliferation.',
  evidence: {
    grade: 'animal data only (mice); time structure reproduced qualitatively',
    summary:
      'Zagon & McLaughlin: in mice, naltrexone giving 4–10 h/day of blockade inhibited neuroblastoma (incidence 20–33%, survival +10–49%), while 24 h/day, from 10 mg/kg daily or 0.1 mg/kg every 6 h, stimulated it (incidence 100%, survival −17 to −19%). There are no human data, and naltrexone’s affinity at OGFr is not known. The effect requires intermittent blockade: check the regimen summary for the hours of blockade per day that the PK predicts.',
    sources: ['zagon1983', 'zagon1984', 'zagon1987', 'zagon1989'],
  },
  states: STATES,
  outputs: OUTPUTS,
  parameters: { literature: OGF_LITERATURE, seed: OGF_SEED },
  runInH: () => 0,
  bind(p): BoundModule {
    const o50 = get(p, 'ogf.blockadeOcc50');
    const n = get(p, 'ogf.blockadeHill');
    const uMax = get(p, 'ogf.upregulationMax');
    const kU = get(p, 'ogf.upregulationRate');
    const gain = get(p, 'ogf.growthGain');
    const pow = powerOf(n);
    const o50n = pow(o50);
    const blockade = (mu: number) => {
      const x = pow(mu);
      return x / (o50n + x);
    };
    return {
      initial(y, o) {
        y[o] = 0;
        y[o + 1] = 1;
      },
      rhs(s, y, o, dy) {
        const b = blockade(s.mu);
        const signal = (1 - b) * (1 + y[o]!);
        dy[o] = kU * (uMax * b - y[o]!);
        dy[o + 1] = DAY_FILTER_RATE * (signal - y[o + 1]!);
      },
      output(s, y, o, out, oo) {
        const b = blockade(s.mu);
        out[oo] = b;
        out[oo + 1] = (1 - b) * (1 + y[o]!);
        out[oo + 2] = 1 - gain * (y[o + 1]! - 1);
      },
    };
  },
};
