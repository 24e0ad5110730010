// Non-compartmental analysis of a concentration–time curve, as pharmacometricians compute it
// (PKNCA / Phoenix WinNonlin conventions): Cmax and Tmax from the observed points, AUC by the
// linear-up / log-down trapezoidal rule, λz by log-linear regression on the terminal points chosen
// by best adjusted R² (at least 3 points after Cmax; among fits within 1e-4 of the best adjusted
// R², the one with most points), AUC0–∞ = AUClast + Clast/λz. Points below a quantification floor
// (1e-8 × Cmax: far below any assay, where a simulated curve is only solver noise around zero)
// count as "below the limit of quantification" and end the curve at tlast, as in assay-based NCA.
// Written here because it is small and must run in the browser; the rules are the published
// defaults, not our invention.

/** concentrations below this fraction of Cmax are treated as below the limit of quantification */
export const QUANTIFICATION_FLOOR = 1e-8;

export interface NcaResult {
  cmax: number;
  /** time of Cmax relative to the window start */
  tmax: number;
  /** AUC over the window (linear-up / log-down) */
  auc: number;
  /** terminal rate constant (1/h), NaN when no terminal phase can be fitted */
  lambdaZ: number;
  halfLife: number;
  /** AUC extrapolated to infinity from the window start; NaN without λz */
  aucInf: number;
  /** the λz fit window (times relative to the window start) and its adjusted R² */
  lambdaZWindow?: { start: number; end: number; points: number; adjR2: number };
}

/** Linear-up / log-down trapezoid between two points. */
export function trapezoid(t0: number, c0: number, t1: number, c1: number): number {
  const dt = t1 - t0;
  if (c1 < c0 && c1 > 0 && c0 > 0) return ((c0 - c1) * dt) / Math.log(c0 / c1);
  return ((c0 + c1) * dt) / 2;
}

/** AUC of (t, c) over [from, to], interpolating the ends linearly. */
export function auc(t: ArrayLike<number>, c: ArrayLike<number>, from = t[0]!, to = t[t.length - 1]!): number {
  let total = 0;
  for (let i = 0; i + 1 < t.length; i++) {
    const a = Math.max(t[i]!, from);
    const b = Math.min(t[i + 1]!, to);
    if (b <= a) continue;
    const ca = interp(t[i]!, c[i]!, t[i + 1]!, c[i + 1]!, a);
    const cb = interp(t[i]!, c[i]!, t[i + 1]!, c[i + 1]!, b);
    total += trapezoid(a, ca, b, cb);
  }
  return total;
}

function interp(t0: number, c0: number, t1: number, c1: number, t: number): number {
  return t1 === t0 ? c0 : c0 + ((c1 - c0) * (t - t0)) / (t1 - t0);
}

/** Best-fit λz (adjusted R²) on the points after Cmax. */
export function lambdaZ(t: ArrayLike<number>, c: ArrayLike<number>, tmaxIndex: number, maxPoints = 400) {
  const n = t.length;
  let best: { lambda: number; start: number; points: number; adjR2: number } | undefined;
  const first = Math.max(tmaxIndex + 1, n - maxPoints);
  // accumulate sums from the end backwards so each candidate window costs O(1)
  let sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0, m = 0;
  const fits: { lambda: number; start: number; points: number; adjR2: number }[] = [];
  for (let i = n - 1; i >= first; i--) {
    const ci = c[i]!;
    if (!(ci > 0)) break; // log needs positive values; stop at the first zero from the end
    const x = t[i]!;
    const yv = Math.log(ci);
    sx += x; sy += yv; sxx += x * x; sxy += x * yv; syy += yv * yv; m++;
    if (m < 3) continue;
    const vx = sxx - (sx * sx) / m;
    const vy = syy - (sy * sy) / m;
    const cxy = sxy - (sx * sy) / m;
    if (vx <= 0) continue;
    const slope = cxy / vx;
    if (!(slope < 0)) continue;
    const r2 = vy > 0 ? (cxy * cxy) / (vx * vy) : 1;
    const adj = 1 - ((1 - r2) * (m - 1)) / (m - 2);
    fits.push({ lambda: -slope, start: i, points: m, adjR2: adj });
  }
  if (fits.length === 0) return undefined;
  const maxAdj = Math.max(...fits.map((f) => f.adjR2));
  for (const f of fits) if (f.adjR2 >= maxAdj - 1e-4 && (!best || f.points > best.points)) best = f;
  return best;
}

/** NCA of the points of (t, c) inside [from, to]. */
export function nca(t: ArrayLike<number>, c: ArrayLike<number>, from = t[0]!, to = t[t.length - 1]!): NcaResult {
  const idx: number[] = [];
  for (let i = 0; i < t.length; i++) if (t[i]! >= from - 1e-9 && t[i]! <= to + 1e-9) idx.push(i);
  if (idx.length < 2) throw new RangeError(`NCA needs at least 2 points in [${from}, ${to}] h`);
  const tt = idx.map((i) => t[i]! - from);
  const cc = idx.map((i) => Math.max(0, c[i]!));
  let k = 0;
  for (let i = 1; i < cc.length; i++) if (cc[i]! > cc[k]!) k = i;
  const floor = QUANTIFICATION_FLOOR * cc[k]!;
  let last = cc.length - 1;
  while (last > k && !(cc[last]! > floor)) last--;
  const tq = tt.slice(0, last + 1);
  const cq = cc.slice(0, last + 1);
  const area = auc(tq, cq);
  const fit = lambdaZ(tq, cq, k);
  const result: NcaResult = { cmax: cc[k]!, tmax: tt[k]!, auc: area, lambdaZ: NaN, halfLife: NaN, aucInf: NaN };
  if (fit) {
    result.lambdaZ = fit.lambda;
    result.halfLife = Math.LN2 / fit.lambda;
    result.aucInf = area + cq[cq.length - 1]! / fit.lambda;
    result.lambdaZWindow = { start: tq[fit.start]!, end: tq[tq.length - 1]!, points: fit.points, adjR2: fit.adjR2 };
  }
  return result;
}

/** Log-linear half-life of (t, c) between two times (the "apparent" half-life of a phase). */
export function phaseHalfLife(t: ArrayLike<number>, c: ArrayLike<number>, from: number, to: number): number {
  let sx = 0, sy = 0, sxx = 0, sxy = 0, m = 0;
  for (let i = 0; i < t.length; i++) {
    const x = t[i]!;
    if (x < from - 1e-9 || x > to + 1e-9 || !(c[i]! > 0)) continue;
    const yv = Math.log(c[i]!);
    sx += x; sy += yv; sxx += x * x; sxy += x * yv; m++;
  }
  if (m < 2) return NaN;
  const slope = (sxy - (sx * sy) / m) / (sxx - (sx * sx) / m);
  return -Math.LN2 / slope;
}
