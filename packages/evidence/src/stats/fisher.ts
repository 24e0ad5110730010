// Fisher's exact test for a 2x2 table, matching R's fisher.test: the two-sided p-value sums the probabilities
// of all tables no more likely than the observed one (with R's relative tolerance 1 + 1e-7), and the
// conditional maximum-likelihood odds ratio and its exact CI come from the noncentral hypergeometric
// distribution, found with R's own root finder (./roots.ts) so that the numbers agree to many digits.
// The consistency checker imports `fisherExactTest` from this path.
import { dhyper } from './distributions.js';
import { EvidenceInputError, requireCount, requireLevel } from './errors.js';
import { uniroot } from './roots.js';

export type Alternative = 'two.sided' | 'less' | 'greater';

export interface FisherOptions {
  alternative?: Alternative;
  /** confidence level of the odds-ratio interval (default 0.95) */
  level?: number;
  /** null odds ratio (default 1) */
  or?: number;
}

export interface FisherResult {
  p: number;
  /** conditional MLE of the odds ratio (R's "estimate") */
  oddsRatio: number;
  /** exact conditional CI of the odds ratio */
  ciLower: number;
  ciUpper: number;
  alternative: Alternative;
  level: number;
}

const DBL_EPSILON = 2.220446049250313e-16;

/**
 * Table layout (rows = groups, columns = outcome):
 *
 *     | event | no event
 *   1 |   a   |    b
 *   2 |   c   |    d
 */
export function fisherExactTest(a: number, b: number, c: number, d: number, opts: FisherOptions = {}): FisherResult {
  requireCount(a, 'a');
  requireCount(b, 'b');
  requireCount(c, 'c');
  requireCount(d, 'd');
  const alternative = opts.alternative ?? 'two.sided';
  const level = opts.level ?? 0.95;
  requireLevel(level);
  const or = opts.or ?? 1;
  if (!(or >= 0)) throw new EvidenceInputError(`${or} must be >= 0`, 'or');

  const m = a + c; // first column total
  const n = b + d; // second column total
  const k = a + b; // first row total
  const x = a;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const support: number[] = [];
  for (let s = lo; s <= hi; s++) support.push(s);
  const logdc = support.map((s) => Math.log(dhyper(s, m, n, k)));

  const dnhyper = (ncp: number): number[] => {
    const dd = logdc.map((l, i) => l + Math.log(ncp) * (support[i] as number));
    const mx = Math.max(...dd);
    const e = dd.map((v) => Math.exp(v - mx));
    const sum = e.reduce((s, v) => s + v, 0);
    return e.map((v) => v / sum);
  };
  const mnhyper = (ncp: number): number => {
    if (ncp === 0) return lo;
    if (ncp === Infinity) return hi;
    const dd = dnhyper(ncp);
    return support.reduce((s, v, i) => s + v * (dd[i] as number), 0);
  };
  const phyperLower = (q: number): number => {
    let s = 0;
    for (let i = 0; i < support.length; i++) if ((support[i] as number) <= q) s += Math.exp(logdc[i] as number);
    return Math.min(1, s);
  };
  const phyperUpper = (q: number): number => {
    // P(X > q)
    let s = 0;
    for (let i = 0; i < support.length; i++) if ((support[i] as number) > q) s += Math.exp(logdc[i] as number);
    return Math.min(1, s);
  };
  const pnhyper = (q: number, ncp: number, upperTail = false): number => {
    if (ncp === 1) return upperTail ? phyperUpper(x - 1) : phyperLower(x);
    if (ncp === 0) return upperTail ? Number(q <= lo) : Number(q >= lo);
    if (ncp === Infinity) return upperTail ? Number(q <= hi) : Number(q >= hi);
    const dd = dnhyper(ncp);
    let s = 0;
    for (let i = 0; i < support.length; i++) {
      const v = support[i] as number;
      if (upperTail ? v >= q : v <= q) s += dd[i] as number;
    }
    return s;
  };

  let p: number;
  if (alternative === 'less') p = pnhyper(x, or);
  else if (alternative === 'greater') p = pnhyper(x, or, true);
  else if (or === 0) p = Number(x === lo);
  else if (or === Infinity) p = Number(x === hi);
  else {
    const relErr = 1 + 1e-7;
    const dd = dnhyper(or);
    const obs = (dd[x - lo] as number) * relErr;
    p = dd.reduce((s, v) => (v <= obs ? s + v : s), 0);
  }
  p = Math.min(1, p);

  const ncpU = (alpha: number): number => {
    if (x === hi) return Infinity;
    const pp = pnhyper(x, 1);
    if (pp < alpha) return uniroot((t) => pnhyper(x, t) - alpha, 0, 1).root;
    if (pp > alpha) return 1 / uniroot((t) => pnhyper(x, 1 / t) - alpha, DBL_EPSILON, 1).root;
    return 1;
  };
  const ncpL = (alpha: number): number => {
    if (x === lo) return 0;
    const pp = pnhyper(x, 1, true);
    if (pp > alpha) return uniroot((t) => pnhyper(x, t, true) - alpha, 0, 1).root;
    if (pp < alpha) return 1 / uniroot((t) => pnhyper(x, 1 / t, true) - alpha, DBL_EPSILON, 1).root;
    return 1;
  };
  let ciLower: number;
  let ciUpper: number;
  if (alternative === 'less') {
    ciLower = 0;
    ciUpper = ncpU(1 - level);
  } else if (alternative === 'greater') {
    ciLower = ncpL(1 - level);
    ciUpper = Infinity;
  } else {
    const alpha = (1 - level) / 2;
    ciLower = ncpL(alpha);
    ciUpper = ncpU(alpha);
  }

  let oddsRatio: number;
  if (x === lo) oddsRatio = 0;
  else if (x === hi) oddsRatio = Infinity;
  else {
    const mu = mnhyper(1);
    if (mu > x) oddsRatio = uniroot((t) => mnhyper(t) - x, 0, 1).root;
    else if (mu < x) oddsRatio = 1 / uniroot((t) => mnhyper(1 / t) - x, DBL_EPSILON, 1).root;
    else oddsRatio = 1;
  }
  return { p, oddsRatio, ciLower, ciUpper, alternative, level };
}
