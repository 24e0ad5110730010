// Morris elementary effects: exact values where the effects are known (additive linear functions,
// on linear and log scales), the design itself, the ordering on the Morris (1991) test function,
// and determinism.
import { describe, expect, it } from 'vitest';
import { createRng, morrisScreening, morrisTrajectories, type MetricFunction, type SensitivityParameter } from '@ldn/engine';

describe('Morris screening', () => {
  it('additive linear function: every elementary effect is a_j·(high − low), so μ = that, μ* = |μ|, σ = 0', () => {
    const a = [3, -2, 0.5, 0];
    const params: SensitivityParameter[] = a.map((_, j) => ({ id: `x${j}`, low: j, high: 2 * j + 1, scale: 'linear' }));
    const fn: MetricFunction = (v) => ({ y: a.reduce((s, aj, j) => s + aj * v[`x${j}`]!, 7) });
    const r = morrisScreening({ parameters: params, fn }, { trajectories: 12, seed: 3 });
    params.forEach((p, j) => {
      const e = r.effects.y![p.id]!;
      const exact = a[j]! * (p.high - p.low);
      expect(e.mu).toBeCloseTo(exact, 10);
      expect(e.muStar).toBeCloseTo(Math.abs(exact), 10);
      expect(e.sigma).toBeLessThan(1e-10);
    });
    expect(r.ranking.y).toEqual(['x1', 'x0', 'x2', 'x3']); // |a|·range = 6, 3, 1.5, 0
    expect(r.evaluations).toBe(12 * (4 + 1));
  });

  it('log scale: y = Σ a_j ln x_j has elementary effects a_j·ln(high/low) per (log-)range', () => {
    const a = [1, -3];
    const params: SensitivityParameter[] = [
      { id: 'p', low: 0.1, high: 10 },
      { id: 'q', low: 2, high: 4 },
    ];
    const fn: MetricFunction = (v) => ({ y: a[0]! * Math.log(v.p!) + a[1]! * Math.log(v.q!) });
    const r = morrisScreening({ parameters: params, fn }, { trajectories: 5, seed: 9 });
    expect(r.effects.y!.p!.mu).toBeCloseTo(Math.log(100), 10);
    expect(r.effects.y!.q!.mu).toBeCloseTo(-3 * Math.log(2), 10);
  });

  it('interactions show in σ: y = x1 + x2·x3 has σ = 0 for x1 and σ > 0 for x2, x3', () => {
    const params: SensitivityParameter[] = ['x1', 'x2', 'x3'].map((id) => ({ id, low: 0, high: 1, scale: 'linear' }));
    const r = morrisScreening({ parameters: params, fn: (v) => ({ y: v.x1! + v.x2! * v.x3! }) }, { trajectories: 30, seed: 2 });
    expect(r.effects.y!.x1!.sigma).toBeLessThan(1e-12);
    expect(r.effects.y!.x2!.sigma).toBeGreaterThan(0.1);
    expect(r.effects.y!.x3!.sigma).toBeGreaterThan(0.1);
  });

  it('the trajectory design: k + 1 grid points per trajectory, each parameter moved once by ±Δ, all in [0, 1]', () => {
    const k = 6;
    const levels = 4;
    const delta = levels / (2 * (levels - 1));
    for (const tr of morrisTrajectories(k, 25, levels, 11)) {
      expect(tr.points).toHaveLength(k + 1);
      expect([...tr.order].sort()).toEqual([0, 1, 2, 3, 4, 5]);
      tr.order.forEach((j, step) => {
        const before = tr.points[step]!;
        const after = tr.points[step + 1]!;
        for (let i = 0; i < k; i++) expect(after[i]! - before[i]!).toBeCloseTo(i === j ? tr.direction[j]! * delta : 0, 12);
      });
      for (const p of tr.points) for (const u of p) {
        expect(u).toBeGreaterThanOrEqual(-1e-12);
        expect(u).toBeLessThanOrEqual(1 + 1e-12);
        expect(Math.abs(u * (levels - 1) - Math.round(u * (levels - 1)))).toBeLessThan(1e-9); // on the grid
      }
    }
  });

  it('Morris (1991) test function: the 10 factors with β_i = 20 outrank the 10 with N(0, 1) coefficients; 8–10 act nearly linearly, 1–7 do not', () => {
    // Morris 1991, Technometrics 33:161–174, §5: 20 factors on [0, 1], w_i = 2(x_i − 1/2) except
    // w_i = 2(1.1·x_i/(x_i + 0.1) − 1/2) for i = 3, 5, 7; β_i = 20 (i ≤ 10), β_ij = −15 (i, j ≤ 6),
    // β_ijl = −10 (i, j, l ≤ 5), β_ijls = 5 (i, j, l, s ≤ 4); the remaining β_i, β_ij ~ N(0, 1).
    const rng = createRng(1991);
    const k = 20;
    const b1 = Array.from({ length: k }, (_, i) => (i < 10 ? 20 : rng.normal()));
    const b2 = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (j <= i ? 0 : i < 6 && j < 6 ? -15 : rng.normal())));
    const fn: MetricFunction = (v) => {
      const w = Array.from({ length: k }, (_, i) => {
        const x = v[`x${i + 1}`]!;
        return [2, 4, 6].includes(i) ? 2 * ((1.1 * x) / (x + 0.1) - 0.5) : 2 * (x - 0.5);
      });
      let y = 0;
      for (let i = 0; i < k; i++) {
        y += b1[i]! * w[i]!;
        for (let j = i + 1; j < k; j++) y += b2[i]![j]! * w[i]! * w[j]!;
      }
      for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) for (let l = j + 1; l < 5; l++) y += -10 * w[i]! * w[j]! * w[l]!;
      y += 5 * w[0]! * w[1]! * w[2]! * w[3]!;
      return { y };
    };
    const params: SensitivityParameter[] = Array.from({ length: k }, (_, i) => ({ id: `x${i + 1}`, low: 0, high: 1, scale: 'linear' }));
    const r = morrisScreening({ parameters: params, fn }, { trajectories: 40, seed: 5 });
    const e = (i: number) => r.effects.y![`x${i}`]!;
    const important = Array.from({ length: 10 }, (_, i) => e(i + 1).muStar);
    const minor = Array.from({ length: 10 }, (_, i) => e(i + 11).muStar);
    expect(Math.min(...important)).toBeGreaterThan(Math.max(...minor));
    const ratio = (i: number) => e(i).sigma / e(i).muStar;
    expect(Math.max(ratio(8), ratio(9), ratio(10))).toBeLessThan(Math.min(...[1, 2, 3, 4, 5, 6].map(ratio)));
  });

  it('same seed → identical results; another seed → another design', () => {
    const params: SensitivityParameter[] = ['x1', 'x2'].map((id) => ({ id, low: 1, high: 5 }));
    const fn: MetricFunction = (v) => ({ y: v.x1! * Math.sin(v.x2!) });
    const a = morrisScreening({ parameters: params, fn }, { trajectories: 8, seed: 42 });
    expect(morrisScreening({ parameters: params, fn }, { trajectories: 8, seed: 42 })).toEqual(a);
    expect(morrisScreening({ parameters: params, fn }, { trajectories: 8, seed: 43 }).effects).not.toEqual(a.effects);
  });

  it('refuses odd levels, one trajectory, a degenerate range, and a non-integer seed', () => {
    const fn: MetricFunction = (v) => ({ y: v.x! });
    const p: SensitivityParameter[] = [{ id: 'x', low: 1, high: 2 }];
    expect(() => morrisScreening({ parameters: p, fn }, { levels: 5 })).toThrow(/even/);
    expect(() => morrisScreening({ parameters: p, fn }, { trajectories: 1 })).toThrow(/trajectories/);
    expect(() => morrisScreening({ parameters: [{ id: 'x', low: 1, high: 1 }], fn })).toThrow(/single point/);
    expect(() => morrisScreening({ parameters: p, fn }, { seed: 1.5 })).toThrow(/seed/);
  });
});
