// Every estimator on dat.bcg (log RR) against metafor 3.8-1: the full-precision table of evidence.md 2.4
// (published there, hard-coded here) and the R fixture (fixtures/meta/bcg.R -> bcg.json) for all other fields.
import { describe, expect, it } from 'vitest';
import { escalc, rma, type RmaMethod } from '../../src/index.js';
import { bcgTables, fit } from './bcg.js';
import { close } from './helpers.js';

const es = escalc({ measure: 'RR', studies: bcgTables });

// evidence.md 2.4, "tau^2 estimators (test = z)": method -> [mu, SE, z, ci.lb, ci.ub, tau2, I2, H2]
const PUBLISHED: Record<string, number[]> = {
  EE: [-0.43028516, 0.04049875, -10.624653, -0.50966126, -0.35090907, 0, 92.117347, 12.686084],
  DL: [-0.71411722, 0.17874209, -3.995238, -1.06444528, -0.36378916, 0.30876026, 92.117347, 12.686084],
  REML: [-0.71453235, 0.17978153, -3.974448, -1.06689768, -0.36216702, 0.31324333, 92.221386, 12.855761],
  ML: [-0.71119914, 0.17189682, -4.137361, -1.04811071, -0.37428757, 0.28002817, 91.378285, 11.59862],
  PM: [-0.71497041, 0.18089798, -3.95234, -1.06952394, -0.36041687, 0.31809371, 92.3309, 13.03934],
  EB: [-0.71496816, 0.18089221, -3.952454, -1.06951037, -0.36042595, 0.31806852, 92.330339, 13.038387],
  SJ: [-0.71724859, 0.18705946, -3.834335, -1.08387839, -0.35061879, 0.3455157, 92.896324, 14.077219],
  HE: [-0.71587859, 0.18327999, -3.905929, -1.07510076, -0.35665642, 0.32856386, 92.557097, 13.435619],
  HS: [-0.70453537, 0.15865209, -4.440757, -1.01548776, -0.39358299, 0.22836286, 89.629967, 9.643171],
  PMM: [-0.71708467, 0.18659469, -3.843007, -1.08280354, -0.3513658, 0.3434087, 92.855853, 13.997472],
};

describe('tau^2 estimators on dat.bcg match metafor (evidence.md 2.4, 8 printed digits)', () => {
  it.each(Object.keys(PUBLISHED))('%s: estimate, SE, z, CI, tau2, I2, H2', (m) => {
    const f = rma(es, { method: m as RmaMethod });
    const [mu, se, z, lb, ub, tau2, I2, H2] = PUBLISHED[m] as number[];
    // printed to 8 significant digits: 1e-6 relative covers the rounding
    close(f.estimate, mu as number, `${m} mu`, 1e-6);
    close(f.se, se as number, `${m} se`, 1e-6);
    close(f.statistic, z as number, `${m} z`, 1e-6);
    close(f.ciLower, lb as number, `${m} lb`, 1e-6);
    close(f.ciUpper, ub as number, `${m} ub`, 1e-6);
    close(f.tau2, tau2 as number, `${m} tau2`, 1e-6);
    close(f.I2, I2 as number, `${m} I2`, 1e-6);
    close(f.H2, H2 as number, `${m} H2`, 1e-6);
    close(f.Q, 152.233008, `${m} Q`, 1e-8);
    expect(f.Qdf).toBe(12);
    close(f.Qp, 1.99676e-26, `${m} Qp`, 1e-5);
  });
});

describe('tau^2 estimators on dat.bcg match the full-precision metafor fixture', () => {
  it.each(['EE', 'DL', 'REML', 'ML', 'PM', 'EB', 'SJ', 'HE', 'HS', 'PMM'])('%s: all fields to 1e-9', (m) => {
    const f = rma(es, { method: m as RmaMethod });
    const r = fit(m);
    close(f.estimate, r.beta, `${m} beta`, 1e-9);
    close(f.se, r.se, `${m} se`, 1e-9);
    close(f.statistic, r.zval, `${m} z`, 1e-9);
    close(f.p, r.pval, `${m} p`, 1e-8);
    close(f.ciLower, r.ci_lb, `${m} ci.lb`, 1e-9);
    close(f.ciUpper, r.ci_ub, `${m} ci.ub`, 1e-9);
    close(f.tau2, r.tau2, `${m} tau2`, 1e-9, 1e-15);
    if (m !== 'EE') close(f.seTau2, r.se_tau2, `${m} se.tau2`, 1e-9);
    close(f.I2, r.I2, `${m} I2`, 1e-9);
    close(f.H2, r.H2, `${m} H2`, 1e-9);
    close(f.Q, r.QE, `${m} QE`, 1e-12);
    close(f.Qp, r.QEp, `${m} QEp`, 1e-9);
    expect(f.k).toBe(r.k);
  });
  it('weights are 100 w / sum(w) with w = 1/(vi + tau2)', () => {
    const f = rma(es, { method: 'REML' });
    expect(f.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(100, 10);
    // metafor test_misc_influence.r: weight of study 1 = 5.05948307931551 %
    close(f.weights[0] as number, 5.05948307931551, 'REML weight 1', 1e-9);
  });
  it('FE is an alias of EE, and a fixed tau2 is used as given', () => {
    expect(rma(es, { method: 'FE' }).estimate).toBe(rma(es, { method: 'EE' }).estimate);
    const f = rma(es, { method: 'DL', tau2: 0.30876026 });
    close(f.estimate, -0.71411722, 'DL fixed tau2', 1e-7);
    expect(f.tau2Ci).toBeNull();
  });
});

describe('other measures via escalc + rma (evidence.md 2.4 "Other measures")', () => {
  const PUB: [string, 'OR' | 'RD' | 'PETO', RmaMethod, number, number, number, number, number, number][] = [
    ['OR EE', 'OR', 'EE', -0.43613908, 0.04226546, -0.51897785, -0.3533003, 0, 92.645478],
    ['OR DL', 'OR', 'DL', -0.74739235, 0.19226285, -1.12422061, -0.37056409, 0.36634341, 92.645478],
    ['OR REML', 'OR', 'REML', -0.74517777, 0.18602792, -1.10978579, -0.38056976, 0.33777205, 92.072692],
    ['RD EE', 'RD', 'EE', -0.00091426, 0.00022603, -0.00135728, -0.00047125, 0, 95.659624],
    ['RD DL', 'RD', 'DL', -0.00705526, 0.00156339, -0.01011945, -0.00399108, 0.00001873, 95.659624],
    ['RD REML', 'RD', 'REML', -0.0251735, 0.01082861, -0.04639718, -0.00394982, 0.00142154, 99.940238],
    ['PETO EE', 'PETO', 'EE', -0.47444631, 0.04065908, -0.55413664, -0.39475598, 0, 92.845652],
    ['PETO DL', 'PETO', 'DL', -0.72067506, 0.18377871, -1.08087472, -0.36047541, 0.33863058, 92.845652],
    ['PETO REML', 'PETO', 'REML', -0.71741083, 0.17516075, -1.06071959, -0.37410207, 0.30109494, 92.024893],
  ];
  it.each(PUB)('%s', (_n, measure, method, b, se, lb, ub, tau2, I2) => {
    const f = rma(escalc({ measure, studies: bcgTables }), { method });
    // RD values are printed with 8 decimals, not 8 significant digits
    const rel = measure === 'RD' ? 5e-5 : 1e-6;
    close(f.estimate, b, `${_n} b`, rel);
    close(f.se, se, `${_n} se`, rel);
    close(f.ciLower, lb, `${_n} lb`, rel);
    close(f.ciUpper, ub, `${_n} ub`, rel);
    close(f.tau2, tau2, `${_n} tau2`, measure === 'RD' ? 3e-4 : 1e-6, 1e-12);
    close(f.I2, I2, `${_n} I2`, 1e-6);
    const r = fit(method, measure);
    close(f.estimate, r.beta, `${_n} beta fx`, 1e-9);
    close(f.tau2, r.tau2, `${_n} tau2 fx`, 1e-8, 1e-15);
    close(f.Q, r.QE, `${_n} Q fx`, 1e-10);
  });
  it('PM on OR, RD and PETO matches the fixture', () => {
    for (const measure of ['OR', 'RD', 'PETO'] as const) {
      const f = rma(escalc({ measure, studies: bcgTables }), { method: 'PM' });
      close(f.tau2, fit('PM', measure).tau2, `${measure} PM tau2`, 1e-8);
      close(f.estimate, fit('PM', measure).beta, `${measure} PM beta`, 1e-9);
    }
  });
});
