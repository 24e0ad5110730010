// Occupancy summaries over a window: peak, trough, time-average and hours above thresholds.
// Hours above a threshold are measured with linear interpolation of the crossing times between
// output points, so the answer does not jump with the output step.

export interface OccupancyMetrics {
  peak: number;
  trough: number;
  mean: number;
  hours_above_50: number;
  hours_above_90: number;
}

/** Hours in [from, to] during which x(t) > level, with linear interpolation between points. */
export function hoursAbove(t: ArrayLike<number>, x: ArrayLike<number>, level: number, from: number, to: number): number {
  let total = 0;
  for (let i = 0; i + 1 < t.length; i++) {
    const a = Math.max(t[i]!, from);
    const b = Math.min(t[i + 1]!, to);
    if (b <= a) continue;
    const ta = t[i]!;
    const tb = t[i + 1]!;
    const slope = (x[i + 1]! - x[i]!) / (tb - ta);
    const xa = x[i]! + slope * (a - ta) - level;
    const xb = x[i]! + slope * (b - ta) - level;
    if (xa >= 0 && xb >= 0) total += b - a;
    else if (xa > 0 || xb > 0) {
      const cross = a + ((b - a) * xa) / (xa - xb); // where the segment meets the level
      total += xa > 0 ? cross - a : b - cross;
    }
  }
  return total;
}

export function occupancyMetrics(t: ArrayLike<number>, x: ArrayLike<number>, from: number, to: number): OccupancyMetrics {
  let peak = -Infinity;
  let trough = Infinity;
  let area = 0;
  for (let i = 0; i < t.length; i++) {
    const ti = t[i]!;
    if (ti < from - 1e-9 || ti > to + 1e-9) continue;
    peak = Math.max(peak, x[i]!);
    trough = Math.min(trough, x[i]!);
    if (i + 1 < t.length && t[i + 1]! <= to + 1e-9) area += ((x[i]! + x[i + 1]!) / 2) * (t[i + 1]! - ti);
  }
  if (peak === -Infinity) throw new RangeError(`no output points in [${from}, ${to}] h`);
  return {
    peak,
    trough,
    mean: area / (to - from),
    hours_above_50: hoursAbove(t, x, 0.5, from, to),
    hours_above_90: hoursAbove(t, x, 0.9, from, to),
  };
}
