// Mantel-Haenszel pooling of 2x2 tables for RR, OR and RD, as metafor's rma.mh(): the pooled estimate uses
// the raw counts (no continuity correction); its variance is Robins-Breslow-Greenland for the OR, Greenland-
// Robins for the RR and Sato-Greenland-Robins for the RD; Q uses inverse-variance weights around the MH
// estimate on the corrected per-study yi/vi (add 1/2 to zero-cell tables, double-zero tables dropped); the
// Cochran-Mantel-Haenszel and Tarone tests for the OR. The `revman5` option adds RevMan 5's random-effects
// analysis of MH data: DerSimonian-Laird tau^2 from that Q_MH, then inverse-variance random-effects pooling.
import { pchisqUpper, pnorm2, qnorm } from '../stats/distributions.js';
import { EvidenceInputError, requireLevel } from '../stats/errors.js';
import { escalc } from './escalc.js';
import { commonEffectFit, heterogeneityFromQ } from './common-effect.js';
import type { PooledFit, TwoByTwoStudy, ZeroCellTarget } from './types.js';

export interface MhOptions {
  measure: 'RR' | 'OR' | 'RD';
  /** continuity correction for the per-study yi/vi (default 1/2) */
  add?: number;
  to?: ZeroCellTarget;
  /** drop double-zero tables from yi/vi and Q (default true) */
  drop00?: boolean;
  /** continuity correction of the CMH test (default true) */
  correct?: boolean;
  level?: number;
  /** also compute RevMan 5's random-effects analysis (DL tau^2 from Q around the MH estimate) */
  revman5?: boolean;
}

export interface RevMan5Random {
  tau2: number;
  estimate: number;
  se: number;
  statistic: number;
  p: number;
  ciLower: number;
  ciUpper: number;
  /** random-effects (IV) weights in % */
  weights: number[];
}

export interface MhFit extends PooledFit {
  model: 'MH';
  method: 'MH';
  /** Cochran-Mantel-Haenszel test (OR only) */
  cmh: { statistic: number; p: number } | null;
  /** Tarone's test of homogeneity of the ORs (OR only) */
  tarone: { statistic: number; df: number; p: number } | null;
  revman5Random: RevMan5Random | null;
}

const sum = (a: readonly number[]): number => a.reduce((s, v) => s + v, 0);

export function rmaMH(tables: readonly TwoByTwoStudy[], options: MhOptions): MhFit {
  const { measure } = options;
  const level = options.level ?? 0.95;
  requireLevel(level);
  const es = escalc(
    { measure, studies: tables },
    { add: options.add ?? 0.5, to: options.to ?? 'only0', drop00: options.drop00 ?? true },
  );
  const a = tables.map((t) => t.events1);
  const b = tables.map((t) => t.total1 - t.events1);
  const c = tables.map((t) => t.events2);
  const d = tables.map((t) => t.total2 - t.events2);
  const n1 = tables.map((t) => t.total1);
  const n2 = tables.map((t) => t.total2);
  const N = tables.map((t) => t.total1 + t.total2);
  const K = tables.length;
  const idx = [...Array(K).keys()];
  const z = qnorm(1 - (1 - level) / 2);

  let estimate: number;
  let se: number;
  let weightsRaw: number[];
  let cmh: MhFit['cmh'] = null;
  let tarone: MhFit['tarone'] = null;
  if (measure === 'OR') {
    const Pi = idx.map((i) => (a[i] as number) / (N[i] as number) + (d[i] as number) / (N[i] as number));
    const Qi = idx.map((i) => (b[i] as number) / (N[i] as number) + (c[i] as number) / (N[i] as number));
    const Ri = idx.map((i) => ((a[i] as number) / (N[i] as number)) * (d[i] as number));
    const Si = idx.map((i) => ((b[i] as number) / (N[i] as number)) * (c[i] as number));
    const R = sum(Ri);
    const S = sum(Si);
    if (R === 0 || S === 0) throw new EvidenceInputError('the MH odds ratio is 0 or infinite (no discordant information)', 'events1');
    const or = R / S;
    estimate = Math.log(or);
    se = Math.sqrt(
      0.5 *
        (sum(idx.map((i) => (Pi[i] as number) * (Ri[i] as number))) / (R * R) +
          sum(idx.map((i) => (Pi[i] as number) * (Si[i] as number) + (Qi[i] as number) * (Ri[i] as number))) / (R * S) +
          sum(idx.map((i) => (Qi[i] as number) * (Si[i] as number))) / (S * S)),
    );
    weightsRaw = Si;
    const xt = idx.map((i) => (a[i] as number) + (c[i] as number));
    const yt = idx.map((i) => (b[i] as number) + (d[i] as number));
    if (sum(xt) > 0 && sum(yt) > 0) {
      const dev = Math.abs(sum(idx.map((i) => (a[i] as number) - ((n1[i] as number) / (N[i] as number)) * (xt[i] as number))));
      const cc = options.correct === false ? 0 : 0.5;
      const V = sum(
        idx.map(
          (i) =>
            ((n1[i] as number) / (N[i] as number)) *
            ((n2[i] as number) / (N[i] as number)) *
            ((xt[i] as number) * ((yt[i] as number) / ((N[i] as number) - 1))),
        ),
      );
      const stat = (dev - cc) ** 2 / V;
      cmh = { statistic: stat, p: pchisqUpper(stat, 1) };
    }
    // Tarone: Breslow-Day with Tarone's correction, expected a under the MH odds ratio
    const N11 = idx.map((i) => {
      const x = xt[i] as number;
      if (or === 1) return ((n1[i] as number) / (N[i] as number)) * x;
      const A = or * ((n1[i] as number) + x) + ((n2[i] as number) - x);
      const B = Math.sqrt(A * A - 4 * (n1[i] as number) * x * or * (or - 1));
      return (A - B) / (2 * (or - 1));
    });
    const pos = idx.filter((i) => (N11[i] as number) > 0 && (xt[i] as number) > 0 && (yt[i] as number) > 0);
    if (pos.length > 1) {
      const dev = pos.map((i) => (a[i] as number) - (N11[i] as number));
      const vinv = pos.map((i) => {
        const e11 = N11[i] as number;
        const e12 = (n1[i] as number) - e11;
        const e21 = (xt[i] as number) - e11;
        const e22 = e11 - (n1[i] as number) - (xt[i] as number) + (N[i] as number);
        return 1 / (1 / e11 + 1 / e12 + 1 / e21 + 1 / e22);
      });
      const BD = Math.max(0, sum(dev.map((x, j) => (x * x) / (vinv[j] as number))));
      const TA = Math.max(0, BD - sum(dev) ** 2 / sum(vinv));
      tarone = { statistic: TA, df: pos.length - 1, p: pchisqUpper(TA, pos.length - 1) };
    }
  } else if (measure === 'RR') {
    const Ri = idx.map((i) => (a[i] as number) * ((n2[i] as number) / (N[i] as number)));
    const Si = idx.map((i) => (c[i] as number) * ((n1[i] as number) / (N[i] as number)));
    const R = sum(Ri);
    const S = sum(Si);
    if (sum(a) === 0 || sum(c) === 0) throw new EvidenceInputError('the MH risk ratio is 0 or infinite (no events in one group)', 'events1');
    estimate = Math.log(R / S);
    se = Math.sqrt(
      sum(
        idx.map(
          (i) =>
            ((n1[i] as number) / (N[i] as number)) * ((n2[i] as number) / (N[i] as number)) * ((a[i] as number) + (c[i] as number)) -
            ((a[i] as number) / (N[i] as number)) * (c[i] as number),
        ),
      ) /
        (R * S),
    );
    weightsRaw = Si;
  } else {
    const W = sum(idx.map((i) => (n1[i] as number) * ((n2[i] as number) / (N[i] as number))));
    estimate =
      sum(idx.map((i) => (a[i] as number) * ((n2[i] as number) / (N[i] as number)) - (c[i] as number) * ((n1[i] as number) / (N[i] as number)))) / W;
    const num =
      estimate *
        sum(
          idx.map(
            (i) =>
              (c[i] as number) * ((n1[i] as number) / (N[i] as number)) ** 2 -
              (a[i] as number) * ((n2[i] as number) / (N[i] as number)) ** 2 +
              (((n1[i] as number) / (N[i] as number)) * ((n2[i] as number) / (N[i] as number)) * ((n2[i] as number) - (n1[i] as number))) / 2,
          ),
        ) +
      sum(
        idx.map(
          (i) =>
            ((a[i] as number) * ((n2[i] as number) - (c[i] as number))) / (N[i] as number) +
            ((c[i] as number) * ((n1[i] as number) - (a[i] as number))) / (N[i] as number),
        ),
      ) /
        2;
    se = Math.sqrt(num / (W * W));
    weightsRaw = idx.map((i) => ((n1[i] as number) * (n2[i] as number)) / (N[i] as number));
  }

  // heterogeneity on the studies with an estimable yi
  const keep = idx.filter((i) => !(es.dropped[i] as boolean));
  const yi = keep.map((i) => es.yi[i] as number);
  const vi = keep.map((i) => es.vi[i] as number);
  const kyi = yi.length;
  const Q = kyi > 1 ? Math.max(0, sum(yi.map((y, j) => (y - estimate) ** 2 / (vi[j] as number)))) : 0;
  const heterogeneity = heterogeneityFromQ(Q, kyi);

  let revman5Random: RevMan5Random | null = null;
  if (options.revman5 === true && kyi >= 1) {
    const w = vi.map((v) => 1 / v);
    const sw = sum(w);
    const tau2 = kyi > 1 ? Math.max(0, (Q - (kyi - 1)) / (sw - sum(w.map((x) => x * x)) / sw)) : 0;
    const ws = vi.map((v) => 1 / (v + tau2));
    const sws = sum(ws);
    const est = sum(ws.map((x, j) => x * (yi[j] as number))) / sws;
    const seR = Math.sqrt(1 / sws);
    revman5Random = {
      tau2,
      estimate: est,
      se: seR,
      statistic: est / seR,
      p: pnorm2(est / seR),
      ciLower: est - z * seR,
      ciUpper: est + z * seR,
      weights: ws.map((x) => (100 * x) / sws),
    };
  }

  return {
    ...commonEffectFit({ model: 'MH', measure, k: K, estimate, se, z, level, Q, kyi, heterogeneity, es, weights: weightsRaw }),
    model: 'MH',
    method: 'MH',
    cmh,
    tarone,
    revman5Random,
  };
}
