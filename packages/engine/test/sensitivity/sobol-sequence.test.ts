// The Sobol' generator (Joe–Kuo direction numbers, 64 dimensions) against SciPy's unscrambled
// points, the stratification property of a (t, s)-sequence, the digital shift, and the seeded PRNG.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng, SOBOL_MAX_DIMENSION, sobolPoints } from '@ldn/engine';

interface Reference {
  sobol: { dimension: number; rows: number[]; points: number[][] };
}
const reference = JSON.parse(readFileSync(new URL('./fixtures/scipy-reference.json', import.meta.url), 'utf8')) as Reference;

describe("Sobol' sequence", () => {
  it('equals scipy.stats.qmc.Sobol(64, scramble=False) point for point', () => {
    const d = reference.sobol.dimension;
    expect(SOBOL_MAX_DIMENSION).toBe(d);
    const pts = sobolPoints(1024, d);
    reference.sobol.rows.forEach((row, i) => {
      expect(Array.from(pts.subarray(row * d, (row + 1) * d))).toEqual(reference.sobol.points[i]);
    });
  });

  it.each([undefined, 77])('every coordinate of the first 2^m points has one point in each interval of width 2^−m (shift seed %s)', (shiftSeed) => {
    const n = 256;
    const d = 64;
    const pts = sobolPoints(n, d, shiftSeed === undefined ? {} : { shiftSeed });
    for (let j = 0; j < d; j++) {
      const cells = new Set<number>();
      for (let i = 0; i < n; i++) cells.add(Math.floor(pts[i * d + j]! * n));
      expect(cells.size).toBe(n);
    }
  });

  it('a digital shift moves every point off 0 and is reproducible by its seed', () => {
    const a = sobolPoints(64, 10, { shiftSeed: 5 });
    expect(Math.min(...a)).toBeGreaterThan(0);
    expect(Math.max(...a)).toBeLessThan(1);
    expect(sobolPoints(64, 10, { shiftSeed: 5 })).toEqual(a);
    expect(sobolPoints(64, 10, { shiftSeed: 6 })).not.toEqual(a);
  });

  it('refuses dimensions beyond the direction numbers', () => {
    expect(() => sobolPoints(4, 65)).toThrow(/dimension/);
  });
});

describe('seeded PRNG (xoshiro128**)', () => {
  it('matches the reference C implementation (fixtures/xoshiro128ss.c) for seeds 0 and 123', () => {
    const draw = (seed: number) => {
      const r = createRng(seed);
      return [r.nextUint32(), r.nextUint32(), r.nextUint32()];
    };
    expect(draw(0)).toEqual([3809008728, 1133695204, 53579671]);
    expect(draw(123)).toEqual([3146710351, 1913850085, 2160143029]);
  });

  it('same seed, same stream; uniform moments and unbiased integers', () => {
    const a = createRng(123);
    const b = createRng(123);
    const xs = Array.from({ length: 20000 }, () => a.next());
    expect(Array.from({ length: 20000 }, () => b.next())).toEqual(xs);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / xs.length));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.003);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30000; i++) counts[a.int(3)]!++;
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(4 * Math.sqrt(30000 * (1 / 3) * (2 / 3)));
    expect(() => createRng(2 ** 32)).toThrow(/seed/);
  });
});
