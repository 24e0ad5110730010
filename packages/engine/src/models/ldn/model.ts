// The LDN pharmacokinetic / receptor-occupancy model (states, right-hand side, outputs).
//
// Structure and why (../../shared/reference/pharmacology.md §1, §3, §9):
// - gut → naltrexone: first-order absorption (ka). Of each absorbed amount, a fraction F reaches
//   the systemic circulation, a fraction is reduced to 6β-naltrexol in the gut wall and liver
//   before reaching it (presystemic formation, AKR1C4, not CYP: Breyer-Pfaff 2004), and the rest
//   leaves as other first-pass metabolites.
// - naltrexone is two-compartment (central V1, peripheral V2, inter-compartmental clearance Q):
//   the minimum that gives the ≈4 h dominant and ≈10 h terminal half-lives (§1.3).
// - systemic clearance CL; a fraction fmSys of it forms 6β-naltrexol.
// - 6β-naltrexol is one-compartment (Vm, CLm): a single 12–13 h phase is all the data show.
// - brain: unbound plasma naltrexone reaches receptors at once (binding equilibrates in minutes,
//   koff 21/h, Cassel 2005), and a slowly exchanging brain retention pool adds to it. A model
//   driven by plasma alone cannot reproduce both the Rabiner 2011 dose–occupancy data and the
//   Lee 1988 72–108 h blockade half-time (§3; `ldn calibrate` shows both fits). The pool is an
//   empirical structure fitted to PET, not an identified anatomical compartment.
// - occupancy of μ, κ, δ by competitive binding of naltrexone and 6β-naltrexol, with in-vitro Ki
//   scaled by one fitted in-vivo potency factor; 6β-naltrexol reaches the brain poorly (kpBrainB).
// Everything is first order, so exposure is dose-linear (Meyer 1984: AUC linear 50–200 mg).
// Mass-balance states (eliminated, unabsorbed) make conservation testable.

import type { ModelDefinition } from '../../model/types.js';
import type { CoreSignals } from '../modules/types.js';
import type { OdeSystem } from '../../ode/types.js';
import { MW_NALTREXOL, MW_NALTREXONE, mgHclToNmol } from '../../units.js';

export const LDN_STATES = [
  { id: 'gut', unit: 'nmol', description: 'naltrexone in the gut, not yet absorbed' },
  { id: 'ntx_central', unit: 'nmol', description: 'naltrexone in the central (plasma) compartment' },
  { id: 'ntx_peripheral', unit: 'nmol', description: 'naltrexone in the peripheral compartment' },
  { id: 'ntb_central', unit: 'nmol', description: '6β-naltrexol in its distribution volume' },
  { id: 'brain_pool', unit: 'nM', description: 'naltrexone retained in the slow brain pool (receptor-accessible, plasma-unbound equivalent)' },
  { id: 'eliminated_other', unit: 'nmol', description: 'naltrexone eliminated by routes other than 6β-naltrexol formation (cumulative)' },
  { id: 'eliminated_ntb', unit: 'nmol', description: '6β-naltrexol eliminated (cumulative)' },
  { id: 'unabsorbed', unit: 'nmol', description: 'naltrexone never absorbed (cumulative)' },
] as const;

export const LDN_OUTPUTS = [
  { id: 'naltrexone_ng_ml', unit: 'ng/mL', description: 'plasma naltrexone (total, as base)' },
  { id: 'naltrexol_ng_ml', unit: 'ng/mL', description: 'plasma 6β-naltrexol (total)' },
  { id: 'mu_occupancy', unit: 'fraction', description: 'μ-opioid receptor occupancy by naltrexone + 6β-naltrexol' },
  { id: 'kappa_occupancy', unit: 'fraction', description: 'κ-opioid receptor occupancy by naltrexone + 6β-naltrexol' },
  { id: 'delta_occupancy', unit: 'fraction', description: 'δ-opioid receptor occupancy by naltrexone + 6β-naltrexol' },
  { id: 'naltrexone_unbound_nM', unit: 'nM', description: 'unbound plasma naltrexone' },
  { id: 'brain_naltrexone_nM', unit: 'nM', description: 'receptor-accessible brain naltrexone (unbound plasma + slow pool)' },
] as const;

export const LDN_PARAMETER_IDS = [
  'ka', 'fa', 'F', 'f6bn', 'fmSys', 'CL', 'V1', 'Q', 'V2', 'fu', 'CLm', 'Vm', 'fuM',
  'KiMuN', 'KiKappaN', 'KiDeltaN', 'KiMuB', 'KiKappaB', 'KiDeltaB', 'potency', 'kBrainIn', 'kBrainOut', 'kpBrainB',
] as const;

export type LdnParameterId = (typeof LDN_PARAMETER_IDS)[number];
type P = Readonly<Record<string, number>>;

const N = LDN_STATES.length;
const [GUT, CEN, PER, NTB, BRAIN, ELIM, ELIMB, UNABS] = [0, 1, 2, 3, 4, 5, 6, 7] as const;

function get(p: P, id: LdnParameterId): number {
  const v = p[id];
  if (v === undefined || !Number.isFinite(v)) throw new RangeError(`LDN model: parameter ${id} is missing or not finite (${String(v)})`);
  return v;
}

/** presystemic 6β-naltrexol formation as a fraction of the dose: total formation minus systemic */
export function presystemicFraction(p: P): number {
  return get(p, 'f6bn') - get(p, 'fmSys') * get(p, 'F');
}

function checkFractions(p: P): void {
  const fPre = presystemicFraction(p);
  const fa = get(p, 'fa');
  const F = get(p, 'F');
  if (fPre < 0) throw new RangeError(`LDN model: f6bn (${get(p, 'f6bn')}) is below fmSys·F; presystemic 6β-naltrexol formation would be negative`);
  if (F + fPre > fa + 1e-12) throw new RangeError(`LDN model: F + presystemic formation (${F + fPre}) exceeds the fraction absorbed fa (${fa})`);
  for (const id of ['fa', 'F', 'f6bn', 'fmSys', 'fu', 'fuM'] as const) {
    const v = get(p, id);
    if (v < 0 || v > 1) throw new RangeError(`LDN model: ${id} = ${v} is a fraction and must lie in [0, 1]`);
  }
}

/** The rates of the linear system, computed once per parameter set. */
function rates(p: P) {
  checkFractions(p);
  const V1 = get(p, 'V1');
  const V2 = get(p, 'V2');
  const CL = get(p, 'CL');
  const Q = get(p, 'Q');
  return {
    ka: get(p, 'ka'),
    F: get(p, 'F'),
    fPre: presystemicFraction(p),
    fOther: get(p, 'fa') - get(p, 'F') - presystemicFraction(p),
    fUnabs: 1 - get(p, 'fa'),
    k10: CL / V1,
    k12: Q / V1,
    k21: Q / V2,
    fmSys: get(p, 'fmSys'),
    kM: get(p, 'CLm') / get(p, 'Vm'),
    kIn: (get(p, 'kBrainIn') * get(p, 'fu')) / V1, // nM per h per nmol in the central compartment
    kOut: get(p, 'kBrainOut'),
  };
}

export const ldnModel: ModelDefinition = {
  id: 'ldn-pk-occupancy',
  title: 'Naltrexone / 6β-naltrexol PK with μ/κ/δ occupancy',
  description:
    'Oral naltrexone with presystemic and systemic 6β-naltrexol formation, two-compartment naltrexone, one-compartment 6β-naltrexol, a slow brain retention pool, and competitive μ/κ/δ binding calibrated to PET.',
  states: LDN_STATES,
  outputs: LDN_OUTPUTS,
  parameterIds: LDN_PARAMETER_IDS,
  doseState: 'gut',
  doseAmount: mgHclToNmol,
  exactDepot: { state: 'gut', rateParameter: 'ka' },

  system(p: P): OdeSystem {
    const r = rates(p);
    const { ka, F, fPre, fOther, fUnabs, k10, k12, k21, fmSys, kM, kIn, kOut } = r;
    return {
      dimension: N,
      rhs(_t, y, dy) {
        const absorbed = ka * y[GUT]!;
        const cen = y[CEN]!;
        const per = y[PER]!;
        const ntb = y[NTB]!;
        dy[GUT] = -absorbed;
        dy[CEN] = F * absorbed - (k10 + k12) * cen + k21 * per;
        dy[PER] = k12 * cen - k21 * per;
        dy[NTB] = fPre * absorbed + fmSys * k10 * cen - kM * ntb;
        dy[BRAIN] = kIn * cen - kOut * y[BRAIN]!;
        dy[ELIM] = fOther * absorbed + (1 - fmSys) * k10 * cen;
        dy[ELIMB] = kM * ntb;
        dy[UNABS] = fUnabs * absorbed;
      },
      jacobian(_t, _y, J) {
        J.fill(0);
        const set = (i: number, j: number, v: number) => {
          J[i * N + j] = v;
        };
        set(GUT, GUT, -ka);
        set(CEN, GUT, F * ka);
        set(CEN, CEN, -(k10 + k12));
        set(CEN, PER, k21);
        set(PER, CEN, k12);
        set(PER, PER, -k21);
        set(NTB, GUT, fPre * ka);
        set(NTB, CEN, fmSys * k10);
        set(NTB, NTB, -kM);
        set(BRAIN, CEN, kIn);
        set(BRAIN, BRAIN, -kOut);
        set(ELIM, GUT, fOther * ka);
        set(ELIM, CEN, (1 - fmSys) * k10);
        set(ELIMB, NTB, kM);
        set(UNABS, GUT, fUnabs * ka);
      },
    };
  },

  outputMap(p: P) {
    const signals = coreSignalMap(p);
    const s: CoreSignals = { mu: 0, kappa: 0, delta: 0, naltrexoneUnbound: 0, naltrexolUnbound: 0, clockH: 0 };
    const toNgN = MW_NALTREXONE / 1000 / get(p, 'V1'); // nmol in V1 (L) → nM → ng/mL
    const toNgB = MW_NALTREXOL / 1000 / get(p, 'Vm');
    const fu = get(p, 'fu');
    const V1 = get(p, 'V1');
    return (y, out) => {
      signals(y, s);
      out[0] = y[CEN]! * toNgN;
      out[1] = y[NTB]! * toNgB;
      out[2] = s.mu;
      out[3] = s.kappa;
      out[4] = s.delta;
      out[5] = s.naltrexoneUnbound;
      out[6] = (fu * y[CEN]!) / V1 + y[BRAIN]!;
    };
  },
};

/**
 * The core's signals for hypothesis modules (and its own outputs): occupancy by competitive
 * binding of naltrexone and 6β-naltrexol, and unbound plasma concentrations. Reads only the core
 * states (indices 0–7), so composed models can call it on their longer state vectors.
 */
export function coreSignalMap(p: P): (y: Float64Array, s: CoreSignals) => void {
  checkFractions(p);
  const V1 = get(p, 'V1');
  const Vm = get(p, 'Vm');
  const fu = get(p, 'fu');
  const fuM = get(p, 'fuM');
  const s0 = get(p, 'potency');
  const brainB = (fuM * get(p, 'kpBrainB')) / Vm; // nmol → receptor-accessible nM
  const [nMu, nKappa, nDelta] = [1 / (s0 * get(p, 'KiMuN')), 1 / (s0 * get(p, 'KiKappaN')), 1 / (s0 * get(p, 'KiDeltaN'))];
  const [bMu, bKappa, bDelta] = [1 / (s0 * get(p, 'KiMuB')), 1 / (s0 * get(p, 'KiKappaB')), 1 / (s0 * get(p, 'KiDeltaB'))];
  return (y, s) => {
    const cen = y[CEN]!;
    const ntb = y[NTB]!;
    const unbound = (fu * cen) / V1;
    const brainN = unbound + y[BRAIN]!;
    const brainNtb = brainB * ntb;
    const tMu = brainN * nMu + brainNtb * bMu;
    const tKappa = brainN * nKappa + brainNtb * bKappa;
    const tDelta = brainN * nDelta + brainNtb * bDelta;
    s.mu = tMu / (1 + tMu);
    s.kappa = tKappa / (1 + tKappa);
    s.delta = tDelta / (1 + tDelta);
    s.naltrexoneUnbound = unbound;
    s.naltrexolUnbound = (fuM * ntb) / Vm;
  };
}

export const LDN_CORE_STATE_COUNT = N;
