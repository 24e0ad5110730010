// x^n by repeated squaring for whole exponents, Math.pow otherwise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { powerOf } from '../src/models/modules/hill.js';

describe('powerOf', () => {
  it('equals Math.pow to 1e-14 relative for whole exponents 0–64 and x in [0, 2]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 64 }), fc.double({ min: 0, max: 2, noNaN: true }), (n, x) => {
        const a = powerOf(n)(x);
        const b = Math.pow(x, n);
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-14 * Math.max(b, Number.MIN_VALUE) + Number.MIN_VALUE);
      }),
    );
  });
  it('falls back to Math.pow for fractional exponents', () => {
    expect(powerOf(2.5)(4)).toBe(32);
    expect(powerOf(0)(0)).toBe(1);
  });
});
