// H1, Bihari's endorphin rebound, as dynamics: circadian β-endorphin production with first-order
// clearance; a feedback that raises production while μ receptors are blocked; μ and δ receptor
// up-regulation under sustained blockade; Met-enkephalin with the same feedback and no rhythm.
// Enkephalin is taken at quasi-steady state (level = 1 + feedback): it is degraded within minutes
// (half-life NOT FOUND, "extremely rapid"), hours to days faster than the feedback that drives it,
// and a state that fast would only force the integrator into minute-long steps.
// Output: net μ and δ signalling relative to no drug, at the same clock time. A drug-free
// "reference" β-endorphin runs alongside, so relative values are exact at every clock time.
//
// Production per hour P(clock) = k·Ē·[(1 − w)(1 + a·cos(2π(clock − φ)/24)) + w·24·g(clock)],
// where g is a wrapped normal density (the review's night window) and the two parts integrate to
// the same daily total, so the 24-h mean stays Ē. Signalling ∝ R·E·(1 − occupancy): competitive
// antagonism when the endogenous agonist occupies few receptors (Ki of β-endorphin NOT FOUND).

import type { OutputSpec, StateSpec } from '../../model/types.js';
import { moduleParam as get, type BoundModule, type HypothesisModule } from '../modules/types.js';
import { REBOUND_LITERATURE, REBOUND_SEED } from './parameters.js';
import { powerOf } from '../modules/hill.js';

const STATES: StateSpec[] = [
  { id: 'rebound.endorphin', unit: 'pg/mL', description: 'plasma β-endorphin' },
  { id: 'rebound.endorphin_ref', unit: 'pg/mL', description: 'plasma β-endorphin without drug (reference, same clock)' },
  { id: 'rebound.feedback', unit: 'fraction', description: 'relative rise of production caused by blockade' },
  { id: 'rebound.mor', unit: 'relative', description: 'μ-receptor density relative to no drug' },
  { id: 'rebound.dor', unit: 'relative', description: 'δ-receptor density relative to no drug' },
];

const OUTPUTS: OutputSpec[] = [
  { id: 'beta_endorphin_pg_ml', unit: 'pg/mL', description: 'plasma β-endorphin (H1)' },
  { id: 'beta_endorphin_rel', unit: 'ratio', description: 'β-endorphin relative to no drug at the same clock time (H1)' },
  { id: 'enkephalin_rel', unit: 'ratio', description: 'Met-enkephalin relative to no drug (H1)' },
  { id: 'mor_density_rel', unit: 'ratio', description: 'μ-receptor density relative to no drug (H1)' },
  { id: 'mu_signal_rel', unit: 'ratio', description: 'net μ opioid signalling relative to no drug (H1)' },
  { id: 'delta_signal_rel', unit: 'ratio', description: 'net δ opioid signalling relative to no drug (H1)' },
];

const TWO_PI = 2 * Math.PI;

/** wrapped normal density on the 24-h clock (per hour), summed over ±2 days */
function wrappedNormal(clock: number, centre: number, sd: number): number {
  let d = 0;
  for (let k = -2; k <= 2; k++) {
    const z = (clock - centre + 24 * k) / sd;
    d += Math.exp(-0.5 * z * z);
  }
  return d / (sd * Math.sqrt(TWO_PI));
}

export const reboundModule: HypothesisModule = {
  id: 'rebound',
  title: 'H1 endorphin rebound (Bihari)',
  claim: 'A few hours of opioid-receptor blockade at night trigger a compensatory rise in endorphin and enkephalin production and receptor density, so opioid signalling is higher for the rest of the day.',
  evidence: {
    grade: 'unsupported in humans; animal and full-dose data only',
    summary:
      'No human data link transient μ blockade to higher β-endorphin production; the 300% figure has no primary data (Bihari 1996, unpublished). Plasma β-endorphin t½ is 37 min, not 20 h, and it peaks mid-morning, not at 02:00–04:00. Chronic 50 mg naltrexone raised morning β-endorphin ×1.6 (Life Sci 1986); LDN in mice changed neither plasma β-endorphin nor Pomc mRNA (eNeuro 2021). Feedback rate constants are assumptions.',
    sources: ['foley1979', 'iranmanesh1989', 'dent1981', 'lifesci1986', 'eneuro2021', 'receptor-upregulation2003', 'bihari1996'],
  },
  states: STATES,
  outputs: OUTPUTS,
  parameters: { literature: REBOUND_LITERATURE, seed: REBOUND_SEED },

  runInH(p) {
    // ten half-lives bring the endorphin rhythm to its periodic orbit (error 0.1% of the start)
    return Math.min(240, 10 * get(p, 'rebound.halfLife'));
  },

  bind(p): BoundModule {
    const mean = get(p, 'rebound.meanEndorphin');
    const k = Math.LN2 / get(p, 'rebound.halfLife');
    const a = get(p, 'rebound.amplitude');
    const phi = get(p, 'rebound.acrophase');
    const w = get(p, 'rebound.windowFraction');
    const centre = get(p, 'rebound.windowCentre');
    const sd = get(p, 'rebound.windowWidth');
    const sMax = get(p, 'rebound.feedbackMax');
    const o50 = get(p, 'rebound.feedbackOcc50');
    const n = get(p, 'rebound.feedbackHill');
    const kS = get(p, 'rebound.feedbackRate');
    const muUp = get(p, 'rebound.morUpMax');
    const deltaUp = get(p, 'rebound.dorUpMax');
    const kR = get(p, 'rebound.receptorRate');
    const pow = powerOf(n);
    const o50n = pow(o50);
    const production = (clock: number) => k * mean * ((1 - w) * (1 + a * Math.cos((TWO_PI * (clock - phi)) / 24)) + (w > 0 ? w * 24 * wrappedNormal(clock, centre, sd) : 0));
    return {
      initial(y, o) {
        y[o] = mean;
        y[o + 1] = mean;
        y[o + 2] = 0;
        y[o + 3] = 1;
        y[o + 4] = 1;
      },
      rhs(s, y, o, dy) {
        const prod = production(s.clockH);
        const occN = pow(s.mu);
        const drive = (sMax * occN) / (o50n + occN);
        const fb = y[o + 2]!;
        dy[o] = prod * (1 + fb) - k * y[o]!;
        dy[o + 1] = prod - k * y[o + 1]!;
        dy[o + 2] = kS * (drive - fb);
        dy[o + 3] = kR * (1 + muUp * s.mu - y[o + 3]!);
        dy[o + 4] = kR * (1 + deltaUp * s.mu - y[o + 4]!);
      },
      output(s, y, o, out, oo) {
        const rel = y[o]! / y[o + 1]!;
        out[oo] = y[o]!;
        out[oo + 1] = rel;
        const enkephalin = 1 + y[o + 2]!; // quasi-steady state
        out[oo + 2] = enkephalin;
        out[oo + 3] = y[o + 3]!;
        out[oo + 4] = y[o + 3]! * rel * (1 - s.mu);
        out[oo + 5] = y[o + 4]! * enkephalin * (1 - s.delta);
      },
    };
  },
};
