// One place where the probability distributions used by the evidence package are imported. All of them come
// from @stdlib (ports of Boost/Cephes checked against R's nmath); nothing here is hand-written beyond argument
// order. Upper tails use the complemented incomplete gamma/beta functions, not 1 - cdf, so that p-values such
// as P(chi2_12 > 152.2) = 2.0e-26 keep their relative precision as in R's lower.tail = FALSE.
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import chisqQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import chisqCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import hyperPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import gammaln from '@stdlib/math-base-special-gammaln';
import gammainc from '@stdlib/math-base-special-gammainc';
import betainc from '@stdlib/math-base-special-betainc';

/** Standard normal quantile. */
export const qnorm = (p: number): number => normalQuantile(p, 0, 1);
/** Standard normal lower-tail probability. */
export const pnorm = (x: number): number => normalCdf(x, 0, 1);
/** Two-sided p-value of a z statistic: 2 P(Z > |z|), from the lower tail so tiny p-values keep precision. */
export const pnorm2 = (z: number): number => 2 * normalCdf(-Math.abs(z), 0, 1);
/** Student t quantile. */
export const qt = (p: number, df: number): number => tQuantile(p, df);
/** Two-sided p-value of a t statistic. */
export const pt2 = (t: number, df: number): number => 2 * tCdf(-Math.abs(t), df);
/** Chi-square quantile. */
export const qchisq = (p: number, df: number): number => chisqQuantile(p, df);
/** Chi-square lower tail P(X <= x). */
export const pchisq = (x: number, df: number): number => chisqCdf(x, df);
/** Chi-square upper tail P(X > x) = Q(df/2, x/2) (regularised upper incomplete gamma). */
export function pchisqUpper(x: number, df: number): number {
  if (!(x > 0)) return 1;
  if (x === Infinity) return 0;
  return gammainc(x / 2, df / 2, true, true);
}
/** F upper tail P(F > x) = I_{df2/(df2 + df1 x)}(df2/2, df1/2). */
export function pfUpper(x: number, df1: number, df2: number): number {
  if (!(x > 0)) return 1;
  return betainc(df2 / (df2 + df1 * x), df2 / 2, df1 / 2, true, false);
}
/** Hypergeometric pmf in R's dhyper(x, m, n, k) parametrisation (m white, n black, k drawn). */
export const dhyper = (x: number, m: number, n: number, k: number): number => hyperPmf(x, m + n, m, k);
/** Beta quantile. */
export const qbeta = (p: number, a: number, b: number): number => betaQuantile(p, a, b);
/** log Gamma (for Hedges' exact small-sample correction). */
export const lgamma = (x: number): number => gammaln(x);
