// Subgroups (separate tau^2 per subgroup, test of subgroup differences), leave-one-out and cumulative
// meta-analysis on dat.bcg, against metafor docs (evidence.md 2.2/2.3: rma.uni subgroups, test_misc_cumul.r,
// test_misc_influence.r) and the metafor fixture (leave1out(), cumul()).
import { describe, expect, it } from 'vitest';
import { cumulative, escalc, leaveOneOut, rma, rmaMH, subgroupAnalysis } from '../../src/index.js';
import { bcg, bcgTables } from './bcg.js';
import { close, closeAll } from './helpers.js';

const es = escalc({ measure: 'RR', studies: bcgTables });
const alloc = bcg.data.map((d) => d.alloc);
const subset = (rows: number[]) => ({
  yi: rows.map((i) => es.yi[i] as number),
  vi: rows.map((i) => es.vi[i] as number),
  studies: rows.map((i) => es.studies[i] as string),
  measure: es.measure,
});

describe('subgroup analysis by allocation (REML, separate tau^2)', () => {
  const sg = subgroupAnalysis(alloc, (rows) => rma(subset(rows), { method: 'REML', allowSingleStudy: true }));
  it('per-subgroup k, tau2, estimate, CI and Q match metafor docs (4 decimals)', () => {
    const PUB = {
      alternate: [2, 0.1326, -0.5408, -1.0927, 0.0111, 5.5625],
      random: [7, 0.3925, -0.971, -1.5118, -0.4301, 110.2133],
      systematic: [4, 0.4003, -0.4242, -1.1293, 0.2809, 16.5919],
    } as const;
    expect(sg.groups.map((g) => g.group)).toEqual(['alternate', 'random', 'systematic']);
    for (const g of sg.groups) {
      const [k, tau2, b, lb, ub, Q] = PUB[g.group as keyof typeof PUB];
      expect(g.fit.k).toBe(k);
      close(g.fit.tau2, tau2, `${g.group} tau2`, 0, 5e-5);
      close(g.fit.estimate, b, `${g.group} b`, 0, 5e-5);
      close(g.fit.ciLower, lb, `${g.group} lb`, 0, 5e-5);
      close(g.fit.ciUpper, ub, `${g.group} ub`, 0, 5e-5);
      close(g.fit.Q, Q, `${g.group} Q`, 0, 5e-5);
    }
  });
  it('per-subgroup values and the test of subgroup differences match the fixture to 1e-9', () => {
    bcg.subgroups.groups.forEach((r, i) => {
      const g = sg.groups[i];
      if (g === undefined) throw new Error('missing group');
      close(g.fit.estimate, r.beta, `${r.group} beta`, 1e-9);
      close(g.fit.se, r.se, `${r.group} se`, 1e-9);
      close(g.fit.tau2, r.tau2, `${r.group} tau2`, 1e-9);
      close(g.fit.I2, r.I2, `${r.group} I2`, 1e-9);
      close(g.fit.Qp, r.QEp, `${r.group} QEp`, 1e-9);
    });
    close(sg.Qb, bcg.subgroups.Q_between, 'Q between', 1e-9);
    expect(sg.Qb_df).toBe(2);
    close(sg.Qb_p, bcg.subgroups.Q_between_p, 'Q between p', 1e-9);
  });
  it('works with any pooled model, e.g. MH subgroups', () => {
    const mh = subgroupAnalysis(alloc, (rows) => rmaMH(rows.map((i) => bcgTables[i] as (typeof bcgTables)[number]), { measure: 'RR' }));
    expect(mh.groups).toHaveLength(3);
    expect(mh.Qb).toBeGreaterThan(0);
  });
  it('needs at least two subgroups', () => {
    expect(() => subgroupAnalysis(['a', 'a'], (rows) => rma(subset(rows), { method: 'EE' }))).toThrow(/subgroup/);
  });
});

describe('leave-one-out (leave1out)', () => {
  it.each(['REML', 'DL'] as const)('%s: every column matches metafor', (m) => {
    const l = leaveOneOut(es, { method: m });
    const r = m === 'REML' ? bcg.leave1out_REML : bcg.leave1out_DL;
    closeAll(l.map((x) => x.fit.estimate), r.estimate, 'estimate', 1e-9);
    closeAll(l.map((x) => x.fit.se), r.se, 'se', 1e-9);
    closeAll(l.map((x) => x.fit.p), r.pval as number[], 'p', 1e-8);
    closeAll(l.map((x) => x.fit.ciLower), r.ci_lb, 'ci.lb', 1e-9);
    closeAll(l.map((x) => x.fit.ciUpper), r.ci_ub, 'ci.ub', 1e-9);
    closeAll(l.map((x) => x.fit.Q), r.Q, 'Q', 1e-10);
    closeAll(l.map((x) => x.fit.tau2), r.tau2, 'tau2', 1e-9);
    closeAll(l.map((x) => x.fit.I2), r.I2, 'I2', 1e-9);
    closeAll(l.map((x) => x.fit.H2), r.H2, 'H2', 1e-9);
  });
  it('study 1 left out: tau2.del 0.336156745300306 and QE.del 151.582572747109 (test_misc_influence.r)', () => {
    const l = leaveOneOut(es, { method: 'REML' });
    close(l[0]?.fit.tau2 ?? NaN, 0.336156745300306, 'tau2.del', 1e-9);
    close(l[0]?.fit.Q ?? NaN, 151.582572747109, 'QE.del', 1e-12);
    expect(l[0]?.study).toBe('Aronson 1948');
  });
});

describe('cumulative meta-analysis (cumul, ordered by year)', () => {
  const order = bcg.cumul_REML.order?.map((i) => i - 1) ?? [];
  it('REML estimates equal test_misc_cumul.r (6 decimals)', () => {
    const c = cumulative(es, { method: 'REML' }, order);
    closeAll(
      c.map((x) => x.fit.estimate),
      [-0.889311, -1.325003, -0.97208, -1.001094, -1.101424, -0.973464, -0.901251, -0.788566, -0.865607, -0.785211, -0.708206, -0.794768, -0.714532],
      'cumulative estimate',
      1e-6,
    );
    close(Math.exp(c[0]?.fit.estimate ?? NaN), 0.410939, 'exp first', 1e-6);
    close(Math.exp(c[12]?.fit.estimate ?? NaN), 0.489421, 'exp last', 1e-6);
  });
  it.each(['REML', 'DL'] as const)('%s: all columns match the fixture', (m) => {
    const c = cumulative(es, { method: m }, order);
    const r = m === 'REML' ? bcg.cumul_REML : bcg.cumul_DL;
    closeAll(c.map((x) => x.fit.estimate), r.estimate, 'estimate', 1e-9);
    closeAll(c.map((x) => x.fit.se), r.se, 'se', 1e-9);
    closeAll(c.map((x) => x.fit.ciLower), r.ci_lb, 'ci.lb', 1e-9);
    closeAll(c.map((x) => x.fit.tau2), r.tau2, 'tau2', 1e-9, 1e-14);
    closeAll(c.map((x) => x.fit.Q), r.Q, 'Q', 1e-9, 1e-12);
    closeAll(c.map((x) => x.fit.I2), r.I2, 'I2', 1e-9, 1e-12);
  });
  it('rejects an order that is not a permutation', () => {
    expect(() => cumulative(es, { method: 'DL' }, [0, 0, 1])).toThrow(/permutation/);
  });
});
