// Morris elementary-effects screening: which parameters matter anywhere in their plausible
// ranges, at a cost linear in the number of parameters, r·(k + 1) model runs.
//
// Design: the trajectory design of M. D. Morris (1991), "Factorial sampling plans for preliminary
// computational experiments", Technometrics 33:161–174. Each parameter is mapped to [0, 1] on its
// scale (log for LDN: its log-range), gridded into p levels {0, 1/(p−1), …, 1}, and a trajectory
// moves one parameter at a time by Δ = p / (2(p − 1)) from a random grid point, in random order
// and direction, so each trajectory gives one elementary effect per parameter:
//   EE_j = [y(x + Δ·e_j) − y(x)] / Δ   (metric units per whole range of the parameter).
// Statistics per metric and parameter over the r trajectories: μ = mean EE, σ = standard
// deviation (n − 1), and μ* = mean |EE| of F. Campolongo, J. Cariboni & A. Saltelli (2007),
// "An effective screening design for sensitivity analysis of large models", Environ Model Softw
// 22:1509–1518, which does not let effects of opposite sign cancel; μ* is the ranking statistic.
// σ large relative to μ* flags non-linearity or interactions. The μ* interval is a percentile
// bootstrap over trajectories (as in SALib).

import { createRng, MAX_SEED, permutation } from './random.js';
import {
  checkInteger,
  Evaluator,
  fromUnit,
  percentileInterval,
  SensitivityError,
  validateParameters,
  type ProgressCallback,
  type SensitivityProblem,
} from './types.js';

export const DEFAULT_MORRIS_TRAJECTORIES = 20;
export const DEFAULT_MORRIS_LEVELS = 4;

export interface MorrisOptions {
  /** r, the number of trajectories (default 20) */
  trajectories?: number;
  /** p, the number of grid levels, even (default 4) */
  levels?: number;
  seed?: number;
  /** bootstrap resamples for the μ* interval (default 1000; 0 for none) */
  bootstrap?: number;
  confidence?: number;
  onProgress?: ProgressCallback;
}

export interface MorrisEntry {
  mu: number;
  muStar: number;
  sigma: number;
  muStarCi: [number, number];
}

export interface MorrisResult {
  method: 'morris';
  trajectories: number;
  levels: number;
  delta: number;
  seed: number;
  confidence: number;
  parameters: string[];
  metrics: string[];
  /** effects[metric][parameter] */
  effects: Record<string, Record<string, MorrisEntry>>;
  /** parameters by decreasing μ*, per metric */
  ranking: Record<string, string[]>;
  evaluations: number;
  notes: string[];
}

/** One trajectory: k + 1 points in [0, 1]^k, and which parameter moves (and which way) at each step. */
export interface MorrisTrajectory {
  points: number[][];
  order: number[];
  direction: number[];
}

/** Morris's trajectories (r of them, k parameters, p levels) from a seed. */
export function morrisTrajectories(k: number, r: number, levels: number, seed: number): MorrisTrajectory[] {
  const rng = createRng(seed);
  const delta = levels / (2 * (levels - 1));
  const starts = levels / 2; // grid points k/(p−1) with k/(p−1) + Δ ≤ 1
  const out: MorrisTrajectory[] = [];
  for (let t = 0; t < r; t++) {
    const xStar = Array.from({ length: k }, () => rng.int(starts) / (levels - 1));
    const direction = Array.from({ length: k }, () => (rng.next() < 0.5 ? 1 : -1));
    const order = permutation(k, rng);
    const x = xStar.map((v, j) => (direction[j]! < 0 ? v + delta : v));
    const points = [x.slice()];
    for (const j of order) {
      x[j] = x[j]! + direction[j]! * delta;
      points.push(x.slice());
    }
    out.push({ points, order, direction });
  }
  return out;
}

export function morrisScreening(problem: SensitivityProblem, options: MorrisOptions = {}): MorrisResult {
  validateParameters(problem.parameters, true);
  const r = options.trajectories ?? DEFAULT_MORRIS_TRAJECTORIES;
  const levels = options.levels ?? DEFAULT_MORRIS_LEVELS;
  const seed = options.seed ?? 1;
  const nBoot = options.bootstrap ?? 1000;
  const confidence = options.confidence ?? 0.95;
  checkInteger('Morris trajectories', r, 2, 100_000);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0 || levels > 1000) throw new SensitivityError(`Morris levels must be an even whole number in [2, 1000] (got ${levels})`);
  checkInteger('seed', seed, 0, MAX_SEED);
  checkInteger('bootstrap resamples', nBoot, 0, 100_000);
  if (!(confidence > 0 && confidence < 1)) throw new SensitivityError(`confidence must be in (0, 1) (got ${confidence})`);
  const params = problem.parameters;
  const k = params.length;
  const delta = levels / (2 * (levels - 1));
  const ev = new Evaluator(problem);
  const say = options.onProgress ?? (() => undefined);
  const total = r * (k + 1);
  const trajectories = morrisTrajectories(k, r, levels, seed);

  // ee[t][j][m]: elementary effect of parameter j on metric m in trajectory t
  const ee: Float64Array[][] = [];
  for (const tr of trajectories) {
    const ys = tr.points.map((u) => {
      const y = ev.evaluate(Object.fromEntries(params.map((p, j) => [p.id, fromUnit(p, u[j]!)])));
      say(ev.evaluations / total, 'Morris');
      return y;
    });
    const row: Float64Array[] = new Array<Float64Array>(k);
    tr.order.forEach((j, step) => {
      const a = ys[step]!;
      const b = ys[step + 1]!;
      row[j] = a.map((_, m) => (b[m]! - a[m]!) / (tr.direction[j]! * delta));
    });
    ee.push(row);
  }

  const metrics = ev.metricIds();
  const effects: Record<string, Record<string, MorrisEntry>> = {};
  const ranking: Record<string, string[]> = {};
  const rng = createRng((seed ^ 0x5bd1e995) >>> 0);
  const resamples = Array.from({ length: nBoot }, () => Array.from({ length: r }, () => rng.int(r)));
  metrics.forEach((m, mi) => {
    const row: Record<string, MorrisEntry> = {};
    params.forEach((p, j) => {
      const e = ee.map((t) => t[j]![mi]!);
      const mu = e.reduce((s, v) => s + v, 0) / r;
      const muStar = e.reduce((s, v) => s + Math.abs(v), 0) / r;
      const sigma = Math.sqrt(e.reduce((s, v) => s + (v - mu) ** 2, 0) / (r - 1));
      let muStarCi: [number, number] = [muStar, muStar];
      if (nBoot > 0) {
        const reps = new Float64Array(nBoot);
        resamples.forEach((idx, b) => {
          let s = 0;
          for (const i of idx) s += Math.abs(e[i]!);
          reps[b] = s / r;
        });
        muStarCi = percentileInterval(reps, confidence);
      }
      row[p.id] = { mu, muStar, sigma, muStarCi };
    });
    effects[m] = row;
    ranking[m] = params.map((p) => p.id).sort((a, b) => row[b]!.muStar - row[a]!.muStar || a.localeCompare(b));
  });
  say(1, 'Morris');
  const notes = [`elementary effects are changes of the metric per whole (${params.every((p) => (p.scale ?? 'log') === 'log') ? 'log-' : ''})range of a parameter; Δ = ${Number(delta.toPrecision(4))} of the range, ${levels} levels`];
  return { method: 'morris', trajectories: r, levels, delta, seed, confidence, parameters: params.map((p) => p.id), metrics, effects, ranking, evaluations: ev.evaluations, notes };
}
