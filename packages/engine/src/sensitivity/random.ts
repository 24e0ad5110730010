// A small seeded pseudo-random generator for the sensitivity designs (Morris trajectories, the
// random digital shift of the Sobol' design, bootstrap resampling). Math.random cannot be seeded,
// and the same seed must give the same indices on every machine and in the browser, so this is
// xoshiro128** (Blackman & Vigna 2018, "Scrambled linear pseudorandom number generators",
// https://prng.di.unimi.it/), seeded through splitmix32 so that nearby seeds give unrelated streams.
// Everything is 32-bit integer arithmetic (Math.imul, >>>), exact in JavaScript.

export const MAX_SEED = 0xffffffff;

export interface Rng {
  /** a uniform 32-bit unsigned integer */
  nextUint32(): number;
  /** uniform on [0, 1) with 32 random bits */
  next(): number;
  /** uniform integer in [0, n) (n ≥ 1), without modulo bias */
  int(n: number): number;
  /** standard normal (Box–Muller) */
  normal(): number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** xoshiro128** seeded by splitmix32(seed); seed is an integer in [0, 2^32 − 1]. */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new RangeError(`seed must be a whole number in [0, ${MAX_SEED}] (got ${seed})`);
  const sm = splitmix32(seed);
  let s0 = sm();
  let s1 = sm();
  let s2 = sm();
  let s3 = sm();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point
  const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 = (s2 ^ s0) >>> 0;
    s3 = (s3 ^ s1) >>> 0;
    s1 = (s1 ^ s2) >>> 0;
    s0 = (s0 ^ s3) >>> 0;
    s2 = (s2 ^ t) >>> 0;
    s3 = rotl(s3, 11);
    return result;
  };
  const next = () => nextUint32() / 4294967296;
  return {
    nextUint32,
    next,
    int(n: number): number {
      if (!Number.isInteger(n) || n < 1 || n > 4294967296) throw new RangeError(`int(n) needs a whole n in [1, 2^32] (got ${n})`);
      const limit = 4294967296 - (4294967296 % n); // reject the incomplete last block
      for (;;) {
        const x = nextUint32();
        if (x < limit) return x % n;
      }
    },
    normal(): number {
      const u = (nextUint32() + 0.5) / 4294967296; // in (0, 1): log(u) is finite
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}

/** Fisher–Yates shuffle of 0..n−1. */
export function permutation(n: number, rng: Rng): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}
