// Why this module exists: a mean of N integers, or a percentage of N people, can only take certain
// values. The GRIM test (Brown NJL, Heathers JAJ. "The GRIM test: a simple technique detects numerous
// anomalies in the reporting of results in psychology." Soc Psychol Personal Sci 2017;8:363–369;
// preprint 2016) asks whether any integer sum S gives S/N that rounds to the reported value. It is what
// shows that Smith 2007's "89% response, 67% remission" cannot both come from 17 patients.
//
// Rules follow the R package scrutiny (grim(), grim_map(), grim_probability()):
//   - the reported value is a string, so trailing zeros count ("5.20" has 2 decimals);
//   - percentages are proportions with 2 more decimals (scrutiny `percent = TRUE`);
//   - a mean of an L-item scale has granularity 1/(N·L) (`items`);
//   - rounding "up_or_down" (default) accepts a true value ending in exactly 5 rounded either way;
//   - the test has no power once N·L ≥ 10^D (D = effective decimals): every value is then possible;
//   - probability = max(0, 1 − N·L/10^D), the chance that a random D-decimal value is inconsistent.
// Arithmetic is exact (BigInt), so no floating-point edge decides a verdict.
import { parsePrinted, pow10 } from './decimals.js';

export type GrimRounding = 'up_or_down' | 'up' | 'down';

export interface GrimOptions {
  /** Items averaged per participant (1 for a single item or for a percentage of people). */
  readonly items?: number;
  /** The value is a percentage (e.g. "74.5" meaning 74.5%). */
  readonly percent?: boolean;
  readonly rounding?: GrimRounding;
}

export interface GrimResult {
  readonly x: string;
  readonly n: number;
  readonly consistent: boolean;
  /** Decimals of the value as a proportion or mean (percent: printed decimals + 2). */
  readonly decimals: number;
  /** Integer sums S (for a percentage: numbers of people) whose S/(N·items) rounds to the value. */
  readonly numerators: readonly number[];
  /** False when N·items ≥ 10^decimals: GRIM cannot rule anything out. */
  readonly testable: boolean;
  /** Chance that a random value with these decimals would be inconsistent (scrutiny grim_probability). */
  readonly probability: number;
}

function checkN(n: number, items: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`GRIM needs a positive whole sample size, got ${n}`);
  if (!Number.isInteger(items) || items < 1) throw new RangeError(`GRIM needs a positive whole number of items, got ${items}`);
}

/**
 * Integer sums S with round(S / N', D) = X / 10^D, where N' = n·items. With T = 10^D:
 *   half up:   (2X − 1)·N' ≤ 2·S·T < (2X + 1)·N'
 *   half down: (2X − 1)·N' < 2·S·T ≤ (2X + 1)·N'
 *   up_or_down: the union, i.e. both bounds inclusive.
 */
function sums(scaled: bigint, decimals: number, nItems: bigint, rounding: GrimRounding, max?: bigint): bigint[] {
  const T2 = 2n * pow10(decimals);
  const lo = (2n * scaled - 1n) * nItems;
  const hi = (2n * scaled + 1n) * nItems;
  const ceilDiv = (a: bigint, b: bigint) => (a <= 0n ? -((-a) / b) : (a + b - 1n) / b);
  const out: bigint[] = [];
  for (let s = ceilDiv(lo, T2); s * T2 <= hi; s++) {
    if (s < 0n) continue;
    if (max !== undefined && s > max) break;
    const v = s * T2;
    const lowOk = rounding === 'down' ? v > lo : v >= lo;
    const highOk = rounding === 'up' ? v < hi : v <= hi;
    if (lowOk && highOk) out.push(s);
  }
  return out;
}

/** GRIM test of a reported mean or percentage `x` (as printed) against sample size `n`. */
export function grim(x: string, n: number, options: GrimOptions = {}): GrimResult {
  const items = options.items ?? 1;
  checkN(n, items);
  const p = parsePrinted(x);
  const decimals = p.decimals + (options.percent === true ? 2 : 0);
  const nItems = BigInt(n * items);
  // A percentage counts people, so the numerator cannot exceed N (nor can a value above 100% exist).
  const max = options.percent === true ? nItems : undefined;
  const found = sums(p.scaled, decimals, nItems, options.rounding ?? 'up_or_down', max);
  const granules = 10 ** decimals;
  return {
    x,
    n,
    consistent: found.length > 0,
    decimals,
    numerators: found.map(Number),
    testable: n * items < granules,
    probability: Math.max(0, 1 - (n * items) / granules),
  };
}

/** GRIM for a percentage: `grim(x, n, { percent: true })`. */
export function grimPercent(x: string, n: number, options: Omit<GrimOptions, 'percent'> = {}): GrimResult {
  return grim(x, n, { ...options, percent: true });
}

/** Sample sizes in [min, max] with which the value is GRIM-consistent. */
export function consistentSampleSizes(x: string, min: number, max: number, options: GrimOptions = {}): number[] {
  const out: number[] = [];
  for (let n = Math.max(1, min); n <= max; n++) if (grim(x, n, options).consistent) out.push(n);
  return out;
}

/** Sample sizes in [min, max] consistent with every one of several values reported for the same group. */
export function jointSampleSizes(values: readonly string[], min: number, max: number, options: GrimOptions = {}): number[] {
  return consistentSampleSizes(values[0] ?? '0', min, max, options).filter((n) => values.every((v) => grim(v, n, options).consistent));
}
