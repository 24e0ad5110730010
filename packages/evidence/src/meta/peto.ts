// Peto's one-step odds ratio, as metafor's rma.peto(): log OR = sum(O - E) / sum(V) with the hypergeometric
// expectation E and variance V of each table, no continuity correction (none is needed), and Q = sum
// (O - E)^2 / V - (sum(O - E))^2 / sum(V) over the tables with V > 0.
import { pchisqUpper, pnorm2, qnorm } from '../stats/distributions.js';
import { EvidenceInputError, requireLevel } from '../stats/errors.js';
import { escalc } from './escalc.js';
import type { PooledFit, TwoByTwoStudy, ZeroCellTarget } from './types.js';

export interface PetoOptions {
  /** correction for the displayed per-study yi/vi only (metafor: 1/2 to zero-cell tables) */
  add?: number;
  to?: ZeroCellTarget;
  drop00?: boolean;
  level?: number;
}

export interface PetoFit extends PooledFit {
  model: 'PETO';
  method: 'PETO';
}

const sum = (a: readonly number[]): number => a.reduce((s, v) => s + v, 0);

export function rmaPeto(tables: readonly TwoByTwoStudy[], options: PetoOptions = {}): PetoFit {
  const level = options.level ?? 0.95;
  requireLevel(level);
  const es = escalc(
    { measure: 'PETO', studies: tables },
    { add: options.add ?? 0.5, to: options.to ?? 'only0', drop00: options.drop00 ?? true },
  );
  const OmE: number[] = [];
  const V: number[] = [];
  for (const t of tables) {
    const N = t.total1 + t.total2;
    const xt = t.events1 + t.events2;
    const yt = N - xt;
    const E = (xt * t.total1) / N;
    OmE.push(t.events1 - E);
    V.push((xt * yt * (t.total1 / N) * (t.total2 / N)) / (N - 1));
  }
  const sumV = sum(V);
  if (!(sumV > 0)) throw new EvidenceInputError('every table has zero hypergeometric variance (no events, or only events)', 'events1');
  const estimate = sum(OmE) / sumV;
  const se = Math.sqrt(1 / sumV);
  const z = qnorm(1 - (1 - level) / 2);
  const kPos = V.filter((v) => v > 0).length;
  const kyi = es.dropped.filter((x) => !x).length;
  const Q = Math.max(0, sum(OmE.map((o, i) => ((V[i] as number) > 0 ? (o * o) / (V[i] as number) : 0))) - sum(OmE) ** 2 / sumV);
  let Qp = 1;
  let I2 = 0;
  let H2 = 1;
  if (kPos > 1) {
    Qp = pchisqUpper(Q, kyi - 1);
    I2 = Q > 0 ? Math.max(0, (100 * (Q - (kyi - 1))) / Q) : 0;
    H2 = Q / (kyi - 1);
  }
  const statistic = estimate / se;
  return {
    model: 'PETO',
    measure: 'PETO',
    method: 'PETO',
    k: tables.length,
    estimate,
    se,
    statistic,
    df: null,
    p: pnorm2(statistic),
    ciLower: estimate - z * se,
    ciUpper: estimate + z * se,
    tau2: 0,
    tau2Ci: null,
    I2,
    I2Ci: null,
    H2,
    H2Ci: null,
    Q,
    Qdf: Math.max(0, kyi - 1),
    Qp,
    piLower: estimate - z * se,
    piUpper: estimate + z * se,
    level,
    studies: es.studies,
    yi: es.yi,
    vi: es.vi,
    weights: V.map((v) => (100 * v) / sumV),
    omitted: es.studies.filter((_s, i) => es.dropped[i] as boolean),
  };
}
