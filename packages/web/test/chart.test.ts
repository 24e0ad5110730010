// Plot helpers: thinning keeps every bucket's extremes (the ≈1 h naltrexone peaks survive), and the
// clock-time axis ticks at whole clock hours or midnights.
import { describe, expect, it } from 'vitest';
import { clockTicks, dayAndClock, decimate } from '../src/sim/chart.js';

describe('decimate', () => {
  it('keeps short series whole', () => {
    expect([...decimate([1, 2, 3], 10)]).toEqual([0, 1, 2]);
  });

  it('keeps first, last and every local peak of a spiky series', () => {
    const n = 2689;
    const y = Array.from({ length: n }, (_, i) => (i % 96 === 3 ? 10 : 1 + Math.sin(i / 50) * 0.1));
    const idx = decimate(y, 700);
    expect(idx.length).toBeLessThanOrEqual(700);
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(n - 1);
    const kept = new Set(idx);
    for (let i = 3; i < n - 1; i += 96) expect(kept.has(i), `peak at ${i}`).toBe(true);
    for (let k = 1; k < idx.length; k++) expect(idx[k]!).toBeGreaterThan(idx[k - 1]!);
  });
});

describe('clock axis', () => {
  it('ticks every few hours over a day and at midnights over weeks', () => {
    expect(clockTicks(22, 46, 8)).toEqual({ ticks: [24, 27, 30, 33, 36, 39, 42, 45], interval: 3 });
    const long = clockTicks(22, 22 + 14 * 24, 8);
    expect(long.interval).toBe(48);
    expect(long.ticks.every((t) => t % 24 === 0)).toBe(true);
  });

  it('names the day and the clock of a position', () => {
    expect(dayAndClock(22)).toEqual({ day: 1, clockH: 22 });
    expect(dayAndClock(24 + 6)).toEqual({ day: 2, clockH: 6 });
  });
});
