// The LDN model's two named parameter sets. `literature` (the default) holds what primary sources
// measured, and fitted values where the data are summaries; `seed` changes only what the review
// states differently (naltrexone t½ 6 h). Sourced values: ../../shared/reference/pharmacology.md
// §1–§3, §7. Fitted values are read from calibration.ts, which `ldn calibrate --write` regenerates
// together with their uncertainty, so the provenance of a fitted number is its fit report.

import type { Parameter, ParameterSet } from '../../parameters/types.js';
import { CALIBRATION, type CalibratedId } from './calibration.js';

function fitted(id: CalibratedId, label: string, unit: string, range: readonly [number, number], note: string): Parameter {
  const c = CALIBRATION.fitted[id];
  const ci = `95% profile-likelihood CI ${fmt(c.ci95[0])}–${fmt(c.ci95[1])}`;
  return { id, label, value: c.value, unit, range, source: 'calibration', evidence: 'fitted', note: `${note} Fitted (${c.stage} stage) ${CALIBRATION.generated}; ${ci}.` };
}

function fmt(x: number): string {
  return Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : '∞';
}

const literature: Record<string, Parameter> = {
  // absorption and first pass
  ka: fitted('ka', 'absorption rate constant', '1/h', [0.7, 5], 'Tmax ≈1 h (FDA label); Licko 1981 absorption exponent 0.72/h.'),
  fa: { id: 'fa', label: 'fraction of the dose absorbed', value: 0.96, unit: 'fraction', range: [0.9, 1], source: 'fda-label', evidence: 'label', note: '"rapid and nearly complete" absorption, ≈96% (FDA label).' },
  F: fitted('F', 'systemic bioavailability of naltrexone', 'fraction', [0.03, 0.4], 'Label range 5–40%; Meyer 1984 ≈5%.'),
  f6bn: { id: 'f6bn', label: 'fraction of the dose converted to 6β-naltrexol', value: 0.5, unit: 'fraction', range: [0.4, 0.7], source: 'cone1974', evidence: 'derived', note: 'derived: urinary 6β-naltrexol 43–46% of dose (Cone 1974: 26.3 free + 16.4 conjugated; Swiss label 0.60 × 0.76) plus ≈10% further metabolised (pharmacology.md §1.4).' },
  fmSys: { id: 'fmSys', label: 'fraction of systemic naltrexone clearance forming 6β-naltrexol', value: 0.5, unit: 'fraction', range: [0.3, 0.8], source: 'modelling', evidence: 'assumption', note: 'assumption: the same share as for the whole dose (f6bn); no source separates systemic from presystemic formation.' },
  // naltrexone disposition
  CL: { id: 'CL', label: 'systemic clearance of naltrexone', value: 140, unit: 'L/h', range: [94, 211], source: 'dunbar2007', evidence: 'primary', note: 'popPK of XR-naltrexone, 453 subjects (Dunbar 2007); Meyer 1984 ≈94 L/h and Licko 1981 211 L/h bound the range.' },
  V1: fitted('V1', 'central volume of naltrexone', 'L', [100, 1350], 'Licko 1981 i.v. volumes sum to 232 L; the label gives 1350 L (conflict, §9.2).'),
  Q: fitted('Q', 'inter-compartmental clearance of naltrexone', 'L/h', [10, 500], 'Sets the ≈10 h terminal phase (Wall 1981 8.9 h; Licko 1981 9.5–10.9 h; Verebey 1976 10.3 h).'),
  V2: fitted('V2', 'peripheral volume of naltrexone', 'L', [100, 5000], 'With Q, gives the terminal phase.'),
  fu: { id: 'fu', label: 'unbound fraction of naltrexone in plasma', value: 0.79, unit: 'fraction', range: [0.7, 0.9], source: 'fda-label', evidence: 'label', note: 'plasma protein binding 21% (FDA and Swiss labels).' },
  // 6β-naltrexol disposition
  CLm: fitted('CLm', 'clearance of 6β-naltrexol', 'L/h', [5, 80], 'With Vm, gives the 12–13 h half-life (label 13 h; Meyer 1984 12 h; Yancey-Wrona 2011 i.v. 11.1 h). Dunbar 2007 65 L/h is an apparent CLm/fm after the depot and cannot give the label Cmax of 108 ng/mL.'),
  Vm: fitted('Vm', 'distribution volume of 6β-naltrexol', 'L', [50, 1200], 'Set by the label Cmax ≈108 ng/mL after 50 mg.'),
  fuM: { id: 'fuM', label: 'unbound fraction of 6β-naltrexol in plasma', value: 0.79, unit: 'fraction', range: [0.5, 1], source: 'modelling', evidence: 'assumption', note: 'assumption: plasma protein binding of 6β-naltrexol NOT FOUND; taken equal to naltrexone.' },
  // receptor binding (in vitro Ki, one laboratory's series for consistent ratios)
  KiMuN: { id: 'KiMuN', label: 'naltrexone Ki at μ', value: 0.11, unit: 'nM', range: [0.11, 1.1], source: 'wentland2009', evidence: 'secondary', note: 'CHO human MOR, [3H]DAMGO. Cassel 2005 gives 0.86–1.1 nM; the Wentland/Pelotte series is used so that the naltrexone : 6β-naltrexol ratio comes from one assay.' },
  KiKappaN: { id: 'KiKappaN', label: 'naltrexone Ki at κ', value: 0.19, unit: 'nM', range: [0.1, 0.4], source: 'wentland2009', evidence: 'secondary', note: 'CHO human KOR, [3H]U69593.' },
  KiDeltaN: { id: 'KiDeltaN', label: 'naltrexone Ki at δ', value: 60, unit: 'nM', range: [8.7, 120], source: 'wentland2009', evidence: 'secondary', note: 'CHO human DOR, [3H]naltrindole. Trøstheim 2022 scale δ ED50 ×79 of μ (vs ×545 here): the low end of the range reproduces theirs.' },
  KiMuB: { id: 'KiMuB', label: '6β-naltrexol Ki at μ', value: 2.12, unit: 'nM', range: [1, 5], source: 'pelotte2009', evidence: 'secondary', note: 'CHO human MOR, [3H]DAMGO.' },
  KiKappaB: { id: 'KiKappaB', label: '6β-naltrexol Ki at κ', value: 7.42, unit: 'nM', range: [7.24, 7.42], source: 'pelotte2009', evidence: 'secondary', note: 'CHO human KOR (a Wikipedia mirror gives 7.24: digit conflict).' },
  KiDeltaB: { id: 'KiDeltaB', label: '6β-naltrexol Ki at δ', value: 213, unit: 'nM', range: [100, 400], source: 'pelotte2009', evidence: 'secondary', note: 'CHO human DOR, [3H]DADLE.' },
  potency: fitted('potency', 'in-vivo / in-vitro potency ratio (apparent Kd = potency × Ki)', '×', [1, 200], 'In-vitro Ki predicts far higher occupancy than PET shows (pharmacology.md §3, §9.4); the factor is fitted to Rabiner 2011 and Lee 1988, one factor for all three receptors.'),
  kBrainIn: fitted('kBrainIn', 'uptake rate into the slow brain pool', '1/h', [0.01, 3], 'Needed for the 72–108 h blockade half-time (Lee 1988).'),
  kBrainOut: fitted('kBrainOut', 'release rate from the slow brain pool', '1/h', [0.005, 0.2], 'Sets the multi-day decay of blockade (Lee 1988).'),
  kpBrainB: { id: 'kpBrainB', label: 'brain penetration of 6β-naltrexol relative to naltrexone', value: 0.1, unit: 'fraction', range: [0.02, 0.5], source: 'yancey-wrona2009', evidence: 'assumption', note: 'assumption from mouse data: about 10-fold separation of peripheral and central potency; naltrexone 5–13× more potent centrally. No human brain data; Yancey-Wrona 2011 saw no central effect of ≤20 mg i.v.' },
};

const seedCl = CALIBRATION.seed.CL;

export const LITERATURE: ParameterSet = {
  id: 'literature',
  title: 'Literature (measured)',
  description: 'Values measured in primary sources and labels; PK and receptor parameters fitted to published summary and PET data (default).',
  parameters: literature,
};

export const SEED: ParameterSet = {
  id: 'seed',
  title: 'Review (seed) values',
  description: 'As `literature`, but with the naltrexone half-life of 6 h that the review states (the label and Meyer 1984 give ≈4 h).',
  parameters: {
    ...literature,
    CL: { ...literature.CL!, value: seedCl.value, source: 'seed-review', evidence: 'derived', note: `derived: the clearance that makes the dominant naltrexone half-life 6 h, as the review states ("період напіввиведення налтрексону становить 6 годин"); found by ldn calibrate ${CALIBRATION.generated}.` },
  },
};

export const PARAMETER_SETS: Readonly<Record<string, ParameterSet>> = { literature: LITERATURE, seed: SEED };
export const PARAMETER_SET_IDS = Object.keys(PARAMETER_SETS);

export function parameterSet(id: string): ParameterSet {
  const set = PARAMETER_SETS[id];
  if (!set) throw new RangeError(`unknown parameter set "${id}"; use one of: ${PARAMETER_SET_IDS.join(', ')}`);
  return set;
}
