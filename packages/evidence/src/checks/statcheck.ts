// Why this module exists: a reported p-value must agree with its own test statistic. This is a
// TypeScript port of the decision rules of statcheck (Nuijten MB, Epskamp S et al., R package
// "statcheck", https://github.com/MicheleNuijten/statcheck; files R/compute_p.R, R/error_test.R,
// R/decision_error_test.R, R/process_stats.R; documented at rdrr.io/cran/statcheck/man/statcheck.html):
//   - p is recomputed from t, F, r, χ², z or Q and its degrees of freedom; t, z and r are two-tailed
//     (doubled) unless one-tailed; r is converted with t = r / √((1 − r²)/df);
//   - the printed statistic may have been rounded: with d decimals the true value lies in
//     [stat − 0.5·10⁻ᵈ, stat + 0.5·10⁻ᵈ], which gives an interval [lowerP, upperP];
//   - "p = x" is an error if x > round(upperP, p decimals) or x < round(lowerP, p decimals);
//     "p < x" is an error if x < lowerP; "p > x" if x > upperP; "ns" means p > α;
//   - pZeroError: "p = .000" is always an error (a p-value is never zero);
//   - a decision error is an error that also flips significance at α (p = α counts as significant
//     when pEqualAlphaSig); it is checked only when there is an error;
//   - OneTailedTxt: when the text says one-tailed/one-sided/directional and the result is an error
//     as two-tailed, it is recomputed one-tailed and kept if that makes it consistent;
//     OneTailedTests treats every test as one-tailed.
import { pchisqUpper, pfUpper, pnorm2, pt2 } from '../stats/index.js';
import { decimalsOf, roundTo } from './decimals.js';

export type TestType = 't' | 'F' | 'chi2' | 'z' | 'r' | 'Q';
export type PComparison = '=' | '<' | '>' | 'ns';
export type StatComparison = '=' | '<' | '>';

export interface StatcheckInput {
  readonly type: TestType;
  /** The statistic as printed ("2.20", ".22", "-2.42"). */
  readonly stat: string;
  readonly df1?: number;
  readonly df2?: number;
  /** The p-value as printed (".03", "0.016"); ignored for "ns". */
  readonly p: string;
  readonly pComparison: PComparison;
  readonly statComparison?: StatComparison;
  /** The surrounding text says one-tailed / one-sided / directional. */
  readonly oneTailedInText?: boolean;
}

export interface StatcheckOptions {
  readonly alpha?: number;
  readonly pEqualAlphaSig?: boolean;
  readonly pZeroError?: boolean;
  readonly oneTailedTests?: boolean;
  readonly oneTailedTxt?: boolean;
}

export interface StatcheckResult {
  readonly computedP: number;
  /** p-values at the two ends of the rounding interval of the statistic. */
  readonly lowerP: number;
  readonly upperP: number;
  /** The reported p does not fit the statistic (a "plain inconsistency"). */
  readonly error: boolean;
  /** An error that also changes the conclusion at α. */
  readonly decisionError: boolean;
  /** The one-tailed reading was applied (OneTailedTests, or OneTailedTxt rescued the result). */
  readonly oneTailed: boolean;
}

/** statcheck's compute_p: the p-value of a statistic; t, z and r two-tailed unless `twoTailed` is false. */
export function computeP(type: TestType, stat: number, df1: number | undefined, df2: number | undefined, twoTailed = true): number {
  const need = (v: number | undefined, name: string): number => {
    if (v === undefined || !(v > 0)) throw new RangeError(`${type} test needs ${name} > 0`);
    return v;
  };
  let p: number;
  switch (type) {
    case 't':
      p = pt2(stat, need(df2 ?? df1, 'df')) / 2;
      break;
    case 'z':
      p = pnorm2(stat) / 2;
      break;
    case 'r': {
      const df = need(df2 ?? df1, 'df');
      if (Math.abs(stat) >= 1) return Math.abs(stat) > 1 ? Number.NaN : 0;
      const t = stat / Math.sqrt((1 - stat * stat) / df);
      p = pt2(t, df) / 2;
      break;
    }
    case 'F':
      return pfUpper(stat, need(df1, 'df1'), need(df2, 'df2'));
    case 'chi2':
    case 'Q':
      return pchisqUpper(stat, need(df1 ?? df2, 'df'));
  }
  return Math.min(1, twoTailed ? 2 * p : p);
}

function errorTest(input: StatcheckInput, twoTailed: boolean, alpha: number, pZeroError: boolean): { error: boolean; lowerP: number; upperP: number } {
  let reported = Number(input.p);
  const pComp: StatComparison = input.pComparison === 'ns' ? '>' : input.pComparison;
  if (input.pComparison === 'ns') reported = alpha;
  const stat = Number(input.stat);
  const half = 0.5 / 10 ** decimalsOf(input.stat);
  // the end nearer zero gives the larger p
  const low = stat >= 0 ? stat - half : stat + half;
  const up = stat >= 0 ? stat + half : stat - half;
  const upperP = computeP(input.type, low, input.df1, input.df2, twoTailed);
  const lowerP = computeP(input.type, up, input.df1, input.df2, twoTailed);
  if (pZeroError && reported <= 0) return { error: true, lowerP, upperP };
  const pDec = input.pComparison === 'ns' ? 2 : decimalsOf(input.p);
  const statComp = input.statComparison ?? '=';
  let error: boolean;
  if (statComp === '=') {
    if (pComp === '=') error = reported > roundTo(upperP, pDec) || reported < roundTo(lowerP, pDec);
    else if (pComp === '<') error = reported < lowerP;
    else error = reported > upperP;
  } else if (statComp === '<') {
    if (pComp === '=') error = reported < roundTo(upperP, pDec);
    else if (pComp === '<') error = reported < upperP;
    else error = false;
  } else {
    if (pComp === '=') error = reported > roundTo(lowerP, pDec);
    else if (pComp === '<') error = false;
    else error = reported > lowerP;
  }
  return { error, lowerP, upperP };
}

/** statcheck's decision_error_test. */
export function decisionErrorTest(
  reportedText: string,
  computed: number,
  statComp: StatComparison,
  pComparison: PComparison,
  alpha: number,
  pEqualAlphaSig: boolean,
): boolean {
  const reported = pComparison === 'ns' ? alpha : Number(reportedText);
  const pComp: StatComparison = pComparison === 'ns' ? '>' : pComparison;
  if (pEqualAlphaSig) {
    if (statComp === '=') {
      if (pComp === '=') return (reported <= alpha && computed > alpha) || (reported > alpha && computed <= alpha);
      if (pComp === '<') return reported <= alpha && computed > alpha;
      return reported >= alpha && computed <= alpha;
    }
    if (statComp === '<') {
      if (pComp === '>') return false;
      return reported <= alpha && computed >= alpha;
    }
    if (pComp === '<') return false;
    if (pComp === '=') return reported > alpha && computed <= alpha;
    return reported >= alpha && computed <= alpha;
  }
  if (statComp === '=') {
    if (pComp === '=') return (reported < alpha && computed >= alpha) || (reported >= alpha && computed < alpha);
    if (pComp === '<') return reported <= alpha && computed >= alpha;
    return reported >= alpha && computed < alpha;
  }
  if (statComp === '<') {
    if (pComp === '=') return reported < alpha && computed >= alpha;
    if (pComp === '<') return reported <= alpha && computed >= alpha;
    return false;
  }
  if (pComp === '<') return false;
  return reported >= alpha && computed <= alpha;
}

/** statcheck's process_stats for one result. */
export function statcheck(input: StatcheckInput, options: StatcheckOptions = {}): StatcheckResult {
  const alpha = options.alpha ?? 0.05;
  const pEqualAlphaSig = options.pEqualAlphaSig ?? true;
  const pZeroError = options.pZeroError ?? true;
  const allOneTailed = options.oneTailedTests ?? false;
  const statComp = input.statComparison ?? '=';
  const stat = Number(input.stat);

  const run = (twoTailed: boolean) => {
    const computedP = computeP(input.type, stat, input.df1, input.df2, twoTailed);
    const e = errorTest(input, twoTailed, alpha, pZeroError);
    const decisionError = e.error ? decisionErrorTest(input.p, computedP, statComp, input.pComparison, alpha, pEqualAlphaSig) : false;
    return { computedP, lowerP: e.lowerP, upperP: e.upperP, error: e.error, decisionError };
  };

  const result = run(!allOneTailed);
  if ((options.oneTailedTxt ?? false) && !allOneTailed && result.error && input.oneTailedInText === true) {
    const one = run(false);
    if (one.error !== result.error) return { ...one, oneTailed: true };
  }
  return { ...result, oneTailed: allOneTailed };
}

const STAT_RE =
  /(?:^|[^A-Za-z])(t|F|r|z|Z|Q|chi2|χ2|χ²|X2)\s*(?:\(\s*(\d+(?:\.\d+)?)\s*(?:,\s*(\d+(?:\.\d+)?))?\s*\))?\s*([=<>])\s*(-?\d*\.?\d+)\s*,\s*(?:(ns)|p\s*([=<>])\s*(\d*\.?\d+))/;

/** Parses one APA-style result ("t(28) = 2.20, p = .03", "F(1, 101) = 7.7, p = .006", "chi2(28) = 22.20, ns"). */
export function parseApa(text: string): StatcheckInput {
  const m = STAT_RE.exec(text);
  if (m === null) throw new RangeError(`no APA-style test result found in "${text}"`);
  const raw = m[1] ?? '';
  const type: TestType = raw === 'Z' || raw === 'z' ? 'z' : raw === 't' || raw === 'F' || raw === 'r' || raw === 'Q' ? raw : 'chi2';
  const a = m[2] === undefined ? undefined : Number(m[2]);
  const b = m[3] === undefined ? undefined : Number(m[3]);
  const single = type === 't' || type === 'r';
  return {
    type,
    stat: m[5] ?? '',
    df1: type === 'F' ? a : single ? undefined : a,
    df2: type === 'F' ? b : single ? a : undefined,
    p: m[6] === 'ns' ? '0.05' : (m[8] ?? ''),
    pComparison: m[6] === 'ns' ? 'ns' : ((m[7] ?? '=') as PComparison),
    statComparison: (m[4] ?? '=') as StatComparison,
    oneTailedInText: /one-tailed|one-sided|directional/i.test(text),
  };
}
