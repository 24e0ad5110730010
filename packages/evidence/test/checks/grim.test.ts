// GRIM against published examples: scrutiny's documented outputs (README pigs1/pigs2, technical
// notes, grim vignette), the examples used to explain GRIM (Brown & Heathers; Wikipedia's die,
// The Economist's 49 raters), and the LDN values worked out by hand in reference/evidence.md §3.4.
import { describe, expect, it } from 'vitest';
import { consistentSampleSizes, grim, grimPercent, jointSampleSizes } from '../../src/checks/grim.js';

describe('GRIM: scrutiny documented examples', () => {
  it('pigs1 (README of lhdjung/scrutiny): consistency and ratio', () => {
    const pigs1: [string, number, boolean, number][] = [
      ['7.22', 32, true, 0.68], ['4.74', 25, false, 0.75], ['5.23', 29, false, 0.71], ['2.57', 24, false, 0.76],
      ['6.77', 27, false, 0.73], ['2.68', 28, true, 0.72], ['7.01', 29, false, 0.71], ['7.38', 26, true, 0.74],
      ['3.14', 27, false, 0.73], ['6.89', 31, false, 0.69], ['5.00', 25, true, 0.75], ['0.24', 28, false, 0.72],
    ];
    for (const [x, n, ok, ratio] of pigs1) {
      const r = grim(x, n);
      expect(r.consistent, `${x} / ${n}`).toBe(ok);
      expect(r.probability).toBeCloseTo(ratio, 10);
    }
  });

  it('pigs2 (README): percentages, percent = TRUE', () => {
    const pigs2: [string, boolean][] = [['67.4', false], ['54.2', false], ['54.0', true], ['69.8', false], ['68.1', false], ['55.4', false]];
    for (const [x, ok] of pigs2) {
      const r = grimPercent(x, 150);
      expect(r.consistent, x).toBe(ok);
      expect(r.probability).toBeCloseTo(0.85, 10);
      expect(r.decimals).toBe(3);
    }
  });

  it('technical notes and vignette: 5.19/28 fails, 5.2/5 passes, 5.2/7 fails, 1.03/40 passes, 5.27/43 fails', () => {
    expect(grim('5.19', 28).consistent).toBe(false);
    expect(grim('5.2', 5).consistent).toBe(true);
    expect(grim('5.2', 7).consistent).toBe(false);
    expect(grim('1.03', 40).consistent).toBe(true); // 41/40 = 1.025, rounded up
    expect(grim('5.27', 43).consistent).toBe(false);
  });

  it('GRIM probability: mean 1.23 with N = 40 gives 0.6', () => {
    expect(grim('1.23', 40).probability).toBeCloseTo(0.6, 12);
  });

  it('no power once N ≥ 10^D', () => {
    expect(grimPercent('77', 215).testable).toBe(false);
    expect(grimPercent('77', 215).consistent).toBe(true);
    expect(grim('3.4', 9).testable).toBe(true);
  });
});

describe('GRIM: the explanatory examples', () => {
  it('a die rolled 20 times cannot average 3.48 (Wikipedia, GRIM test)', () => {
    expect(grim('3.48', 20).consistent).toBe(false);
  });
  it('49 raters cannot average 5.93 (The Economist, 2016)', () => {
    expect(grim('5.93', 49).consistent).toBe(false); // 5.93 × 49 = 290.57
  });
});

describe('GRIM: rounding, items and trailing zeros', () => {
  it('7/8 = 0.875 prints as 0.88 only when rounded up', () => {
    expect(grim('0.88', 8, { rounding: 'up' }).consistent).toBe(true);
    expect(grim('0.88', 8, { rounding: 'down' }).consistent).toBe(false);
    expect(grim('0.87', 8, { rounding: 'down' }).consistent).toBe(true);
    expect(grim('0.88', 8).consistent).toBe(true); // up_or_down
  });
  it('a 3-item scale has granularity 1/(3N): 2.03 fits 10 people × 3 items (61/30) but not 10 single items', () => {
    expect(grim('2.03', 10, { items: 3 }).numerators).toEqual([61]);
    expect(grim('2.03', 10).consistent).toBe(false);
  });
  it('trailing zeros count: "5.0" and "5.00" are tested at their printed precision', () => {
    expect(grim('5.10', 7).consistent).toBe(false); // 36/7 = 5.143, 35/7 = 5.000
    expect(grim('5.1', 7).consistent).toBe(true); // 36/7 = 5.14 → 5.1
  });
  it('rejects a sample size that is not a positive whole number', () => {
    expect(() => grim('1.5', 0)).toThrow(/positive whole/);
    expect(() => grim('1.5', 2.5)).toThrow(/positive whole/);
  });
});

describe('GRIM on the LDN literature (reference/evidence.md §3.4)', () => {
  it('Smith 2007: 89% and 67% are impossible with 17; with n ≤ 20 only 9 or 18 give both', () => {
    expect(grimPercent('89', 17).consistent).toBe(false);
    expect(grimPercent('67', 17).consistent).toBe(false);
    expect(jointSampleSizes(['89', '67'], 1, 20, { percent: true })).toEqual([9, 18]);
  });

  it('Smith 2011: consistent denominators in 5..20 for each printed percentage', () => {
    const sizes = (x: string) => consistentSampleSizes(x, 5, 20, { percent: true });
    expect(sizes('88')).toEqual([8, 16, 17]);
    expect(sizes('40')).toEqual([5, 10, 15, 20]);
    expect(sizes('78')).toEqual([9, 18]);
    expect(sizes('28')).toEqual([18]);
    expect(sizes('33')).toEqual([6, 9, 12, 15, 18]);
    expect(sizes('8')).toEqual([12, 13]);
  });

  it('Lie 2018: 74.5% and 25.5% of 47 are exactly 35 and 12', () => {
    expect(grimPercent('74.5', 47).numerators).toEqual([35]);
    expect(grimPercent('25.5', 47).numerators).toEqual([12]);
  });

  it('Younger 2013: 11% is impossible with 31 randomized, both 32% and 11% fit the 28 completers', () => {
    expect(grimPercent('11', 31).consistent).toBe(false);
    expect(grimPercent('32', 28).numerators).toEqual([9]);
    expect(grimPercent('11', 28).numerators).toEqual([3]);
  });

  it('Younger AAPM 2012: 37% and 13% are impossible with 28; 30 would fit both', () => {
    expect(grimPercent('37', 28).consistent).toBe(false);
    expect(grimPercent('13', 28).consistent).toBe(false);
    expect(grimPercent('37', 30).numerators).toEqual([11]);
    expect(grimPercent('13', 30).numerators).toEqual([4]);
  });

  it('Smith 2013 pediatric: 25% and 67% fit 12 (3 and 8); Towers: 8.4% = 10/119, 75.2% = 79/105', () => {
    expect(grimPercent('25', 12).numerators).toEqual([3]);
    expect(grimPercent('67', 12).numerators).toEqual([8]);
    expect(grimPercent('8.4', 119).numerators).toEqual([10]);
    expect(grimPercent('75.2', 105).numerators).toEqual([79]);
  });
});
