// Effect measures of one 2x2 table (group 1 = treated: a events of n1; group 2 = control: c events of n2)
// with Wald confidence intervals, exactly as metafor's escalc computes a single study's yi and vi
// (log scale for RR and OR), including its default zero-cell handling: add 1/2 to every cell of a table
// that has a zero cell. Used by the consistency checks to recompute what a paper reports.
import { qnorm } from './distributions.js';
import { EvidenceInputError, requireCount, requireLevel } from './errors.js';

export interface TwoByTwo {
  /** events in group 1 (treated) */
  events1: number;
  total1: number;
  /** events in group 2 (control) */
  events2: number;
  total2: number;
}

export interface RatioEstimate {
  measure: 'RR' | 'OR' | 'RD';
  /** RR/OR: ratio on the natural scale; RD: the difference */
  estimate: number;
  lower: number;
  upper: number;
  /** RR/OR: log ratio; RD: the difference */
  yi: number;
  /** sampling variance of yi */
  vi: number;
  se: number;
  /** the continuity correction added to each cell (0 when none) */
  added: number;
  level: number;
}

export interface ZeroCellOptions {
  /** amount added to cells (default 0.5) */
  add?: number;
  /** 'only0' (default): tables with a zero cell; 'all': always; 'none': never */
  to?: 'only0' | 'all' | 'none';
  level?: number;
}

/** Validates a 2x2 table given as events/totals; row is for error messages. */
export function checkTwoByTwo(t: TwoByTwo, row: number | null = null, study?: string): void {
  requireCount(t.events1, 'events1', row, study);
  requireCount(t.total1, 'total1', row, study);
  requireCount(t.events2, 'events2', row, study);
  requireCount(t.total2, 'total2', row, study);
  if (t.total1 === 0) throw new EvidenceInputError('0 is not a valid group size', 'total1', row, study);
  if (t.total2 === 0) throw new EvidenceInputError('0 is not a valid group size', 'total2', row, study);
  if (t.events1 > t.total1) throw new EvidenceInputError(`${t.events1} events exceed total1 = ${t.total1}`, 'events1', row, study);
  if (t.events2 > t.total2) throw new EvidenceInputError(`${t.events2} events exceed total2 = ${t.total2}`, 'events2', row, study);
}

function cells(t: TwoByTwo, opts: ZeroCellOptions): { a: number; b: number; c: number; d: number; added: number } {
  checkTwoByTwo(t);
  const add = opts.add ?? 0.5;
  const to = opts.to ?? 'only0';
  let a = t.events1;
  let b = t.total1 - t.events1;
  let c = t.events2;
  let d = t.total2 - t.events2;
  const zero = a === 0 || b === 0 || c === 0 || d === 0;
  const added = to === 'all' || (to === 'only0' && zero) ? add : 0;
  a += added;
  b += added;
  c += added;
  d += added;
  return { a, b, c, d, added };
}

function wald(measure: RatioEstimate['measure'], yi: number, vi: number, added: number, level: number): RatioEstimate {
  const se = Math.sqrt(vi);
  const z = qnorm(1 - (1 - level) / 2);
  const lo = yi - z * se;
  const hi = yi + z * se;
  const ratio = measure !== 'RD';
  return {
    measure,
    estimate: ratio ? Math.exp(yi) : yi,
    lower: ratio ? Math.exp(lo) : lo,
    upper: ratio ? Math.exp(hi) : hi,
    yi,
    vi,
    se,
    added,
    level,
  };
}

/** Risk ratio with a Wald CI on the log scale (metafor escalc "RR"). */
export function riskRatio(t: TwoByTwo, opts: ZeroCellOptions = {}): RatioEstimate {
  const level = opts.level ?? 0.95;
  requireLevel(level);
  const { a, b, c, d, added } = cells(t, opts);
  const n1 = a + b;
  const n2 = c + d;
  const yi = Math.log(a / n1) - Math.log(c / n2);
  const vi = 1 / a - 1 / n1 + 1 / c - 1 / n2;
  return wald('RR', yi, vi, added, level);
}

/** Odds ratio with a Wald (Woolf) CI on the log scale (metafor escalc "OR"). */
export function oddsRatio(t: TwoByTwo, opts: ZeroCellOptions = {}): RatioEstimate {
  const level = opts.level ?? 0.95;
  requireLevel(level);
  const { a, b, c, d, added } = cells(t, opts);
  const p1 = a / (a + b);
  const p2 = c / (c + d);
  const yi = Math.log(p1 / (1 - p1)) - Math.log(p2 / (1 - p2));
  const vi = 1 / a + 1 / b + 1 / c + 1 / d;
  return wald('OR', yi, vi, added, level);
}

/** Risk difference p1 - p2 with a Wald CI (metafor escalc "RD", vtype "LS"). */
export function riskDifference(t: TwoByTwo, opts: ZeroCellOptions = {}): RatioEstimate {
  const level = opts.level ?? 0.95;
  requireLevel(level);
  const { a, b, c, d, added } = cells(t, opts);
  const n1 = a + b;
  const n2 = c + d;
  const p1 = a / n1;
  const p2 = c / n2;
  const vi = (p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2;
  return wald('RD', p1 - p2, vi, added, level);
}
