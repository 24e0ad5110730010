// Knapp-Hartung (knha and adhoc), prediction intervals (metafor default, knha, HTS t(k-2)) and the
// Q-profile CI for tau^2, I^2 and H^2 on dat.bcg, against evidence.md 2.4 and the metafor fixture.
import { describe, expect, it } from 'vitest';
import { escalc, qprofileTau2, rma, type RmaMethod } from '../../src/index.js';
import { bcgTables, fit, testFit } from './bcg.js';
import { close } from './helpers.js';

const es = escalc({ measure: 'RR', studies: bcgTables });

describe('Knapp-Hartung test (test = "knha"), t with k-1 = 12 df', () => {
  // evidence.md 2.4: method -> [mu, SE (HK), t, p, ci.lb, ci.ub]
  const PUB: Record<string, number[]> = {
    DL: [-0.71411722, 0.18069663, -3.952023, 0.00192077, -1.10782135, -0.32041309],
    REML: [-0.71453235, 0.18079175, -3.95224, 0.00192002, -1.10844372, -0.32062097],
    PM: [-0.71497041, 0.18089271, -3.952456, 0.00191927, -1.10910177, -0.32083904],
  };
  it.each(Object.keys(PUB))('%s matches the published values', (m) => {
    const f = rma(es, { method: m as RmaMethod, knha: true });
    const [mu, se, t, p, lb, ub] = PUB[m] as number[];
    close(f.estimate, mu as number, 'mu', 1e-6);
    close(f.se, se as number, 'se', 1e-6);
    close(f.statistic, t as number, 't', 1e-6);
    close(f.p, p as number, 'p', 1e-5);
    close(f.ciLower, lb as number, 'lb', 1e-6);
    close(f.ciUpper, ub as number, 'ub', 1e-6);
    expect(f.df).toBe(12);
    expect(f.test).toBe('knha');
  });
  it.each(['DL', 'REML', 'ML', 'PM', 'EB', 'SJ', 'HE', 'HS', 'PMM'])('%s knha and adhoc match the fixture to 1e-9', (m) => {
    const k = rma(es, { method: m as RmaMethod, test: 'knha' });
    const r = testFit(`${m}_knha`);
    close(k.se, r.se, `${m} knha se`, 1e-9);
    close(k.p, r.pval, `${m} knha p`, 1e-8);
    close(k.ciLower, r.ci_lb, `${m} knha lb`, 1e-9);
    close(k.piLower, r.pi_lb as number, `${m} knha pi.lb`, 1e-9);
    close(k.piUpper, r.pi_ub as number, `${m} knha pi.ub`, 1e-9);
    const a = rma(es, { method: m as RmaMethod, test: 'adhoc' });
    const ra = testFit(`${m}_adhoc`);
    close(a.se, ra.se, `${m} adhoc se`, 1e-9);
    close(a.ciUpper, ra.ci_ub, `${m} adhoc ub`, 1e-9);
  });
  it('adhoc never gives a smaller SE than the Wald test', () => {
    // OR, DL: the HK factor is > 1 on dat.bcg, so adhoc = knha there; check the inequality generally
    for (const m of ['DL', 'REML', 'PM'] as const) {
      const z = rma(es, { method: m });
      const a = rma(es, { method: m, test: 'adhoc' });
      expect(a.se).toBeGreaterThanOrEqual(z.se);
    }
  });
});

describe('prediction intervals', () => {
  it('DL and REML: metafor default z, knha t(12), and Higgins-Thompson-Spiegelhalter t(11) (evidence.md 2.4)', () => {
    const dl = rma(es, { method: 'DL' });
    close(dl.piLower, -1.85815375, 'DL z lb', 1e-7);
    close(dl.piUpper, 0.42991931, 'DL z ub', 1e-7);
    close(Math.exp(dl.piLower), 0.15596, 'DL RR lb', 1e-5);
    close(Math.exp(dl.piUpper), 1.537133, 'DL RR ub', 1e-6);
    const dlk = rma(es, { method: 'DL', knha: true });
    close(dlk.piLower, -1.98720696, 'DL knha lb', 1e-7);
    close(dlk.piUpper, 0.55897252, 'DL knha ub', 1e-7);
    const dlh = rma(es, { method: 'DL', predictionInterval: 'hts' });
    close(dlh.piLower, -1.9988385, 'DL HTS lb', 1e-7);
    close(dlh.piUpper, 0.57060405, 'DL HTS ub', 1e-7);
    close(Math.exp(dlh.piLower), 0.135493, 'DL HTS RR lb', 1e-5);
    const re = rma(es, { method: 'REML' });
    close(re.piLower, -1.86669235, 'REML z lb', 1e-7);
    close(re.piUpper, 0.43762765, 'REML z ub', 1e-7);
    const rek = rma(es, { method: 'REML', knha: true });
    close(rek.piLower, -1.99601697, 'REML knha lb', 1e-7);
    close(rek.piUpper, 0.56695227, 'REML knha ub', 1e-7);
    const reh = rma(es, { method: 'REML', predictionInterval: 'hts' });
    close(reh.piLower, -2.00837605, 'REML HTS lb', 1e-7);
    close(reh.piUpper, 0.57931135, 'REML HTS ub', 1e-7);
    // back-transformed CIs (evidence.md 2.4)
    close(Math.exp(re.estimate), 0.489421, 'REML RR', 1e-6);
    close(Math.exp(re.ciLower), 0.344074, 'REML RR lb', 1e-6);
    close(Math.exp(re.ciUpper), 0.696166, 'REML RR ub', 1e-6);
  });
  it.each(['DL', 'REML', 'ML', 'PM', 'EB', 'SJ', 'HE', 'HS', 'PMM'])('%s default and HTS intervals match the fixture', (m) => {
    const r = fit(m);
    const f = rma(es, { method: m as RmaMethod });
    close(f.piLower, r.pi_lb, `${m} pi.lb`, 1e-9);
    close(f.piUpper, r.pi_ub, `${m} pi.ub`, 1e-9);
    const h = rma(es, { method: m as RmaMethod, predictionInterval: 'hts' });
    close(h.piLower, (r.pi_hts as [number, number])[0], `${m} hts lb`, 1e-9);
    close(h.piUpper, (r.pi_hts as [number, number])[1], `${m} hts ub`, 1e-9);
  });
  it('the common-effect model has a prediction interval equal to its CI', () => {
    const f = rma(es, { method: 'EE' });
    expect(f.piLower).toBe(f.ciLower);
    expect(f.piUpper).toBe(f.ciUpper);
  });
});

describe('Q-profile confidence intervals for tau^2, I^2 and H^2 (confint.rma.uni)', () => {
  it('match evidence.md 2.4 and metafor docs (identical for DL and REML fits)', () => {
    for (const m of ['DL', 'REML'] as const) {
      const f = rma(es, { method: m });
      const [lo, hi] = f.tau2Ci as [number, number];
      close(lo, 0.11969531, `${m} tau2 lb`, 1e-7);
      close(hi, 1.11148626, `${m} tau2 ub`, 1e-7);
      close(Math.sqrt(lo), 0.3459701, `${m} tau lb`, 1e-7);
      close(Math.sqrt(hi), 1.05427049, `${m} tau ub`, 1e-7);
      close((f.I2Ci as [number, number])[0], 81.91772272, `${m} I2 lb`, 1e-8);
      close((f.I2Ci as [number, number])[1], 97.67808961, `${m} I2 ub`, 1e-8);
      close((f.H2Ci as [number, number])[0], 5.53027688, `${m} H2 lb`, 1e-8);
      close((f.H2Ci as [number, number])[1], 43.06798411, `${m} H2 ub`, 1e-8);
    }
  });
  it.each(['DL', 'REML', 'ML', 'PM', 'EB', 'SJ', 'HE', 'HS', 'PMM'])('%s: tau2, I2, H2 CIs match the fixture to 1e-9', (m) => {
    const f = rma(es, { method: m as RmaMethod });
    const r = fit(m);
    close((f.tau2Ci as [number, number])[0], (r.tau2_ci as [number, number])[0], 'tau2 lb', 1e-9);
    close((f.tau2Ci as [number, number])[1], (r.tau2_ci as [number, number])[1], 'tau2 ub', 1e-9);
    close((f.I2Ci as [number, number])[0], (r.I2_ci as [number, number])[0], 'I2 lb', 1e-9);
    close((f.H2Ci as [number, number])[1], (r.H2_ci as [number, number])[1], 'H2 ub', 1e-9);
  });
  it('a homogeneous data set gives the interval [0, 0] (metafor "ci.null")', () => {
    expect(qprofileTau2([0.1, 0.1, 0.1], [1, 1, 1], 0)).toEqual([0, 0]);
  });
});
