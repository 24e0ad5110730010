// Reading SBML back. The re-read test: the LDN model exported with a titration regimen, read
// back, and simulated with our own solver from the read equations and the read dose events,
// equals `simulate()` of the hand-written engine to 1e-6 relative on every output. Plus: write →
// read → write is the same text (also after libSBML has re-serialised the file), and the variants
// other tools write (species, rules in any order, delays, n-ary MathML) are read or refused by name.
import { beforeAll, describe, expect, it } from 'vitest';
import { ldnSymbolicModel } from '../../src/models/ldn/equations.js';
import { LITERATURE, SEED } from '../../src/models/ldn/parameters.js';
import { parameterValues, type ParameterSet } from '../../src/parameters/types.js';
import { expandRegimen } from '../../src/regimen/expand.js';
import { parseRegimen } from '../../src/regimen/schema.js';
import { simulate } from '../../src/simulate.js';
import { rodas4 } from '../../src/ode/solvers/rodas4.js';
import { mgHclToNmol } from '../../src/units.js';
import type { SymbolicFragment } from '../../src/symbolic/model.js';
import { fromSbml } from '../../src/symbolic/sbml-read.js';
import { toSbml } from '../../src/symbolic/sbml-write.js';
import { simulateSymbolic } from '../../src/symbolic/simulate.js';
import { xmlSafe } from '../../src/symbolic/xml.js';
import { loadLibSbml, type SbmlValidator } from './libsbml.js';

const DAYS = 24;
const titration = expandRegimen(parseRegimen({ steps: [{ dose_mg: 1.5, time: '22:00', days: 7 }, { dose_mg: 3, days: 7 }, { dose_mg: 4.5 }], extra: [{ dose_mg: 1.5, at_h: 200.5 }] }), DAYS * 24);

function exportLdn(set: ParameterSet, modules: readonly SymbolicFragment[] = []): string {
  return toSbml(ldnSymbolicModel({ set, modules }), {
    parameters: parameterValues(set),
    doses: titration.doses.map((d) => ({ time_h: d.time_h, amount: mgHclToNmol(d.dose_mg) })),
    notes: ['Regimen: 1.5 mg × 7 d, 3 mg × 7 d, then 4.5 mg daily at 22:00, plus an extra 1.5 mg at 200.5 h.'],
  });
}

/** largest |a − b| / |b| over a series, ignoring values below 1e-9 of the series' maximum */
function worstRelative(a: Float64Array, b: Float64Array): number {
  const floor = 1e-9 * Math.max(...Array.from(b, Math.abs));
  let worst = 0;
  for (let i = 0; i < b.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (d > 0) worst = Math.max(worst, d / Math.max(Math.abs(b[i]!), floor));
  }
  return worst;
}

let libsbml: SbmlValidator;
beforeAll(async () => {
  libsbml = await loadLibSbml();
}, 60_000);

describe('re-read: the exported LDN model, simulated from the SBML, equals the engine', () => {
  it.each([
    ['literature', LITERATURE],
    ['seed', SEED],
  ])('%s parameters, titration regimen with an extra dose over 24 days', (_name, set) => {
    const xml = exportLdn(set);
    const read = fromSbml(xml);
    expect(read.warnings).toEqual([]);
    expect(read.doses).toHaveLength(titration.doses.length);
    expect(read.doses.every((d) => d.target === 'gut')).toBe(true);
    // tight tolerances on both sides: the engine integrates the depot in closed form, the SBML as an ODE
    const tight = { rtol: 1e-10, atol: 1e-12 };
    const engine = simulate({ schedule: titration, days: DAYS, parameters: set, control: tight });
    const again = simulateSymbolic(read.model, { parameters: read.parameters, doses: read.doses, times: engine.time_h, control: tight });
    const ids = Object.keys(engine.series);
    expect(ids).toHaveLength(7);
    expect(Object.keys(again.series)).toEqual(ids);
    for (const id of ids) expect(worstRelative(again.series[id]!, engine.series[id]!), id).toBeLessThan(1e-6);
    // the same with another solver (Rosenbrock, tight tolerances): not a same-steps coincidence
    const rodas = simulateSymbolic(read.model, { parameters: read.parameters, doses: read.doses, times: engine.time_h, solver: rodas4, control: { rtol: 1e-10, atol: 1e-12 } });
    for (const id of ids) expect(worstRelative(rodas.series[id]!, engine.series[id]!), `${id} (rodas4)`).toBeLessThan(1e-6);
    // and the comparison is sharp: one changed parameter in the SBML shows up
    const tampered = fromSbml(xml.replace(`id="CL" name="systemic clearance of naltrexone" value="${set.parameters.CL!.value}"`, `id="CL" name="systemic clearance of naltrexone" value="${set.parameters.CL!.value * 1.001}"`));
    const off = simulateSymbolic(tampered.model, { parameters: tampered.parameters, doses: tampered.doses, times: engine.time_h });
    expect(worstRelative(off.series.naltrexone_ng_ml!, engine.series.naltrexone_ng_ml!)).toBeGreaterThan(1e-4);
  });
});

describe('round trip', () => {
  it('write → read gives the same model, parameters, doses and notes', () => {
    const model = ldnSymbolicModel();
    const read = fromSbml(exportLdn(LITERATURE));
    expect(read.model).toEqual(model);
    expect(read.parameters).toEqual({ ...parameterValues(LITERATURE), MW_naltrexone: 341.4, MW_naltrexol: 343.4 });
    expect(read.exportOptions.notes).toEqual(['Regimen: 1.5 mg × 7 d, 3 mg × 7 d, then 4.5 mg daily at 22:00, plus an extra 1.5 mg at 200.5 h.']);
    expect(read.sbml).toEqual({ level: 3, version: 2, id: 'ldn_pk_occupancy' });
  });

  it.each([
    ['literature', () => exportLdn(LITERATURE)],
    ['seed', () => exportLdn(SEED)],
    ['core + a module with dotted ids, an unknown unit and hostile text', () => exportLdn(LITERATURE, [hostileModule])],
    ['no doses', () => toSbml(ldnSymbolicModel(), { parameters: parameterValues(LITERATURE), id: 'other_id' })],
  ])('write → read → write is the same XML: %s', (_what, make) => {
    const xml = make();
    const read = fromSbml(xml);
    expect(toSbml(read.model, read.exportOptions)).toBe(xml);
  });

  it('hostile names come back as written (less what XML cannot carry)', () => {
    const read = fromSbml(exportLdn(LITERATURE, [hostileModule]));
    const k = read.model.parameters.find((p) => p.id === 'demo.kOn')!;
    expect(k.name).toBe(xmlSafe(HOSTILE));
    expect(k.provenance?.note).toBe('line 1\nline 2\t"quoted" & <b>');
    expect(read.model.states.find((s) => s.id === 'demo.signal')!.description).toBe(xmlSafe(HOSTILE));
    expect(read.model.fragments).toEqual(['ldn-core', 'demo']);
  });

  it('after libSBML has re-serialised the file (its spacing and number formats) we read the same model', () => {
    // libSBML quirks seen here, which is why this test uses plain text: it writes numbers with 15
    // significant digits (11907.91214607039 → 11907.9121460704), turns newlines and tabs in attribute
    // values into spaces, and does not re-escape a literal "&amp;" in text
    const xml = exportLdn(LITERATURE, [{ ...hostileModule, description: 'Demo', states: [{ id: 'demo.signal', name: 'signal', unit: 'fraction', initial: 'demo.base' }], parameters: hostileModule.parameters!.map((p) => ({ ...p, name: 'plain', provenance: { label: 'plain <b> & "q"', doi: '10.1000/x<y>' } })) }]);
    const ours = fromSbml(xml);
    const theirs = libsbml.rewrite(xml);
    expect(theirs).not.toBe(xml);
    expect(theirs).toMatch(/<ci> gut <\/ci>/);
    const read = fromSbml(theirs);
    expect(read.model).toEqual(ours.model);
    for (const [k, v] of Object.entries(ours.parameters)) expect(Math.abs(read.parameters[k]! - v), k).toBeLessThanOrEqual(1e-14 * Math.abs(v));
    read.doses.forEach((d, i) => {
      expect(d.time_h).toBe(ours.doses[i]!.time_h);
      expect(Math.abs(d.amount - ours.doses[i]!.amount)).toBeLessThanOrEqual(1e-14 * d.amount);
    });
  });
});

const HOSTILE = `"><script>alert('x')</script>&amp; ]]> <!-- \u0001 ∑ 𝛼`;
const hostileModule: SymbolicFragment = {
  id: 'demo',
  description: `Demo ${HOSTILE}`,
  states: [{ id: 'demo.signal', name: HOSTILE, unit: 'fraction', initial: 'demo.base', description: HOSTILE }],
  parameters: [
    { id: 'demo.kOn', name: HOSTILE, unit: '1/h', value: 0.5, provenance: { label: HOSTILE, note: 'line 1\nline 2\t"quoted" & <b>', range: [0.1, 2], doi: '10.1000/x<y>' } },
    { id: 'demo.base', unit: 'fraction', value: 0.25 },
    { id: 'demo.kOff', unit: 'furlongs/fortnight', value: 1.5e-9 },
  ],
  assignments: [{ id: 'demo.signal_rel', unit: 'ratio', math: 'max(1 + demo.signal, 0)', output: true }],
  rates: [{ id: 'demo.signal', math: 'demo.kOn * mu_occupancy - demo.kOff * demo.signal ^ 2' }],
};

const SBML = (body: string, head = '<sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">') => `<?xml version="1.0" encoding="UTF-8"?>\n${head}<model id="foreign" name="from another tool">${body}</model></sbml>`;
const M = (s: string) => `<math xmlns="http://www.w3.org/1998/Math/MathML">${s}</math>`;
const T = '<csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time"> t </csymbol>';

describe('variants other tools write', () => {
  const foreign = SBML(`
    <listOfCompartments><compartment id="c" size="2" constant="true"/></listOfCompartments>
    <listOfSpecies>
      <species id="S1" compartment="c" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
      <species id="S2" compartment="c" initialAmount="4" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/>
    </listOfSpecies>
    <listOfParameters>
      <parameter id="k" value="0.5" constant="true"/>
      <parameter id="k2" constant="true"/>
      <parameter id="total" constant="false"/>
      <parameter id="half" constant="false"/>
    </listOfParameters>
    <listOfInitialAssignments><initialAssignment symbol="k2">${M('<apply><times/><cn type="integer">2</cn><ci>k</ci></apply>')}</initialAssignment></listOfInitialAssignments>
    <listOfRules>
      <assignmentRule variable="half">${M('<apply><divide/><ci> total </ci><cn>2</cn></apply>')}</assignmentRule>
      <assignmentRule variable="total">${M('<apply><plus/><ci>S1</ci><ci>S2</ci><cn type="e-notation">0<sep/>0</cn></apply>')}</assignmentRule>
      <rateRule variable="S2">${M('<apply><minus/><apply><times/><ci>k</ci><ci>S2</ci></apply></apply>')}</rateRule>
      <rateRule variable="S1">${M('<apply><times/><ci>k2</ci><apply><minus/><cn>1</cn><ci>S1</ci></apply></apply>')}</rateRule>
    </listOfRules>
    <listOfConstraints><constraint>${M('<apply><geq/><ci>S1</ci><cn>0</cn></apply>')}</constraint></listOfConstraints>
    <listOfEvents>
      <event id="e1" useValuesFromTriggerTime="true"><trigger initialValue="false" persistent="true">${M(`<apply><lt/><cn>5</cn>${T}</apply>`)}</trigger>
        <listOfEventAssignments><eventAssignment variable="S2">${M('<apply><plus/><cn>10</cn><ci>S2</ci></apply>')}</eventAssignment></listOfEventAssignments></event>
      <event id="e2" useValuesFromTriggerTime="false"><trigger initialValue="false" persistent="false">${M(`<apply><geq/>${T}<ci>k2</ci></apply>`)}</trigger>
        <delay>${M('<cn>9</cn>')}</delay>
        <listOfEventAssignments><eventAssignment variable="S2">${M('<apply><plus/><ci>S2</ci><apply><times/><cn>2</cn><ci>k</ci></apply></apply>')}</eventAssignment></listOfEventAssignments></event>
      <event id="e3" useValuesFromTriggerTime="true"><trigger initialValue="true" persistent="true">${M(`<apply><geq/>${T}<cn>0</cn></apply>`)}</trigger>
        <listOfEventAssignments><eventAssignment variable="S2">${M('<apply><plus/><ci>S2</ci><cn>100</cn></apply>')}</eventAssignment></listOfEventAssignments></event>
    </listOfEvents>`);

  it('species with rate rules, rules out of order, initial assignments, delays, lt triggers and n-ary MathML', () => {
    const read = fromSbml(foreign);
    expect(read.sbml).toEqual({ level: 3, version: 1, id: 'foreign' });
    expect(read.model.states.map((s) => [s.id, s.initial, s.compartment])).toEqual([
      ['S1', 1, 'c'],
      ['S2', 4, 'c'],
    ]);
    expect(read.parameters).toEqual({ k: 0.5, k2: 1 });
    expect(read.doses).toEqual([
      { time_h: 5, amount: 10, target: 'S2' },
      { time_h: 10, amount: 1, target: 'S2' },
    ]);
    expect(read.model.doseTarget).toBe('S2');
    expect(read.warnings).toEqual([
      'constraints were ignored',
      'parameter k2 = 2 * k was evaluated to 1',
      'event e3 is true at t = 0 with initialValue="true", so it never fires; skipped',
    ]);
    expect(read.model.assignments.map((a) => [a.id, a.output])).toEqual([
      ['half', true],
      ['total', true],
    ]);
    // S1 → 1 stays 1; S2 decays with k = 0.5 and gets +10 at t = 5 and +1 at t = 10 (5 + a delay of 9 − ... no: trigger k2 = 1, delay 9)
    const times = [0, 4, 7, 12];
    const traj = simulateSymbolic(read.model, { parameters: read.parameters, doses: read.doses, times, control: { rtol: 1e-10, atol: 1e-12 } });
    const s2 = (t: number) => 4 * Math.exp(-0.5 * t) + (t >= 5 ? 10 * Math.exp(-0.5 * (t - 5)) : 0) + (t >= 10 ? Math.exp(-0.5 * (t - 10)) : 0);
    times.forEach((t, i) => {
      expect(traj.states.S2![i]).toBeCloseTo(s2(t), 8);
      expect(traj.series.half![i]).toBeCloseTo((1 + s2(t)) / 2, 8);
    });
  });

  it.each([
    ['reactions', '<listOfReactions><reaction id="r" reversible="false"/></listOfReactions>', /reactions are not supported/],
    ['function definitions', '<listOfFunctionDefinitions><functionDefinition id="f"/></listOfFunctionDefinitions>', /function definitions are not supported/],
    ['algebraic rules', `<listOfParameters><parameter id="x" value="1" constant="false"/></listOfParameters><listOfRules><algebraicRule>${M('<ci>x</ci>')}</algebraicRule></listOfRules>`, /algebraic rules are not supported/],
    ['a trigger that is not on time', `<listOfParameters><parameter id="x" value="1" constant="false"/></listOfParameters><listOfRules><rateRule variable="x">${M('<cn>1</cn>')}</rateRule></listOfRules><listOfEvents><event id="e" useValuesFromTriggerTime="true"><trigger initialValue="false" persistent="true">${M('<apply><gt/><ci>x</ci><cn>2</cn></apply>')}</trigger></event></listOfEvents>`, /event e: only triggers of the form time ≥ t are supported/],
    ['an event assignment that is not an addition', `<listOfParameters><parameter id="x" value="1" constant="false"/></listOfParameters><listOfRules><rateRule variable="x">${M('<cn>1</cn>')}</rateRule></listOfRules><listOfEvents><event id="e" useValuesFromTriggerTime="true"><trigger initialValue="false" persistent="true">${M(`<apply><geq/>${T}<cn>2</cn></apply>`)}</trigger><listOfEventAssignments><eventAssignment variable="x">${M('<apply><times/><ci>x</ci><cn>2</cn></apply>')}</eventAssignment></listOfEventAssignments></event></listOfEvents>`, /only assignments of the form x \+ amount are supported, not x \* 2/],
    ['an unknown identifier', `<listOfParameters><parameter id="x" value="1" constant="false"/></listOfParameters><listOfRules><rateRule variable="x">${M('<ci>y</ci>')}</rateRule></listOfRules>`, /unknown identifier "y"/],
    ['a parameter without its constant attribute', '<listOfParameters><parameter id="x" value="1"/></listOfParameters>', /lacks the required attribute constant/],
    ['a constant parameter without value', '<listOfParameters><parameter id="x" constant="true"/></listOfParameters>', /constant parameter x has no value/],
    ['unsupported MathML', `<listOfParameters><parameter id="x" value="1" constant="false"/></listOfParameters><listOfRules><rateRule variable="x">${M('<apply><tan/><ci>x</ci></apply>')}</rateRule></listOfRules>`, /rate rule for x: MathML: operator <tan\/> is not supported/],
  ])('refuses %s, by name', (_what, body, message) => {
    expect(() => fromSbml(SBML(body))).toThrow(message);
  });

  it('refuses other levels, packages that are required, and what is not SBML', () => {
    expect(() => fromSbml(SBML('', '<sbml xmlns="http://www.sbml.org/sbml/level2/version4" level="2" version="4">'))).toThrow(/only SBML Level 3 is read/);
    expect(() => fromSbml(SBML('', '<sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" xmlns:fbc="http://www.sbml.org/sbml/level3/version1/fbc/version2" level="3" version="1" fbc:required="false" comp:required="true" xmlns:comp="urn:x">'))).toThrow(/package comp is required/);
    expect(() => fromSbml('<html/>')).toThrow(/root element is <html>/);
    expect(() => fromSbml('<sbml')).toThrow(/SBML: XML: /);
  });
});
