// Peto's one-step odds ratio, as metafor's rma.peto(): log OR = sum(O - E) / sum(V) with the hypergeometric
// expectation E and variance V of each table, no continuity correction (none is needed), and Q = sum
// (O - E)^2 / V - (sum(O - E))^2 / sum(V) over the tables with V > 0.
import { qnorm } from '../stats/distributions.js';
import { EvidenceInputError, requireLevel } from '../stats/errors.js';
import { escalc } from './escalc.js';
import { commonEffectFit, heterogeneityFromQ } from './common-effect.js';
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
  const heterogeneity = heterogeneityFromQ(Q, kyi, kPos > 1);
  return { ...commonEffectFit({ model: 'PETO', measure: 'PETO', k: tables.length, estimate, se, z, level, Q, kyi, heterogeneity, es, weights: V }), model: 'PETO', method: 'PETO' };
}
