// Stiff problems against references from other tools: Robertson's chemical kinetics (R deSolve
// radau) and Van der Pol with mu = 1000 (SciPy Radau), both at rtol 1e-12; the scripts that made
// the fixtures are next to them in test/fixtures/ode/. Also: an explicit method needs far more
// steps than rodas4 on a stiff problem.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRodas4, dopri5, rodas4, solve } from '../../src/ode/index.js';
import type { OdeSystem, Solver } from '../../src/ode/index.js';

interface Fixture {
  generator: string;
  script: string;
  t: number[];
  y: number[][];
  mu?: number;
}

function fixture(name: string): Fixture {
  const text = readFileSync(new URL(`../fixtures/ode/${name}`, import.meta.url), 'utf8');
  const data = JSON.parse(text) as Fixture;
  if (!Array.isArray(data.t) || !Array.isArray(data.y) || data.y.some((c) => c.length !== data.t.length)) {
    throw new Error(`malformed fixture ${name}`);
  }
  return data;
}

const robertson: OdeSystem = {
  dimension: 3,
  autonomous: true,
  rhs(_t, y, d) {
    d[0] = -0.04 * y[0]! + 1e4 * y[1]! * y[2]!;
    d[1] = 0.04 * y[0]! - 1e4 * y[1]! * y[2]! - 3e7 * y[1]! * y[1]!;
    d[2] = 3e7 * y[1]! * y[1]!;
  },
  jacobian(_t, y, j) {
    j[0] = -0.04;
    j[1] = 1e4 * y[2]!;
    j[2] = 1e4 * y[1]!;
    j[3] = 0.04;
    j[4] = -1e4 * y[2]! - 6e7 * y[1]!;
    j[5] = -1e4 * y[1]!;
    j[6] = 0;
    j[7] = 6e7 * y[1]!;
    j[8] = 0;
  },
};

function vanDerPol(mu: number): OdeSystem {
  return {
    dimension: 2,
    autonomous: true,
    rhs(_t, y, d) {
      d[0] = y[1]!;
      d[1] = mu * (1 - y[0]! * y[0]!) * y[1]! - y[0]!;
    },
    jacobian(_t, y, j) {
      j[0] = 0;
      j[1] = 1;
      j[2] = -2 * mu * y[0]! * y[1]! - 1;
      j[3] = mu * (1 - y[0]! * y[0]!);
    },
  };
}

const STIFF: [string, Solver][] = [
  ['rodas4 (analytic Jacobian)', rodas4],
  ['rodas4 (finite-difference Jacobian)', createRodas4({ jacobian: 'finite-difference' })],
];

describe.each(STIFF)('stiff problems with %s', (_name, solver) => {
  it('Robertson on 0 .. 4e10 matches R deSolve radau', () => {
    const ref = fixture('robertson.json');
    expect(ref.generator).toMatch(/deSolve/);
    const rtol = 1e-8;
    const atol = new Float64Array([1e-12, 1e-18, 1e-12]);
    const sol = solve({ system: robertson, y0: [1, 0, 0], t0: 0, saveAt: ref.t, solver, control: { rtol, atol } });
    for (let i = 0; i < 3; i++) {
      for (let k = 1; k < ref.t.length; k++) {
        const r = ref.y[i]![k]!;
        // relative 1e-6, or the absolute tolerance's level where the component is that small
        expect(Math.abs(sol.y[i]![k]! - r), `y${i + 1}(t=${ref.t[k]})`).toBeLessThanOrEqual(1e-6 * Math.abs(r) + 100 * atol[i]!);
      }
    }
    // mass is conserved: y1 + y2 + y3 = 1
    for (let k = 0; k < ref.t.length; k++) {
      expect(Math.abs(sol.y[0]![k]! + sol.y[1]![k]! + sol.y[2]![k]! - 1)).toBeLessThan(1e-12);
    }
    expect(sol.stats.accepted).toBeLessThan(3000);
  });

  it('Van der Pol mu = 1000 on 0 .. 3000 matches SciPy Radau', () => {
    const ref = fixture('vanderpol.json');
    expect(ref.generator).toMatch(/SciPy/);
    const sol = solve({ system: vanDerPol(ref.mu!), y0: [2, 0], t0: 0, saveAt: ref.t, solver, control: { rtol: 1e-8, atol: 1e-8 } });
    for (let k = 0; k < ref.t.length; k++) {
      const r0 = ref.y[0]![k]!;
      const r1 = ref.y[1]![k]!;
      expect(Math.abs(sol.y[0]![k]! - r0), `y1(t=${ref.t[k]})`).toBeLessThanOrEqual(1e-5 * Math.abs(r0));
      expect(Math.abs(sol.y[1]![k]! - r1), `y2(t=${ref.t[k]})`).toBeLessThanOrEqual(1e-4 * Math.abs(r1) + 1e-8);
    }
  });
});

describe('stiffness costs an explicit method', () => {
  it('dopri5 needs over 100× the steps of rodas4 on Robertson over 0 .. 40, for the same answer', () => {
    const control = { rtol: 1e-6, atol: new Float64Array([1e-10, 1e-14, 1e-10]), maxSteps: 1_000_000 };
    const explicit = solve({ system: robertson, y0: [1, 0, 0], t0: 0, saveAt: [40], solver: dopri5, control });
    const implicit = solve({ system: robertson, y0: [1, 0, 0], t0: 0, saveAt: [40], solver: rodas4, control });
    expect(explicit.stats.accepted + explicit.stats.rejected).toBeGreaterThan(
      100 * (implicit.stats.accepted + implicit.stats.rejected),
    );
    const ref = fixture('robertson.json');
    const k40 = ref.t.indexOf(40);
    for (const sol of [explicit, implicit]) {
      expect(Math.abs(sol.y[0]![0]! - ref.y[0]![k40]!)).toBeLessThan(1e-5);
      expect(Math.abs(sol.y[2]![0]! - ref.y[2]![k40]!)).toBeLessThan(1e-5);
    }
  });
});
