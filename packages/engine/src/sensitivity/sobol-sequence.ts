// Sobol' low-discrepancy points for the Saltelli design of the variance-based indices. A Sobol'
// design estimates the indices with far fewer model runs than plain Monte Carlo (Saltelli et al.
// 2010, Comput Phys Commun 181:259–270, §3), and every run of the LDN model costs milliseconds.
//
// Construction: I. M. Sobol' (1967), USSR Comput Math Math Phys 7:86–112, with the Gray-code
// ordering of Antonov & Saleev (1979) and the direction numbers of S. Joe and F. Y. Kuo (2008),
// "Constructing Sobol sequences with better two-dimensional projections", SIAM J Sci Comput
// 30:2635–2654, file new-joe-kuo-6.21201 (https://web.maths.unsw.edu.au/~fkuo/sobol/), dimensions
// 2–64. The unscrambled points equal scipy.stats.qmc.Sobol(d, scramble=False) (test fixture).
//
// Randomisation: a random digital shift (each coordinate XOR-ed with a seeded 32-bit word,
// Owen 1995 / L'Ecuyer & Lemieux 2002), which keeps the net structure and makes every point
// uniformly distributed, so a seed gives an independent replicate of the design.

import { createRng } from './random.js';

/** Joe–Kuo new-joe-kuo-6.21201, dimensions 2..64: [degree s, coefficients a, initial m_1..m_s]. */
const JOE_KUO: readonly (readonly [number, number, readonly number[]])[] = [
  [1, 0, [1]], [2, 1, [1, 3]], [3, 1, [1, 3, 1]], [3, 2, [1, 1, 1]], [4, 1, [1, 1, 3, 3]], [4, 4, [1, 3, 5, 13]],
  [5, 2, [1, 1, 5, 5, 17]], [5, 4, [1, 1, 5, 5, 5]], [5, 7, [1, 1, 7, 11, 19]], [5, 11, [1, 1, 5, 1, 1]],
  [5, 13, [1, 1, 1, 3, 11]], [5, 14, [1, 3, 5, 5, 31]], [6, 1, [1, 3, 3, 9, 7, 49]], [6, 13, [1, 1, 1, 15, 21, 21]],
  [6, 16, [1, 3, 1, 13, 27, 49]], [6, 19, [1, 1, 1, 15, 7, 5]], [6, 22, [1, 3, 1, 15, 13, 25]], [6, 25, [1, 1, 5, 5, 19, 61]],
  [7, 1, [1, 3, 7, 11, 23, 15, 103]], [7, 4, [1, 3, 7, 13, 13, 15, 69]], [7, 7, [1, 1, 3, 13, 7, 35, 63]],
  [7, 8, [1, 3, 5, 9, 1, 25, 53]], [7, 14, [1, 3, 1, 13, 9, 35, 107]], [7, 19, [1, 3, 1, 5, 27, 61, 31]],
  [7, 21, [1, 1, 5, 11, 19, 41, 61]], [7, 28, [1, 3, 5, 3, 3, 13, 69]], [7, 31, [1, 1, 7, 13, 1, 19, 1]],
  [7, 32, [1, 3, 7, 5, 13, 19, 59]], [7, 37, [1, 1, 3, 9, 25, 29, 41]], [7, 41, [1, 3, 5, 13, 23, 1, 55]],
  [7, 42, [1, 3, 7, 3, 13, 59, 17]], [7, 50, [1, 3, 1, 3, 5, 53, 69]], [7, 55, [1, 1, 5, 5, 23, 33, 13]],
  [7, 56, [1, 1, 7, 7, 1, 61, 123]], [7, 59, [1, 1, 7, 9, 13, 61, 49]], [7, 62, [1, 3, 3, 5, 3, 55, 33]],
  [8, 14, [1, 3, 1, 15, 31, 13, 49, 245]], [8, 21, [1, 3, 5, 15, 31, 59, 63, 97]], [8, 22, [1, 3, 1, 11, 11, 11, 77, 249]],
  [8, 38, [1, 3, 1, 11, 27, 43, 71, 9]], [8, 47, [1, 1, 7, 15, 21, 11, 81, 45]], [8, 49, [1, 3, 7, 3, 25, 31, 65, 79]],
  [8, 50, [1, 3, 1, 1, 19, 11, 3, 205]], [8, 52, [1, 1, 5, 9, 19, 21, 29, 157]], [8, 56, [1, 3, 7, 11, 1, 33, 89, 185]],
  [8, 67, [1, 3, 3, 3, 15, 9, 79, 71]], [8, 70, [1, 3, 7, 11, 15, 39, 119, 27]], [8, 84, [1, 1, 3, 1, 11, 31, 97, 225]],
  [8, 97, [1, 1, 1, 3, 23, 43, 57, 177]], [8, 103, [1, 3, 7, 7, 17, 17, 37, 71]], [8, 115, [1, 3, 1, 5, 27, 63, 123, 213]],
  [8, 122, [1, 1, 3, 5, 11, 43, 53, 133]], [9, 8, [1, 3, 5, 5, 29, 17, 47, 173, 479]], [9, 13, [1, 3, 3, 11, 3, 1, 109, 9, 69]],
  [9, 16, [1, 1, 1, 5, 17, 39, 23, 5, 343]], [9, 22, [1, 3, 1, 5, 25, 15, 31, 103, 499]], [9, 25, [1, 1, 1, 11, 11, 17, 63, 105, 183]],
  [9, 44, [1, 1, 5, 11, 9, 29, 97, 231, 363]], [9, 47, [1, 1, 5, 15, 19, 45, 41, 7, 383]], [9, 52, [1, 3, 7, 7, 31, 19, 83, 137, 221]],
  [9, 55, [1, 1, 1, 3, 23, 15, 111, 223, 83]], [9, 59, [1, 1, 5, 13, 31, 15, 55, 25, 161]], [9, 62, [1, 1, 3, 13, 25, 47, 39, 87, 257]],
];

/** the largest dimension this generator provides */
export const SOBOL_MAX_DIMENSION = JOE_KUO.length + 1;
/** points per sequence: 32-bit direction numbers give 2^32 distinct points */
export const SOBOL_MAX_POINTS = 2 ** 32;
const BITS = 32;

/** direction numbers V_1..V_32 of dimension d (0-based), as 32-bit fractions */
function directions(d: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (d === 0) {
    for (let k = 1; k <= BITS; k++) v[k] = 2 ** (BITS - k);
    return v;
  }
  const [s, a, m] = JOE_KUO[d - 1]!;
  for (let k = 1; k <= Math.min(s, BITS); k++) v[k] = (m[k - 1]! * 2 ** (BITS - k)) >>> 0;
  for (let k = s + 1; k <= BITS; k++) {
    let x = (v[k - s]! ^ (v[k - s]! >>> s)) >>> 0;
    for (let l = 1; l < s; l++) if ((a >>> (s - 1 - l)) & 1) x = (x ^ v[k - l]!) >>> 0;
    v[k] = x;
  }
  return v;
}

export interface SobolPointsOptions {
  /** seed of the random digital shift; omit for the unscrambled sequence (first point 0) */
  shiftSeed?: number;
}

/**
 * The first n points of the dim-dimensional Sobol' sequence in [0, 1)^dim, row-major
 * (point i, coordinate j at i·dim + j). With a shift seed, each coordinate's 32 bits are XOR-ed
 * with a seeded word and the point is moved to the centre of its 2^−32 cell, so no coordinate is
 * exactly 0 or 1.
 */
export function sobolPoints(n: number, dim: number, options: SobolPointsOptions = {}): Float64Array {
  if (!Number.isInteger(dim) || dim < 1 || dim > SOBOL_MAX_DIMENSION) throw new RangeError(`Sobol' dimension must be a whole number in [1, ${SOBOL_MAX_DIMENSION}] (got ${dim})`);
  if (!Number.isInteger(n) || n < 0 || n > SOBOL_MAX_POINTS) throw new RangeError(`number of Sobol' points must be a whole number in [0, 2^32] (got ${n})`);
  const v = Array.from({ length: dim }, (_, d) => directions(d));
  const shift = new Uint32Array(dim);
  const centre = options.shiftSeed === undefined ? 0 : 0.5;
  if (options.shiftSeed !== undefined) {
    const rng = createRng(options.shiftSeed);
    for (let d = 0; d < dim; d++) shift[d] = rng.nextUint32();
  }
  const x = new Uint32Array(dim);
  const out = new Float64Array(n * dim);
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      // Gray code: flip the direction number of the lowest zero bit of i − 1
      let c = 1;
      let value = i - 1;
      while (value % 2 === 1) {
        value = Math.floor(value / 2);
        c++;
      }
      for (let d = 0; d < dim; d++) x[d] = (x[d]! ^ v[d]![c]!) >>> 0;
    }
    for (let d = 0; d < dim; d++) out[i * dim + d] = (((x[d]! ^ shift[d]!) >>> 0) + centre) / 4294967296;
  }
  return out;
}
