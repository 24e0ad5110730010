// The SBML Level 3 Version 2 writer: the document's structure, validation by libSBML (WebAssembly)
// with no message but the unit-check caveat for literal numbers, provenance in notes and
// annotations, doses as events, escaping of hostile text, and refusals.
import { beforeAll, describe, expect, it } from 'vitest';
import { ldnSymbolicModel } from '../../src/models/ldn/equations.js';
import { LITERATURE, SEED } from '../../src/models/ldn/parameters.js';
import { parameterValues } from '../../src/parameters/types.js';
import { mgHclToNmol } from '../../src/units.js';
import { composeSymbolicModel, type SymbolicFragment } from '../../src/symbolic/model.js';
import { toSbml } from '../../src/symbolic/sbml-write.js';
import { childElements, firstChild, parseXml, textContent, xmlSafe, type XmlElement } from '../../src/symbolic/xml.js';
import { loadLibSbml, type SbmlValidator } from './libsbml.js';
import { sbmlFromRequest } from '../../src/symbolic/export-request.js';
import { RequestError } from '../../src/run.js';

const values = parameterValues(LITERATURE);
const daily = (n: number, mg: number) => Array.from({ length: n }, (_, i) => ({ time_h: 24 * i, amount: mgHclToNmol(mg) }));
/** libSBML's caveat for literal numbers without units: a warning that units cannot be fully checked */
const UNIT_CAVEAT = /cannot be fully checked/;

let libsbml: SbmlValidator;
beforeAll(async () => {
  libsbml = await loadLibSbml();
}, 60_000);

function byId(parent: XmlElement | undefined, list: string, item: string): Map<string, XmlElement> {
  const l = parent ? firstChild(parent, list) : undefined;
  return new Map((l ? childElements(l, item) : []).map((e) => [e.attrs.id ?? e.attrs.variable ?? '', e]));
}

const hostile = `"><script>alert('x')</script>&amp; ]]> <!-- \u0001 \uD800 ∑ 𝛼`;

/** a module fragment as a hypothesis module would write it, with dotted ids and hostile text */
const module: SymbolicFragment = {
  id: 'demo',
  description: `Demo module ${hostile}`,
  states: [{ id: 'demo.signal', name: `signal ${hostile}`, unit: 'fraction', initial: 'demo.base', description: hostile }],
  parameters: [
    { id: 'demo.kOn', name: hostile, unit: '1/h', value: 0.5, provenance: { label: hostile, source: 'x&y', evidence: 'assumption', note: `line 1\nline 2\t"quoted"`, range: [0.1, 2], doi: '10.1000/a<b>&c' } },
    { id: 'demo.base', unit: 'fraction', value: 0.25 },
    { id: 'demo.kOff', unit: 'furlongs/fortnight', value: 0.1 },
  ],
  assignments: [{ id: 'demo.signal_rel', unit: 'ratio', math: '1 + demo.signal', output: true, description: hostile }],
  rates: [{ id: 'demo.signal', math: 'demo.kOn * mu_occupancy - demo.kOff * demo.signal' }],
};

describe('toSbml', () => {
  const xml = toSbml(ldnSymbolicModel(), { parameters: values, doses: daily(14, 4.5), notes: ['Regimen: 4.5 mg daily at 22:00 for 14 days.'] });
  const doc = parseXml(xml);
  const model = firstChild(doc, 'model')!;

  it('is SBML Level 3 Version 2 core with no package', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">')).toBe(true);
    expect(Object.keys(doc.attrs).sort()).toEqual(['level', 'version', 'xmlns']);
    expect(model.attrs).toMatchObject({ id: 'ldn_pk_occupancy', timeUnits: 'hour', substanceUnits: 'nmol', volumeUnits: 'litre' });
  });

  it('libSBML reads it and its full consistency check reports nothing but the unit caveat for literal numbers', () => {
    const r = libsbml.validate(xml);
    expect([r.level, r.version]).toEqual([3, 2]);
    expect(r.messages.filter((m) => !UNIT_CAVEAT.test(m))).toEqual([]);
  });

  it('the libSBML check can fail: a document missing a parameter is reported', () => {
    const broken = xml.replace(/<parameter metaid="meta_CL" id="CL"[\s\S]*?<\/parameter>\n/, '');
    expect(broken).not.toBe(xml);
    expect(libsbml.validate(broken).messages.filter((m) => !UNIT_CAVEAT.test(m)).join('\n')).toMatch(/CL/);
  });

  it('states are non-constant parameters with one rate rule each; outputs and derived values are assignment rules', () => {
    const params = byId(model, 'listOfParameters', 'parameter');
    const rules = firstChild(model, 'listOfRules')!;
    const rates = childElements(rules, 'rateRule').map((r) => r.attrs.variable);
    expect(rates).toEqual(['gut', 'ntx_central', 'ntx_peripheral', 'ntb_central', 'brain_pool', 'eliminated_other', 'eliminated_ntb', 'unabsorbed']);
    for (const id of rates) expect(params.get(id!)!.attrs).toMatchObject({ constant: 'false', value: '0' });
    const assigned = childElements(rules, 'assignmentRule').map((r) => r.attrs.variable!);
    expect(assigned).toEqual(expect.arrayContaining(['k10', 'mu_occupancy', 'naltrexone_ng_ml', 'brain_naltrexone_nM']));
    for (const id of assigned) expect(params.get(id)!.attrs.constant).toBe('false');
    expect(params.get('brain_pool')!.attrs.units).toBe('nM');
    expect(params.get('naltrexone_ng_ml')!.attrs.units).toBe('ng_per_ml');
    expect(params.get('ka')!.attrs).toMatchObject({ value: String(values.ka), units: 'per_hour', constant: 'true' });
    expect(params.get('MW_naltrexone')!.attrs.value).toBe('341.4');
    const compartments = byId(model, 'listOfCompartments', 'compartment');
    expect([...compartments.keys()]).toEqual(['central', 'peripheral', 'naltrexol_space']);
    expect(textContent(byIdSymbol(model, 'central')!).trim()).toBe('V1');
  });

  it('every parameter carries its provenance: XHTML notes, our annotation, and MIRIAM isDescribedBy for DOIs/PMIDs', () => {
    const params = byId(model, 'listOfParameters', 'parameter');
    const cl = params.get('CL')!;
    const notes = textContent(firstChild(cl, 'notes')!);
    expect(notes).toContain('popPK of XR-naltrexone, 453 subjects (Dunbar 2007)');
    expect(notes).toContain('Evidence: primary; source: dunbar2007.');
    expect(notes).toContain('PMID:17960304');
    expect(firstChild(firstChild(cl, 'notes')!, 'body')!.ns).toBe('http://www.w3.org/1999/xhtml');
    const ann = firstChild(cl, 'annotation')!;
    const ldn = childElements(ann).find((e) => e.ns === 'urn:ldn-workbench:sbml:1')!;
    expect(ldn.attrs).toMatchObject({ unit: 'L/h', source: 'dunbar2007', evidence: 'primary', range: '94 211' });
    expect(cl.attrs.metaid).toBe('meta_CL');
    expect(xml).toContain('<rdf:li rdf:resource="https://identifiers.org/pubmed:17960304"/>');
    const ka = textContent(firstChild(params.get('ka')!, 'notes')!);
    expect(ka).toMatch(/Fitted \(pk stage\)/);
  });

  it('the seed set carries its own CL and provenance', () => {
    const seedXml = toSbml(ldnSymbolicModel({ set: SEED }), { parameters: parameterValues(SEED) });
    const cl = byId(firstChild(parseXml(seedXml), 'model'), 'listOfParameters', 'parameter').get('CL')!;
    expect(cl.attrs.value).toBe(String(SEED.parameters.CL!.value));
    expect(textContent(firstChild(cl, 'notes')!)).toMatch(/seed-review/);
  });

  it('one time-triggered event per dose, firing at t = 0 too, adding nmol to gut', () => {
    const events = childElements(firstChild(model, 'listOfEvents')!, 'event');
    expect(events).toHaveLength(14);
    const e = events[1]!;
    expect(e.attrs).toMatchObject({ id: 'dose_2', useValuesFromTriggerTime: 'true' });
    expect(firstChild(e, 'delay')).toBeUndefined();
    const trig = firstChild(e, 'trigger')!;
    expect(trig.attrs).toEqual({ initialValue: 'false', persistent: 'true' });
    const compact = (el: XmlElement) => textContent(el).replace(/\s+/g, ' ').trim();
    expect(compact(trig)).toBe('time 24');
    expect(xml).toContain('<geq/>');
    const ea = firstChild(firstChild(e, 'listOfEventAssignments')!, 'eventAssignment')!;
    expect(ea.attrs.variable).toBe('gut');
    expect(compact(ea)).toBe(`gut ${mgHclToNmol(4.5)}`);
  });

  it('doses at the same time are summed into one event (simultaneous events would overwrite each other)', () => {
    const x = toSbml(ldnSymbolicModel(), { parameters: values, doses: [{ time_h: 24, amount: 2 }, { time_h: 0, amount: 1 }, { time_h: 24, amount: 3 }] });
    const events = childElements(firstChild(firstChild(parseXml(x), 'model')!, 'listOfEvents')!, 'event');
    expect(events.map((e) => e.attrs.name)).toEqual(['dose 1: 1 nmol into gut at 0 h', 'dose 2: 5 nmol into gut at 24 h']);
  });

  it('module ids with dots become SIds (__), keep their ids in the annotation, and the document stays valid with hostile text everywhere', () => {
    const m = ldnSymbolicModel({ modules: [module] });
    const hostileModel = { ...m, name: hostile, description: hostile };
    const x = toSbml(hostileModel, { parameters: values, doses: daily(2, 4.5), notes: [hostile] });
    const d = parseXml(x);
    const mod = firstChild(d, 'model')!;
    expect(mod.attrs.name).toBe(xmlSafe(hostile));
    const params = byId(mod, 'listOfParameters', 'parameter');
    const k = params.get('demo__kOn')!;
    expect(k.attrs.name).toBe(xmlSafe(hostile));
    const ldn = childElements(firstChild(k, 'annotation')!).find((e) => e.local === 'parameter')!;
    expect(ldn.attrs.id).toBe('demo.kOn');
    expect(ldn.attrs.note).toBe('line 1\nline 2\t"quoted"');
    expect(ldn.attrs.doi).toBe('10.1000/a<b>&c');
    expect(params.get('demo__kOff')!.attrs.units).toBeUndefined(); // unknown unit: no units attribute
    expect(x).not.toContain('<script>');
    expect(x.includes('\u0001') || x.includes('\uD800')).toBe(false);
    expect(byIdSymbol(mod, 'demo__signal')).toBeDefined();
    // the only other messages are the best-practice warnings about the unit we could not declare
    const other = libsbml.validate(x).messages.filter((msg) => !UNIT_CAVEAT.test(msg));
    expect(other.length).toBeGreaterThan(0);
    for (const msg of other) expect(msg).toMatch(/'demo__kOff' does not have a 'units' attribute|rateRule> with variable 'demo__signal' are indeterminable/);
  });

  it.each([
    ['an id option that is no SId', { id: 'ldn-model' }, /model id "ldn-model" is not an SBML SId/],
    ['a non-finite parameter', { parameters: { ...values, CL: NaN } }, /parameter CL = NaN is not finite/],
    ['a missing parameter', { parameters: { ka: 1 } }, /parameter fa has no value/],
    ['a negative dose time', { doses: [{ time_h: -1, amount: 1 }] }, /dose time -1 h must be a finite number ≥ 0/],
    ['an infinite dose', { doses: [{ time_h: 1, amount: Infinity }] }, /dose amount Infinity must be finite/],
  ])('refuses %s', (_what, patch, message) => {
    expect(() => toSbml(ldnSymbolicModel(), { parameters: values, ...patch })).toThrow(message);
  });

  it('refuses ids that collide once dots become __, and doses for a model without dose target', () => {
    const f: SymbolicFragment = { id: 'f', parameters: [{ id: 'a.b', unit: '1', value: 1 }, { id: 'a__b', unit: '1', value: 2 }] };
    expect(() => toSbml(composeSymbolicModel({ id: 'm', name: 'm', description: '' }, [f]), { parameters: {} })).toThrow(/ids "a.b" and "a__b" both become the SBML id a__b/);
    const g: SymbolicFragment = { id: 'g', states: [{ id: 'x', unit: 'nmol', initial: 0 }], rates: [{ id: 'x', math: '-x' }] };
    expect(() => toSbml(composeSymbolicModel({ id: 'm', name: 'm', description: '' }, [g]), { parameters: {}, doses: [{ time_h: 0, amount: 1 }] })).toThrow(/has no dose target/);
  });
});

function byIdSymbol(model: XmlElement, symbol: string): XmlElement | undefined {
  const l = firstChild(model, 'listOfInitialAssignments');
  return l ? childElements(l, 'initialAssignment').find((e) => e.attrs.symbol === symbol) : undefined;
}

describe('the SBML export and what-if values', () => {
  it('refuses overrides (with the field named) rather than writing the set without them', () => {
    let error: unknown;
    try {
      sbmlFromRequest({ dose: 4.5, overrides: { CL: 70 } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).field).toBe('overrides');
    expect((error as Error).message).toMatch(/what-if values are not exported/);
    expect(() => sbmlFromRequest({ dose: 4.5, overrides: {} })).not.toThrow();
  });
});
