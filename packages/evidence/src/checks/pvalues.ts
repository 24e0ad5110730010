// Why this module exists: when a paper prints both the 2×2 counts and a p-value (Towers: NAS
// 10/119 vs 79/105, "P < .0001"), the p-value can be recomputed. Which test the authors used is
// rarely stated, so the reported p is compared with Fisher's exact test and Pearson's χ² with and
// without Yates' correction, using statcheck's reading of a printed p: "p = x" matches when the
// computed p rounds to x at the printed decimals, "p < x" when it is below x (see statcheck.ts).
// A p-value is also recomputed from a printed estimate and its CI (Altman DG, Bland JM. How to
// obtain the P value from a confidence interval. BMJ 2011;343:d2304), allowing for the rounding of
// the printed numbers, and the CI is checked to be centred on the estimate (on the log scale for ratios).
import { fisherExactTest } from '../stats/fisher.js';
import { chisqTest2x2, pnorm2, qnorm } from '../stats/index.js';
import { decimalsOf, halfUnit, roundTo } from './decimals.js';

export type PTestName = 'fisher' | 'chi2' | 'chi2-yates';

export interface PrintedP {
  /** As printed, without comparator (".009", "0.0001"). */
  readonly text: string;
  readonly comparator: '=' | '<' | '>' | '≤' | '≥';
}

/** Does a computed p agree with a printed one (statcheck's rule for "p = x", "p < x", "p > x")? */
export function matchesPrintedP(computed: number, printed: PrintedP): boolean {
  const x = Number(printed.text);
  switch (printed.comparator) {
    case '=':
      return roundTo(computed, decimalsOf(printed.text)) === roundTo(x, decimalsOf(printed.text));
    case '<':
      return computed < x;
    case '≤':
      return computed <= x;
    case '>':
      return computed > x;
    case '≥':
      return computed >= x;
  }
}

export interface CountsPValues {
  readonly fisher: number;
  readonly chi2: number;
  readonly 'chi2-yates': number;
}

/** Two-sided p-values of events1/total1 vs events2/total2 by Fisher, χ² and χ² with Yates. */
export function pValuesFromCounts(events1: number, total1: number, events2: number, total2: number): CountsPValues {
  for (const [v, name] of [[events1, 'events1'], [total1, 'total1'], [events2, 'events2'], [total2, 'total2']] as const) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${v}`);
  }
  if (events1 > total1 || events2 > total2) throw new RangeError('events cannot exceed totals');
  const a = events1;
  const b = total1 - events1;
  const c = events2;
  const d = total2 - events2;
  const margins = [a + b, c + d, a + c, b + d];
  // χ² is undefined with an empty margin; R returns NaN there too.
  const chi = (yates: boolean) => (margins.some((m) => m === 0) ? Number.NaN : chisqTest2x2(a, b, c, d, yates).p);
  return { fisher: fisherExactTest(a, b, c, d).p, chi2: chi(false), 'chi2-yates': chi(true) };
}

export interface CountsPCheck {
  readonly computed: CountsPValues;
  /** Tests whose p agrees with the printed p. */
  readonly matching: readonly PTestName[];
  /** True when every test puts p on the other side of α from the printed p. */
  readonly decisionError: boolean;
}

export function checkPFromCounts(
  printed: PrintedP,
  events1: number,
  total1: number,
  events2: number,
  total2: number,
  alpha = 0.05,
): CountsPCheck {
  const computed = pValuesFromCounts(events1, total1, events2, total2);
  const names: PTestName[] = ['fisher', 'chi2', 'chi2-yates'];
  const matching = names.filter((n) => Number.isFinite(computed[n]) && matchesPrintedP(computed[n], printed));
  const x = Number(printed.text);
  const reportedSig = printed.comparator === '<' || printed.comparator === '≤' ? x <= alpha : printed.comparator === '=' ? x <= alpha : false;
  const reportedNonSig = printed.comparator === '>' || printed.comparator === '≥' ? x >= alpha : printed.comparator === '=' ? x > alpha : false;
  const finite = names.map((n) => computed[n]).filter(Number.isFinite);
  const decisionError =
    matching.length === 0 &&
    finite.length > 0 &&
    ((reportedSig && finite.every((p) => p > alpha)) || (reportedNonSig && finite.every((p) => p <= alpha)));
  return { computed, matching, decisionError };
}

export interface PrintedInterval {
  readonly estimate: string;
  readonly lower: string;
  readonly upper: string;
  /** Ratio measures (RR, OR) are symmetric on the log scale. */
  readonly ratio: boolean;
  readonly level?: number;
}

/** Altman & Bland: z = est/SE with SE = (upper − lower)/(2·z_{1−α/2}), on the log scale for ratios. */
export function pFromCi(estimate: number, lower: number, upper: number, ratio: boolean, level = 0.95): number {
  const f = ratio ? Math.log : (v: number) => v;
  if (ratio && !(lower > 0 && estimate > 0)) return Number.NaN;
  const zc = qnorm(1 - (1 - level) / 2);
  const se = (f(upper) - f(lower)) / (2 * zc);
  if (!(se > 0)) return Number.NaN;
  return pnorm2(f(estimate) / se);
}

/** Range of p over every value that prints as the given estimate and limits. */
export function pRangeFromCi(ci: PrintedInterval): { min: number; max: number; central: number } {
  const e = Number(ci.estimate);
  const l = Number(ci.lower);
  const u = Number(ci.upper);
  const he = halfUnit(ci.estimate);
  const hl = halfUnit(ci.lower);
  const hu = halfUnit(ci.upper);
  let min = Infinity;
  let max = -Infinity;
  for (const de of [-he, 0, he]) {
    for (const dl of [-hl, hl]) {
      for (const du of [-hu, hu]) {
        const p = pFromCi(e + de, l + dl, u + du, ci.ratio, ci.level);
        if (!Number.isFinite(p)) continue;
        min = Math.min(min, p);
        max = Math.max(max, p);
      }
    }
  }
  return { min, max, central: pFromCi(e, l, u, ci.ratio, ci.level) };
}

/** Does a printed p fit the printed estimate and CI, allowing for rounding of all three? */
export function checkPFromCi(ci: PrintedInterval, printed: PrintedP): { consistent: boolean; central: number; min: number; max: number } {
  const r = pRangeFromCi(ci);
  const x = Number(printed.text);
  const d = decimalsOf(printed.text);
  let consistent: boolean;
  if (printed.comparator === '=') consistent = x >= roundTo(r.min, d) && x <= roundTo(r.max, d);
  else if (printed.comparator === '<' || printed.comparator === '≤') consistent = r.min < x;
  else consistent = r.max > x;
  return { consistent, ...r };
}

/**
 * Is the printed CI centred on the printed estimate? Some value in each rounding interval must make
 * the midpoint (geometric mean for ratios) equal a value that prints as the estimate.
 */
export function ciCentred(ci: PrintedInterval): boolean {
  const f = ci.ratio ? Math.log : (v: number) => v;
  const e = Number(ci.estimate);
  const l = Number(ci.lower);
  const u = Number(ci.upper);
  const he = halfUnit(ci.estimate);
  const hl = halfUnit(ci.lower);
  const hu = halfUnit(ci.upper);
  if (ci.ratio && !(l - hl > 0 && e - he > 0)) return true; // cannot judge on the log scale
  const midLo = (f(l - hl) + f(u - hu)) / 2;
  const midHi = (f(l + hl) + f(u + hu)) / 2;
  const eLo = f(e - he);
  const eHi = f(e + he);
  const eps = 1e-12;
  return midLo <= eHi + eps && eLo <= midHi + eps && l <= e + he && e - he <= u;
}
