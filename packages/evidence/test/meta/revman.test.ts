// The Fleiss (1993) aspirin and mental-health analyses exported from RevMan 5 (guido-s/meta
// inst/extdata/Fleiss1993_CR.csv, values in evidence.md 2.5): MH OR fixed, MD IV fixed, and RevMan 5's
// random-effects MH analysis (DL tau^2 from Q around the MH estimate). RevMan's own numbers are asserted to
// 1e-6 relative (p-values to ~1e-6 absolute: RevMan's chi-square p differs from R's in the 7th digit).
import { describe, it } from 'vitest';
import { escalc, rma, rmaMH, type ContinuousStudy, type TwoByTwoStudy } from '../../src/index.js';
import { close, closeAll, loadFixture } from './helpers.js';

interface AspFx {
  aspirin: {
    data: { study: string; d1: number; n1: number; d2: number; n2: number }[];
    DL: { tau2: number; I2: number; beta: number; tau2_ci: [number, number]; I2_ci: [number, number] };
    REML: { tau2: number; I2: number; beta: number; tau2_ci: [number, number]; I2_ci: [number, number] };
    revman_re: { tau2: number; beta: number; se: number; ci_lb: number; ci_ub: number; zval: number };
  };
  mental: {
    data: { study: string; n1: number; m1: number; sd1: number; n2: number; m2: number; sd2: number }[];
    smd_yi: number[];
    SMD_EE: { beta: number; ci_lb: number; ci_ub: number };
    SMD_REML: { beta: number; se: number; tau2: number; ci_lb: number; ci_ub: number };
    MD_DL: { beta: number; tau2: number };
  };
}
const fx = loadFixture<AspFx>('fleiss_sparse.json');
const aspirin: TwoByTwoStudy[] = fx.aspirin.data.map((d) => ({ study: d.study, events1: d.d1, total1: d.n1, events2: d.d2, total2: d.n2 }));
const mental: ContinuousStudy[] = fx.mental.data.map((d) => ({
  study: d.study,
  mean1: d.m1,
  sd1: d.sd1,
  n1: d.n1,
  mean2: d.m2,
  sd2: d.sd2,
  n2: d.n2,
}));

describe('RevMan 5 export, aspirin after MI: MH, OR, fixed', () => {
  it('per-study OR, SE(log OR) and CI as RevMan prints them', () => {
    const es = escalc({ measure: 'OR', studies: aspirin });
    const OR = [0.71971415, 0.6807598, 0.80287019, 0.80073869, 0.79814324, 1.1327364, 0.89496936];
    const SE = [0.19721981, 0.20289717, 0.14314855, 0.2544889, 0.18761568, 0.09806494, 0.03880977];
    closeAll(es.yi.map(Math.exp), OR, 'RevMan OR', 1e-6);
    closeAll(es.vi.map(Math.sqrt), SE, 'RevMan SE', 1e-6);
    const lb = es.yi.map((y, i) => Math.exp(y - 1.959963984540054 * Math.sqrt(es.vi[i] as number)));
    closeAll(lb, [0.48897453, 0.4573909, 0.60645288, 0.48626104, 0.55256335, 0.93466468, 0.82941758], 'RevMan CI lb', 1e-6);
  });
  it('pooled OR 0.89686556 [0.8405144, 0.95699471], Z, Q, I2 and MH weights', () => {
    const f = rmaMH(aspirin, { measure: 'OR' });
    close(Math.exp(f.estimate), 0.89686556, 'OR', 1e-6);
    close(Math.exp(f.ciLower), 0.8405144, 'lb', 1e-6);
    close(Math.exp(f.ciUpper), 0.95699471, 'ub', 1e-6);
    close(Math.abs(f.statistic), 3.28763306, 'Z', 1e-6);
    close(f.p, 0.00101033, 'P(Z)', 1e-5);
    close(f.Q, 9.94605598, 'Q', 1e-6);
    close(f.Qp, 0.12694225, 'P(Q) (RevMan; R gives 0.12694218)', 1e-6, 1e-6);
    close(f.I2, 39.67458046, 'I2', 1e-6);
    closeAll(f.weights, [3.17649, 3.10168911, 5.67538044, 1.79548462, 3.21762436, 10.15349122, 72.87984024], 'MH weights', 1e-6);
  });
  it('RevMan 5 random effects (revman5 option): tau2 0.0096373, OR 0.87628887 [0.77429952, 0.99171207], z -2.09178975', () => {
    const f = rmaMH(aspirin, { measure: 'OR', revman5: true });
    const r = f.revman5Random;
    if (r === null) throw new Error('revman5Random missing');
    close(r.tau2, 0.0096373, 'tau2', 1e-6);
    close(Math.exp(r.estimate), 0.87628887, 'OR', 1e-6);
    close(Math.exp(r.ciLower), 0.77429952, 'lb', 1e-6);
    close(Math.exp(r.ciUpper), 0.99171207, 'ub', 1e-6);
    close(r.statistic, -2.09178975, 'z', 1e-6);
    close(r.tau2, fx.aspirin.revman_re.tau2, 'tau2 fx', 1e-12);
    close(r.se, fx.aspirin.revman_re.se, 'se fx', 1e-12);
    // metafor's DL uses Q around the IV estimate: 0.00963729 (differs from RevMan in the 8th digit)
    const dl = rma(escalc({ measure: 'OR', studies: aspirin }), { method: 'DL' });
    close(dl.tau2, 0.00963729, 'metafor DL tau2', 1e-6);
    close(dl.Q, 9.9460529, 'metafor Q around IV estimate', 1e-7);
  });
  it('"new RevMan" REML + HKSJ + PI on the log OR (evidence.md 2.5)', () => {
    const es = escalc({ measure: 'OR', studies: aspirin });
    const rows: [string, number, number, number[]][] = [
      ['DL', 0.00963729, 39.674562, [0.876289, 0.7743, 0.991712, 0.750152, 1.023636, 0.697103, 1.101533, 0.64915, 1.182904]],
      ['REML', 0.01474327, 50.152574, [0.868278, 0.755936, 0.997316, 0.740605, 1.017961, 0.65927, 1.143548, 0.605068, 1.245987]],
    ];
    for (const [m, tau2, I2, v] of rows) {
      const f = rma(es, { method: m as 'DL' | 'REML' });
      close(f.tau2, tau2, `${m} tau2`, 1e-6);
      close(f.I2, I2, `${m} I2`, 1e-6);
      closeAll([f.estimate, f.ciLower, f.ciUpper].map(Math.exp), v.slice(0, 3), `${m} Wald`, 1e-5);
      const k = rma(es, { method: m as 'DL' | 'REML', knha: true });
      closeAll([k.ciLower, k.ciUpper].map(Math.exp), v.slice(3, 5), `${m} HKSJ`, 1e-5);
      closeAll([f.piLower, f.piUpper].map(Math.exp), v.slice(5, 7), `${m} PI z`, 1e-5);
      const h = rma(es, { method: m as 'DL' | 'REML', predictionInterval: 'hts' });
      closeAll([h.piLower, h.piUpper].map(Math.exp), v.slice(7, 9), `${m} PI t(k-2)`, 1e-5);
    }
    const reml = rma(es, { method: 'REML' });
    close((reml.tau2Ci as [number, number])[0], 0, 'REML tau2 CI lb', 0, 1e-12);
    close((reml.tau2Ci as [number, number])[1], 0.1145, 'REML tau2 CI ub (4 decimals)', 5e-4);
    close((reml.I2Ci as [number, number])[1], 88.6548, 'REML I2 CI ub', 1e-6);
    close((reml.tau2Ci as [number, number])[1], fx.aspirin.REML.tau2_ci[1], 'REML tau2 CI ub fx', 1e-9);
  });
});

describe('RevMan 5 export, mental health: MD, IV, fixed', () => {
  const es = escalc({ measure: 'MD', studies: mental });
  it('per-study MD, SE and weights', () => {
    closeAll(es.yi, [-1.5, -1.2, -2.4, 0.2, -0.88], 'MD', 1e-12);
    closeAll(es.vi.map(Math.sqrt), [1.67630546, 0.45085474, 1.89175731, 0.49580742, 0.56631484], 'SE', 1e-7);
    const f = rma(es, { method: 'EE' });
    closeAll(f.weights, [2.79315513, 38.61251498, 2.19316111, 31.92826572, 24.47290305], 'weights', 1e-7);
  });
  it('pooled MD -0.70938839 [-1.25848502, -0.16029176], Q, P, I2, Z', () => {
    const f = rma(es, { method: 'EE' });
    close(f.estimate, -0.70938839, 'MD', 1e-7);
    close(f.ciLower, -1.25848502, 'lb', 1e-7);
    close(f.ciUpper, -0.16029176, 'ub', 1e-7);
    close(f.Q, 5.66012379, 'Q', 1e-7);
    close(f.Qp, 0.22600895, 'P (RevMan; R 0.22600889)', 1e-6, 1e-6);
    close(f.I2, 29.33016758, 'I2', 1e-7);
    close(Math.abs(f.statistic), 2.53211477, 'Z', 1e-7);
  });
  it('DL random effects and Hedges g (metafor SMD)', () => {
    const dl = rma(es, { method: 'DL' });
    close(dl.estimate, -0.73730949, 'DL MD', 1e-7);
    close(dl.ciLower, -1.45766876, 'DL lb', 1e-7);
    close(dl.ciUpper, -0.01695023, 'DL ub', 1e-6);
    close(dl.tau2, 0.18944005, 'DL tau2', 1e-7);
    const smd = escalc({ measure: 'SMD', studies: mental });
    closeAll(smd.yi, [-0.3398761, -0.5658897, -0.2999089, 0.1250236, -0.7344441], 'g', 1e-6);
    const ee = rma(smd, { method: 'EE' });
    close(ee.estimate, -0.34404582, 'SMD EE', 1e-7);
    close(ee.ciLower, -0.60710439, 'SMD lb', 1e-7);
    close(ee.ciUpper, -0.08098725, 'SMD ub', 1e-6);
    const reml = rma(smd, { method: 'REML' });
    close(reml.estimate, fx.mental.SMD_REML.beta, 'SMD REML fx', 1e-9);
    close(reml.tau2, fx.mental.SMD_REML.tau2, 'SMD REML tau2 fx', 1e-8, 1e-14);
  });
});
