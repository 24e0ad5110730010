// The hypothesis modules written as equations (models/<module>/equations.ts) against the
// hand-written modules: same derivatives and outputs at random parameters and states, and an SBML
// export with every module on, read back and simulated, equals the engine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLdnModel, expandRegimen, fromSbml, fullParameterSet, parameterValues, sbmlFromRequest, simulate, simulateSymbolic, compileSymbolicModel, SYMBOLIC_MODULES } from '@ldn/engine';
import { ldnSymbolicModel } from '../../src/models/ldn/equations.js';

const all = buildLdnModel(['rebound', 'tlr4', 'ogf']);
const set = fullParameterSet('literature');
const base = parameterValues(set);
const moduleIds = all.parameterIds.filter((id) => id.includes('.'));
const paramsArb = fc.record(Object.fromEntries(moduleIds.map((id) => {
  const [lo, hi] = set.parameters[id]!.range;
  return [id, fc.double({ min: lo, max: hi, noNaN: true })];
})));
const stateArb = fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: all.states.length, maxLength: all.states.length }).map((a) => Float64Array.from(a));

describe('module equations equal the hand-written modules', () => {
  const symbolic = ldnSymbolicModel({ set, modules: (['rebound', 'tlr4', 'ogf'] as const).flatMap((h) => SYMBOLIC_MODULES[h]!(set)) });
  it('same state and output ids', () => {
    expect(symbolic.states.map((s) => s.id)).toEqual(all.states.map((s) => s.id));
    expect(symbolic.assignments.filter((a) => a.output).map((a) => a.id)).toEqual(all.outputs.map((o) => o.id));
  });
  it('same derivatives and outputs at random module parameters, states, times and clock (1e-10 relative)', () => {
    fc.assert(
      fc.property(paramsArb, stateArb, fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 23.99, noNaN: true }), (mp, y, t, clock) => {
        const p = { ...base, ...mp, firstDoseClockH: clock };
        const ref = all.states.findIndex((s) => s.id === 'rebound.endorphin_ref');
        y[ref] = y[ref]! + 1; // a reference level of 0 has no ratio
        const sym = compileSymbolicModel(symbolic, p);
        const hand = all.system(p, { firstDoseClockH: clock });
        const a = new Float64Array(y.length);
        const b = new Float64Array(y.length);
        sym.system.rhs(t, y, a);
        hand.rhs(t, y, b);
        for (let i = 0; i < y.length; i++) expect(Math.abs(a[i]! - b[i]!), all.states[i]!.id).toBeLessThanOrEqual(1e-10 * (Math.abs(b[i]!) + 1e-6));
        const oa = new Float64Array(all.outputs.length);
        const ob = new Float64Array(all.outputs.length);
        sym.outputs(y, oa, t);
        all.outputMap(p, { firstDoseClockH: clock })(y, ob, t);
        for (let j = 0; j < oa.length; j++) expect(Math.abs(oa[j]! - ob[j]!), all.outputs[j]!.id).toBeLessThanOrEqual(1e-10 * (Math.abs(ob[j]!) + 1e-12));
      }),
      { numRuns: 200 },
    );
  });
});

describe('SBML export with every module', () => {
  it('read back and simulated, equals the engine (1e-6 relative on every output)', () => {
    const request = { regimen: { steps: [{ dose_mg: 1.5, time: '22:00', days: 3 }, { dose_mg: 4.5 }] }, days: 7, hypotheses: ['rebound', 'tlr4', 'ogf'] };
    const { xml } = sbmlFromRequest(request);
    const read = fromSbml(xml);
    const schedule = expandRegimen({ steps: [{ dose_mg: 1.5, time: '22:00', days: 3 }, { dose_mg: 4.5 }] }, 7 * 24);
    const tight = { rtol: 1e-10, atol: 1e-12 };
    const engine = simulate({ model: all, schedule, days: 7, step_h: 0.5, control: tight });
    const again = simulateSymbolic(read.model, { parameters: read.parameters, doses: read.doses, times: engine.time_h, control: tight });
    for (const [id, e] of Object.entries(engine.series)) {
      const s = again.series[id]!;
      expect(s, id).toBeDefined();
      for (let i = 0; i < e.length; i++) expect(Math.abs(s[i]! - e[i]!), `${id}[${i}]`).toBeLessThanOrEqual(1e-6 * Math.max(Math.abs(e[i]!), 1e-9));
    }
  });
});
