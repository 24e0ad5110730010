// Significant-digit rounding: the same numbers as toPrecision (the reference), faster.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundSignificant } from '@ldn/engine';

describe('roundSignificant', () => {
  it('agrees with Number(x.toPrecision(6)) on random doubles of every magnitude (ties aside)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const mine = roundSignificant(x, 6);
        const ref = Number(x.toPrecision(6));
        if (mine !== ref) {
          // only at a decimal tie may the two round differently; then both are within one unit in the 6th digit
          expect(Math.abs(mine - ref)).toBeLessThanOrEqual(Math.abs(ref) * 1.0001e-5);
        }
      }),
      { numRuns: 20_000 },
    );
  });
  it('prints as the short decimal (no float noise in JSON)', () => {
    for (const [x, s] of [[0.30000000000000004, '0.3'], [1.2345678, '1.23457'], [123456789, '123457000'], [-0.000123456789, '-0.000123457'], [2.5e-300, '2.5e-300']] as const) {
      expect(String(roundSignificant(x, 6))).toBe(s);
    }
  });
  it('leaves 0, ±Infinity and NaN alone', () => {
    expect(roundSignificant(0)).toBe(0);
    expect(roundSignificant(Infinity)).toBe(Infinity);
    expect(Number.isNaN(roundSignificant(NaN))).toBe(true);
  });
});
