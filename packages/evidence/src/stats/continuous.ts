// Continuous-outcome effect sizes of one two-arm study with Wald CIs: the mean difference (MD) and the
// standardised mean difference as Hedges' g, exactly as metafor's escalc "MD" and "SMD" (vtype "LS"):
// g = J(m) d with the exact J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)), m = n1 + n2 - 2, or the
// approximation 1 - 3/(4m - 1); var(g) = 1/n1 + 1/n2 + g^2 / (2 (n1 + n2)).
import { lgamma, qnorm } from './distributions.js';
import { EvidenceInputError, requireFinite, requireLevel, requirePositive } from './errors.js';

export interface ContinuousArms {
  mean1: number;
  sd1: number;
  n1: number;
  mean2: number;
  sd2: number;
  n2: number;
}

export interface ContinuousEstimate {
  measure: 'MD' | 'SMD';
  estimate: number;
  vi: number;
  se: number;
  lower: number;
  upper: number;
  level: number;
}

/** Validates the six summary statistics; row and study are for error messages. */
export function checkContinuous(s: ContinuousArms, row: number | null = null, study?: string): void {
  requireFinite(s.mean1, 'mean1', row, study);
  requireFinite(s.mean2, 'mean2', row, study);
  requireFinite(s.sd1, 'sd1', row, study);
  requireFinite(s.sd2, 'sd2', row, study);
  if (s.sd1 < 0) throw new EvidenceInputError(`${s.sd1} is negative`, 'sd1', row, study);
  if (s.sd2 < 0) throw new EvidenceInputError(`${s.sd2} is negative`, 'sd2', row, study);
  requirePositive(s.n1, 'n1', row, study);
  requirePositive(s.n2, 'n2', row, study);
}

/** Hedges' small-sample correction factor J(m). */
export function hedgesJ(m: number, exact = true): number {
  if (m <= 1) return NaN;
  return exact ? Math.exp(lgamma(m / 2) - Math.log(Math.sqrt(m / 2)) - lgamma((m - 1) / 2)) : 1 - 3 / (4 * m - 1);
}

function ci(measure: ContinuousEstimate['measure'], estimate: number, vi: number, level: number): ContinuousEstimate {
  requireLevel(level);
  const se = Math.sqrt(vi);
  const z = qnorm(1 - (1 - level) / 2);
  return { measure, estimate, vi, se, lower: estimate - z * se, upper: estimate + z * se, level };
}

/** Mean difference mean1 - mean2 with var sd1^2/n1 + sd2^2/n2. */
export function meanDifference(s: ContinuousArms, level = 0.95): ContinuousEstimate {
  checkContinuous(s);
  return ci('MD', s.mean1 - s.mean2, (s.sd1 * s.sd1) / s.n1 + (s.sd2 * s.sd2) / s.n2, level);
}

/** Hedges' g (bias-corrected SMD) with metafor's large-sample variance. */
export function standardizedMeanDifference(
  s: ContinuousArms,
  opts: { level?: number; exactJ?: boolean } = {},
): ContinuousEstimate {
  checkContinuous(s);
  const m = s.n1 + s.n2 - 2;
  if (m <= 1) throw new EvidenceInputError(`n1 + n2 = ${s.n1 + s.n2} is too small for an SMD (needs >= 4)`, 'n1');
  const sdp = Math.sqrt(((s.n1 - 1) * s.sd1 * s.sd1 + (s.n2 - 1) * s.sd2 * s.sd2) / m);
  if (!(sdp > 0)) throw new EvidenceInputError('both standard deviations are 0, so the SMD is undefined', 'sd1');
  const g = hedgesJ(m, opts.exactJ ?? true) * ((s.mean1 - s.mean2) / sdp);
  const vi = 1 / s.n1 + 1 / s.n2 + (g * g) / (2 * (s.n1 + s.n2));
  return ci('SMD', g, vi, opts.level ?? 0.95);
}
