// Mantel-Haenszel (RR, OR, RD) and Peto models on dat.bcg and on sparse data, against evidence.md 2.2/2.4/2.8
// and the metafor fixtures (rma.mh / rma.peto defaults: add 1/2 to zero-cell tables, drop00 = TRUE for Q).
import { describe, expect, it } from 'vitest';
import { rmaMH, rmaPeto, type TwoByTwoStudy } from '../../src/index.js';
import { bcg, bcgTables } from './bcg.js';
import { close, closeAll, loadFixture } from './helpers.js';

describe('Mantel-Haenszel on dat.bcg (evidence.md 2.4)', () => {
  const PUB = {
    RR: [-0.4537096, 0.03933737, -11.533807, -0.53080943, -0.37660978, 152.567554, 1.70759e-26, 92.134632],
    OR: [-0.47341099, 0.04100778, -11.544419, -0.55378476, -0.39303722, 163.94258, 8.24945e-29, 92.680364],
    RD: [-0.00328818, 0.00028666, -11.470799, -0.00385002, -0.00272634, 386.775942, 2.38206e-75, 96.897429],
  } as const;
  it.each(['RR', 'OR', 'RD'] as const)('%s: estimate, SE, z, CI, QE, QEp, I2', (m) => {
    const f = rmaMH(bcgTables, { measure: m });
    const [b, se, z, lb, ub, Q, Qp, I2] = PUB[m];
    const rel = m === 'RD' ? 2e-6 : 1e-6; // RD printed with 8 decimals
    close(f.estimate, b, 'b', rel);
    close(f.se, se, 'se', m === 'RD' ? 2e-5 : 1e-6);
    close(f.statistic, z, 'z', 1e-6);
    close(f.ciLower, lb, 'lb', rel);
    close(f.ciUpper, ub, 'ub', rel);
    close(f.Q, Q, 'Q', 1e-8);
    close(f.Qp, Qp, 'Qp', 1e-5);
    close(f.I2, I2, 'I2', 1e-7);
    const r = bcg.MH[m];
    close(f.estimate, r.beta, 'b fx', 1e-12);
    close(f.se, r.se, 'se fx', 1e-12);
    close(f.p, r.pval, 'p fx', 1e-9);
    close(f.H2, r.H2, 'H2 fx', 1e-12);
    closeAll(f.weights, r.weights, 'MH weights', 1e-12);
  });
  it('exp scale of MH RR and OR (metafor test_misc_metan_vs_rma.mh)', () => {
    const rr = rmaMH(bcgTables, { measure: 'RR' });
    close(Math.exp(rr.estimate), 0.635267, 'RR', 1e-6);
    close(Math.exp(rr.ciLower), 0.588129, 'RR lb', 1e-6);
    close(Math.exp(rr.ciUpper), 0.686184, 'RR ub', 1e-6);
    const or = rmaMH(bcgTables, { measure: 'OR' });
    close(Math.exp(or.estimate), 0.622874, 'OR', 1e-6);
  });
  it('CMH (textbook / metafor 5.1 value 135.6889) and Tarone (171.756673) tests for the OR', () => {
    const or = rmaMH(bcgTables, { measure: 'OR' });
    close(or.cmh?.statistic ?? NaN, 135.688944, 'CMH corrected', 1e-8);
    close(or.cmh?.statistic ?? NaN, bcg.CMH.corrected, 'CMH fx', 1e-12);
    close(rmaMH(bcgTables, { measure: 'OR', correct: false }).cmh?.statistic ?? NaN, 136.162977, 'CMH uncorrected', 1e-8);
    close(or.tarone?.statistic ?? NaN, 171.756673, 'Tarone', 1e-8);
    close(or.tarone?.p ?? NaN, bcg.MH.OR.TAp as number, 'Tarone p', 1e-8);
    expect(rmaMH(bcgTables, { measure: 'RR' }).cmh).toBeNull();
  });
});

describe('Peto odds ratio on dat.bcg (rma.peto)', () => {
  it('estimate, SE, z, CI, QE and I2 (evidence.md 2.2, 2.4)', () => {
    const f = rmaPeto(bcgTables);
    close(f.estimate, -0.47444631, 'b', 1e-7);
    close(f.se, 0.04065908, 'se', 1e-6);
    close(f.statistic, -11.668889, 'z', 1e-6);
    close(f.ciLower, -0.55413664, 'lb', 1e-7);
    close(f.ciUpper, -0.39475598, 'ub', 1e-7);
    close(Math.exp(f.estimate), 0.622229, 'OR', 1e-6);
    close(f.Q, 167.730168, 'QE', 1e-8);
    close(f.I2, 92.845652, 'I2', 1e-7);
    const r = bcg.PETO_model;
    close(f.Qp, r.QEp, 'QEp fx', 1e-9);
    closeAll(f.weights, r.weights, 'Peto weights', 1e-12);
  });
});

interface SparseFx {
  yusuf: {
    data: { trial: string; ai: number; n1i: number; ci: number; n2i: number }[];
    peto: { beta: number; se: number; ci_lb: number; ci_ub: number; QE: number; QEp: number; k: number };
    mh_or: { beta: number; se: number; ci_lb: number; ci_ub: number; QE: number; QEp: number; TA: number; MH: number };
    mh_rd: { beta: number; se: number; QE: number };
  };
  toy: {
    data: { ai: number; bi: number; ci: number; di: number }[];
    OR: { mh: { beta: number; se: number; ci_lb: number; ci_ub: number; QE: number; QEp: number } };
    RR: { mh: { beta: number; se: number; ci_lb: number; ci_ub: number; QE: number } };
    RD: { mh: { beta: number; se: number; ci_lb: number; ci_ub: number; QE: number } };
    peto: { beta: number; se: number; ci_lb: number; ci_ub: number; QE: number };
  };
}
const sparse = loadFixture<SparseFx>('fleiss_sparse.json');
const yusuf: TwoByTwoStudy[] = sparse.yusuf.data.map((d) => ({ study: d.trial, events1: d.ai, total1: d.n1i, events2: d.ci, total2: d.n2i }));
const toy: TwoByTwoStudy[] = sparse.toy.data.map((d, i) => ({ study: `toy ${i + 1}`, events1: d.ai, total1: d.ai + d.bi, events2: d.ci, total2: d.ci + d.di }));

describe('sparse data and zero cells (evidence.md 2.8)', () => {
  it('Yusuf 1985 table 6: Peto OR 0.9332 [0.7385, 1.1792] with 3 double-zero trials', () => {
    const f = rmaPeto(yusuf);
    close(Math.exp(f.estimate), 0.93317, 'OR', 1e-5);
    close(Math.exp(f.ciLower), 0.738489, 'lb', 1e-6);
    close(Math.exp(f.ciUpper), 1.179174, 'ub', 1e-6);
    close(f.estimate, -0.06916763, 'b', 1e-7);
    close(f.Q, 10.827485, 'QE', 1e-7);
    expect(f.Qdf).toBe(17);
    close(f.Qp, sparse.yusuf.peto.QEp, 'QEp', 1e-9);
    expect(f.k).toBe(21);
    expect(f.omitted).toEqual(['Pitt', 'Hutton', 'Yusuf']);
  });
  it('Yusuf 1985 table 6: MH OR 0.933362 [0.738920, 1.178972], MH RD', () => {
    const f = rmaMH(yusuf, { measure: 'OR' });
    close(Math.exp(f.estimate), 0.933362, 'OR', 1e-6);
    close(Math.exp(f.ciLower), 0.73892, 'lb', 1e-6);
    close(Math.exp(f.ciUpper), 1.178972, 'ub', 1e-6);
    const r = sparse.yusuf.mh_or;
    close(f.se, r.se, 'se', 1e-12);
    close(f.Q, r.QE, 'QE', 1e-12);
    close(f.tarone?.statistic ?? NaN, r.TA, 'Tarone', 1e-10);
    close(f.cmh?.statistic ?? NaN, r.MH, 'CMH', 1e-10);
    const rd = rmaMH(yusuf, { measure: 'RD' });
    close(rd.estimate, sparse.yusuf.mh_rd.beta, 'RD (double-zero tables count in the MH weights)', 1e-12);
    close(rd.se, sparse.yusuf.mh_rd.se, 'RD se', 1e-12);
    close(rd.Q, sparse.yusuf.mh_rd.QE, 'RD QE', 1e-12);
  });
  it('toy zero-cell set (metafor issue #24): MH uses raw counts, Q uses corrected yi/vi', () => {
    const or = rmaMH(toy, { measure: 'OR' });
    close(or.estimate, -1.25276297, 'MH log OR', 1e-8);
    close(or.se, 0.87116507, 'MH se', 1e-7);
    close(Math.exp(or.ciLower), 0.051808, 'lb', 1e-5);
    close(Math.exp(or.ciUpper), 1.575684, 'ub', 1e-6);
    close(or.Q, sparse.toy.OR.mh.QE, 'Q', 1e-12);
    const rr = rmaMH(toy, { measure: 'RR' });
    close(Math.exp(rr.estimate), 1 / 3, 'MH RR (0.333333 printed)', 1e-12);
    close(Math.exp(rr.ciLower), 0.073037, 'RR lb', 1e-5);
    close(Math.exp(rr.ciUpper), 1.521306, 'RR ub', 1e-6);
    close(rr.Q, sparse.toy.RR.mh.QE, 'RR Q', 1e-12);
    const rd = rmaMH(toy, { measure: 'RD' });
    close(rd.estimate, -0.06666667, 'MH RD', 1e-7);
    close(rd.ciLower, -0.15268, 'RD lb', 1e-5);
    close(rd.ciUpper, 0.019347, 'RD ub', 1e-4);
    close(rd.se, sparse.toy.RD.mh.se, 'RD se', 1e-12);
    const pe = rmaPeto(toy);
    close(pe.estimate, -1.11428571, 'Peto', 1e-8);
    close(pe.se, 0.74642003, 'Peto se', 1e-7);
    close(pe.Q, sparse.toy.peto.QE, 'Peto Q', 1e-10, 1e-12);
  });
});
