// Pure helpers behind the time-course plots: the clock-time axis (hours after midnight of the first
// dose's day, ticks at whole clock hours or midnights) and peak-preserving thinning. A 28-day run has
// 2,689 points per series, more than a plot's pixels; plain striding would drop the ≈1 h naltrexone
// peaks, so each bucket keeps its minimum and maximum.

/** Indices to draw: first, last, and each bucket's min and max, in order. */
export function decimate(values: ArrayLike<number>, maxPoints: number): Uint32Array {
  const n = values.length;
  if (n <= maxPoints || maxPoints < 4) return Uint32Array.from({ length: n }, (_, i) => i);
  const buckets = Math.floor((maxPoints - 2) / 2);
  const size = (n - 2) / buckets;
  const out: number[] = [0];
  for (let b = 0; b < buckets; b++) {
    const lo = 1 + Math.floor(b * size);
    const hi = Math.min(n - 1, 1 + Math.floor((b + 1) * size));
    let iMin = lo;
    let iMax = lo;
    for (let i = lo; i < hi; i++) {
      const v = values[i]!;
      if (v < values[iMin]! || Number.isNaN(values[iMin]!)) iMin = i;
      if (v > values[iMax]! || Number.isNaN(values[iMax]!)) iMax = i;
    }
    if (hi <= lo) continue;
    if (iMin === iMax) out.push(iMin);
    else out.push(Math.min(iMin, iMax), Math.max(iMin, iMax));
  }
  out.push(n - 1);
  return Uint32Array.from(out);
}

const INTERVALS_H = [1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 672];

/** Tick positions (hours after midnight of day 1) between x0 and x1, at most about maxTicks. */
export function clockTicks(x0: number, x1: number, maxTicks = 8): { ticks: number[]; interval: number } {
  const span = Math.max(1e-9, x1 - x0);
  const interval = INTERVALS_H.find((h) => span / h <= maxTicks) ?? 24 * Math.ceil(span / maxTicks / 24);
  const ticks: number[] = [];
  for (let x = Math.ceil(x0 / interval - 1e-9) * interval; x <= x1 + 1e-9; x += interval) ticks.push(x);
  return { ticks, interval };
}

/** Day number (1 = day of the first dose) and clock hours of an axis position. */
export function dayAndClock(x: number): { day: number; clockH: number } {
  const day = Math.floor(x / 24 + 1e-9);
  return { day: day + 1, clockH: x - day * 24 };
}
