// Covariates of the virtual patients, where a source gives an effect (pharmacology.md §1.2):
// - Body weight and age on naltrexone clearance: Dunbar 2007 (popPK of XR-naltrexone, 453
//   subjects): CL = 140 L/h + 0.548 L/h per kg − 0.108 L/h per year of age. The reference weight
//   and age of that population are NOT in the notes, so the effects are centred on the median of
//   the cohort's own weight and age distributions (the median of the distribution, not of the
//   sample, so a patient's clearance does not depend on who else is in the cohort). The slopes are
//   applied as fractions of Dunbar's 140 L/h, so they scale with the parameter set's CL (the seed
//   set has 89 L/h). Dunbar's population received the drug i.m. (no first pass); applying the
//   slopes to the oral drug's systemic clearance is an assumption.
// - Hepatic impairment: the Swiss label gives plasma naltrexone 5–10× higher in cirrhosis. A
//   chosen fraction of the cohort is impaired; each impaired patient's exposure multiplier M is
//   log-uniform between 5 and 10 (the shape is an assumption) and applied to the naltrexone AUC
//   (∝ F/CL) by raising F by √M and lowering CL by √M (the equal split between first pass and
//   systemic clearance is an assumption; F is raised on its logit scale and stays below fa).
//   6β-naltrexol formation is not changed (not sourced).
// - Nothing else (sex, renal function, smoking: Dunbar reports effects on 6β-naltrexol clearance
//   that need creatinine clearance and ALP, which a cohort option does not give).
//
// Distributions of the covariates are user options: uniform MIN-MAX, normal MEAN±SD (truncated at
// ±3 SD, stated in the output), or a fixed value.

import { detExp } from './detmath.js';
import { normalQuantile } from './random.js';

export type CovariateDistribution =
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly kind: 'fixed'; readonly value: number };

export interface CovariateOptions {
  readonly weight: CovariateDistribution;
  readonly age: CovariateDistribution;
  /** share of the cohort with hepatic impairment (cirrhosis), 0–1 */
  readonly hepaticFraction: number;
}

export const DEFAULT_COVARIATES: CovariateOptions = {
  weight: { kind: 'uniform', min: 50, max: 90 },
  age: { kind: 'uniform', min: 18, max: 65 },
  hepaticFraction: 0,
};

/** accepted limits: adults, as in Dunbar 2007's population */
export const COVARIATE_LIMITS = {
  weight: { min: 30, max: 250, unit: 'kg' },
  age: { min: 18, max: 100, unit: 'years' },
} as const;

export const DUNBAR_2007 = { clearance: 140, perKg: 0.548, perYear: -0.108, source: 'dunbar2007' } as const;

export const HEPATIC_IMPAIRMENT = { multiplierMin: 5, multiplierMax: 10, source: 'swiss-label' } as const;

/** the normal covariate distribution is cut at ±3 SD: Φ(−3), exact to double precision */
const PHI_MINUS_3 = 0.0013498980316300946;

export class CovariateError extends RangeError {
  readonly field: 'weight' | 'age' | 'hepaticFraction';
  constructor(field: 'weight' | 'age' | 'hepaticFraction', message: string) {
    super(message);
    this.name = 'CovariateError';
    this.field = field;
  }
}

const fmt = (x: number) => String(Number(x.toPrecision(6)));

/**
 * Parses "50-90" (uniform), "70+-12" or "70±12" (normal), or "70" (fixed). Throws CovariateError
 * naming the value and what is accepted.
 */
export function parseCovariate(field: 'weight' | 'age', text: string): CovariateDistribution {
  const lim = COVARIATE_LIMITS[field];
  const accepted = `MIN-MAX (uniform), MEAN+-SD (normal) or a single value, in ${lim.unit} within ${lim.min}–${lim.max}`;
  const t = text.trim();
  const num = '(\\d+(?:\\.\\d*)?|\\.\\d+)';
  let m = new RegExp(`^${num}\\s*-\\s*${num}$`).exec(t);
  let d: CovariateDistribution | undefined;
  if (m) d = { kind: 'uniform', min: Number(m[1]), max: Number(m[2]) };
  else if ((m = new RegExp(`^${num}\\s*(?:\\+-|±|\\+/-)\\s*${num}$`).exec(t))) d = { kind: 'normal', mean: Number(m[1]), sd: Number(m[2]) };
  else if ((m = new RegExp(`^${num}$`).exec(t))) d = { kind: 'fixed', value: Number(m[1]) };
  if (!d) throw new CovariateError(field, `${field} "${text}" is not a range; use ${accepted}`);
  validateCovariate(field, d, text);
  return d;
}

/** Checks a distribution against the accepted limits (min ≤ max, inside the limits, SD ≥ 0). */
export function validateCovariate(field: 'weight' | 'age', d: CovariateDistribution, text = describeCovariate(d)): void {
  const lim = COVARIATE_LIMITS[field];
  const inside = (x: number) => Number.isFinite(x) && x >= lim.min && x <= lim.max;
  const limits = `${lim.min}–${lim.max} ${lim.unit}`;
  if (d.kind === 'uniform') {
    if (!(d.min <= d.max)) throw new CovariateError(field, `${field} ${text}: min ${fmt(d.min)} is above max ${fmt(d.max)}; use MIN-MAX with MIN ≤ MAX, within ${limits}`);
    if (!inside(d.min) || !inside(d.max)) throw new CovariateError(field, `${field} ${text} is outside ${limits}`);
  } else if (d.kind === 'normal') {
    if (!(d.sd >= 0) || !Number.isFinite(d.sd)) throw new CovariateError(field, `${field} ${text}: the SD must be a number ≥ 0`);
    if (!inside(d.mean - 3 * d.sd) || !inside(d.mean + 3 * d.sd)) throw new CovariateError(field, `${field} ${text}: mean ± 3 SD (${fmt(d.mean - 3 * d.sd)}–${fmt(d.mean + 3 * d.sd)}) must lie within ${limits}`);
  } else if (!inside(d.value)) throw new CovariateError(field, `${field} ${text} is outside ${limits}`);
}

export function validateHepaticFraction(f: number): void {
  if (!(f >= 0 && f <= 1)) throw new CovariateError('hepaticFraction', `hepatic fraction ${f} is not a share; use a number from 0 to 1`);
}

export function describeCovariate(d: CovariateDistribution, unit = ''): string {
  const u = unit ? ` ${unit}` : '';
  if (d.kind === 'uniform') return `uniform ${fmt(d.min)}–${fmt(d.max)}${u}`;
  if (d.kind === 'normal') return `normal ${fmt(d.mean)} ± ${fmt(d.sd)}${u} (truncated at ±3 SD)`;
  return `${fmt(d.value)}${u} for everyone`;
}

/** The median of the distribution (the centre of the Dunbar covariate effects). */
export function covariateMedian(d: CovariateDistribution): number {
  if (d.kind === 'uniform') return (d.min + d.max) / 2;
  if (d.kind === 'normal') return d.mean;
  return d.value;
}

/** A draw from the distribution given one uniform u in (0, 1) (inversion, so one draw each). */
export function sampleCovariate(d: CovariateDistribution, u: number): number {
  if (d.kind === 'uniform') return d.min + (d.max - d.min) * u;
  if (d.kind === 'normal') return d.mean + d.sd * normalQuantile(PHI_MINUS_3 + (1 - 2 * PHI_MINUS_3) * u);
  return d.value;
}

/** Dunbar 2007 covariate factor on naltrexone clearance, relative to the cohort's median patient. */
export function clearanceFactor(weightKg: number, ageY: number, medianWeightKg: number, medianAgeY: number): number {
  return 1 + (DUNBAR_2007.perKg * (weightKg - medianWeightKg) + DUNBAR_2007.perYear * (ageY - medianAgeY)) / DUNBAR_2007.clearance;
}

/** Exposure multiplier of an impaired patient from one uniform u: log-uniform on [5, 10] (= 5·2^u). */
export function hepaticMultiplier(u: number): number {
  return HEPATIC_IMPAIRMENT.multiplierMin * detExp(u * 0.6931471805599453);
}
