// Deterministic log and exp for the cohort sampler. ECMAScript leaves Math.log, Math.exp and
// Math.cos "implementation-approximated": V8, SpiderMonkey and JavaScriptCore may return results
// that differ in the last bit, so a sampler built on them could give a different cohort in Firefox
// than in Node. These versions use only +, −, ×, ÷ (IEEE 754 round-to-nearest, which JavaScript
// requires and never fuses) and exact bit manipulation of doubles, so the same input gives the same
// bits in every engine. Accuracy: within 2 ulp of the correctly rounded result over the ranges the
// sampler uses (tested against Math.log/Math.exp and Python's libm).

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
/** index of the high (sign/exponent) word: 1 on little-endian hosts, 0 on big-endian ones */
export const HI_WORD = (() => {
  F64[0] = 1; // 0x3FF00000_00000000
  return U32[1] === 0x3ff00000 ? 1 : 0;
})();
const LO_WORD = 1 - HI_WORD;

// fdlibm's split of ln 2: LN2_HI has 32 trailing zero bits, so k·LN2_HI is exact for |k| < 2^20
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const INV_LN2 = 1.4426950408889634;
const SQRT2 = 1.4142135623730951;

/** 2^k as an exact double, for integer k in [−1074, 1023]. */
export function pow2(k: number): number {
  if (k >= -1022) {
    if (k > 1023) return Infinity;
    U32[HI_WORD] = (k + 1023) << 20;
    U32[LO_WORD] = 0;
    return F64[0]!;
  }
  if (k < -1074) return 0;
  return pow2(k + 54) * pow2(-54); // subnormal: one exact product
}

/** Natural logarithm; detLog(x) for x ≤ 0 is −Infinity (0) or NaN (negative), as Math.log. */
export function detLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  let e = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54: bring subnormals into the normal range exactly
    e = -54;
  }
  F64[0] = x;
  const hi = U32[HI_WORD]!;
  e += ((hi >>> 20) & 0x7ff) - 1023;
  U32[HI_WORD] = (hi & 0x000fffff) | 0x3ff00000; // mantissa m in [1, 2)
  let m = F64[0];
  if (m > SQRT2) {
    m *= 0.5;
    e += 1;
  }
  // log(1 + f) = 2 atanh(s) = f − (f²/2 − s·(f²/2 + R)), s = f/(2 + f), |s| ≤ 0.1716,
  // R = 2(s²/3 + s⁴/5 + …) to s^22 (remainder below 1e-19 relative); fdlibm's arrangement, in
  // which the exact f carries the result and the rounding errors fall on the small correction
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  let q = 2 / 23;
  for (let k = 21; k >= 3; k -= 2) q = q * z + 2 / k;
  const R = z * q;
  const hfsq = 0.5 * f * f;
  return e * LN2_HI - (hfsq - (s * (hfsq + R) + e * LN2_LO) - f);
}

const EXP_COEF: number[] = (() => {
  const c: number[] = [];
  let f = 1;
  for (let k = 0; k <= 14; k++) {
    if (k > 0) f *= k;
    c.push(1 / f); // 1/k!, each a correctly rounded quotient
  }
  return c;
})();

/** Exponential, e^x. */
export function detExp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO; // |r| ≤ 0.347
  // Taylor series to r^14 (remainder below 4e-18 relative); Horner from the highest term
  let p = EXP_COEF[14]!;
  for (let i = 13; i >= 0; i--) p = p * r + EXP_COEF[i]!;
  if (k > 1023) return p * pow2(1023) * pow2(k - 1023);
  if (k < -1022) return p * pow2(k + 54) * pow2(-54);
  return p * pow2(k);
}

/** log(p / (1 − p)) for p in (0, 1). */
export function detLogit(p: number): number {
  return detLog(p) - detLog(1 - p);
}

/** 1 / (1 + e^−x), evaluated without overflow. */
export function detExpit(x: number): number {
  if (x >= 0) return 1 / (1 + detExp(-x));
  const e = detExp(x);
  return e / (1 + e);
}
