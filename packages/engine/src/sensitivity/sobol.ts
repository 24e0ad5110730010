// Variance-based (Sobol') sensitivity indices: how much of the variance of a metric over the
// plausible parameter box each parameter explains alone (first-order S_i) and including all its
// interactions (total ST_i). Unlike local derivatives and Morris screening, these are a
// decomposition of the output variance, so they say how much each uncertainty matters.
//
// Estimators (A. Saltelli, P. Annoni, I. Azzini, F. Campolongo, M. Ratto, S. Tarantola 2010,
// "Variance based sensitivity analysis of model output. Design and estimator for the total
// sensitivity index", Comput Phys Commun 181:259–270, Table 2): with N-row sample matrices A and
// B and A_B^i (A with column i taken from B),
//   S_i  = (1/N)  Σ_j f(B)_j · [f(A_B^i)_j − f(A)_j] / V      (Saltelli 2010, Table 2 (b))
//   ST_i = (1/2N) Σ_j [f(A)_j − f(A_B^i)_j]² / V             (Jansen 1999, Table 2 (f))
// with V the variance of the 2N outputs f(A), f(B) (as scipy.stats.sobol_indices). Cost
// N·(k + 2) model runs; a group of parameters (a structural assumption) costs N more and gets the
// closed first-order and total index of the group from A_B^G the same way.
//
// Design: A and B are the two halves of a 2k-dimensional Sobol' sequence (Saltelli 2010, §3),
// randomised by a seeded digital shift (sobol-sequence.ts); `random` uses the seeded PRNG instead
// (plain Monte Carlo). Confidence intervals are percentile bootstraps over the N rows (Archer,
// Saltelli & Sobol' 1997). For the randomised Sobol' design the bootstrap treats rows as
// independent, which overstates the error of a low-discrepancy design: the intervals are
// conservative there. N a power of 2 keeps the Sobol' design balanced.

import { createRng, MAX_SEED, type Rng } from './random.js';
import { SOBOL_MAX_DIMENSION, sobolPoints } from './sobol-sequence.js';
import {
  checkInteger,
  Evaluator,
  fromUnit,
  percentileInterval,
  quantileSorted,
  SensitivityError,
  validateParameters,
  type ProgressCallback,
  type SensitivityProblem,
} from './types.js';

export const DEFAULT_SOBOL_SAMPLES = 512;
export const MAX_SOBOL_SAMPLES = 1 << 20;

export type SobolDesign = 'sobol' | 'random';

export interface SobolOptions {
  /** N, the rows of each of A and B (default 512) */
  samples?: number;
  seed?: number;
  /** default `sobol` (falls back to `random` above 2k = 64 dimensions, with a note) */
  design?: SobolDesign;
  /** bootstrap resamples for the intervals (default 500; 0 for none) */
  bootstrap?: number;
  confidence?: number;
  /** named groups of parameters whose joint indices are wanted (N more runs each) */
  groups?: Readonly<Record<string, readonly string[]>>;
  /** also return the 2N outputs f(A), f(B) per metric (an uncertainty sample) */
  keepOutputs?: boolean;
  onProgress?: ProgressCallback;
}

export interface SobolEntry {
  S1: number;
  S1Ci: [number, number];
  ST: number;
  STCi: [number, number];
}

export interface OutputDistribution {
  mean: number;
  sd: number;
  p05: number;
  p50: number;
  p95: number;
}

export interface SobolResult {
  method: 'sobol';
  samples: number;
  design: SobolDesign;
  seed: number;
  bootstrap: number;
  confidence: number;
  parameters: string[];
  metrics: string[];
  /** indices[metric][parameter] */
  indices: Record<string, Record<string, SobolEntry>>;
  /** groupIndices[metric][group]: closed first-order and total index of each group */
  groupIndices: Record<string, Record<string, SobolEntry>>;
  groups: Record<string, string[]>;
  /** parameters by decreasing ST, per metric */
  ranking: Record<string, string[]>;
  /** the output distribution over the 2N rows of A and B (parameters drawn from their ranges) */
  distribution: Record<string, OutputDistribution>;
  outputs?: Record<string, number[]>;
  evaluations: number;
  notes: string[];
}

/**
 * First-order (Saltelli 2010) and total (Jansen) estimates from given outputs, over rows `rows`
 * (default all). Outputs are centred on the mean of f(A), f(B) first: the estimators are unbiased
 * either way, but centring removes the noise term mean·(f(A_B^i) − f(A)) from S_i, which
 * dominates when a metric's mean is large against its spread (as SALib does).
 */
export function saltelliJansen(fA: ArrayLike<number>, fB: ArrayLike<number>, fAB: ArrayLike<number>, rows?: ArrayLike<number>): { S1: number; ST: number; variance: number } {
  const n = rows ? rows.length : fA.length;
  let sum = 0;
  for (let r = 0; r < n; r++) {
    const j = rows ? rows[r]! : r;
    sum += fA[j]! + fB[j]!;
  }
  const mean = sum / (2 * n);
  let ss = 0;
  let first = 0;
  let total = 0;
  for (let r = 0; r < n; r++) {
    const j = rows ? rows[r]! : r;
    const a = fA[j]! - mean;
    const b = fB[j]! - mean;
    const ab = fAB[j]! - mean;
    ss += a * a + b * b;
    first += b * (ab - a);
    total += (a - ab) * (a - ab);
  }
  const variance = ss / (2 * n);
  if (!(variance > 1e-28 * Math.max(1, mean * mean))) return { S1: 0, ST: 0, variance: 0 };
  return { S1: first / n / variance, ST: total / (2 * n) / variance, variance };
}

function designMatrices(n: number, k: number, design: SobolDesign, seed: number): { A: Float64Array; B: Float64Array } {
  const A = new Float64Array(n * k);
  const B = new Float64Array(n * k);
  if (design === 'sobol') {
    const pts = sobolPoints(n, 2 * k, { shiftSeed: seed });
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < k; j++) {
        A[i * k + j] = pts[i * 2 * k + j]!;
        B[i * k + j] = pts[i * 2 * k + k + j]!;
      }
    }
  } else {
    const rng = createRng(seed);
    for (let i = 0; i < n * k; i++) A[i] = rng.next();
    for (let i = 0; i < n * k; i++) B[i] = rng.next();
  }
  return { A, B };
}

function distributionOf(values: Float64Array): OutputDistribution {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, n - 1));
  const sorted = Float64Array.from(values).sort();
  return { mean, sd, p05: quantileSorted(sorted, 0.05), p50: quantileSorted(sorted, 0.5), p95: quantileSorted(sorted, 0.95) };
}

export function sobolIndices(problem: SensitivityProblem, options: SobolOptions = {}): SobolResult {
  validateParameters(problem.parameters, true);
  const n = options.samples ?? DEFAULT_SOBOL_SAMPLES;
  const seed = options.seed ?? 1;
  const nBoot = options.bootstrap ?? 500;
  const confidence = options.confidence ?? 0.95;
  checkInteger('Sobol samples N', n, 2, MAX_SOBOL_SAMPLES);
  checkInteger('seed', seed, 0, MAX_SEED);
  checkInteger('bootstrap resamples', nBoot, 0, 100_000);
  if (!(confidence > 0 && confidence < 1)) throw new SensitivityError(`confidence must be in (0, 1) (got ${confidence})`);
  const params = problem.parameters;
  const k = params.length;
  const ids = params.map((p) => p.id);
  const groups: Record<string, string[]> = {};
  for (const [g, members] of Object.entries(options.groups ?? {})) {
    if (members.length === 0) throw new SensitivityError(`group ${g} is empty`);
    for (const m of members) if (!ids.includes(m)) throw new SensitivityError(`group ${g} names ${m}, which is not a varied parameter (${ids.join(', ')})`);
    groups[g] = [...new Set(members)];
  }
  const notes: string[] = [];
  let design: SobolDesign = options.design ?? 'sobol';
  if (design === 'sobol' && 2 * k > SOBOL_MAX_DIMENSION) {
    design = 'random';
    notes.push(`${k} parameters need a ${2 * k}-dimensional design, above the ${SOBOL_MAX_DIMENSION} dimensions of the Sobol' generator: plain Monte Carlo was used`);
  }
  if (design === 'sobol' && (n & (n - 1)) !== 0) notes.push(`N = ${n} is not a power of 2; the Sobol' design is balanced only at powers of 2`);

  const { A, B } = designMatrices(n, k, design, seed);
  const ev = new Evaluator(problem);
  const say = options.onProgress ?? (() => undefined);
  const groupNames = Object.keys(groups);
  const total = n * (k + 2 + groupNames.length);
  const row = (u: Float64Array, i: number, swap?: ReadonlySet<number>) => {
    const values: Record<string, number> = {};
    for (let j = 0; j < k; j++) values[ids[j]!] = fromUnit(params[j]!, swap?.has(j) ? B[i * k + j]! : u[i * k + j]!);
    return values;
  };
  // out[block][metric][row]; blocks: A, B, A_B^1..k, A_B^G...
  const blocks: Float64Array[][] = [];
  const runBlock = (u: Float64Array, swap?: ReadonlySet<number>, stage = 'Sobol') => {
    const cols: Float64Array[] = [];
    for (let i = 0; i < n; i++) {
      const y = ev.evaluate(row(u, i, swap));
      if (cols.length === 0) for (let m = 0; m < y.length; m++) cols.push(new Float64Array(n));
      y.forEach((v, m) => (cols[m]![i] = v));
      if ((ev.evaluations & 7) === 0) say(ev.evaluations / total, stage);
    }
    blocks.push(cols);
  };
  runBlock(A);
  runBlock(B);
  for (let j = 0; j < k; j++) runBlock(A, new Set([j]));
  for (const g of groupNames) runBlock(A, new Set(groups[g]!.map((id) => ids.indexOf(id))), `Sobol (group ${g})`);
  const metrics = ev.metricIds();

  const bootRng: Rng = createRng((seed ^ 0x2545f491) >>> 0);
  const resamples = Array.from({ length: nBoot }, () => Uint32Array.from({ length: n }, () => bootRng.int(n)));
  const estimate = (fA: Float64Array, fB: Float64Array, fAB: Float64Array): SobolEntry => {
    const e = saltelliJansen(fA, fB, fAB);
    if (nBoot === 0) return { S1: e.S1, S1Ci: [e.S1, e.S1], ST: e.ST, STCi: [e.ST, e.ST] };
    const s1 = new Float64Array(nBoot);
    const st = new Float64Array(nBoot);
    resamples.forEach((rows, b) => {
      const r = saltelliJansen(fA, fB, fAB, rows);
      s1[b] = r.S1;
      st[b] = r.ST;
    });
    return { S1: e.S1, S1Ci: percentileInterval(s1, confidence), ST: e.ST, STCi: percentileInterval(st, confidence) };
  };

  const indices: Record<string, Record<string, SobolEntry>> = {};
  const groupIndices: Record<string, Record<string, SobolEntry>> = {};
  const ranking: Record<string, string[]> = {};
  const distribution: Record<string, OutputDistribution> = {};
  const outputs: Record<string, number[]> = {};
  const constant: string[] = [];
  metrics.forEach((m, mi) => {
    const fA = blocks[0]![mi]!;
    const fB = blocks[1]![mi]!;
    const both = new Float64Array(2 * n);
    both.set(fA);
    both.set(fB, n);
    distribution[m] = distributionOf(both);
    if (options.keepOutputs) outputs[m] = Array.from(both);
    if (saltelliJansen(fA, fB, fA).variance === 0) constant.push(m);
    const rowI: Record<string, SobolEntry> = {};
    ids.forEach((id, j) => (rowI[id] = estimate(fA, fB, blocks[2 + j]![mi]!)));
    indices[m] = rowI;
    const rowG: Record<string, SobolEntry> = {};
    groupNames.forEach((g, gi) => (rowG[g] = estimate(fA, fB, blocks[2 + k + gi]![mi]!)));
    groupIndices[m] = rowG;
    ranking[m] = [...ids].sort((a, b) => rowI[b]!.ST - rowI[a]!.ST || rowI[b]!.S1 - rowI[a]!.S1 || a.localeCompare(b));
  });
  if (constant.length) notes.push(`${constant.join(', ')} ${constant.length === 1 ? 'does' : 'do'} not vary over the sampled ranges: indices set to 0`);
  notes.push(`${nBoot > 0 ? `${Math.round(confidence * 100)}% percentile bootstrap intervals over ${nBoot} resamples of the N rows` : 'no bootstrap'}${design === 'sobol' ? " (conservative for the Sobol' design)" : ''}`);
  say(1, 'Sobol');
  const result: SobolResult = {
    method: 'sobol',
    samples: n,
    design,
    seed,
    bootstrap: nBoot,
    confidence,
    parameters: ids,
    metrics,
    indices,
    groupIndices,
    groups,
    ranking,
    distribution,
    evaluations: ev.evaluations,
    notes,
  };
  if (options.keepOutputs) result.outputs = outputs;
  return result;
}
