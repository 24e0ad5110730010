// Sobol' indices (Saltelli 2010 first order, Jansen total) against analytic values: the Ishigami
// function and additive linear models, within a Monte-Carlo tolerance taken from the bootstrap
// interval; the estimator against scipy.stats.sobol_indices on the same design; zero indices for
// a parameter the function ignores; group indices; determinism.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { saltelliJansen, sobolIndices, sobolPoints, type MetricFunction, type SensitivityParameter, type SobolEntry } from '@ldn/engine';

interface Reference {
  ishigami: { n: number; a: number; b: number; first_order: number[]; total_order: number[] };
}
const reference = JSON.parse(readFileSync(new URL('./fixtures/scipy-reference.json', import.meta.url), 'utf8')) as Reference;

// Ishigami & Homma (1990); analytic indices from Sobol' & Levitan (1999) / Saltelli et al. (2008,
// Global Sensitivity Analysis: The Primer, §4.9): with a = 7, b = 0.1, S = 0.3139, 0.4424, 0 and
// ST = 0.5576, 0.4424, 0.2437.
const A = 7;
const B = 0.1;
const pi = Math.PI;
const ishigami: MetricFunction = (v) => ({ y: Math.sin(v.x1!) + A * Math.sin(v.x2!) ** 2 + B * v.x3! ** 4 * Math.sin(v.x1!) });
const ishigamiParams: SensitivityParameter[] = ['x1', 'x2', 'x3'].map((id) => ({ id, low: -pi, high: pi, scale: 'linear' }));
function ishigamiAnalytic() {
  const V1 = 0.5 * (1 + (B * pi ** 4) / 5) ** 2;
  const V2 = A ** 2 / 8;
  const V13 = B ** 2 * pi ** 8 * (1 / 18 - 1 / 50);
  const V = V1 + V2 + V13;
  return { S1: [V1 / V, V2 / V, 0], ST: [(V1 + V13) / V, V2 / V, V13 / V] };
}

/** |estimate − truth| within twice the half-width of the 95 % bootstrap interval (≈ 4 standard errors) */
function expectWithinCi(e: SobolEntry, s1: number, st: number, maxHalfWidth: number) {
  const h1 = (e.S1Ci[1] - e.S1Ci[0]) / 2;
  const ht = (e.STCi[1] - e.STCi[0]) / 2;
  expect(h1).toBeLessThan(maxHalfWidth);
  expect(ht).toBeLessThan(maxHalfWidth);
  expect(Math.abs(e.S1 - s1)).toBeLessThanOrEqual(2 * h1);
  expect(Math.abs(e.ST - st)).toBeLessThanOrEqual(2 * ht);
}

describe("Sobol' indices", () => {
  it('the analytic Ishigami indices are the published ones (formula transcription check)', () => {
    const { S1, ST } = ishigamiAnalytic();
    expect(S1.map((x) => Number(x.toFixed(4)))).toEqual([0.3139, 0.4424, 0]);
    expect(ST.map((x) => Number(x.toFixed(4)))).toEqual([0.5576, 0.4424, 0.2437]);
  });

  it.each(['sobol', 'random'] as const)('Ishigami (a = 7, b = 0.1), %s design: S1 and ST within the bootstrap tolerance of the analytic values', (design) => {
    const r = sobolIndices({ parameters: ishigamiParams, fn: ishigami }, { samples: design === 'sobol' ? 4096 : 16384, seed: 11, design });
    const { S1, ST } = ishigamiAnalytic();
    ['x1', 'x2', 'x3'].forEach((id, i) => expectWithinCi(r.indices.y![id]!, S1[i]!, ST[i]!, 0.05));
    expect(r.ranking.y).toEqual(['x1', 'x2', 'x3']);
    expect(r.evaluations).toBe(r.samples * (3 + 2));
    expect(r.design).toBe(design);
  });

  it('the estimator equals scipy.stats.sobol_indices on the same Saltelli design (unscrambled Sobol\' points)', () => {
    const { n } = reference.ishigami;
    const k = 3;
    const u = sobolPoints(n, 2 * k);
    const x = (row: number, col: number) => -pi + 2 * pi * u[row * 2 * k + col]!;
    const f = (cols: (row: number) => number[]) => Float64Array.from({ length: n }, (_, i) => ishigami(Object.fromEntries(cols(i).map((v, j) => [`x${j + 1}`, v]))).y!);
    const fA = f((i) => [x(i, 0), x(i, 1), x(i, 2)]);
    const fB = f((i) => [x(i, 3), x(i, 4), x(i, 5)]);
    for (let j = 0; j < k; j++) {
      const fAB = f((i) => [0, 1, 2].map((c) => (c === j ? x(i, 3 + c) : x(i, c))));
      const e = saltelliJansen(fA, fB, fAB);
      expect(e.S1).toBeCloseTo(reference.ishigami.first_order[j]!, 10);
      expect(e.ST).toBeCloseTo(reference.ishigami.total_order[j]!, 10);
    }
  });

  it('additive linear model: S_i = ST_i = a_i²σ_i²/Σ a_j²σ_j² (uniform: σ² = range²/12)', () => {
    const a = [4, -1, 2, 0.5];
    const params: SensitivityParameter[] = a.map((_, j) => ({ id: `x${j}`, low: j, high: j + 1 + j * j, scale: 'linear' }));
    const fn: MetricFunction = (v) => ({ y: a.reduce((s, aj, j) => s + aj * v[`x${j}`]!, 0) });
    const r = sobolIndices({ parameters: params, fn }, { samples: 2048, seed: 3 });
    const w = params.map((p, j) => (a[j]! ** 2 * (p.high - p.low) ** 2) / 12);
    const sum = w.reduce((s, x) => s + x, 0);
    params.forEach((p, j) => expectWithinCi(r.indices.y![p.id]!, w[j]! / sum, w[j]! / sum, 0.05));
  });

  it('additive model in log space: y = Σ a_i ln x_i with log-uniform x_i has σ_i² = ln(high/low)²/12', () => {
    const params: SensitivityParameter[] = [
      { id: 'p', low: 0.01, high: 1 },
      { id: 'q', low: 1, high: 3 },
      { id: 'r', low: 5, high: 500 },
    ];
    const a = [1, 2, -0.5];
    const fn: MetricFunction = (v) => ({ y: a[0]! * Math.log(v.p!) + a[1]! * Math.log(v.q!) + a[2]! * Math.log(v.r!) });
    const res = sobolIndices({ parameters: params, fn }, { samples: 2048, seed: 8 });
    const w = params.map((p, j) => (a[j]! * Math.log(p.high / p.low)) ** 2 / 12);
    const sum = w.reduce((s, x) => s + x, 0);
    params.forEach((p, j) => expectWithinCi(res.indices.y![p.id]!, w[j]! / sum, w[j]! / sum, 0.05));
  });

  it('a parameter the function ignores gets exactly 0; a group of all parameters explains everything; a constant metric gets 0 and a note', () => {
    const params: SensitivityParameter[] = [...ishigamiParams, { id: 'dummy', low: 1, high: 2 }];
    const fn: MetricFunction = (v) => ({ ...ishigami(v), c: 5 });
    const r = sobolIndices({ parameters: params, fn }, { samples: 256, seed: 4, groups: { all: ['x1', 'x2', 'x3', 'dummy'], x1x3: ['x1', 'x3'] } });
    expect(r.indices.y!.dummy).toEqual({ S1: 0, S1Ci: [0, 0], ST: 0, STCi: [0, 0] });
    expectWithinCi(r.groupIndices.y!.all!, 1, 1, 0.2);
    // x2 acts additively, so the closed index of {x1, x3} is 1 − S2 and so is its total index
    const s2 = ishigamiAnalytic().S1[1]!;
    expectWithinCi(r.groupIndices.y!.x1x3!, 1 - s2, 1 - s2, 0.2);
    expect(r.indices.c!.x1!.ST).toBe(0);
    expect(r.notes.join('\n')).toMatch(/c does not vary/);
    expect(r.evaluations).toBe(256 * (4 + 2 + 2));
  });

  it('same seed → identical results; another seed → other estimates', () => {
    const run = (seed: number) => sobolIndices({ parameters: ishigamiParams, fn: ishigami }, { samples: 128, seed, bootstrap: 50 });
    const a = run(21);
    expect(run(21)).toEqual(a);
    expect(run(22).indices).not.toEqual(a.indices);
  });

  it('refuses N < 2, an unknown group member and a non-integer seed', () => {
    expect(() => sobolIndices({ parameters: ishigamiParams, fn: ishigami }, { samples: 0 })).toThrow(/samples N must be a whole number/);
    expect(() => sobolIndices({ parameters: ishigamiParams, fn: ishigami }, { groups: { g: ['x9'] } })).toThrow(/x9/);
    expect(() => sobolIndices({ parameters: ishigamiParams, fn: ishigami }, { seed: -1 })).toThrow(/seed/);
  });
});
