// Tests of the effect-size-free statistics against R 4.2.2 (fixtures/meta/stats.R -> stats.json):
// fisher.test, chisq.test, binom.test, prop.test and metafor's escalc Wald CIs.
import { describe, expect, it } from 'vitest';
import {
  chisqTest2x2,
  EvidenceInputError,
  fisherExactTest,
  hedgesJ,
  meanDifference,
  oddsRatio,
  proportionCi,
  riskDifference,
  riskRatio,
  standardizedMeanDifference,
} from '../../src/index.js';
import { fisherExactTest as fisherFromPath } from '../../src/stats/fisher.js';
import { close, closeAll, loadFixture } from '../meta/helpers.js';

interface FisherFx {
  name: string;
  table: [number, number, number, number];
  p: number;
  estimate: number;
  conf_int: [number, number];
  p_less: number;
  conf_int_less: [number, number];
  p_greater: number;
  conf_int_greater: [number, number];
  conf_int_90: [number, number];
}
interface ChisqFx {
  name: string;
  table: [number, number, number, number];
  statistic_yates: number;
  p_yates: number;
  statistic: number;
  p: number;
}
interface PropFx {
  x: number;
  n: number;
  clopper_pearson: [number, number];
  wilson_cc: [number, number];
  wilson: [number, number];
  clopper_pearson_90: [number, number];
  wilson_90: [number, number];
}
interface WaldEntry {
  yi: number;
  vi: number;
  ci_lb: number;
  ci_ub: number;
}
interface WaldFx {
  name: string;
  table: [number, number, number, number];
  RR: WaldEntry;
  OR: WaldEntry;
  RD: WaldEntry;
}
interface StatsFx {
  fisher: FisherFx[];
  chisq: ChisqFx[];
  proportions: PropFx[];
  wald: WaldFx[];
  continuous: {
    data: { m1: number; sd1: number; n1: number; m2: number; sd2: number; n2: number }[];
    md: { yi: number[]; vi: number[]; ci_lb: number[]; ci_ub: number[] };
    smd: { yi: number[]; vi: number[]; ci_lb: number[]; ci_ub: number[] };
    smd_approx_j: number[];
  };
}

const fx = loadFixture<StatsFx>('stats.json');

describe("Fisher's exact test matches R fisher.test", () => {
  it.each(fx.fisher.map((f) => [f.name, f] as const))('two-sided p, conditional MLE and exact CI: %s', (_n, f) => {
    const [a, b, c, d] = f.table;
    const r = fisherExactTest(a, b, c, d);
    close(r.p, f.p, `${f.name} p`, 1e-9, 1e-15);
    close(r.oddsRatio, f.estimate, `${f.name} MLE`, 1e-9);
    close(r.ciLower, f.conf_int[0], `${f.name} ci.lb`, 1e-9);
    close(r.ciUpper, f.conf_int[1], `${f.name} ci.ub`, 1e-9);
    const r90 = fisherExactTest(a, b, c, d, { level: 0.9 });
    close(r90.ciLower, f.conf_int_90[0], `${f.name} 90% lb`, 1e-9);
    close(r90.ciUpper, f.conf_int_90[1], `${f.name} 90% ub`, 1e-9);
  });
  it.each(fx.fisher.map((f) => [f.name, f] as const))('one-sided p and CI: %s', (_n, f) => {
    const [a, b, c, d] = f.table;
    const less = fisherExactTest(a, b, c, d, { alternative: 'less' });
    close(less.p, f.p_less, `${f.name} p less`, 1e-9, 1e-15);
    close(less.ciUpper, f.conf_int_less[1], `${f.name} less ub`, 1e-9);
    const greater = fisherExactTest(a, b, c, d, { alternative: 'greater' });
    close(greater.p, f.p_greater, `${f.name} p greater`, 1e-9, 1e-15);
    close(greater.ciLower, f.conf_int_greater[0], `${f.name} greater lb`, 1e-9);
  });
  it('is importable as fisherExactTest from stats/fisher.ts and returns { p }', () => {
    expect(fisherFromPath(14, 2, 6, 9).p).toBeCloseTo(0.0091470393835340474, 12);
  });
  it('rejects negative and fractional counts with a typed error naming the cell', () => {
    expect(() => fisherExactTest(-1, 2, 3, 4)).toThrow(EvidenceInputError);
    expect(() => fisherExactTest(1, 2.5, 3, 4)).toThrow(/b:/);
  });
});

describe('chi-square test of a 2x2 table matches R chisq.test', () => {
  it.each(fx.chisq.map((f) => [f.name, f] as const))('with and without Yates correction: %s', (_n, f) => {
    const [a, b, c, d] = f.table;
    const y = chisqTest2x2(a, b, c, d, true);
    close(y.statistic, f.statistic_yates, `${f.name} X2 yates`, 1e-10);
    close(y.p, f.p_yates, `${f.name} p yates`, 1e-8, 1e-15);
    const n = chisqTest2x2(a, b, c, d, false);
    close(n.statistic, f.statistic, `${f.name} X2`, 1e-10);
    close(n.p, f.p, `${f.name} p`, 1e-8, 1e-15);
  });
  it('rejects a table with an empty margin', () => {
    expect(() => chisqTest2x2(0, 0, 3, 4)).toThrow(EvidenceInputError);
  });
});

describe('proportion CIs match R binom.test (Clopper-Pearson) and prop.test (Wilson)', () => {
  it.each(fx.proportions.map((f) => [`${f.x}/${f.n}`, f] as const))('%s', (_n, f) => {
    const cp = proportionCi(f.x, f.n, 'clopper-pearson');
    closeAll([cp.lower, cp.upper], f.clopper_pearson, `CP ${f.x}/${f.n}`, 1e-9, 1e-14);
    const w = proportionCi(f.x, f.n, 'wilson');
    closeAll([w.lower, w.upper], f.wilson, `Wilson ${f.x}/${f.n}`, 1e-10, 1e-14);
    const wcc = proportionCi(f.x, f.n, 'wilson-cc');
    closeAll([wcc.lower, wcc.upper], f.wilson_cc, `Wilson cc ${f.x}/${f.n}`, 1e-10, 1e-14);
    const cp90 = proportionCi(f.x, f.n, 'clopper-pearson', 0.9);
    closeAll([cp90.lower, cp90.upper], f.clopper_pearson_90, `CP90 ${f.x}/${f.n}`, 1e-9, 1e-14);
    const w90 = proportionCi(f.x, f.n, 'wilson', 0.9);
    closeAll([w90.lower, w90.upper], f.wilson_90, `Wilson90 ${f.x}/${f.n}`, 1e-10, 1e-14);
  });
  it('rejects events above the total and a zero total', () => {
    expect(() => proportionCi(5, 4)).toThrow(/exceed/);
    expect(() => proportionCi(0, 0)).toThrow(/total/);
  });
});

describe('RR, OR and RD of a 2x2 table with Wald CIs match metafor escalc', () => {
  it.each(fx.wald.map((f) => [f.name, f] as const))('%s', (_n, f) => {
    const [a, b, c, d] = f.table;
    const t = { events1: a, total1: a + b, events2: c, total2: c + d };
    const rr = riskRatio(t);
    close(rr.yi, f.RR.yi, 'RR yi', 1e-12, 1e-15);
    close(rr.vi, f.RR.vi, 'RR vi', 1e-12);
    close(Math.log(rr.lower), f.RR.ci_lb, 'RR lb', 1e-10);
    close(Math.log(rr.upper), f.RR.ci_ub, 'RR ub', 1e-10, 1e-12);
    const or = oddsRatio(t);
    close(or.yi, f.OR.yi, 'OR yi', 1e-12, 1e-15);
    close(Math.log(or.lower), f.OR.ci_lb, 'OR lb', 1e-10);
    close(Math.log(or.upper), f.OR.ci_ub, 'OR ub', 1e-10, 1e-12);
    const rd = riskDifference(t);
    close(rd.yi, f.RD.yi, 'RD yi', 1e-12, 1e-15);
    close(rd.lower, f.RD.ci_lb, 'RD lb', 1e-10, 1e-14);
    close(rd.upper, f.RD.ci_ub, 'RD ub', 1e-10, 1e-14);
  });
  it('adds 1/2 to every cell only for a table with a zero cell', () => {
    expect(riskRatio({ events1: 0, total1: 20, events2: 5, total2: 20 }).added).toBe(0.5);
    expect(riskRatio({ events1: 1, total1: 20, events2: 5, total2: 20 }).added).toBe(0);
  });
  it('rejects events above totals and zero totals naming the field', () => {
    expect(() => riskRatio({ events1: 5, total1: 4, events2: 1, total2: 4 })).toThrow(/events1/);
    expect(() => oddsRatio({ events1: 0, total1: 0, events2: 1, total2: 4 })).toThrow(/total1/);
  });
});

describe('MD and SMD (Hedges g) match metafor escalc', () => {
  const c = fx.continuous;
  it('mean difference and its CI', () => {
    c.data.forEach((s, i) => {
      const r = meanDifference({ mean1: s.m1, sd1: s.sd1, n1: s.n1, mean2: s.m2, sd2: s.sd2, n2: s.n2 });
      close(r.estimate, c.md.yi[i] as number, `MD ${i}`, 1e-12);
      close(r.vi, c.md.vi[i] as number, `MD vi ${i}`, 1e-12);
      close(r.lower, c.md.ci_lb[i] as number, `MD lb ${i}`, 1e-10);
      close(r.upper, c.md.ci_ub[i] as number, `MD ub ${i}`, 1e-10);
    });
  });
  it('Hedges g with the exact J and metafor LS variance; approximate J on request', () => {
    c.data.forEach((s, i) => {
      const arms = { mean1: s.m1, sd1: s.sd1, n1: s.n1, mean2: s.m2, sd2: s.sd2, n2: s.n2 };
      const r = standardizedMeanDifference(arms);
      close(r.estimate, c.smd.yi[i] as number, `SMD ${i}`, 1e-10);
      close(r.vi, c.smd.vi[i] as number, `SMD vi ${i}`, 1e-10);
      close(r.lower, c.smd.ci_lb[i] as number, `SMD lb ${i}`, 1e-10);
      close(r.upper, c.smd.ci_ub[i] as number, `SMD ub ${i}`, 1e-10);
      close(standardizedMeanDifference(arms, { exactJ: false }).estimate, c.smd_approx_j[i] as number, `g approx ${i}`, 1e-12);
    });
    // published per-study g for the Fleiss mental-health data (evidence.md 2.5)
    expect(hedgesJ(24)).toBeLessThan(1);
  });
  it('rejects negative SDs and zero group sizes', () => {
    expect(() => meanDifference({ mean1: 1, sd1: -1, n1: 3, mean2: 1, sd2: 1, n2: 3 })).toThrow(/sd1/);
    expect(() => standardizedMeanDifference({ mean1: 1, sd1: 1, n1: 0, mean2: 1, sd2: 1, n2: 3 })).toThrow(/n1/);
  });
});
