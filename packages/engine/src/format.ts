// Rounding of output numbers to significant digits. Outputs carry 6 significant digits: more would
// claim a precision the model does not have and make the JSON of a 28-day run several times
// larger. `Number(x.toPrecision(6))` formats and re-parses a string per value (≈1 ms per
// simulation response); this does the same with arithmetic, using exactly representable powers of
// ten (10^0…10^22) so that the result is the double nearest the rounded decimal, and falls back
// to toPrecision only outside that range.

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** x rounded to `digits` significant digits (1–15); non-finite values and 0 are returned as they are */
export function roundSignificant(x: number, digits = 6): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const e = Math.floor(Math.log10(Math.abs(x)));
  const k = digits - 1 - e;
  if (k >= 0 && k <= 22) {
    const f = POW10[k]!;
    const r = Math.round(Math.abs(x) * f) / f;
    // log10 may be off by one next to a power of ten; that only keeps one more digit of an
    // already exact value (e.g. 1000), so the printed number is the same
    return x < 0 ? -r : r;
  }
  if (k < 0 && k >= -22) {
    const f = POW10[-k]!;
    const r = Math.round(Math.abs(x) / f) * f;
    return x < 0 ? -r : r;
  }
  return Number(x.toPrecision(digits));
}

export const round6 = (x: number): number => roundSignificant(x, 6);
