// Between-patient variability as data, with the same provenance as parameters: every model
// parameter has an entry saying how it varies between virtual patients, by how much, from which
// source and with which evidence level. Where the number is derived, the derivation is computed
// here from the published numbers (so the note and the value cannot disagree); where nothing can be
// derived, the entry is a labelled assumption with its value, or "not varied" with the reason.
//
// What exists (pharmacology.md §1.6, §9.11): no oral popPK of naltrexone with inter-individual
// variability was found. The crude CVs come from Verebey 1976 (n = 4, acute 100 mg and chronic
// 100 mg/day, mean ± SD) and the 4-fold between-subject range of serum 6β-naltrexol at a fixed dose
// in McCaul 2000 (n = 23). Rabiner 2011's three subjects at 5 mg (43, 46, 58 % μ occupancy) are
// used as a check on the occupancy spread.
//
// Distributions:
// - log-normal: θ_i = θ · exp(η), η ~ N(0, ω²); CV = √(exp(ω²) − 1).
// - logit-normal for fractions, so they stay inside their interval without truncation: F is a
//   fraction of the absorbed dose fa (logit of F/fa is normal), and 6β-naltrexol formation f6bn is
//   placed between the bounds the model requires (fmSys·F ≤ f6bn ≤ fa − (1 − fmSys)·F) by a
//   logit-normal position in that interval.
// - normal (additive) for clock times (the β-endorphin acrophase).
// Correlations: none. No source gives a between-parameter correlation, so the η are independent.
// Nothing is truncated: every distribution maps the whole real line into the allowed interval.
//
// The numbers are computed with detLog (detmath.ts) and Math.sqrt, both exact to the bit in every
// engine, because ω multiplies every patient's draw.

import type { EvidenceLevel } from '../parameters/types.js';
import { CALIBRATION } from '../models/ldn/calibration.js';
import { LITERATURE } from '../models/ldn/parameters.js';
import { detExp, detLog } from './detmath.js';

export type VariabilityKind = 'lognormal' | 'logitnormal' | 'normal' | 'none';

/** The interval a logit-normal fraction lives in. */
export type FractionInterval = 'unit' | 'absorbed' | 'naltrexol-feasible';

export interface ParameterVariability {
  readonly parameter: string;
  readonly kind: VariabilityKind;
  /** SD of η on the scale of the distribution: log, logit of the position in the interval, or the parameter's own unit (normal) */
  readonly omega: number;
  /** for logit-normal fractions: the interval (default unit) */
  readonly interval?: FractionInterval;
  /** unit of omega for `normal` (e.g. h) */
  readonly unit?: string;
  /** source ids (parameters/sources.ts) */
  readonly sources: readonly string[];
  readonly evidence: EvidenceLevel;
  /** where the number comes from: the derivation with its numbers, or why it is assumed */
  readonly note: string;
}


// ---- arithmetic of the derivations -------------------------------------------------------------

/** ω of a log-normal with coefficient of variation cv: √ln(1 + cv²) */
export function omegaFromCv(cv: number): number {
  return Math.sqrt(detLog(1 + cv * cv));
}

/** CV of a log-normal with log-scale SD ω: √(exp(ω²) − 1) */
export function cvFromOmega(omega: number): number {
  return Math.sqrt(detExp(omega * omega) - 1);
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const r3 = (x: number) => x.toFixed(3);

/** Verebey 1976 (n = 4): mean ± SD, acute 100 mg and chronic 100 mg/day (pharmacology.md §1.3–§1.5) */
export const VEREBEY_1976 = {
  naltrexoneCmax: { acute: [43.6, 29.9], chronic: [46.4, 18.5] },
  naltrexoneHalfLife: { acute: [10.3, 3.3], chronic: [9.7, 1.1] },
  naltrexolCmax: { acute: [87.2, 25.0], chronic: [158.4, 89.9] },
  naltrexolHalfLife: { acute: [12.7, 2.6], chronic: [11.4, 2.0] },
} as const;

/** Pooled log-scale variance of the acute and chronic CVs (the same four subjects measured twice). */
function pooledOmega(x: { acute: readonly [number, number]; chronic: readonly [number, number] }): { omega: number; acuteCv: number; chronicCv: number } {
  const acuteCv = x.acute[1] / x.acute[0];
  const chronicCv = x.chronic[1] / x.chronic[0];
  const w2 = (detLog(1 + acuteCv * acuteCv) + detLog(1 + chronicCv * chronicCv)) / 2;
  return { omega: Math.sqrt(w2), acuteCv, chronicCv };
}

/** expected range of n standard normal values (d2 of quality control), n = 23; scipy quad */
export const EXPECTED_RANGE_23 = 3.8583234232850097;

/**
 * Elasticities ∂ln(output)/∂ln(parameter) of the LDN model at the literature values, single
 * 100 mg dose, from central differences at rtol 1e-10 (the test "variability derivation uses the
 * model's current sensitivities" recomputes them).
 */
export const MODEL_ELASTICITY = {
  naltrexoneCmax: { CL: -0.088, ka: 0.116 },
  naltrexolAuc: { CLm: -1, f6bn: 1 },
  muOddsAt4h: { F: 0.96, CL: -0.412 },
} as const;

const ka = { omega: omegaFromCv(0.3) };
const ntxHalf = pooledOmega(VEREBEY_1976.naltrexoneHalfLife);
const ntxCmax = pooledOmega(VEREBEY_1976.naltrexoneCmax);
const ntbHalf = pooledOmega(VEREBEY_1976.naltrexolHalfLife);
const ntbCmax = pooledOmega(VEREBEY_1976.naltrexolCmax);

const omegaCL = ntxHalf.omega;
const omegaCLm = ntbHalf.omega;
// x·x rather than x ** 2: ** is implementation-approximated in ECMAScript, × is exact IEEE
const sq = (x: number) => x * x;
const fLogVar = sq(ntxCmax.omega) - sq(MODEL_ELASTICITY.naltrexoneCmax.CL * omegaCL) - sq(MODEL_ELASTICITY.naltrexoneCmax.ka * ka.omega);
const omegaFLog = Math.sqrt(fLogVar);
const typical = (id: string) => LITERATURE.parameters[id]!.value;
const F0 = CALIBRATION.fitted.F.value;
const fa0 = typical('fa');
// logit(F/fa): d ln F / dη = 1 − F/fa
const omegaFLogit = omegaFLog / (1 - F0 / fa0);
const mccaulOmega = detLog(4) / EXPECTED_RANGE_23;
const f6bnLogVar = sq(mccaulOmega) - sq(omegaCLm);
const omegaF6bnLog = Math.sqrt(f6bnLogVar);
// f6bn = lo + (hi − lo)·expit(θ + η): d ln f6bn / dη = (hi − lo)·p(1 − p)/f6bn
const fm0 = typical('fmSys');
const f6bn0 = typical('f6bn');
const lo0 = fm0 * F0;
const hi0 = fa0 - (1 - fm0) * F0;
const p0 = (f6bn0 - lo0) / (hi0 - lo0);
const omegaF6bnLogit = (omegaF6bnLog * f6bn0) / ((hi0 - lo0) * p0 * (1 - p0));

/** The derived numbers, for reports and tests. */
export const DERIVATIONS = {
  naltrexoneHalfLife: ntxHalf,
  naltrexoneCmax: ntxCmax,
  naltrexolHalfLife: ntbHalf,
  naltrexolCmax: ntbCmax,
  mccaulOmega,
  omegaCL,
  omegaCLm,
  omegaFLog,
  omegaFLogit,
  omegaF6bnLog,
  omegaF6bnLogit,
  kaOmega: ka.omega,
};

const ASSUMED_CV = 0.3;
const assumedOmega = omegaFromCv(ASSUMED_CV);

function assumed(parameter: string, why: string, cv = ASSUMED_CV, sources: readonly string[] = ['modelling']): ParameterVariability {
  return { parameter, kind: 'lognormal', omega: cv === ASSUMED_CV ? assumedOmega : omegaFromCv(cv), sources, evidence: 'assumption', note: `assumption: CV ${pct(cv)}. ${why}` };
}

function fixed(parameter: string, why: string, sources: readonly string[] = ['modelling']): ParameterVariability {
  return { parameter, kind: 'none', omega: 0, sources, evidence: 'assumption', note: `not varied (assumption). ${why}` };
}

const CORE: ParameterVariability[] = [
  { ...assumed('ka', 'No between-subject data on naltrexone absorption; a moderate value for an immediate-release tablet (Meyer 1984: tablet absorbed more slowly than syrup, same extent).', 0.3, ['meyer1984', 'modelling']) },
  fixed('fa', 'Absorption is "nearly complete" (≈96 %, FDA label); oral variability is carried by F.', ['fda-label']),
  {
    parameter: 'F',
    kind: 'logitnormal',
    interval: 'absorbed',
    omega: omegaFLogit,
    sources: ['verebey1976'],
    evidence: 'derived',
    note:
      `derived from the naltrexone Cmax CVs of Verebey 1976 (n = 4): ${pct(ntxCmax.acuteCv)} acute, ${pct(ntxCmax.chronicCv)} chronic; pooled log-scale SD ${r3(ntxCmax.omega)}. ` +
      `Cmax ≈ F·dose/V1 after fast absorption, so its variance is put on F after removing what CL and ka contribute (model elasticities ${MODEL_ELASTICITY.naltrexoneCmax.CL} and ${MODEL_ELASTICITY.naltrexoneCmax.ka}): ω(ln F) = ${r3(omegaFLog)} (CV ${pct(cvFromOmega(omegaFLog))}). ` +
      `Logit-normal for F/fa so that F stays below the absorbed fraction: ω(logit) = ω(ln F)/(1 − F/fa) = ${r3(omegaFLogit)} at F = ${F0.toPrecision(3)}.`,
  },
  {
    parameter: 'f6bn',
    kind: 'logitnormal',
    interval: 'naltrexol-feasible',
    omega: omegaF6bnLogit,
    sources: ['mccaul2000', 'verebey1976'],
    evidence: 'derived',
    note:
      `derived from the 4-fold between-subject range of serum 6β-naltrexol at a fixed dose in 23 subjects (McCaul 2000): ln 4 / ${EXPECTED_RANGE_23.toFixed(3)} (expected range of 23 normal values) = log-scale SD ${r3(mccaulOmega)} of 6β-naltrexol exposure (∝ f6bn/CLm). ` +
      `Removing CLm's share (${r3(omegaCLm)}) leaves ω(ln f6bn) = ${r3(omegaF6bnLog)}. ` +
      `f6bn is placed logit-normally between the bounds the model requires (fmSys·F to fa − (1 − fmSys)·F), ω = ${r3(omegaF6bnLogit)} on that scale. ` +
      `Check: the Verebey 6β-naltrexol Cmax CVs (${pct(ntbCmax.acuteCv)} acute, ${pct(ntbCmax.chronicCv)} chronic; pooled log SD ${r3(ntbCmax.omega)}) agree within their n = 4 error.`,
  },
  fixed('fmSys', 'The share of systemic clearance forming 6β-naltrexol is itself an assumption; f6bn carries the variability of 6β-naltrexol formation.'),
  {
    parameter: 'CL',
    kind: 'lognormal',
    omega: omegaCL,
    sources: ['verebey1976'],
    evidence: 'derived',
    note:
      `derived from the naltrexone half-life CVs of Verebey 1976 (n = 4): ${pct(ntxHalf.acuteCv)} acute, ${pct(ntxHalf.chronicCv)} chronic; pooled log-scale SD ${r3(omegaCL)} (CV ${pct(cvFromOmega(omegaCL))}). ` +
      `One-compartment reading t½ = ln 2·V/CL with V fixed, so CL carries all of it. In the two-compartment model the terminal half-life responds to CL with elasticity −0.43 only, so the simulated half-life varies less than Verebey's (stated in docs/BENCHMARKS.md and the population tests). ` +
      `Weight and age shift the typical CL (Dunbar 2007, covariates.ts).`,
  },
  fixed('V1', 'No source separates V1 from F; the naltrexone Cmax variance is carried by F.'),
  fixed('Q', 'Verebey\'s half-life variance is given to CL; varying Q or V2 as well would count it twice.'),
  fixed('V2', 'As Q.'),
  fixed('fu', 'Protein binding is 21 % (labels); even a 20 % CV of the bound fraction would move fu by ≈5 %.', ['fda-label']),
  {
    parameter: 'CLm',
    kind: 'lognormal',
    omega: omegaCLm,
    sources: ['verebey1976'],
    evidence: 'derived',
    note: `derived from the 6β-naltrexol half-life CVs of Verebey 1976 (n = 4): ${pct(ntbHalf.acuteCv)} acute, ${pct(ntbHalf.chronicCv)} chronic; pooled log-scale SD ${r3(omegaCLm)} (CV ${pct(cvFromOmega(omegaCLm))}). One compartment: t½ = ln 2·Vm/CLm with Vm fixed.`,
  },
  fixed('Vm', 'The 6β-naltrexol half-life variance is given to CLm.'),
  fixed('fuM', 'Protein binding of 6β-naltrexol NOT FOUND; its value is itself an assumption.'),
  ...(['KiMuN', 'KiKappaN', 'KiDeltaN', 'KiMuB', 'KiKappaB', 'KiDeltaB'] as const).map((id) =>
    fixed(id, 'A molecular constant measured on cloned human receptors; between-patient differences in potency in vivo would be carried by `potency`.', ['wentland2009', 'pelotte2009']),
  ),
  {
    parameter: 'potency',
    kind: 'none',
    omega: 0,
    sources: ['rabiner2011'],
    evidence: 'derived',
    note:
      'derived (weakly): not varied. Rabiner 2011\'s three subjects at 5 mg (43, 46, 58 % μ occupancy) have a log-odds SD of 0.32; the PK variability above already predicts about 0.5 at 4 h ' +
      `(occupancy-odds elasticities ${MODEL_ELASTICITY.muOddsAt4h.F} to F and ${MODEL_ELASTICITY.muOddsAt4h.CL} to CL), so the data leave no variance for the in-vivo potency. With n = 3 the 95 % interval of that SD is 0.17–2.0, so this is weak either way.`,
  },
  assumed('kBrainIn', 'The slow brain pool is an empirical structure fitted to PET (Lee 1988); no between-subject data.'),
  assumed('kBrainOut', 'As kBrainIn. Lee 1988 reports SEMs (n = 3–5) of the relative blockade at 48–168 h, not parameter spreads.', ASSUMED_CV, ['lee1988', 'modelling']),
  assumed('kpBrainB', 'Brain penetration of 6β-naltrexol is itself an assumption from mouse data.', ASSUMED_CV, ['yancey-wrona2009', 'modelling']),
];

const REBOUND: ParameterVariability[] = [
  assumed('rebound.meanEndorphin', 'Individual β-endorphin baselines; Iranmanesh 1989 reports a group mean only.', ASSUMED_CV, ['iranmanesh1989', 'modelling']),
  assumed('rebound.halfLife', 'Foley 1979 reports one terminal half-life.', 0.2, ['foley1979', 'modelling']),
  fixed('rebound.amplitude', 'A fraction of the mean; the group value (23 %) is used for everyone.', ['iranmanesh1989']),
  {
    parameter: 'rebound.acrophase',
    kind: 'normal',
    omega: 40 / 60,
    unit: 'h',
    sources: ['iranmanesh1989'],
    evidence: 'assumption',
    note: 'assumption: normal, SD 40 min, reading Iranmanesh 1989\'s "10:43 ± 40 min" as the between-subject SD (it may be an SEM; then the SD would be ≈1.8 h).',
  },
  fixed('rebound.windowFraction', 'Defines the seed version\'s night window; not a patient property.', ['seed-review']),
  fixed('rebound.windowCentre', 'As windowFraction.', ['seed-review']),
  fixed('rebound.windowWidth', 'As windowFraction.', ['seed-review']),
  assumed('rebound.feedbackMax', 'Size of the hypothesised rebound; the hypothesis itself is an assumption.'),
  fixed('rebound.feedbackOcc50', 'The threshold defines the hypothesis being tested; varying it would blur what is tested.'),
  fixed('rebound.feedbackHill', 'As feedbackOcc50.'),
  assumed('rebound.feedbackRate', 'Rate constants of POMC/PENK up-regulation are NOT FOUND (pharmacology.md §9.6).'),
  assumed('rebound.morUpMax', 'Mouse autoradiography gives a group mean (+80 %).', ASSUMED_CV, ['receptor-upregulation2003', 'modelling']),
  assumed('rebound.dorUpMax', 'As morUpMax (+39 %).', ASSUMED_CV, ['receptor-upregulation2003', 'modelling']),
  assumed('rebound.receptorRate', 'The time course of up-regulation is NOT FOUND.'),
];

const TLR4: ParameterVariability[] = [
  fixed('tlr4.ic50Naltrexone', 'A molecular potency from cells.', ['cant2017']),
  fixed('tlr4.ic50Naltrexol', 'As ic50Naltrexone.', ['selfridge2015']),
  fixed('tlr4.maxInhibition', 'Set to the value most favourable to the hypothesis; not a patient property.'),
  assumed('tlr4.il6Baseline', 'Cytokine baselines vary widely between people; Parkitny 2017 gives the group mean of 8 patients.', 0.5, ['parkitny2017', 'modelling']),
  assumed('tlr4.tnfBaseline', 'As il6Baseline.', 0.5, ['parkitny2017', 'modelling']),
  assumed('tlr4.il6HalfLife', 'One published half-life (Weber 1993, via indand21).', ASSUMED_CV, ['cytokine-halflives', 'modelling']),
  assumed('tlr4.tnfHalfLife', 'One published half-life (Selby 1987, via indand21).', ASSUMED_CV, ['cytokine-halflives', 'modelling']),
];

const OGF: ParameterVariability[] = [
  fixed('ogf.blockadeOcc50', 'Defines blockade in the hypothesis (Zagon\'s blocked morphine analgesia); not a patient property.', ['zagon1984']),
  fixed('ogf.blockadeHill', 'As blockadeOcc50.'),
  fixed('ogf.upregulationMax', 'Sets where intermittent turns into sustained blockade (12 h/day), the hypothesis being tested.', ['zagon1984']),
  assumed('ogf.upregulationRate', 'No time course of OGF/OGFr up-regulation in humans.'),
  assumed('ogf.growthGain', 'Scales the size, not the direction, of the predicted effect.'),
];

/** Variability of every parameter of the LDN model and its hypothesis modules, in a fixed order. */
export const VARIABILITY: readonly ParameterVariability[] = [...CORE, ...REBOUND, ...TLR4, ...OGF];

export const VARIABILITY_BY_ID: Readonly<Record<string, ParameterVariability>> = Object.fromEntries(VARIABILITY.map((v) => [v.parameter, v]));

/** "CV 24 %", "logit-normal ω 0.74", "normal SD 0.67 h", "not varied" */
export function describeVariability(v: ParameterVariability): string {
  if (v.kind === 'none') return 'not varied';
  if (v.kind === 'lognormal') return `log-normal, CV ${(100 * cvFromOmega(v.omega)).toFixed(0)}%`;
  if (v.kind === 'normal') return `normal, SD ${v.omega.toFixed(2)}${v.unit ? ` ${v.unit}` : ''}`;
  const within = v.interval === 'absorbed' ? ' of F/fa' : v.interval === 'naltrexol-feasible' ? ' within its feasible interval' : '';
  return `logit-normal${within}, ω ${v.omega.toFixed(2)}`;
}
