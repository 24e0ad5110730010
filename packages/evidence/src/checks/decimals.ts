// Why this module exists: every consistency check turns on how a number was printed. "0.50" and
// "0.5" carry different information (GRIM: Brown & Heathers; statcheck: Nuijten et al.), so the
// checks work from the printed string, split into an exact integer and a count of decimals, and
// round exactly instead of trusting binary floating point at the .5 boundary.

export interface Printed {
  /** |value| × 10^decimals as an exact integer. */
  readonly scaled: bigint;
  readonly decimals: number;
  readonly negative: boolean;
}

const PLAIN = /^(-)?(\d*)(?:\.(\d+))?$/;

/** Parses a plainly printed number ("74.5", ".03", "-0.34"); scientific notation is refused. */
export function parsePrinted(text: string): Printed {
  const t = text.trim();
  const m = PLAIN.exec(t);
  if (m === null || (m[2] === '' && m[3] === undefined)) throw new RangeError(`not a plainly printed number: "${text}"`);
  const int = m[2] === '' ? '0' : (m[2] ?? '0');
  const frac = m[3] ?? '';
  return { scaled: BigInt(int + frac), decimals: frac.length, negative: m[1] === '-' && BigInt(int + frac) !== 0n };
}

/** Number of decimals as printed; for scientific notation ("3.9e-26") the decimals of the fixed form. */
export function decimalsOf(text: string): number {
  const t = text.trim();
  const e = /^-?(\d*)(?:\.(\d+))?e(-?\d+)$/i.exec(t);
  if (e !== null) return Math.max(0, (e[2]?.length ?? 0) - Number(e[3]));
  return parsePrinted(t).decimals;
}

export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/**
 * Rounds x to d decimals, half away from zero, after snapping away binary noise (R's round() gives
 * the same result except at exact binary halves, which printed statistics never hit).
 */
export function roundTo(x: number, d: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** d;
  const y = Math.abs(x) * f;
  const r = Math.floor(y + 0.5 + 1e-9 * Math.max(1, y));
  return (Math.sign(x) * r) / f;
}

/** Half-width of the interval of true values that print as `text` (0.05 for "2.2"). */
export function halfUnit(text: string): number {
  return 0.5 / 10 ** decimalsOf(text);
}

/** Formats a proportion k/n as a percentage with `d` decimals, for messages. */
export function pct(k: number, n: number, d = 1): string {
  return `${((100 * k) / n).toFixed(d)}%`;
}
