// Composition of symbolic fragments (core + modules): what merges, what is refused and how the
// message names the fragment; compilation of a composed model; the clock fragment.
import { describe, expect, it } from 'vitest';
import { ldnCoreEquations, ldnSymbolicModel } from '../../src/models/ldn/equations.js';
import { LITERATURE } from '../../src/models/ldn/parameters.js';
import { parameterValues } from '../../src/parameters/types.js';
import { assignmentOrder, CLOCK_FRAGMENT, compileSymbolicModel, composeSymbolicModel, type SymbolicFragment } from '../../src/symbolic/model.js';
import { simulateSymbolic } from '../../src/symbolic/simulate.js';

/** what a hypothesis module's equations.ts looks like: dotted ids, reads the core's outputs */
const demoModule: SymbolicFragment = {
  id: 'demo',
  description: 'A demo feedback driven by μ occupancy.',
  states: [{ id: 'demo.signal', name: 'feedback signal', unit: 'fraction', initial: 0 }],
  parameters: [
    { id: 'demo.kOn', unit: '1/h', value: 0.5, provenance: { label: 'rise rate', evidence: 'assumption', note: 'demo' } },
    { id: 'demo.kOff', unit: '1/h', value: 0.1 },
  ],
  assignments: [{ id: 'demo.signal_rel', unit: 'ratio', math: '1 + demo.signal', output: true }],
  rates: [{ id: 'demo.signal', math: 'demo.kOn * mu_occupancy - demo.kOff * demo.signal' }],
};

const meta = { id: 'm', name: 'm', description: 'd' };
const frag = (f: Partial<SymbolicFragment> & { id: string }): SymbolicFragment => f;

describe('composeSymbolicModel', () => {
  it('core + module: states, outputs and parameters are concatenated; the module reads core outputs', () => {
    const model = ldnSymbolicModel({ modules: [demoModule] });
    expect(model.id).toBe('ldn_pk_occupancy_demo');
    expect(model.fragments).toEqual(['ldn-core', 'demo']);
    expect(model.states.map((s) => s.id).slice(-2)).toEqual(['unabsorbed', 'demo.signal']);
    const c = compileSymbolicModel(model, parameterValues(LITERATURE));
    expect(c.outputIds.slice(-1)).toEqual(['demo.signal_rel']);
    const y = new Float64Array(9);
    y[1] = 5000;
    const dy = new Float64Array(9);
    c.system.rhs(0, y, dy);
    const mu = c.assignmentValues(y, 0).mu_occupancy!;
    expect(mu).toBeGreaterThan(0.1);
    expect(dy[8]).toBeCloseTo(0.5 * mu, 14);
  });

  it('identical definitions from two fragments merge (a shared clock); the clock wraps at 24 h', () => {
    const a = frag({ id: 'a', states: [{ id: 'x', unit: '1', initial: 0 }], rates: [{ id: 'x', math: 'cos(2 * pi * clock_h / 24)' }] });
    const b = frag({ id: 'b', states: [{ id: 'z', unit: '1', initial: 1 }], rates: [{ id: 'z', math: 'clock_h' }] });
    const model = composeSymbolicModel(meta, [CLOCK_FRAGMENT, a, CLOCK_FRAGMENT, b]);
    expect(model.parameters.map((p) => p.id)).toEqual(['firstDoseClockH']);
    const c = compileSymbolicModel(model, { firstDoseClockH: 22 });
    expect(c.system.autonomous).toBe(false);
    expect(c.assignmentValues(new Float64Array(2), 5).clock_h).toBe(3);
    expect(c.assignmentValues(new Float64Array(2), 1).clock_h).toBe(23);
    expect(Array.from(c.initialState())).toEqual([0, 1]);
  });

  it.each([
    ['the same id with different definitions', [frag({ id: 'a', parameters: [{ id: 'k', unit: '1/h', value: 1 }] }), frag({ id: 'b', parameters: [{ id: 'k', unit: '1/h', value: 2 }] })], /id "k" is defined twice: as a parameter in fragment a and as a parameter in fragment b \(with different definitions\)/],
    ['a parameter clashing with a state', [frag({ id: 'a', parameters: [{ id: 'gut', unit: 'nmol', value: 1 }] }), frag({ id: 'core', states: [{ id: 'gut', unit: 'nmol', initial: 0 }], rates: [{ id: 'gut', math: '0' }] })], /id "gut" is defined twice: as a parameter in fragment a and as a state in fragment core/],
    ['a rate for an unknown state', [frag({ id: 'a', rates: [{ id: 'nope', math: '1' }] })], /fragment a: rate of unknown state "nope"/],
    ['a rate for a parameter', [frag({ id: 'a', parameters: [{ id: 'k', unit: '1', value: 1 }], rates: [{ id: 'k', math: '1' }] })], /a rate is given for k, which is a parameter/],
    ['two different rates for one state', [frag({ id: 'a', states: [{ id: 'x', unit: '1', initial: 0 }], rates: [{ id: 'x', math: '1' }] }), frag({ id: 'b', rates: [{ id: 'x', math: '2' }] })], /the rate of x is defined twice: in fragment a and in fragment b/],
    ['a state without a rate', [frag({ id: 'a', states: [{ id: 'x', unit: '1', initial: 0 }] })], /state x \(fragment a\) has no rate rule/],
    ['an unknown identifier', [frag({ id: 'a', states: [{ id: 'x', unit: '1', initial: 0 }], rates: [{ id: 'x', math: 'kk * x' }] })], /fragment a, rate of x: unknown identifier "kk" in kk \* x/],
    ['a syntax error', [frag({ id: 'a', states: [{ id: 'x', unit: '1', initial: 0 }], rates: [{ id: 'x', math: '2 * * x' }] })], /fragment a, rate of x: expected a number/],
    ['a cycle of assignments', [frag({ id: 'a', assignments: [{ id: 'u', unit: '1', math: 'v + 1' }, { id: 'v', unit: '1', math: '2 * u' }] })], /assignments form a cycle: u → v → u/],
    ['a reserved id', [frag({ id: 'a', parameters: [{ id: 'time', unit: 'h', value: 1 }] })], /parameter id "time" is reserved/],
    ['an id that is no identifier', [frag({ id: 'a', parameters: [{ id: 'k-1', unit: 'h', value: 1 }] })], /parameter id "k-1" is not an identifier/],
    ['an initial value reading a state', [frag({ id: 'a', states: [{ id: 'x', unit: '1', initial: 'y' }, { id: 'y', unit: '1', initial: 0 }], rates: [{ id: 'x', math: '0' }, { id: 'y', math: '0' }] })], /initial value of x: y is a state, which cannot be used here/],
    ['two dose targets', [frag({ id: 'a', states: [{ id: 'x', unit: '1', initial: 0 }], rates: [{ id: 'x', math: '0' }], doseTarget: 'x' }), frag({ id: 'b', states: [{ id: 'y', unit: '1', initial: 0 }], rates: [{ id: 'y', math: '0' }], doseTarget: 'y' })], /two dose targets: x \(fragment a\) and y \(fragment b\)/],
    ['a non-finite parameter value', [frag({ id: 'a', parameters: [{ id: 'k', unit: '1', value: NaN }] })], /fragment a, parameter k: value NaN is not finite/],
  ])('refuses %s', (_what, fragments, message) => {
    expect(() => composeSymbolicModel(meta, fragments)).toThrow(message);
  });

  it('refuses a model id that is not an SBML SId', () => {
    expect(() => composeSymbolicModel({ ...meta, id: 'ldn-pk' }, [])).toThrow(/not an SBML SId/);
  });

  it('module ids clashing with the core are refused with both fragments named', () => {
    const bad = frag({ id: 'rebound', parameters: [{ id: 'ka', unit: '1/h', value: 1 }] });
    expect(() => ldnSymbolicModel({ modules: [bad] })).toThrow(/id "ka" is defined twice: as a parameter in fragment ldn-core and as a parameter in fragment rebound/);
  });

  it('assignments are evaluated in dependency order whatever their listed order', () => {
    const order = assignmentOrder(ldnSymbolicModel()).map((a) => a.id);
    expect(order.indexOf('brain_naltrexone_nM')).toBeLessThan(order.indexOf('theta_mu'));
    expect(order.indexOf('theta_mu')).toBeLessThan(order.indexOf('mu_occupancy'));
  });

  it('compilation refuses missing parameter values; defaults are used when given', () => {
    const core = ldnCoreEquations();
    const model = composeSymbolicModel(meta, [core]);
    expect(() => compileSymbolicModel(model, {})).toThrow(/parameter ka has no value/);
    expect(() => compileSymbolicModel(model, { ...parameterValues(LITERATURE), CL: Infinity })).toThrow(/CL = Infinity is not finite/);
  });

  it('simulateSymbolic: a dose into the dose target, mass conserved', () => {
    const model = ldnSymbolicModel();
    const traj = simulateSymbolic(model, { parameters: parameterValues(LITERATURE), doses: [{ time_h: 0, amount: 1000 }], times: [0, 1, 24, 240] });
    const total = (k: number) => Object.values(traj.states).reduce((s, col) => s + col[k]!, 0);
    for (let k = 0; k < 4; k++) expect(total(k) - traj.states.brain_pool![k]!).toBeCloseTo(1000, 6);
    expect(traj.series.mu_occupancy![1]).toBeGreaterThan(0.05);
    expect(() => simulateSymbolic(model, { parameters: parameterValues(LITERATURE), doses: [{ time_h: 0, amount: 1, target: 'nope' }], times: [0] })).toThrow(/dose target nope is not a state/);
  });
});
