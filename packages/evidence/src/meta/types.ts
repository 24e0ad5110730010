// Shared types of the meta-analysis engine: the per-study input shapes (one per kind of outcome data), the
// effect sizes produced by escalc, and the result shape common to every pooled model (IV, MH, Peto), so that
// the figures, the CLI and the subgroup/sensitivity code can treat all of them alike.

export type Measure = 'RR' | 'OR' | 'RD' | 'PETO' | 'MD' | 'SMD' | 'PLO' | 'GEN';
export type BinaryMeasure = 'RR' | 'OR' | 'RD' | 'PETO';

/** Two-arm dichotomous study; group 1 is the treated (experimental) arm. */
export interface TwoByTwoStudy {
  study?: string;
  events1: number;
  total1: number;
  events2: number;
  total2: number;
}

/** Two-arm continuous study (means, SDs, sizes); group 1 is the treated arm. */
export interface ContinuousStudy {
  study?: string;
  mean1: number;
  sd1: number;
  n1: number;
  mean2: number;
  sd2: number;
  n2: number;
}

/** Single-arm study: events out of total. */
export interface SingleArmStudy {
  study?: string;
  events: number;
  total: number;
}

/** Precomputed effect size and sampling variance. */
export interface GenericStudy {
  study?: string;
  yi: number;
  vi: number;
}

export type EscalcInput =
  | { measure: BinaryMeasure; studies: readonly TwoByTwoStudy[] }
  | { measure: 'MD' | 'SMD'; studies: readonly ContinuousStudy[] }
  | { measure: 'PLO'; studies: readonly SingleArmStudy[] }
  | { measure: 'GEN'; studies: readonly GenericStudy[] };

export type ZeroCellTarget = 'all' | 'only0' | 'if0all' | 'none';

export interface EscalcOptions {
  /** amount added to the cells (default 1/2; 0 for PETO) */
  add?: number;
  /** which studies get `add` (default 'only0': those with a zero cell) */
  to?: ZeroCellTarget;
  /** drop studies with no events (or only events) in both arms (default false, as metafor's escalc) */
  drop00?: boolean;
  /** SMD: exact Hedges correction (default true, as metafor) or 1 - 3/(4m - 1) */
  exactJ?: boolean;
}

/** Per-study effect sizes (metafor's escalc output). A dropped study has yi = vi = NaN. */
export interface EffectSizes {
  measure: Measure;
  studies: string[];
  yi: number[];
  vi: number[];
  dropped: boolean[];
  /** continuity correction added to each cell of each study (0 when none) */
  added: number[];
  /** the input rows, kept for display (counts or means) */
  input: EscalcInput;
}

/** What every pooled model reports (log scale for ratio measures). */
export interface PooledFit {
  model: 'IV' | 'MH' | 'PETO';
  measure: Measure;
  method: string;
  /** number of studies in the model */
  k: number;
  estimate: number;
  se: number;
  /** z or t statistic */
  statistic: number;
  /** degrees of freedom of the t statistic, null for z */
  df: number | null;
  p: number;
  ciLower: number;
  ciUpper: number;
  tau2: number;
  tau2Ci: [number, number] | null;
  I2: number;
  I2Ci: [number, number] | null;
  H2: number;
  H2Ci: [number, number] | null;
  Q: number;
  Qdf: number;
  Qp: number;
  piLower: number;
  piUpper: number;
  level: number;
  /** labels, effect sizes, variances and weights (%) of the studies in the model, in input order */
  studies: string[];
  yi: number[];
  vi: number[];
  weights: number[];
  /** studies left out (dropped by escalc or double-zero), by label */
  omitted: string[];
}

export const RATIO_MEASURES: readonly Measure[] = ['RR', 'OR', 'PETO'];
export const isRatioMeasure = (m: Measure): boolean => RATIO_MEASURES.includes(m);
