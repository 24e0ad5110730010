// statcheck's own test vectors (MicheleNuijten/statcheck tests/testthat: test-error.R,
// test-decisionerror.R, test-compute-pvalues.R) and the values of a local statcheck 1.4.0 run
// listed in reference/evidence.md §3.1. Computed p-values are R's (pt, pf, pchisq, pnorm).
import { describe, expect, it } from 'vitest';
import { computeP, parseApa, statcheck, type StatcheckOptions } from '../../src/checks/statcheck.js';

const check = (text: string, options: StatcheckOptions = {}) => statcheck(parseApa(text), options);

describe('parseApa', () => {
  it('reads test type, degrees of freedom, statistic and p as printed', () => {
    expect(parseApa('t(28) = 2.20, p = .03')).toMatchObject({ type: 't', df2: 28, stat: '2.20', p: '.03', pComparison: '=' });
    expect(parseApa('F(2, 28) = 2.20, p = .15')).toMatchObject({ type: 'F', df1: 2, df2: 28, stat: '2.20' });
    expect(parseApa('chi2(28) = 22.20, p = .79')).toMatchObject({ type: 'chi2', df1: 28 });
    expect(parseApa(' Z = -2.42, p = 0.016')).toMatchObject({ type: 'z', stat: '-2.42', p: '0.016' });
    expect(parseApa('r(28) = .22, p = .26')).toMatchObject({ type: 'r', df2: 28, stat: '.22' });
    expect(parseApa('t(28) = 2.20, ns')).toMatchObject({ pComparison: 'ns' });
    expect(() => parseApa('no statistics here')).toThrow(/no APA-style/);
  });
});

describe('computed p-values (evidence.md §3.1, statcheck 1.4.0)', () => {
  it.each([
    ['t(28) = 2.20, p = .03', 0.0362255],
    ['F(2, 28) = 2.20, p = .15', 0.129593],
    ['r(28) = .22, p = .26', 0.242739],
    ['chi2(28) = 22.20, p = .79', 0.771949],
    [' z = 2.20, p = .04', 0.0278069],
    ['Q(28) = 22.20, p = .79', 0.771949],
    ['t(28) = 1.20, p = .03', 0.240195],
    ['F(1, 101) = 7.7, p = .006', 0.00658],
    ['Q(6) = 9.95, p = .13', 0.126773],
  ])('%s → %f', (text, p) => {
    expect(check(text).computedP).toBeCloseTo(p, 5);
  });

  it('keeps precision in the far tail: t(28) = 22.20 → 2.58e-19; Q(12) = 152.23 → 2.0e-26', () => {
    expect(computeP('t', 22.2, undefined, 28) / 2.58e-19).toBeCloseTo(1, 2);
    expect(computeP('Q', 152.23, 12, undefined) / 2.0e-26).toBeCloseTo(1, 1);
  });
});

describe('errors and decision errors', () => {
  it.each([
    't(28) = 2.20, p = .03',
    'F(2, 28) = 2.20, p = .15',
    'r(28) = .22, p = .26',
    'chi2(28) = 22.20, p = .79',
    ' z = 2.20, p = .04',
    'Q(28) = 22.20, p = .79',
    't(28) = -2.20, p = .03',
  ])('%s is an error but not a decision error', (text) => {
    const r = check(text);
    expect(r.error).toBe(true);
    expect(r.decisionError).toBe(false);
  });

  it.each([
    't(28) = 2.20, p = .036',
    't(28) = 2.2, p = .04', // 2.2 could be 2.15–2.25
    't(28) = 2, p = .02', // integer statistic: 1.5–2.5
    't(28) = 2, p = .14',
    't(28) = 2.0, p < .05',
    ' Z = -2.42, p = 0.016',
    'F(1, 101) = 7.7, p = .006',
    'Q(12) = 152.23, p < .001',
    'Q(6) = 9.95, p = .13',
  ])('%s is consistent', (text) => {
    expect(check(text).error).toBe(false);
  });

  it.each([
    't(28) = 2.20, p = .06',
    't(28) = 1.20, p = .03',
    'F(2, 28) = 22.20, p = .06',
    'F(2, 28) = 2.20, p = .03',
    'r(28) = .22, p = .03',
    'r(28) = .52, p = .06',
    'chi2(28) = 2.20, p = .03',
    'chi2(28) = 52.20, p = .06',
    ' z = 1.20, p = .03',
    ' z = 2.20, p = .06',
    'Q(28) = 2.20, p = .03',
    'Q(28) = 52.20, p = .06',
    'The effect was very significant (t(48) = 1.02, p < .05)',
    // "ns" is read as p > .05; the computed .036 is significant, so the conclusion flips too
    't(28) = 2.20, ns',
    't(28) = 2.20, p > .05',
  ])('%s is a decision error', (text) => {
    const r = check(text);
    expect(r.error).toBe(true);
    expect(r.decisionError).toBe(true);
  });

  it('p = .000 is an error by default (pZeroError) but not a decision error', () => {
    const r = check('t(28) = 22.20, p = .000');
    expect(r.error).toBe(true);
    expect(r.decisionError).toBe(false);
    expect(check('t(28) = 22.20, p = .000', { pZeroError: false }).error).toBe(false);
  });

  it('p = .05 counts as significant only with pEqualAlphaSig', () => {
    // t(28) = 1.20 gives p = .24: printed p = .05 is an error either way; the decision flips only if .05 is significant
    expect(check('t(28) = 1.20, p = .05').decisionError).toBe(true);
    expect(check('t(28) = 1.20, p = .05', { pEqualAlphaSig: false }).decisionError).toBe(false);
  });
});

describe('one-tailed tests', () => {
  it('OneTailedTxt rescues a result that is consistent one-tailed when the text says so', () => {
    const text = 't(28) = 2.20, p = .018, one-tailed';
    expect(check(text).error).toBe(true);
    const r = check(text, { oneTailedTxt: true });
    expect(r.error).toBe(false);
    expect(r.oneTailed).toBe(true);
    expect(r.computedP).toBeCloseTo(0.0181127, 6);
  });
  it('OneTailedTxt does nothing without the words in the text; OneTailedTests halves every t', () => {
    expect(check('t(28) = 2.20, p = .018', { oneTailedTxt: true }).error).toBe(true);
    expect(check('t(28) = 2.20, p = .018', { oneTailedTests: true }).error).toBe(false);
  });
});
