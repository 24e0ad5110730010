// The dense LU factorisation used by the Rosenbrock solver: solves random systems to rounding
// accuracy, pivots when the diagonal is zero, and reports singular or NaN matrices.

import { describe, expect, it } from 'vitest';
import { luFactor, luSolve } from '../../src/ode/linalg/lu.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

describe('luFactor / luSolve', () => {
  it.each([1, 2, 3, 7, 20, 39])('solves a random %i×%i system to rounding accuracy', (n) => {
    const rand = lcg(n * 7919);
    const a = Float64Array.from({ length: n * n }, rand);
    const x = Float64Array.from({ length: n }, rand);
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) b[i] = b[i]! + a[i * n + j]! * x[j]!;
    const lu = Float64Array.from(a);
    const piv = new Int32Array(n);
    expect(luFactor(lu, n, piv)).toBe(0);
    luSolve(lu, n, piv, b);
    for (let i = 0; i < n; i++) expect(Math.abs(b[i]! - x[i]!)).toBeLessThan(1e-9);
  });

  it('pivots past a zero diagonal', () => {
    const a = new Float64Array([0, 2, 1, 0, 1, 1, 3, 0, 0]); // permutation-like, zero a00
    const piv = new Int32Array(3);
    expect(luFactor(a, 3, piv)).toBe(0);
    const b = new Float64Array([2 * 2 + 1 * 3, 1 * 2 + 1 * 3, 3 * 1]); // x = [1, 2, 3]
    luSolve(a, 3, piv, b);
    expect(Array.from(b).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([1, 2, 3]);
  });

  it('reports a singular matrix and a NaN entry by the failing column', () => {
    const singular = new Float64Array([1, 2, 2, 4]);
    expect(luFactor(singular, 2, new Int32Array(2))).toBe(2);
    const nan = new Float64Array([NaN, 0, 0, 1]);
    expect(luFactor(nan, 2, new Int32Array(2))).toBe(1);
  });
});
