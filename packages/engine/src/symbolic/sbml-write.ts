// SBML Level 3 Version 2 (core, no packages) export of a symbolic model, so that COPASI,
// tellurium/libRoadRunner or any SBML tool can run the model with the chosen parameters and doses.
//
// Encoding choices, and why:
// - States are SBML *parameters* with constant="false" and a rate rule (dX/dt = …), not species
//   with reactions. The engine's models are written as ODEs with mixed units (amounts in nmol, a
//   brain pool in nM with no volume); species would force each into a compartment and make SBML
//   tools rescale amounts and concentrations, which the model does not do. Rate rules on
//   parameters state the equations exactly as they are.
// - Compartments (the volumes V1, V2, Vm) are written with their size set by an initial assignment
//   from the parameter, for documentation and for tools that show them; no species live in them.
// - Derived quantities and outputs are assignment rules on non-constant parameters, in the
//   model's order; our annotation marks the outputs.
// - Each dose is one time-triggered <event> (trigger time ≥ tᵢ, initialValue="false" so a dose at
//   t = 0 fires, persistent="true", useValuesFromTriggerTime="true", no delay) adding the amount to
//   the dose state. Doses at the same time are summed into one event: simultaneous events that
//   each compute `gut + amount` from the trigger-time state would otherwise overwrite each other.
// - Units: unit definitions for h, 1/h, L/h, nmol, nM, ng/mL … (sbml-units.ts); model time unit
//   hour, substance nmol, volume litre.
// - Provenance: each parameter has XHTML <notes> (label, value, range, evidence, source, citation,
//   note), a MIRIAM `bqbiol:isDescribedBy` RDF annotation for sources with a DOI or PMID, and an
//   annotation in our namespace with the same facts as attributes, which the reader uses so that
//   write → read → write is the same text.
// - Ids: SBML SIds have no dots, so module ids such as `rebound.k` are written `rebound__k` with
//   the original id in our annotation. Everything written as text or attribute is escaped;
//   characters XML cannot carry become U+FFFD.

import { usesTime } from './expr.js';
import { cnElement, SBML_TIME_URL, toMathML } from './mathml.js';
import { parameterValuesOf, type Provenance, type SymbolicModel, SymbolicModelError } from './model.js';
import { sbmlUnitOf, type SbmlUnitDefinition } from './sbml-units.js';
import { escapeAttr, escapeText } from './xml.js';

export const SBML_L3V2_NS = 'http://www.sbml.org/sbml/level3/version2/core';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';
/** our annotation namespace (a URN: it names, it does not resolve) */
export const LDN_SBML_NS = 'urn:ldn-workbench:sbml:1';
const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const BQBIOL_NS = 'http://biomodels.net/biology-qualifiers/';

export interface SbmlDose {
  /** hours since t = 0 */
  time_h: number;
  /** amount added to the dose state, in its unit (nmol for the LDN model) */
  amount: number;
}

export interface SbmlExportOptions {
  /** parameter values by id (parameters not given take the model's default value) */
  parameters: Readonly<Record<string, number>>;
  doses?: readonly SbmlDose[];
  /** the SBML model id (default: the model's id); must be an SId */
  id?: string;
  /** further paragraphs for the model's notes (regimen, caveats) */
  notes?: readonly string[];
}

const SID = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The SBML SId for a model id: dots become `__`. */
export function toSid(id: string): string {
  const sid = id.replace(/\./g, '__');
  if (!SID.test(sid)) throw new SymbolicModelError(`id "${id}" cannot be written as an SBML SId`);
  return sid;
}

function fmt(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}

/** XHTML paragraphs (already escaped inside) wrapped as SBML notes */
function notesBlock(pad: string, paragraphs: readonly string[]): string[] {
  return [`${pad}<notes>`, `${pad}  <body xmlns="${XHTML_NS}">`, ...paragraphs.map((p) => `${pad}    ${p}`), `${pad}  </body>`, `${pad}</notes>`];
}

const p = (text: string) => `<p>${escapeText(text)}</p>`;

function attrs(pairs: readonly (readonly [string, string | number | undefined])[]): string {
  return pairs
    .filter((kv): kv is readonly [string, string | number] => kv[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? fmt(v) : escapeAttr(v)}"`)
    .join('');
}

function provenanceParagraphs(prov: Provenance | undefined, value: number, unit: string): string[] {
  const out: string[] = [];
  if (prov?.label) out.push(p(prov.label));
  const range = prov?.range ? ` (plausible range ${fmt(prov.range[0])}–${fmt(prov.range[1])})` : '';
  out.push(p(`Value ${fmt(value)} ${unit}${range}.`));
  const src = [prov?.evidence ? `evidence: ${prov.evidence}` : '', prov?.source ? `source: ${prov.source}` : ''].filter(Boolean).join('; ');
  if (src) out.push(p(src[0]!.toUpperCase() + src.slice(1) + '.'));
  if (prov?.citation) out.push(p(`${prov.citation}${prov.doi ? ` doi:${prov.doi}` : ''}${prov.pmid ? ` PMID:${prov.pmid}` : ''}${prov.url ? ` ${prov.url}` : ''}`));
  if (prov?.note) out.push(p(prov.note));
  return out;
}

function rdf(pad: string, metaid: string, prov: Provenance | undefined): string[] {
  const uris = [prov?.doi ? `https://identifiers.org/doi:${prov.doi}` : undefined, prov?.pmid ? `https://identifiers.org/pubmed:${prov.pmid}` : undefined].filter((x): x is string => x !== undefined);
  if (uris.length === 0) return [];
  return [
    `${pad}<rdf:RDF xmlns:rdf="${RDF_NS}" xmlns:bqbiol="${BQBIOL_NS}">`,
    `${pad}  <rdf:Description rdf:about="#${escapeAttr(metaid)}">`,
    `${pad}    <bqbiol:isDescribedBy>`,
    `${pad}      <rdf:Bag>`,
    ...uris.map((uri) => `${pad}        <rdf:li rdf:resource="${escapeAttr(uri)}"/>`),
    `${pad}      </rdf:Bag>`,
    `${pad}    </bqbiol:isDescribedBy>`,
    `${pad}  </rdf:Description>`,
    `${pad}</rdf:RDF>`,
  ];
}

/** Writes the model as an SBML Level 3 Version 2 core document. */
export function toSbml(model: SymbolicModel, options: SbmlExportOptions): string {
  const values = parameterValuesOf(model, options.parameters);
  const modelId = options.id ?? model.id;
  if (!SID.test(modelId)) throw new SymbolicModelError(`model id "${modelId}" is not an SBML SId (letters, digits and _, not starting with a digit)`);

  // ids → SIds, refusing collisions (SBML has one namespace for all of them, events included)
  const sidOf = new Map<string, string>();
  const taken = new Map<string, string>();
  const allIds = [...model.compartments, ...model.parameters, ...model.states, ...model.assignments].map((x) => x.id);
  for (const id of allIds) {
    const sid = toSid(id);
    const prev = taken.get(sid);
    if (prev !== undefined && prev !== id) throw new SymbolicModelError(`ids "${prev}" and "${id}" both become the SBML id ${sid}`);
    taken.set(sid, id);
    sidOf.set(id, sid);
  }
  const sid = (id: string) => sidOf.get(id) ?? toSid(id);
  const ci = { ci: sid };
  const original = (id: string) => (sid(id) === id ? undefined : id);

  // doses: validated, sorted, same-time doses summed
  const doses = [...(options.doses ?? [])];
  for (const d of doses) {
    if (!Number.isFinite(d.time_h) || d.time_h < 0) throw new SymbolicModelError(`dose time ${d.time_h} h must be a finite number ≥ 0`);
    if (!Number.isFinite(d.amount)) throw new SymbolicModelError(`dose amount ${d.amount} must be finite`);
  }
  if (doses.length > 0 && model.doseTarget === undefined) throw new SymbolicModelError(`model ${model.id} has no dose target, so doses cannot be written`);
  doses.sort((a, b) => a.time_h - b.time_h);
  const merged: SbmlDose[] = [];
  for (const d of doses) {
    const last = merged[merged.length - 1];
    if (last && last.time_h === d.time_h) last.amount += d.amount;
    else merged.push({ ...d });
  }
  let eventPrefix = 'dose_';
  while ([...taken.keys()].some((k) => k.startsWith(eventPrefix))) eventPrefix = `_${eventPrefix}`;

  // units in use
  const used = new Map<string, SbmlUnitDefinition>();
  const unitsAttr = (unit: string): string | undefined => {
    const d = sbmlUnitOf(unit);
    if (!d) return undefined;
    if (d.units.length > 0) used.set(d.id, d);
    return d.id;
  };
  unitsAttr('h');
  unitsAttr('nmol');

  const A = LDN_SBML_NS;
  const L: string[] = [];
  const P1 = '    ';
  const P2 = '      ';

  // parameters (constants first, then states, then assigned quantities), compartments, rules
  const compartmentLines = model.compartments.flatMap((c) => {
    const size = typeof c.size === 'number' ? c.size : undefined;
    return [
      `${P1}  <compartment${attrs([['id', sid(c.id)], ['name', c.name], ['spatialDimensions', 3], ['size', size], ['units', unitsAttr(c.unit)], ['constant', 'true']])}>`,
      `${P2}  <annotation>`,
      `${P2}    <ldn:compartment xmlns:ldn="${A}"${attrs([['id', original(c.id)], ['unit', c.unit], ['description', c.description]])}/>`,
      `${P2}  </annotation>`,
      `${P1}  </compartment>`,
    ];
  });
  const parameterLines = model.parameters.flatMap((q) => {
    const v = values[q.id]!;
    const prov = q.provenance;
    const hasRdf = prov?.doi !== undefined || prov?.pmid !== undefined;
    const metaid = hasRdf ? `meta_${sid(q.id)}` : undefined;
    return [
      `${P1}  <parameter${attrs([['metaid', metaid], ['id', sid(q.id)], ['name', q.name], ['value', v], ['units', unitsAttr(q.unit)], ['constant', 'true']])}>`,
      ...notesBlock(`${P2}  `, provenanceParagraphs(prov, v, q.unit)),
      `${P2}  <annotation>`,
      `${P2}    <ldn:parameter xmlns:ldn="${A}"${attrs([
        ['id', original(q.id)],
        ['unit', q.unit],
        ['default', q.value],
        ['label', prov?.label],
        ['source', prov?.source],
        ['evidence', prov?.evidence],
        ['range', prov?.range ? `${fmt(prov.range[0])} ${fmt(prov.range[1])}` : undefined],
        ['citation', prov?.citation],
        ['doi', prov?.doi],
        ['pmid', prov?.pmid],
        ['url', prov?.url],
        ['note', prov?.note],
      ])}/>`,
      ...(metaid ? rdf(`${P2}    `, metaid, prov) : []),
      `${P2}  </annotation>`,
      `${P1}  </parameter>`,
    ];
  });
  const stateLines = model.states.flatMap((s) => [
    `${P1}  <parameter${attrs([['id', sid(s.id)], ['name', s.name], ['value', typeof s.initial === 'number' ? s.initial : undefined], ['units', unitsAttr(s.unit)], ['constant', 'false']])}>`,
    `${P2}  <annotation>`,
    `${P2}    <ldn:state xmlns:ldn="${A}"${attrs([['id', original(s.id)], ['unit', s.unit], ['compartment', s.compartment], ['description', s.description], ['doseTarget', model.doseTarget === s.id ? 'true' : undefined]])}/>`,
    `${P2}  </annotation>`,
    `${P1}  </parameter>`,
  ]);
  const assignedLines = model.assignments.flatMap((a) => [
    `${P1}  <parameter${attrs([['id', sid(a.id)], ['name', a.name], ['units', unitsAttr(a.unit)], ['constant', 'false']])}>`,
    `${P2}  <annotation>`,
    `${P2}    <ldn:assignment xmlns:ldn="${A}"${attrs([['id', original(a.id)], ['unit', a.unit], ['output', a.output ? 'true' : undefined], ['description', a.description]])}/>`,
    `${P2}  </annotation>`,
    `${P1}  </parameter>`,
  ]);
  const initialAssignments = [
    ...model.compartments.filter((c) => typeof c.size !== 'number').map((c) => ({ id: c.id, math: c.size })),
    ...model.states.filter((s) => typeof s.initial !== 'number').map((s) => ({ id: s.id, math: s.initial })),
  ].flatMap(({ id, math }) => {
    if (typeof math === 'number') return [];
    if (usesTime(math)) throw new SymbolicModelError(`the initial value of ${id} uses time`);
    return [`${P1}  <initialAssignment symbol="${escapeAttr(sid(id))}">`, toMathML(math, { indent: `${P2}  `, ...ci }), `${P1}  </initialAssignment>`];
  });
  const rules = [
    ...model.assignments.flatMap((a) => [`${P1}  <assignmentRule variable="${escapeAttr(sid(a.id))}">`, toMathML(a.math, { indent: `${P2}  `, ...ci }), `${P1}  </assignmentRule>`]),
    ...model.rates.flatMap((r) => [`${P1}  <rateRule variable="${escapeAttr(sid(r.id))}">`, toMathML(r.math, { indent: `${P2}  `, ...ci }), `${P1}  </rateRule>`]),
  ];
  const target = model.doseTarget;
  const targetUnit = model.states.find((s) => s.id === target)?.unit ?? '';
  const events = merged.flatMap((d, i) => {
    const M = `${P2}      `;
    return [
      `${P1}  <event${attrs([['id', `${eventPrefix}${i + 1}`], ['name', `dose ${i + 1}: ${fmt(d.amount)} ${targetUnit} into ${target} at ${fmt(d.time_h)} h`], ['useValuesFromTriggerTime', 'true']])}>`,
      `${P2}  <trigger initialValue="false" persistent="true">`,
      `${P2}    <math xmlns="http://www.w3.org/1998/Math/MathML">`,
      `${M}<apply>`,
      `${M}  <geq/>`,
      `${M}  <csymbol encoding="text" definitionURL="${SBML_TIME_URL}">time</csymbol>`,
      `${M}  ${cnElement(d.time_h)}`,
      `${M}</apply>`,
      `${P2}    </math>`,
      `${P2}  </trigger>`,
      `${P2}  <listOfEventAssignments>`,
      `${P2}    <eventAssignment variable="${escapeAttr(sid(target!))}">`,
      `${P2}      <math xmlns="http://www.w3.org/1998/Math/MathML">`,
      `${M}  <apply>`,
      `${M}    <plus/>`,
      `${M}    <ci>${escapeText(sid(target!))}</ci>`,
      `${M}    ${cnElement(d.amount)}`,
      `${M}  </apply>`,
      `${P2}      </math>`,
      `${P2}    </eventAssignment>`,
      `${P2}  </listOfEventAssignments>`,
      `${P1}  </event>`,
    ];
  });

  // model notes
  const outputs = model.assignments.filter((a) => a.output);
  const noteParagraphs = [
    `<h1>${escapeText(model.name)}</h1>`,
    p(model.description),
    p(
      `Exported by LDN Workbench from its symbolic equations (fragments: ${model.fragments.join(', ') || 'none'}). Time is in hours. States are parameters with rate rules (amounts in nmol unless their unit says otherwise); derived quantities and outputs are assignment rules.`,
    ),
    p(`States: ${model.states.map((s) => `${s.id} (${s.unit})`).join(', ')}.`),
    p(`Outputs: ${outputs.map((o) => `${o.id} (${o.unit})`).join(', ') || 'none'}.`),
    p(merged.length ? `Doses: ${merged.length} time-triggered event${merged.length === 1 ? '' : 's'} adding to ${target} (${targetUnit}), the first at ${fmt(merged[0]!.time_h)} h, the last at ${fmt(merged[merged.length - 1]!.time_h)} h.` : 'Doses: none.'),
    ...(options.notes ?? []).map(p),
  ];

  L.push('<?xml version="1.0" encoding="UTF-8"?>');
  L.push(`<sbml xmlns="${SBML_L3V2_NS}" level="3" version="2">`);
  L.push(`  <model${attrs([['id', modelId], ['name', model.name], ['substanceUnits', 'nmol'], ['timeUnits', 'hour'], ['volumeUnits', 'litre'], ['extentUnits', 'nmol']])}>`);
  L.push(...notesBlock(P1, noteParagraphs));
  L.push(`${P1}<annotation>`);
  L.push(`${P1}  <ldn:model xmlns:ldn="${A}"${attrs([['id', model.id === modelId ? undefined : model.id], ['fragments', model.fragments.join(' ')], ['doseTarget', target]])}>`);
  L.push(`${P1}    <ldn:description>${escapeText(model.description)}</ldn:description>`);
  for (const n of options.notes ?? []) L.push(`${P1}    <ldn:note>${escapeText(n)}</ldn:note>`);
  L.push(`${P1}  </ldn:model>`);
  L.push(`${P1}</annotation>`);
  const definitions = [...used.values()];
  if (definitions.length) {
    L.push(`${P1}<listOfUnitDefinitions>`);
    for (const d of definitions) {
      L.push(`${P1}  <unitDefinition${attrs([['id', d.id], ['name', d.name]])}>`);
      L.push(`${P2}  <listOfUnits>`);
      for (const x of d.units) L.push(`${P2}    <unit${attrs([['kind', x.kind], ['exponent', x.exponent], ['scale', x.scale], ['multiplier', x.multiplier]])}/>`);
      L.push(`${P2}  </listOfUnits>`);
      L.push(`${P1}  </unitDefinition>`);
    }
    L.push(`${P1}</listOfUnitDefinitions>`);
  }
  if (compartmentLines.length) L.push(`${P1}<listOfCompartments>`, ...compartmentLines, `${P1}</listOfCompartments>`);
  const allParams = [...parameterLines, ...stateLines, ...assignedLines];
  if (allParams.length) L.push(`${P1}<listOfParameters>`, ...allParams, `${P1}</listOfParameters>`);
  if (initialAssignments.length) L.push(`${P1}<listOfInitialAssignments>`, ...initialAssignments, `${P1}</listOfInitialAssignments>`);
  if (rules.length) L.push(`${P1}<listOfRules>`, ...rules, `${P1}</listOfRules>`);
  if (events.length) L.push(`${P1}<listOfEvents>`, ...events, `${P1}</listOfEvents>`);
  L.push('  </model>');
  L.push('</sbml>');
  return `${L.join('\n')}\n`;
}
