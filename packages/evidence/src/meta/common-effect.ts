// The parts of a common-effect (fixed) fit that Mantel-Haenszel and Peto share: the heterogeneity
// statistics from Q, and the PooledFit record itself (no τ², the "prediction interval" equal to the
// CI, z test). Each method computes its own estimate, standard error, Q and weights.
import { pchisqUpper, pnorm2 } from '../stats/distributions.js';
import type { EffectSizes, PooledFit } from './types.js';

/** Q's p-value, I² (%) and H² from Q on `kyi` estimable studies, as metafor reports them for common-effect models. */
export function heterogeneityFromQ(Q: number, kyi: number, estimable = kyi > 1): { Qp: number; I2: number; H2: number } {
  if (!estimable || kyi < 2) return { Qp: 1, I2: 0, H2: 1 };
  return {
    Qp: pchisqUpper(Q, kyi - 1),
    I2: Q > 0 ? Math.max(0, (100 * (Q - (kyi - 1))) / Q) : 0,
    H2: Q / (kyi - 1),
  };
}

export interface CommonEffectParts {
  model: 'MH' | 'PETO';
  measure: PooledFit['measure'];
  k: number;
  estimate: number;
  se: number;
  z: number;
  level: number;
  Q: number;
  kyi: number;
  heterogeneity: { Qp: number; I2: number; H2: number };
  es: Pick<EffectSizes, 'studies' | 'yi' | 'vi' | 'dropped'>;
  /** raw weights, scaled here to percent */
  weights: readonly number[];
}

export function commonEffectFit(p: CommonEffectParts): PooledFit {
  const statistic = p.estimate / p.se;
  const sw = p.weights.reduce((s, w) => s + w, 0);
  return {
    model: p.model,
    measure: p.measure,
    method: p.model,
    k: p.k,
    estimate: p.estimate,
    se: p.se,
    statistic,
    df: null,
    p: pnorm2(statistic),
    ciLower: p.estimate - p.z * p.se,
    ciUpper: p.estimate + p.z * p.se,
    tau2: 0,
    tau2Ci: null,
    I2: p.heterogeneity.I2,
    I2Ci: null,
    H2: p.heterogeneity.H2,
    H2Ci: null,
    Q: p.Q,
    Qdf: Math.max(0, p.kyi - 1),
    Qp: p.heterogeneity.Qp,
    piLower: p.estimate - p.z * p.se,
    piUpper: p.estimate + p.z * p.se,
    level: p.level,
    studies: p.es.studies,
    yi: p.es.yi,
    vi: p.es.vi,
    weights: p.weights.map((x) => (100 * x) / sw),
    omitted: p.es.studies.filter((_s, i) => p.es.dropped[i] as boolean),
  };
}
