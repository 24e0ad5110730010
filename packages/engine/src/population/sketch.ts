// Percentile bands without keeping every trajectory. 10,000 patients × 673 times × 19 outputs is
// 128 million numbers (1 GB as float64, 511 MB as float32): too much for a browser tab and for
// messages between workers. Instead each (output, time) cell keeps a histogram over fixed
// log-spaced bins, as DDSketch does (Masson, Rim & Lee 2019), with the bin read straight from the
// bits of the double: the 11 exponent bits and the top 7 mantissa bits. So
// - every bin spans a relative width of at most 2^-7, and its midpoint is within 2^-8 = 0.39 % of
//   any value in it: a percentile read from the histogram is within 0.39 % (relative) of the exact
//   percentile of the same values, plus 2^-1022 for subnormal numbers (test: "percentile bands
//   are within the stated bound of exact percentiles");
// - the bin of a value is exact bit arithmetic, the same in every engine (no Math.log);
// - histograms merge by adding counts, which is exact and commutative: the bands do not depend on
//   how the cohort was split between workers.
// Zero has its own bin (key 0); negative values mirror the positive bins. Cells whose values span
// more than DENSE_MAX_SPAN bins (e.g. exact zeros next to positive values) switch to a sparse map,
// so no range of values is ever cut off. Percentiles interpolate between order statistics as R's
// type 7 (the default of R, NumPy and Excel).

import { HI_WORD } from './detmath.js';

/** mantissa bits used for the bin; the relative error bound is 2^-(bits + 1) */
export const SKETCH_MANTISSA_BITS = 7;
export const SKETCH_RELATIVE_ERROR = 1 / (1 << (SKETCH_MANTISSA_BITS + 1));
/** absolute error allowed near zero (subnormal numbers) */
export const SKETCH_ABSOLUTE_FLOOR = 2.2250738585072014e-308;
const SHIFT = 20 - SKETCH_MANTISSA_BITS;
const DENSE_MAX_SPAN = 8192;
/** time points per tile in addBatch: the tile's histograms stay in cache while a batch passes */
const TILE = 16;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
// local copies: a transpiled import can be a getter call in the hot loop
const HI = HI_WORD;
const LO_WORD = 1 - HI;

/** Bin key of x: 0 for zero, ±(1 + magnitude bin) otherwise; increasing in x. */
export function sketchKey(x: number): number {
  if (x === 0) return 0;
  F64[0] = x;
  const hi = U32[HI]!;
  const mag = ((hi & 0x7fffffff) >>> SHIFT) + 1;
  return hi >>> 31 ? -mag : mag;
}

/** The representative (midpoint) of a bin. */
export function sketchValue(key: number): number {
  if (key === 0) return 0;
  const mag = Math.abs(key) - 1;
  U32[HI] = ((mag << SHIFT) | (1 << (SHIFT - 1))) >>> 0;
  U32[LO_WORD] = 0;
  const v = F64[0]!;
  return key < 0 ? -v : v;
}

/** Histograms of many cells, in the compact form that crosses worker boundaries and merges. */
export interface PackedSketch {
  cells: number;
  /** keys of cell c are keys[offsets[c] … offsets[c + 1]), ascending, with their counts */
  offsets: Uint32Array;
  keys: Int32Array;
  counts: Uint32Array;
}

/** values a SketchAccumulator takes per cell (16-bit counts); pack and merge beyond that */
export const SKETCH_ACCUMULATOR_CAPACITY = 65535;

/**
 * Accumulates values into per-cell histograms; `pack()` gives the mergeable form. Counts are 16
 * bits while accumulating (half the memory of 32 bits, so two workers' histograms, about 15 MB
 * each for 19 outputs × 673 times, stay in the shared cache), so one accumulator takes at most
 * SKETCH_ACCUMULATOR_CAPACITY values per cell; it refuses more rather than wrap around.
 */
export class SketchAccumulator {
  readonly cells: number;
  private readonly lo: Int32Array;
  private readonly dense: (Uint16Array | undefined)[];
  private readonly sparse: (Map<number, number> | undefined)[];
  /** an upper bound of the values in any one cell */
  private bound = 0;

  constructor(cells: number) {
    this.cells = cells;
    this.lo = new Int32Array(cells);
    this.dense = new Array<Uint16Array | undefined>(cells).fill(undefined);
    this.sparse = new Array<Map<number, number> | undefined>(cells).fill(undefined);
  }

  private reserve(values: number): void {
    if (this.bound + values > SKETCH_ACCUMULATOR_CAPACITY) throw new RangeError(`a sketch accumulator takes at most ${SKETCH_ACCUMULATOR_CAPACITY} values per cell; pack and merge more`);
    this.bound += values;
  }

  /**
   * Adds column[k] (or column[index[k]]) of every column to cell cellBase + k, for k < length. Adding a batch of patients
   * cell by cell keeps each cell's histogram in cache while the batch passes through it; adding
   * one patient at a time touches every cell's histogram once per patient, a cache miss per value
   * (measured: 64 patients at a time is 3–4× faster, bench/population.ts).
   */
  addBatch(cellBase: number, columns: readonly Float64Array[], length: number, index?: Int32Array): void {
    const B = columns.length;
    this.reserve(B);
    const lo = this.lo;
    const dense = this.dense;
    for (let k0 = 0; k0 < length; k0 += TILE) {
      const k1 = Math.min(length, k0 + TILE);
      for (let p = 0; p < B; p++) {
        const col = columns[p]!;
        for (let k = k0; k < k1; k++) {
          const x = col[index === undefined ? k : index[k]!]!;
          if (!Number.isFinite(x)) throw new RangeError(`population bands: value ${x} in cell ${cellBase + k} is not finite`);
          F64[0] = x;
          const hi = U32[HI]!;
          const key = x === 0 ? 0 : hi >>> 31 ? -(((hi & 0x7fffffff) >>> SHIFT) + 1) : (hi >>> SHIFT) + 1;
          const cell = cellBase + k;
          const d = dense[cell];
          if (d !== undefined) {
            const i = key - lo[cell]!;
            if (i >= 0 && i < d.length) {
              d[i]!++;
              continue;
            }
          }
          this.slowAdd(cell, key);
        }
      }
    }
  }

  add(cell: number, x: number): void {
    if (!Number.isFinite(x)) throw new RangeError(`population bands: value ${x} in cell ${cell} is not finite`);
    this.reserve(1);
    const key = sketchKey(x);
    const d = this.dense[cell];
    if (d !== undefined) {
      const i = key - this.lo[cell]!;
      if (i >= 0 && i < d.length) {
        d[i]!++;
        return;
      }
    }
    this.slowAdd(cell, key);
  }

  private slowAdd(cell: number, key: number): void {
    const s = this.sparse[cell];
    if (s !== undefined) {
      s.set(key, (s.get(key) ?? 0) + 1);
      return;
    }
    const d = this.dense[cell];
    if (d === undefined) {
      const a = new Uint16Array(16);
      this.lo[cell] = key - 8;
      a[8] = 1;
      this.dense[cell] = a;
      return;
    }
    const lo = this.lo[cell]!;
    const newLo = Math.min(lo, key);
    const newHi = Math.max(lo + d.length - 1, key);
    const span = newHi - newLo + 1;
    if (span > DENSE_MAX_SPAN) {
      const m = new Map<number, number>();
      for (let i = 0; i < d.length; i++) if (d[i]! > 0) m.set(lo + i, d[i]!);
      m.set(key, (m.get(key) ?? 0) + 1);
      this.sparse[cell] = m;
      this.dense[cell] = undefined;
      return;
    }
    // grow with slack on the side that grew (a quarter of the span), so a drifting cell is not
    // copied at every new bin
    const slack = Math.min(DENSE_MAX_SPAN - span, Math.max(8, span >> 2));
    const start = key < lo ? newLo - slack : newLo;
    const a = new Uint16Array(span + slack);
    a.set(d, lo - start);
    a[key - start]!++;
    this.lo[cell] = start;
    this.dense[cell] = a;
  }

  /** bytes held by the histograms (dense arrays; sparse cells counted at 16 bytes a bin) */
  memoryBytes(): number {
    let bytes = 0;
    for (let c = 0; c < this.cells; c++) bytes += this.dense[c]?.byteLength ?? 16 * (this.sparse[c]?.size ?? 0);
    return bytes;
  }

  pack(): PackedSketch {
    const offsets = new Uint32Array(this.cells + 1);
    let total = 0;
    for (let c = 0; c < this.cells; c++) {
      const d = this.dense[c];
      const s = this.sparse[c];
      if (d) for (let i = 0; i < d.length; i++) total += d[i]! > 0 ? 1 : 0;
      else if (s) total += s.size;
      offsets[c + 1] = total;
    }
    const keys = new Int32Array(total);
    const counts = new Uint32Array(total);
    for (let c = 0; c < this.cells; c++) {
      let j = offsets[c]!;
      const d = this.dense[c];
      const s = this.sparse[c];
      if (d) {
        const lo = this.lo[c]!;
        for (let i = 0; i < d.length; i++) {
          if (d[i]! > 0) {
            keys[j] = lo + i;
            counts[j++] = d[i]!;
          }
        }
      } else if (s) {
        for (const k of [...s.keys()].sort((a, b) => a - b)) {
          keys[j] = k;
          counts[j++] = s.get(k)!;
        }
      }
    }
    return { cells: this.cells, offsets, keys, counts };
  }
}

/** Sum of two packed sketches over the same cells (exact, commutative, associative). */
export function mergeSketches(a: PackedSketch, b: PackedSketch): PackedSketch {
  if (a.cells !== b.cells) throw new RangeError(`cannot merge sketches of ${a.cells} and ${b.cells} cells`);
  if (b.keys.length === 0) return a;
  if (a.keys.length === 0) return b;
  // first pass: the size of each merged cell, so the result is allocated once at its exact size
  const offsets = new Uint32Array(a.cells + 1);
  for (let c = 0; c < a.cells; c++) {
    let i = a.offsets[c]!;
    const iEnd = a.offsets[c + 1]!;
    let k = b.offsets[c]!;
    const kEnd = b.offsets[c + 1]!;
    let n = 0;
    while (i < iEnd && k < kEnd) {
      const ka = a.keys[i]!;
      const kb = b.keys[k]!;
      if (ka <= kb) i++;
      if (kb <= ka) k++;
      n++;
    }
    offsets[c + 1] = offsets[c]! + n + (iEnd - i) + (kEnd - k);
  }
  const total = offsets[a.cells]!;
  const keys = new Int32Array(total);
  const counts = new Uint32Array(total);
  let j = 0;
  for (let c = 0; c < a.cells; c++) {
    let i = a.offsets[c]!;
    const iEnd = a.offsets[c + 1]!;
    let k = b.offsets[c]!;
    const kEnd = b.offsets[c + 1]!;
    while (i < iEnd || k < kEnd) {
      const ka = i < iEnd ? a.keys[i]! : Infinity;
      const kb = k < kEnd ? b.keys[k]! : Infinity;
      if (ka === kb) {
        keys[j] = ka;
        counts[j++] = a.counts[i++]! + b.counts[k++]!;
      } else if (ka < kb) {
        keys[j] = ka;
        counts[j++] = a.counts[i++]!;
      } else {
        keys[j] = kb;
        counts[j++] = b.counts[k++]!;
      }
    }
  }
  return { cells: a.cells, offsets, keys, counts };
}

/** An empty sketch of `cells` cells (the identity of mergeSketches). */
export function emptySketch(cells: number): PackedSketch {
  return { cells, offsets: new Uint32Array(cells + 1), keys: new Int32Array(0), counts: new Uint32Array(0) };
}

/** number of values in a cell */
export function sketchCount(s: PackedSketch, cell: number): number {
  let n = 0;
  for (let i = s.offsets[cell]!; i < s.offsets[cell + 1]!; i++) n += s.counts[i]!;
  return n;
}

/**
 * Percentiles (type 7) of one cell for ascending probabilities ps (each in [0, 1]); NaN for an
 * empty cell. Each order statistic is replaced by its bin's midpoint.
 */
export function sketchQuantiles(s: PackedSketch, cell: number, ps: readonly number[]): number[] {
  const from = s.offsets[cell]!;
  const n = sketchCount(s, cell);
  if (n === 0) return ps.map(() => NaN);
  // the value of order statistic r (0-based), walking forward only
  let idx = from;
  let below = 0; // values in bins before idx
  const orderStat = (r: number) => {
    while (below + s.counts[idx]! <= r) {
      below += s.counts[idx]!;
      idx++;
    }
    return sketchValue(s.keys[idx]!);
  };
  return ps.map((p) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile probability ${p} is not in [0, 1]`);
    const h = (n - 1) * p;
    const r = Math.floor(h);
    const v0 = orderStat(r);
    if (r + 1 >= n || h === r) return v0;
    const v1 = orderStat(r + 1);
    return v0 + (h - r) * (v1 - v0);
  });
}
