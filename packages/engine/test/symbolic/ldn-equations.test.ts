// The guard that keeps the two representations of the LDN model identical: at random parameter
// values inside their plausible ranges and random states, the symbolic equations (equations.ts)
// give the same derivatives as the hand-written right-hand side (model.ts) and the same outputs
// as its outputMap, to 1e-12 relative. A mutated copy of the equations must fail the same check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LDN_OUTPUTS, LDN_STATES, ldnModel } from '../../src/models/ldn/model.js';
import { ldnCoreEquations, ldnSymbolicModel } from '../../src/models/ldn/equations.js';
import { LITERATURE, SEED } from '../../src/models/ldn/parameters.js';
import { parameterValues } from '../../src/parameters/types.js';
import { parseExpr } from '../../src/symbolic/expr.js';
import { compileSymbolicModel, type SymbolicModel } from '../../src/symbolic/model.js';

const N = LDN_STATES.length;
const ids = ldnModel.parameterIds;

/** parameters uniformly inside their plausible ranges */
const paramsArb = fc.record(Object.fromEntries(ids.map((id) => {
  const [lo, hi] = LITERATURE.parameters[id]!.range;
  return [id, fc.double({ min: lo, max: hi, noNaN: true })];
})));
/**
 * amounts from 0 to 1e5 nmol (a 50 mg dose is 1.3e5 nmol), sometimes exactly 0. Positive amounts
 * start at 1e-200: below that, products with rate constants become subnormal doubles, which carry
 * too few significant bits for any relative comparison (fast-check found 5.4e-323 nmol, where the
 * two exact-in-theory forms differ by one unit of the last place, a relative error of 1).
 */
const stateArb = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-200, max: 1e5, noNaN: true })), { minLength: N, maxLength: N }).map((a) => Float64Array.from(a));

function valid(p: Record<string, number>): boolean {
  try {
    ldnModel.system(p);
    return true;
  } catch {
    return false; // outside the model's fraction constraints (f6bn ≥ fmSys·F, F + presystemic ≤ fa)
  }
}

/**
 * Largest mismatch between the symbolic and the hand-written model at (p, y), relative to the
 * size of the terms: derivative i is compared with Σ_j |J_ij·y_j| (the model is linear), which is
 * what rounding scales with when terms cancel; outputs (sums of non-negative terms) plainly.
 */
function mismatch(model: SymbolicModel, p: Record<string, number>, y: Float64Array): { rate: number; output: number } {
  const sym = compileSymbolicModel(model, p);
  const hand = ldnModel.system(p);
  const dySym = new Float64Array(N);
  const dyHand = new Float64Array(N);
  sym.system.rhs(0, y, dySym);
  hand.rhs(0, y, dyHand);
  const J = new Float64Array(N * N);
  hand.jacobian!(0, y, J);
  let rate = 0;
  for (let i = 0; i < N; i++) {
    let scale = Math.abs(dyHand[i]!);
    for (let j = 0; j < N; j++) scale += Math.abs(J[i * N + j]! * y[j]!);
    const d = Math.abs(dySym[i]! - dyHand[i]!);
    rate = Math.max(rate, d === 0 ? 0 : d / scale);
  }
  const map: (y: Float64Array, out: Float64Array, t: number) => void = ldnModel.outputMap(p);
  const outHand = new Float64Array(LDN_OUTPUTS.length);
  const outSym = new Float64Array(LDN_OUTPUTS.length);
  map(y, outHand, 0);
  sym.outputs(y, outSym, 0);
  let output = 0;
  for (let j = 0; j < outHand.length; j++) {
    const d = Math.abs(outSym[j]! - outHand[j]!);
    output = Math.max(output, d === 0 ? 0 : d / Math.max(Math.abs(outHand[j]!), Number.MIN_VALUE));
  }
  return { rate, output };
}

describe('symbolic LDN equations equal the hand-written model', () => {
  const model = ldnSymbolicModel();

  it('same states, outputs (ids, order, units) and parameters', () => {
    expect(model.states.map((s) => [s.id, s.unit])).toEqual(LDN_STATES.map((s) => [s.id, s.unit]));
    expect(model.assignments.filter((a) => a.output).map((a) => [a.id, a.unit])).toEqual(LDN_OUTPUTS.map((o) => [o.id, o.unit]));
    const symParams = new Map(model.parameters.map((p) => [p.id, p]));
    for (const id of ids) {
      expect(symParams.get(id)?.unit, id).toBe(LITERATURE.parameters[id]!.unit);
      expect(symParams.get(id)?.provenance?.source, id).toBe(LITERATURE.parameters[id]!.source);
    }
    expect(model.doseTarget).toBe(ldnModel.doseState);
    const compiled = compileSymbolicModel(model, parameterValues(LITERATURE));
    expect(compiled.system.autonomous).toBe(true);
  });

  it('derivatives and outputs agree to 1e-12 at random parameters and states', () => {
    let checked = 0;
    fc.assert(
      fc.property(paramsArb, stateArb, (p, y) => {
        fc.pre(valid(p));
        checked++;
        const m = mismatch(model, p, y);
        expect(m.rate).toBeLessThanOrEqual(1e-12);
        expect(m.output).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 500 },
    );
    expect(checked).toBeGreaterThan(300);
  });

  it('at the literature and seed sets too', () => {
    const y = Float64Array.from([1e4, 3e3, 1.5e3, 2e3, 0.5, 4e3, 1e3, 200]);
    for (const set of [LITERATURE, SEED]) {
      const m = mismatch(ldnSymbolicModel({ set }), parameterValues(set), y);
      expect(m.rate).toBeLessThanOrEqual(1e-12);
      expect(m.output).toBeLessThanOrEqual(1e-12);
    }
  });

  it('the check catches a one-symbol change (k21 for k12 in the peripheral rate, 1 − fu for fu)', () => {
    const core = ldnCoreEquations();
    const p = parameterValues(LITERATURE);
    const y = Float64Array.from([1e4, 3e3, 1.5e3, 2e3, 0.5, 4e3, 1e3, 200]);
    const swapRate = ldnSymbolicModel({ modules: [] });
    const mutated: SymbolicModel = { ...swapRate, rates: swapRate.rates.map((r) => (r.id === 'ntx_peripheral' ? { id: r.id, math: parseExpr('k21 * ntx_central - k21 * ntx_peripheral') } : r)) };
    expect(mismatch(mutated, p, y).rate).toBeGreaterThan(1e-3);
    const mutatedOut: SymbolicModel = { ...swapRate, assignments: swapRate.assignments.map((a) => (a.id === 'naltrexone_unbound_nM' ? { ...a, math: parseExpr('(1 - fu) * ntx_central / V1') } : a)) };
    expect(mismatch(mutatedOut, p, y).output).toBeGreaterThan(1e-3);
    expect(core.id).toBe('ldn-core');
  });
});
