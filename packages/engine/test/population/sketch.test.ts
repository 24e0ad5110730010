// The streaming percentile method behind the population bands: its stated error bound against
// exact (R type 7) percentiles, exact merging, and cells with awkward values (zeros next to
// positives, negatives, subnormals, values spanning 600 orders of magnitude).
import { describe, expect, it } from 'vitest';
import { PatientStream, SKETCH_ABSOLUTE_FLOOR, SKETCH_RELATIVE_ERROR, SketchAccumulator, emptySketch, mergeSketches, sketchKey, sketchQuantiles, sketchValue } from '../../src/population/index.js';

/** R type 7 percentile (independent of the engine: sorts and interpolates) */
function exactQuantile(values: number[], p: number): { q: number; bound: number } {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const r = Math.floor(h);
  const g = h - r;
  const lo = s[r]!;
  const hi = s[Math.min(r + 1, s.length - 1)]!;
  // the bound of sketch.ts: each order statistic within 2^-8 of itself, plus the subnormal floor
  return { q: lo + g * (hi - lo), bound: SKETCH_RELATIVE_ERROR * ((1 - g) * Math.abs(lo) + g * Math.abs(hi)) + SKETCH_ABSOLUTE_FLOOR };
}

const PS = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];

function dataSets(): Record<string, number[]> {
  const s = new PatientStream(11, 0);
  const n = 2001;
  const make = (f: () => number) => Array.from({ length: n }, f);
  return {
    'log-normal, CV 50 %': make(() => 1.7 * Math.exp(0.47 * s.normal())),
    'fractions near 1': make(() => 1 - 0.05 * s.uniform()),
    'zeros mixed with positives': make(() => (s.uniform() < 0.3 ? 0 : s.uniform())),
    'negative and positive': make(() => s.normal()),
    'tiny Hill outputs (1e-200 … 1)': make(() => 10 ** (-200 * s.uniform())),
    subnormals: make(() => 5e-324 * Math.floor(1 + 1000 * s.uniform())),
    'ties (integers)': make(() => Math.floor(5 * s.uniform())),
  };
}

describe('percentile bands are within the stated bound of exact percentiles', () => {
  it.each(Object.entries(dataSets()))('%s', (_name, values) => {
    const acc = new SketchAccumulator(1);
    for (const v of values) acc.add(0, v);
    const got = sketchQuantiles(acc.pack(), 0, PS);
    PS.forEach((p, k) => {
      const { q, bound } = exactQuantile(values, p);
      expect(Math.abs(got[k]! - q)).toBeLessThanOrEqual(bound);
    });
  });

  it('the bound is attained, not loose by orders of magnitude: 2^-8 = 0.39 %', () => {
    expect(SKETCH_RELATIVE_ERROR).toBe(1 / 256);
    // the worst case is a value at the bottom edge of a bin, 1.0 exactly: its bin midpoint is 1 + 2^-8
    expect(sketchValue(sketchKey(1)) / 1 - 1).toBeCloseTo(1 / 256, 15);
  });

  it('an empty cell gives NaN', () => {
    expect(sketchQuantiles(emptySketch(2), 1, [0.5])).toEqual([NaN]);
  });
});

describe('bin keys', () => {
  it('are non-decreasing in the value and 0 only for zero', () => {
    const xs = [-1e300, -3, -1, -1e-300, -5e-324, 0, 5e-324, 1e-300, 0.5, 1, 1.001, 3, 1e300];
    const keys = xs.map(sketchKey);
    for (let i = 1; i < keys.length; i++) expect(keys[i]!).toBeGreaterThanOrEqual(keys[i - 1]!);
    expect(keys.filter((k) => k === 0)).toHaveLength(1);
    expect(sketchKey(-0)).toBe(0);
  });
  it('each bin midpoint is within 2^-8 of every value in the bin', () => {
    const s = new PatientStream(12, 0);
    for (let i = 0; i < 10_000; i++) {
      const x = (s.uniform() < 0.5 ? -1 : 1) * 10 ** (300 * (2 * s.uniform() - 1));
      expect(Math.abs(sketchValue(sketchKey(x)) - x)).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR * Math.abs(x));
    }
  });
});

describe('histograms merge exactly, in any order', () => {
  const values = dataSets()['log-normal, CV 50 %']!;
  const cells = 3;
  const accumulate = (from: number, to: number) => {
    const acc = new SketchAccumulator(cells);
    for (let i = from; i < to; i++) acc.add(i % cells, values[i]!);
    return acc.pack();
  };
  it('one pass equals three chunks merged, in either order', () => {
    const whole = accumulate(0, values.length);
    const a = accumulate(0, 700);
    const b = accumulate(700, 1500);
    const c = accumulate(1500, values.length);
    expect(mergeSketches(mergeSketches(a, b), c)).toEqual(whole);
    expect(mergeSketches(c, mergeSketches(b, a))).toEqual(whole);
    expect(mergeSketches(emptySketch(cells), whole)).toEqual(whole);
  });
  it('addBatch (patients in batches) equals add one by one', () => {
    const one = new SketchAccumulator(10);
    const batch = new SketchAccumulator(10);
    const cols = Array.from({ length: 7 }, (_, p) => Float64Array.from({ length: 10 }, (_, k) => values[p * 10 + k]!));
    for (const col of cols) for (let k = 0; k < 10; k++) one.add(k, col[k]!);
    batch.addBatch(0, cols, 10);
    expect(batch.pack()).toEqual(one.pack());
  });
  it('refuses a 65,536th value in a cell (16-bit counts) rather than wrapping around', () => {
    const acc = new SketchAccumulator(1);
    for (let i = 0; i < 65535; i++) acc.add(0, 1);
    expect(() => acc.add(0, 1)).toThrow(/at most 65535 values per cell/);
    expect(sketchQuantiles(acc.pack(), 0, [0.5])).toEqual([sketchValue(sketchKey(1))]);
    expect(() => new SketchAccumulator(1).addBatch(0, Array.from({ length: 65536 }, () => new Float64Array(1)), 1)).toThrow(/at most 65535/);
  });
  it('refuses values that are not finite', () => {
    expect(() => new SketchAccumulator(1).add(0, NaN)).toThrow(/not finite/);
  });
});
