// p from counts and from a CI. Expected values: reference/evidence.md §3.4 and §1.5 (R fisher.test
// and chisq.test, run locally by the notes' author) and the FINAL trial's printed p.
import { describe, expect, it } from 'vitest';
import { checkPFromCi, checkPFromCounts, ciCentred, matchesPrintedP, pFromCi, pValuesFromCounts } from '../../src/checks/pvalues.js';

describe('p from 2×2 counts', () => {
  it('Towers: 10/119 vs 79/105 gives Fisher p = 3.9e-26, consistent with P < .0001', () => {
    const r = checkPFromCounts({ text: '.0001', comparator: '<' }, 10, 119, 79, 105);
    expect(r.computed.fisher / 3.9e-26).toBeCloseTo(1, 1);
    expect(r.matching).toEqual(['fisher', 'chi2', 'chi2-yates']);
    expect(r.decisionError).toBe(false);
  });

  it('Smith 2011 tables of evidence.md §3.4 (inference only): Fisher p', () => {
    expect(pValuesFromCounts(14, 16, 6, 15).fisher).toBeCloseTo(0.0091, 4);
    expect(pValuesFromCounts(15, 17, 6, 15).fisher).toBeCloseTo(0.008, 4);
    expect(pValuesFromCounts(14, 16, 8, 20).fisher).toBeCloseTo(0.0057, 4);
    expect(pValuesFromCounts(15, 17, 8, 20).fisher).toBeCloseTo(0.0055, 4);
  });

  it('14/18 vs 5/18: Fisher 0.0067 and χ² 0.0027 do not give p = 0.008; χ² with Yates does (0.0076)', () => {
    const r = checkPFromCounts({ text: '0.008', comparator: '=' }, 14, 18, 5, 18);
    expect(r.computed.fisher).toBeCloseTo(0.0067, 4);
    expect(r.computed.chi2).toBeCloseTo(0.0027, 4);
    expect(r.computed['chi2-yates']).toBeCloseTo(0.0076, 4);
    expect(r.matching).toEqual(['chi2-yates']);
  });

  it('flags a decision error when every test disagrees on significance', () => {
    const r = checkPFromCounts({ text: '0.01', comparator: '<' }, 5, 20, 6, 20);
    expect(r.matching).toEqual([]);
    expect(r.decisionError).toBe(true);
  });

  it('refuses impossible tables', () => {
    expect(() => pValuesFromCounts(5, 4, 1, 10)).toThrow(/exceed/);
    expect(() => pValuesFromCounts(1.5, 4, 1, 10)).toThrow(/whole number/);
  });
});

describe('printed p rules (statcheck reading)', () => {
  it('"p = x" matches when the computed p rounds to x at the printed decimals', () => {
    expect(matchesPrintedP(0.0091, { text: '0.009', comparator: '=' })).toBe(true);
    expect(matchesPrintedP(0.0096, { text: '0.009', comparator: '=' })).toBe(false);
    expect(matchesPrintedP(0.0096, { text: '.01', comparator: '=' })).toBe(true);
    expect(matchesPrintedP(0.04, { text: '.05', comparator: '<' })).toBe(true);
    expect(matchesPrintedP(0.06, { text: '.05', comparator: '<' })).toBe(false);
  });
});

describe('p from an estimate and its CI (Altman & Bland 2011)', () => {
  it('FINAL: MD −0.34 (−0.95 to 0.27) gives p ≈ 0.27 as printed', () => {
    expect(pFromCi(-0.34, -0.95, 0.27, false)).toBeCloseTo(0.2746, 3);
    expect(checkPFromCi({ estimate: '-0.34', lower: '-0.95', upper: '0.27', ratio: false }, { text: '0.27', comparator: '=' }).consistent).toBe(true);
    expect(checkPFromCi({ estimate: '-0.34', lower: '-0.95', upper: '0.27', ratio: false }, { text: '0.04', comparator: '=' }).consistent).toBe(false);
  });

  it('ratio measures are handled on the log scale', () => {
    // RR 0.5 with CI 0.25–1.0: log SE = ln 4 / (2·1.96) = 0.3537, z = ln 0.5 / 0.3537 = −1.96, p = 0.05
    expect(pFromCi(0.5, 0.25, 1.0, true)).toBeCloseTo(0.05, 3);
  });

  it('CI centred on the estimate: Bolton RR 0.84 (0.66–1.06) yes, RR 0.50 (0.66–1.06) no', () => {
    expect(ciCentred({ estimate: '0.84', lower: '0.66', upper: '1.06', ratio: true })).toBe(true);
    expect(ciCentred({ estimate: '0.50', lower: '0.66', upper: '1.06', ratio: true })).toBe(false);
    expect(ciCentred({ estimate: '-0.86', lower: '-1.20', upper: '-0.51', ratio: false })).toBe(true);
    expect(ciCentred({ estimate: '-0.60', lower: '-1.20', upper: '-0.51', ratio: false })).toBe(false);
  });
});
