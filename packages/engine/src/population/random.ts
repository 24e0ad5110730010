// The cohort's random numbers. Why hand-written rather than Math.random or a package:
// - Reproducible everywhere: the same seed must give the same cohort in Node, in a worker thread
//   and in any browser. Everything below is 32-bit integer arithmetic (Math.imul, >>>, ^), exact in
//   every JavaScript engine, and the normal quantile uses the deterministic log of detmath.ts.
// - Splittable: patient i's stream is a pure function of (seed, i). A worker that simulates
//   patients 5,000–9,999 draws exactly what a single thread would, so the number of workers and the
//   chunking cannot change the cohort.
//
// Construction (all of it published, none of it new):
// - SplitMix64 (Steele, Lea & Flood 2014; the reference C code at https://prng.di.unimi.it/) with
//   64-bit state emulated as two 32-bit halves. Patient i's key is output i + 1 of a SplitMix64
//   started at the seed: mix64(seed + (i + 1)·γ).
// - The key seeds a second SplitMix64 whose first two outputs fill the 128-bit state of
//   xoshiro128** 1.1 (Blackman & Vigna 2018), the generator the patient then draws from. Two
//   consecutive SplitMix64 outputs are never both zero (mix64 is a bijection), so the all-zero
//   xoshiro state cannot occur.
// - Uniforms on (0, 1) from 52 bits (two 32-bit outputs, 26 bits each) plus a half: (k + ½)/2^52,
//   never exactly 0 or 1, so the normal quantile is always finite.
// - Normals by inversion with Wichura's AS 241 (PPND16, Appl. Statist. 1988; relative accuracy
//   about 1e-16): one uniform per normal, no rejection, so every patient consumes a fixed number of
//   draws and stream positions stay stable.
// Golden values computed independently in Python (test/population/fixtures/prng_golden.py) pin the
// stream, so any change to it fails a test.

import { detLog } from './detmath.js';

/** largest accepted seed: integers 0 … 2^53 − 1 are exact in a double */
export const MAX_POPULATION_SEED = Number.MAX_SAFE_INTEGER;
const TWO32 = 4294967296;

/** A 64-bit unsigned integer as two 32-bit halves. */
interface U64 {
  hi: number;
  lo: number;
}

const GAMMA: U64 = { hi: 0x9e3779b9, lo: 0x7f4a7c15 };
const M1: U64 = { hi: 0xbf58476d, lo: 0x1ce4e5b9 };
const M2: U64 = { hi: 0x94d049bb, lo: 0x133111eb };

function add64(a: U64, b: U64): U64 {
  const lo = a.lo + b.lo; // < 2^33, exact
  const carry = lo >= TWO32 ? 1 : 0;
  return { hi: (a.hi + b.hi + carry) >>> 0, lo: lo >>> 0 };
}

/** a·b mod 2^64 with 16-bit limbs, every partial product exact in a double */
export function mul64(a: U64, b: U64): U64 {
  const a0 = a.lo & 0xffff;
  const a1 = a.lo >>> 16;
  const b0 = b.lo & 0xffff;
  const b1 = b.lo >>> 16;
  const p00 = a0 * b0;
  const mid = a0 * b1 + a1 * b0; // < 2^33
  const low = p00 + (mid % 65536) * 65536; // < 2^33
  const lo = low >>> 0;
  const carry = Math.floor(low / TWO32);
  let hi = a1 * b1 + Math.floor(mid / 65536) + carry; // < 2^33
  hi = (hi + Math.imul(a.hi, b.lo) + Math.imul(a.lo, b.hi)) >>> 0;
  return { hi, lo };
}

function xorShiftRight(a: U64, s: number): U64 {
  // s in 1..31
  return { hi: (a.hi ^ (a.hi >>> s)) >>> 0, lo: (a.lo ^ ((a.lo >>> s) | (a.hi << (32 - s)))) >>> 0 };
}

/** SplitMix64's output function (a bijection of 64-bit words). */
export function mix64(z: U64): U64 {
  z = mul64(xorShiftRight(z, 30), M1);
  z = mul64(xorShiftRight(z, 27), M2);
  return xorShiftRight(z, 31);
}

/** The seed as a 64-bit word; a whole number in [0, MAX_POPULATION_SEED]. */
export function seedWord(seed: number): U64 {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_POPULATION_SEED) throw new RangeError(`seed must be a whole number from 0 to ${MAX_POPULATION_SEED} (got ${seed})`);
  return { hi: Math.floor(seed / TWO32) >>> 0, lo: seed % TWO32 >>> 0 };
}

/** Patient i's 64-bit key: output i + 1 of SplitMix64 started at the seed. */
export function patientKey(seed: number, index: number): U64 {
  if (!Number.isInteger(index) || index < 0 || index > 0x7fffffff) throw new RangeError(`patient index must be a whole number from 0 to 2147483647 (got ${index})`);
  const step = mul64({ hi: 0, lo: index + 1 }, GAMMA);
  return mix64(add64(seedWord(seed), step));
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** One patient's stream: xoshiro128** 1.1 with uniforms and normals. */
export class PatientStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number, index: number) {
    const key = patientKey(seed, index);
    const a = mix64(add64(key, GAMMA));
    const b = mix64(add64(key, mul64({ hi: 0, lo: 2 }, GAMMA)));
    this.s0 = a.hi;
    this.s1 = a.lo;
    this.s2 = b.hi;
    this.s3 = b.lo;
  }

  /** the current 128-bit state, for tests */
  state(): [number, number, number, number] {
    return [this.s0, this.s1, this.s2, this.s3];
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** uniform on (0, 1): (k + ½)/2^52 with k from 26 high bits of two outputs */
  uniform(): number {
    const a = this.nextUint32() >>> 6;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b + 0.5) / 4503599627370496;
  }

  /** standard normal by inversion (AS 241) of one uniform */
  normal(): number {
    return normalQuantile(this.uniform());
  }
}

// AS 241 PPND16 coefficients (Wichura 1988)
const A = [3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987, 67265.7709270087, 33430.57558358813, 2509.0809287301227];
const B = [1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271, 28729.085735721943, 5226.495278852546];
const C = [1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684, 0.2417807251774506, 0.022723844989269184, 0.0007745450142783414];
const D = [1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-9];
const E = [6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124, 0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7];
const F = [1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133, 0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15];

function poly(c: readonly number[], x: number): number {
  let r = c[7]!;
  for (let i = 6; i >= 0; i--) r = r * x + c[i]!;
  return r;
}

/** Φ⁻¹(p) for p in (0, 1), Wichura's AS 241 with deterministic log. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return NaN;
  }
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-detLog(r));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = poly(C, r) / poly(D, r);
  } else {
    r -= 5;
    x = poly(E, r) / poly(F, r);
  }
  return q < 0 ? -x : x;
}
