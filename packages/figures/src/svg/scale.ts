// Linear scales and "nice" ticks for the hand-written SVG figures, with ticks for log-scale axes that are
// placed at round values of the back-transformed (ratio) scale.

export interface LinearScale {
  domain: [number, number];
  range: [number, number];
  (v: number): number;
}

export function linearScale(domain: [number, number], range: [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 === 0 ? 1 : d1 - d0;
  const f = ((v: number) => r0 + ((v - d0) / span) * (r1 - r0)) as LinearScale;
  f.domain = domain;
  f.range = range;
  return f;
}

/** About `count` round tick values covering [lo, hi] (steps 1, 2 or 5 x 10^n). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  return ticks;
}

/**
 * Ticks for an axis drawn in log units: returns ratio-scale values (e.g. 0.1, 0.2, 0.5, 1, 2) whose logs lie
 * in [logLo, logHi]; falls back to nice linear ticks of the ratio when the range is narrow.
 */
export function logTicks(logLo: number, logHi: number): number[] {
  const lo = Math.exp(logLo);
  const hi = Math.exp(logHi);
  const candidates: number[] = [];
  for (let e = -4; e <= 4; e++) for (const m of [1, 2, 5]) candidates.push(Number((m * Math.pow(10, e)).toPrecision(6)));
  let ticks = candidates.filter((v) => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9));
  if (ticks.length > 7) ticks = ticks.filter((v) => /^(1|0\.0*1|10*)$/.test(v.toString()) || v === 1);
  if (ticks.length >= 3) return ticks;
  return niceTicks(lo, hi, 4).filter((v) => v > 0);
}
