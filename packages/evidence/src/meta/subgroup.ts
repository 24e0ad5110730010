// Subgroup analysis as in metafor's subgroup example: each subgroup is pooled on its own (a separate tau^2
// per subgroup for random-effects models), and the test of subgroup differences is the common-effect
// Q-between of the subgroup estimates, Q_b = sum w_g (b_g - b_bar)^2 with w_g = 1/se_g^2 on G - 1 df
// (identical to metafor's rma(b_g, sei = se_g, mods = ~ group, method = "FE") omnibus test).
import { pchisqUpper } from '../stats/distributions.js';
import { EvidenceInputError } from '../stats/errors.js';
import type { PooledFit } from './types.js';

export interface SubgroupResult<F extends PooledFit> {
  group: string;
  /** 0-based indices of the input rows in this subgroup */
  rows: number[];
  fit: F;
}

export interface SubgroupAnalysis<F extends PooledFit> {
  groups: SubgroupResult<F>[];
  /** test of subgroup differences */
  Qb: number;
  Qb_df: number;
  Qb_p: number;
}

/**
 * Splits rows by `labels` (one per input row; groups are sorted alphabetically like R's
 * factor levels), fits each subgroup with `fit`, and tests the differences.
 */
export function subgroupAnalysis<F extends PooledFit>(labels: readonly string[], fit: (rows: number[], group: string) => F): SubgroupAnalysis<F> {
  const levels = [...new Set(labels)].sort();
  if (levels.length < 2) throw new EvidenceInputError(`only ${levels.length} subgroup; at least 2 are needed for a subgroup analysis`, 'subgroup');
  const groups = levels.map((g) => {
    const rows = labels.flatMap((l, i) => (l === g ? [i] : []));
    return { group: g, rows, fit: fit(rows, g) };
  });
  const w = groups.map((g) => 1 / g.fit.se ** 2);
  const sw = w.reduce((s, v) => s + v, 0);
  const mean = groups.reduce((s, g, i) => s + (w[i] as number) * g.fit.estimate, 0) / sw;
  const Qb = groups.reduce((s, g, i) => s + (w[i] as number) * (g.fit.estimate - mean) ** 2, 0);
  const df = groups.length - 1;
  return { groups, Qb, Qb_df: df, Qb_p: pchisqUpper(Qb, df) };
}
