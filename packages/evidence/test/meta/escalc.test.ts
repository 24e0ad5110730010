// escalc: per-study effect sizes and zero-cell handling against metafor's escalc (evidence.md 2.1 and 2.8,
// fixtures bcg.json and fleiss_sparse.json), and typed errors for bad input that name the row and field.
import { describe, expect, it } from 'vitest';
import { escalc, EvidenceInputError, rma, type TwoByTwoStudy } from '../../src/index.js';
import { bcg, bcgTables } from './bcg.js';
import { close, closeAll, loadFixture } from './helpers.js';

interface ZeroFx {
  toy: {
    data: { ai: number; bi: number; ci: number; di: number }[];
    OR: Record<string, number[] | null[]>;
    RR: Record<string, number[]>;
    RD: Record<string, number[]>;
    iv_dl: { beta: number; tau2: number };
  };
  yusuf: { data: { trial: string; ai: number; n1i: number; ci: number; n2i: number }[]; escalc_or_yi: (number | null)[]; escalc_or_drop00_yi: (number | null)[] };
  single: { data: { study: string; events: number; total: number }[]; yi: number[]; vi: number[]; DL: { beta: number; tau2: number }; REML: { beta: number; tau2: number; I2: number } };
  generic: {
    data: { study: string; yi: number; vi: number }[];
    REML: { beta: number; se: number; tau2: number; pi_lb: number; pi_ub: number; I2: number };
    PM: { beta: number; tau2: number };
    SJ_knha: { beta: number; se: number; tau2: number; ci_lb: number; pi_lb: number };
  };
}
const fx = loadFixture<ZeroFx>('fleiss_sparse.json');
const toy: TwoByTwoStudy[] = fx.toy.data.map((d) => ({ events1: d.ai, total1: d.ai + d.bi, events2: d.ci, total2: d.ci + d.di }));

describe('escalc RR on dat.bcg (evidence.md 2.1)', () => {
  it('yi = log RR and vi for all 13 trials', () => {
    const es = escalc({ measure: 'RR', studies: bcgTables });
    closeAll(es.yi, [-0.8893113339, -1.5853886572, -1.3480731483, -1.44155119, -0.2175473222, -0.7861155858, -1.6208982236, 0.0119523335, -0.4694176487, -1.3713448035, -0.3393588283, 0.4459134006, -0.0173139482], 'yi (10 decimals)', 1e-9, 5e-11);
    closeAll(es.vi, [0.325584765, 0.1945811214, 0.4153679654, 0.0200100319, 0.0512101722, 0.0069056185, 0.2230172476, 0.0039615793, 0.0564342105, 0.0730247936, 0.012412214, 0.5325058452, 0.0714046597], 'vi (10 decimals)', 1e-9, 5e-11);
    expect(es.added.every((a) => a === 0)).toBe(true);
  });
  it.each(['RR', 'OR', 'RD', 'PETO'] as const)('%s yi/vi match the fixture', (m) => {
    const es = escalc({ measure: m, studies: bcgTables });
    closeAll(es.yi, bcg[m].yi, `${m} yi`, 1e-12, 1e-16);
    closeAll(es.vi, bcg[m].vi, `${m} vi`, 1e-12);
  });
});

describe('escalc zero cells (metafor defaults and the add/to/drop00 options)', () => {
  it('toy set, OR: default add 1/2 to only0 gives yi (0, -1.7121, -0.8109), vi (4.0976, 2.5028, 0.8681)', () => {
    const es = escalc({ measure: 'OR', studies: toy });
    closeAll(es.yi, [0, -1.7121, -0.8109], 'yi (4 decimals)', 0, 5e-5);
    closeAll(es.vi, [4.0976, 2.5028, 0.8681], 'vi (4 decimals)', 0, 5e-5);
    expect(es.added).toEqual([0.5, 0.5, 0]);
  });
  it.each(['OR', 'RR', 'RD'] as const)('%s: only0, all, if0all (add 1/4) and drop00 match metafor', (m) => {
    const r = fx.toy[m] as Record<string, (number | null)[]>;
    const d = escalc({ measure: m, studies: toy });
    closeAll(d.yi, r.yi as number[], 'only0 yi', 1e-12, 1e-15);
    closeAll(d.vi, r.vi as number[], 'only0 vi', 1e-12);
    const all = escalc({ measure: m, studies: toy }, { to: 'all' });
    closeAll(all.yi, r.yi_all as number[], 'all yi', 1e-12, 1e-15);
    closeAll(all.vi, r.vi_all as number[], 'all vi', 1e-12);
    const if0 = escalc({ measure: m, studies: toy }, { to: 'if0all', add: 0.25 });
    closeAll(if0.yi, r.yi_if0all_025 as number[], 'if0all yi', 1e-12, 1e-15);
    closeAll(if0.vi, r.vi_if0all_025 as number[], 'if0all vi', 1e-12);
    const drop = escalc({ measure: m, studies: toy }, { drop00: true });
    closeAll(drop.yi, r.yi_drop00 as (number | null)[], 'drop00 yi', 1e-12, 1e-15);
    expect(drop.dropped).toEqual([true, false, false]);
  });
  it("to: 'none' leaves a zero-cell study out as not estimable", () => {
    const es = escalc({ measure: 'OR', studies: toy }, { to: 'none' });
    expect(es.dropped).toEqual([true, true, false]);
  });
  it('IV DL on the corrected toy ORs: -0.90123507, tau2 0 (evidence.md 2.8)', () => {
    const f = rma(escalc({ measure: 'OR', studies: toy }), { method: 'DL' });
    close(f.estimate, -0.90123507, 'b', 1e-7);
    expect(f.tau2).toBe(0);
  });
  it('Yusuf table 6 OR with and without drop00', () => {
    const ys: TwoByTwoStudy[] = fx.yusuf.data.map((d) => ({ study: d.trial, events1: d.ai, total1: d.n1i, events2: d.ci, total2: d.n2i }));
    closeAll(escalc({ measure: 'OR', studies: ys }).yi, fx.yusuf.escalc_or_yi, 'OR yi', 1e-12, 1e-15);
    closeAll(escalc({ measure: 'OR', studies: ys }, { drop00: true }).yi, fx.yusuf.escalc_or_drop00_yi, 'OR drop00 yi', 1e-12, 1e-15);
  });
  it('PETO has no correction by default (a double-zero study is not estimable)', () => {
    const es = escalc({ measure: 'PETO', studies: toy });
    expect(es.added).toEqual([0, 0, 0]);
    expect(es.dropped).toEqual([true, false, false]);
  });
});

describe('escalc PLO (logit proportion) and GEN', () => {
  it('single arms: yi/vi and DL/REML fits match metafor', () => {
    const es = escalc({ measure: 'PLO', studies: fx.single.data });
    closeAll(es.yi, fx.single.yi, 'PLO yi', 1e-12);
    closeAll(es.vi, fx.single.vi, 'PLO vi', 1e-12);
    close(rma(es, { method: 'DL' }).estimate, fx.single.DL.beta, 'DL', 1e-9);
    const reml = rma(es, { method: 'REML' });
    close(reml.estimate, fx.single.REML.beta, 'REML', 1e-9);
    close(reml.tau2, fx.single.REML.tau2, 'REML tau2', 1e-8);
  });
  it('generic yi/vi with REML, PM and SJ + knha', () => {
    const es = escalc({ measure: 'GEN', studies: fx.generic.data });
    const reml = rma(es, { method: 'REML' });
    close(reml.estimate, fx.generic.REML.beta, 'REML b', 1e-9);
    close(reml.tau2, fx.generic.REML.tau2, 'REML tau2', 1e-8);
    close(reml.piLower, fx.generic.REML.pi_lb, 'REML pi', 1e-9);
    close(reml.I2, fx.generic.REML.I2, 'REML I2', 1e-8);
    close(rma(es, { method: 'PM' }).tau2, fx.generic.PM.tau2, 'PM tau2', 1e-8, 1e-14);
    const sj = rma(es, { method: 'SJ', test: 'knha' });
    close(sj.se, fx.generic.SJ_knha.se, 'SJ knha se', 1e-9);
    close(sj.ciLower, fx.generic.SJ_knha.ci_lb, 'SJ knha lb', 1e-9);
    close(sj.piLower, fx.generic.SJ_knha.pi_lb, 'SJ knha pi', 1e-9);
  });
});

describe('bad input raises EvidenceInputError naming the row (study) and field', () => {
  const good: TwoByTwoStudy = { study: 'A', events1: 1, total1: 10, events2: 2, total2: 10 };
  const cases: [string, TwoByTwoStudy, RegExp, string][] = [
    ['negative count', { study: 'B', events1: -1, total1: 10, events2: 2, total2: 10 }, /row 2 \(B\), events1: -1 is negative/, 'events1'],
    ['events above total', { study: 'B', events1: 11, total1: 10, events2: 2, total2: 10 }, /row 2 \(B\), events1: 11 events exceed total1/, 'events1'],
    ['zero total', { study: 'B', events1: 0, total1: 10, events2: 0, total2: 0 }, /row 2 \(B\), total2: 0 is not a valid group size/, 'total2'],
    ['non-finite', { study: 'B', events1: NaN, total1: 10, events2: 2, total2: 10 }, /row 2 \(B\), events1: NaN is not a finite number/, 'events1'],
    ['fractional count', { study: 'B', events1: 1.5, total1: 10, events2: 2, total2: 10 }, /row 2 \(B\), events1: 1.5 is not a whole number/, 'events1'],
  ];
  it.each(cases)('%s', (_n, bad, msg, field) => {
    let err: unknown;
    try {
      escalc({ measure: 'RR', studies: [good, bad] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EvidenceInputError);
    const e = err as EvidenceInputError;
    expect(e.message).toMatch(msg);
    expect(e.row).toBe(2);
    expect(e.study).toBe('B');
    expect(e.field).toBe(field);
  });
  it('continuous and generic rows', () => {
    expect(() => escalc({ measure: 'MD', studies: [{ study: 'X', mean1: 1, sd1: -2, n1: 5, mean2: 0, sd2: 1, n2: 5 }] })).toThrow(/row 1 \(X\), sd1/);
    expect(() => escalc({ measure: 'SMD', studies: [{ mean1: 1, sd1: 1, n1: 0, mean2: 0, sd2: 1, n2: 5 }] })).toThrow(/row 1, n1/);
    expect(() => escalc({ measure: 'GEN', studies: [{ yi: Infinity, vi: 1 }] })).toThrow(/row 1, yi/);
    expect(() => escalc({ measure: 'GEN', studies: [{ yi: 1, vi: 0 }] })).toThrow(/row 1, vi: 0 must be > 0/);
    expect(() => escalc({ measure: 'PLO', studies: [{ events: 3, total: 2 }] })).toThrow(/row 1, events: 3 events exceed/);
  });
  it('too few studies for a method', () => {
    const one = escalc({ measure: 'GEN', studies: [{ yi: 0.1, vi: 0.1 }] });
    expect(() => rma(one, { method: 'REML' })).toThrow(/k: 1 study is too few for REML; at least 2 needed/);
    expect(() => rma(one, { method: 'EE', knha: true })).toThrow(/too few/);
    const two = escalc({ measure: 'GEN', studies: [{ yi: 0.1, vi: 0.1 }, { yi: 0.2, vi: 0.1 }] });
    expect(() => rma(two, { method: 'DL', predictionInterval: 'hts' })).toThrow(/at least 3 needed/);
    expect(rma(one, { method: 'EE' }).estimate).toBe(0.1);
    expect(() => escalc({ measure: 'RR', studies: [] })).toThrow(/no studies/);
  });
  it('non-finite yi/vi passed straight to rma', () => {
    expect(() => rma({ yi: [0.1, NaN], vi: [0.1, 0.1] }, { method: 'DL' })).toThrow(/row 2 \(Study 2\), yi/);
    expect(() => rma({ yi: [0.1, 0.2], vi: [0.1, -1] }, { method: 'DL' })).toThrow(/row 2 \(Study 2\), vi: -1 must be > 0/);
  });
});
