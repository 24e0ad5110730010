// Reads SBML Level 3 back into a symbolic model plus its dose events: our own exports exactly
// (toSbml(read.model, read.exportOptions) reproduces the file), and the common variants of the
// same kind of model written by other tools: species instead of parameters as states, rules in
// any order, rate rules on species, events without <delay> (or with a constant one), n-ary MathML.
// What an ODE-with-events reading cannot honour is refused by name (reactions, algebraic rules,
// function definitions, non-time triggers), never silently dropped; what it can ignore safely
// (constraints, priorities) is reported in `warnings`.

import { type Expr, evaluateExpr, exprEquals, freeIdentifiers, printExpr } from './expr.js';
import { fromMathML, SBML_TIME_URL } from './mathml.js';
import { composeSymbolicModel, type Provenance, type SymbolicFragment, type SymbolicModel } from './model.js';
import { unitOfSbmlId } from './sbml-units.js';
import { LDN_SBML_NS, type SbmlDose, type SbmlExportOptions } from './sbml-write.js';
import { childElements, firstChild, parseXml, textContent, type XmlElement } from './xml.js';

export class SbmlReadError extends Error {
  constructor(message: string) {
    super(`SBML: ${message}`);
    this.name = 'SbmlReadError';
  }
}

export interface SbmlImportedDose extends SbmlDose {
  /** the state the dose enters */
  target: string;
}

export interface SbmlImport {
  model: SymbolicModel;
  /** value of every constant parameter */
  parameters: Record<string, number>;
  /** doses from the events, in time order */
  doses: SbmlImportedDose[];
  /** SBML level, version and model id as written */
  sbml: { level: number; version: number; id: string };
  /** the options that write this model again (toSbml(model, exportOptions)) */
  exportOptions: SbmlExportOptions;
  /** what was read but ignored or interpreted */
  warnings: string[];
}

const list = (el: XmlElement | undefined, listName: string, item: string): XmlElement[] => {
  const l = el ? firstChild(el, listName) : undefined;
  return l ? childElements(l, item) : [];
};

/** our annotation on an element, if any */
function ldnInfo(el: XmlElement, local: string): Readonly<Record<string, string>> | undefined {
  const ann = firstChild(el, 'annotation');
  const info = ann ? childElements(ann).find((c) => c.ns === LDN_SBML_NS && c.local === local) : undefined;
  return info?.attrs;
}

function num(text: string | undefined, where: string): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  const v = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : t === 'INF' ? Infinity : t === '-INF' ? -Infinity : NaN;
  if (!Number.isFinite(v)) throw new SbmlReadError(`${where}: "${text}" is not a finite number`);
  return v;
}

function mathOf(el: XmlElement, where: string, ci: (s: string) => string): Expr {
  const m = firstChild(el, 'math');
  if (!m) throw new SbmlReadError(`${where} has no <math>`);
  try {
    return fromMathML(m, { ci });
  } catch (e) {
    throw new SbmlReadError(`${where}: ${(e as Error).message}`);
  }
}

function provenanceOf(a: Readonly<Record<string, string>>): Provenance | undefined {
  const range = a.range?.split(' ').map(Number);
  const p: Provenance = {
    ...(a.label !== undefined ? { label: a.label } : {}),
    ...(a.source !== undefined ? { source: a.source } : {}),
    ...(a.evidence !== undefined ? { evidence: a.evidence } : {}),
    ...(range && range.length === 2 && range.every(Number.isFinite) ? { range: [range[0]!, range[1]!] as const } : {}),
    ...(a.citation !== undefined ? { citation: a.citation } : {}),
    ...(a.doi !== undefined ? { doi: a.doi } : {}),
    ...(a.pmid !== undefined ? { pmid: a.pmid } : {}),
    ...(a.url !== undefined ? { url: a.url } : {}),
    ...(a.note !== undefined ? { note: a.note } : {}),
  };
  return Object.keys(p).length ? p : undefined;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Reads an SBML document (Level 3) into a symbolic model, its parameter values and its doses. */
export function fromSbml(xml: string): SbmlImport {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    throw new SbmlReadError((e as Error).message);
  }
  if (root.local !== 'sbml') throw new SbmlReadError(`the root element is <${root.name}>, not <sbml>`);
  const level = Number(root.attrs.level);
  const version = Number(root.attrs.version);
  if (level !== 3) throw new SbmlReadError(`level ${root.attrs.level ?? '(none)'} version ${root.attrs.version ?? '(none)'}: only SBML Level 3 is read (convert with libSBML first)`);
  const model = firstChild(root, 'model');
  if (!model) throw new SbmlReadError('no <model>');
  const warnings: string[] = [];
  for (const required of ['listOfFunctionDefinitions', 'listOfReactions']) {
    const l = firstChild(model, required);
    if (l && childElements(l).length > 0) {
      throw new SbmlReadError(required === 'listOfReactions' ? 'reactions are not supported: this reader takes models written as rate rules (dX/dt = …), as LDN Workbench exports them' : 'function definitions are not supported');
    }
  }
  if (list(model, 'listOfConstraints', 'constraint').length) warnings.push('constraints were ignored');
  for (const el of root.children) if (typeof el !== 'string' && el.attrs.required === 'true') throw new SbmlReadError(`a required SBML package is used (${el.name})`);
  for (const [k, v] of Object.entries(root.attrs)) if (k.endsWith(':required') && v === 'true') throw new SbmlReadError(`the SBML package ${k.split(':')[0]!} is required and not supported`);

  const sbmlId = model.attrs.id ?? 'model';
  const info = ldnInfo(model, 'model');
  const ann = firstChild(model, 'annotation');
  const ldnModel = ann ? childElements(ann).find((c) => c.ns === LDN_SBML_NS && c.local === 'model') : undefined;
  const notesEl = firstChild(model, 'notes');
  const description = ldnModel && firstChild(ldnModel, 'description') ? textContent(firstChild(ldnModel, 'description')!) : notesEl ? collapse(textContent(notesEl)) : '';
  const notes = ldnModel ? childElements(ldnModel, 'note').map(textContent) : [];

  // original ids (dotted module ids) from our annotations
  const compartmentsEl = list(model, 'listOfCompartments', 'compartment');
  const speciesEl = list(model, 'listOfSpecies', 'species');
  const parametersEl = list(model, 'listOfParameters', 'parameter');
  const idOf = new Map<string, string>();
  for (const [els, kind] of [[compartmentsEl, 'compartment'], [parametersEl, 'parameter'], [parametersEl, 'state'], [parametersEl, 'assignment']] as const) {
    for (const el of els) {
      const a = ldnInfo(el, kind);
      if (el.attrs.id && a?.id) idOf.set(el.attrs.id, a.id);
    }
  }
  const ci = (sid: string) => idOf.get(sid) ?? sid;

  // rules
  const rulesList = firstChild(model, 'listOfRules');
  const rules = rulesList ? childElements(rulesList) : [];
  const rateOf = new Map<string, Expr>();
  const assignOf = new Map<string, Expr>();
  const ruleOrder: string[] = [];
  for (const r of rules) {
    const v = r.attrs.variable;
    if (r.local === 'algebraicRule') throw new SbmlReadError('algebraic rules are not supported');
    if (!v) throw new SbmlReadError(`<${r.local}> without a variable`);
    const id = ci(v);
    if (rateOf.has(id) || assignOf.has(id)) throw new SbmlReadError(`${v} has more than one rule`);
    if (r.local === 'rateRule') rateOf.set(id, mathOf(r, `rate rule for ${v}`, ci));
    else if (r.local === 'assignmentRule') {
      assignOf.set(id, mathOf(r, `assignment rule for ${v}`, ci));
      ruleOrder.push(id);
    } else throw new SbmlReadError(`<${r.local}> is not a rule SBML defines`);
  }
  const initialOf = new Map<string, Expr>();
  for (const ia of list(model, 'listOfInitialAssignments', 'initialAssignment')) {
    const s = ia.attrs.symbol;
    if (!s) throw new SbmlReadError('<initialAssignment> without a symbol');
    initialOf.set(ci(s), mathOf(ia, `initial assignment of ${s}`, ci));
  }

  // unit definitions: names for units we do not know
  const unitName = new Map<string, string>();
  for (const u of list(model, 'listOfUnitDefinitions', 'unitDefinition')) if (u.attrs.id) unitName.set(u.attrs.id, u.attrs.name ?? u.attrs.id);
  const unitOf = (el: XmlElement, a: Readonly<Record<string, string>> | undefined, attr = 'units'): string => {
    if (a?.unit !== undefined) return a.unit;
    const id = el.attrs[attr];
    if (id === undefined) return '';
    const known = unitOfSbmlId(id);
    return known !== id ? known : (unitName.get(id) ?? id);
  };

  const fragment: {
    compartments: NonNullable<SymbolicFragment['compartments']>[number][];
    states: NonNullable<SymbolicFragment['states']>[number][];
    parameters: NonNullable<SymbolicFragment['parameters']>[number][];
    assignments: NonNullable<SymbolicFragment['assignments']>[number][];
    rates: NonNullable<SymbolicFragment['rates']>[number][];
  } = { compartments: [], states: [], parameters: [], assignments: [], rates: [] };
  const values: Record<string, number> = {};
  const pendingConstants: { id: string; math: Expr }[] = [];
  const compartmentSize = new Map<string, number>();
  const assignmentInfo = new Map<string, { name?: string; unit: string; output?: true; description?: string }>();

  for (const c of compartmentsEl) {
    const sid = c.attrs.id;
    if (!sid) throw new SbmlReadError('a compartment without an id');
    const id = ci(sid);
    const a = ldnInfo(c, 'compartment');
    const size = initialOf.get(id) ?? num(c.attrs.size, `size of compartment ${sid}`);
    if (size === undefined) warnings.push(`compartment ${sid} has no size; taken as 1`);
    if (typeof size === 'number') compartmentSize.set(id, size);
    fragment.compartments.push({ id, unit: unitOf(c, a), size: size ?? 1, ...(c.attrs.name !== undefined ? { name: c.attrs.name } : {}), ...(a?.description !== undefined ? { description: a.description } : {}) });
  }

  const addVariable = (el: XmlElement, id: string, unit: string, initial: number | Expr | undefined, constant: boolean, extra: { compartment?: string; description?: string }) => {
    const sid = el.attrs.id!;
    const name = el.attrs.name !== undefined ? { name: el.attrs.name } : {};
    const rate = rateOf.get(id);
    if (assignOf.has(id)) {
      const a = ldnInfo(el, 'assignment');
      // without our annotation (another tool's file) every assignment rule is reported as an output
      const output = a ? a.output === 'true' : true;
      assignmentInfo.set(id, { ...name, unit, ...(output ? { output } : {}), ...(a?.description !== undefined ? { description: a.description } : {}) });
      return;
    }
    if (rate || !constant) {
      if (constant) throw new SbmlReadError(`${sid} has a rate rule but is constant`);
      if (!rate) warnings.push(`${sid} is not constant but has no rule; read as a state with rate 0 (events may change it)`);
      if (initial === undefined) throw new SbmlReadError(`state ${sid} has no initial value`);
      fragment.states.push({ id, unit, initial, ...name, ...(extra.compartment !== undefined ? { compartment: extra.compartment } : {}), ...(extra.description !== undefined ? { description: extra.description } : {}) });
      fragment.rates.push({ id, math: rate ?? { kind: 'num', value: 0 } }); // a literal zero rate in the expression tree, not a model value (no source applies)
      return;
    }
    const a = ldnInfo(el, 'parameter');
    const prov = a ? provenanceOf(a) : undefined;
    const def = a?.default !== undefined ? num(a.default, `default of ${sid}`) : undefined;
    fragment.parameters.push({ id, unit, ...name, ...(def !== undefined ? { value: def } : {}), ...(prov ? { provenance: prov } : {}) });
    if (typeof initial === 'number') values[id] = initial;
    else if (initial) pendingConstants.push({ id, math: initial });
    else throw new SbmlReadError(`constant parameter ${sid} has no value`);
  };

  for (const el of parametersEl) {
    const sid = el.attrs.id;
    if (!sid) throw new SbmlReadError('a parameter without an id');
    const id = ci(sid);
    const kind = rateOf.has(id) || el.attrs.constant === 'false' ? (assignOf.has(id) ? 'assignment' : 'state') : 'parameter';
    const a = ldnInfo(el, kind);
    if (el.attrs.constant === undefined) throw new SbmlReadError(`parameter ${sid} lacks the required attribute constant`);
    const initial = initialOf.get(id) ?? num(el.attrs.value, `value of ${sid}`);
    addVariable(el, id, unitOf(el, a), initial, el.attrs.constant === 'true', { ...(a?.compartment !== undefined ? { compartment: a.compartment } : {}), ...(a?.description !== undefined ? { description: a.description } : {}) });
  }
  for (const el of speciesEl) {
    const sid = el.attrs.id;
    if (!sid) throw new SbmlReadError('a species without an id');
    const id = ci(sid);
    const comp = el.attrs.compartment ? ci(el.attrs.compartment) : undefined;
    const onlySubstance = el.attrs.hasOnlySubstanceUnits === 'true';
    const size = comp !== undefined ? compartmentSize.get(comp) : undefined;
    let initial: number | Expr | undefined = initialOf.get(id);
    if (initial === undefined) {
      const amount = num(el.attrs.initialAmount, `initialAmount of ${sid}`);
      const conc = num(el.attrs.initialConcentration, `initialConcentration of ${sid}`);
      if (amount !== undefined) initial = onlySubstance ? amount : size !== undefined ? amount / size : undefined;
      else if (conc !== undefined) initial = onlySubstance ? (size !== undefined ? conc * size : undefined) : conc;
      if (initial === undefined && (amount !== undefined || conc !== undefined)) throw new SbmlReadError(`species ${sid}: its initial value needs the size of compartment ${el.attrs.compartment ?? '?'}, which is not a number`);
    }
    const constant = el.attrs.constant === 'true' || (el.attrs.boundaryCondition === 'true' && !rateOf.has(id) && !assignOf.has(id));
    const unit = el.attrs.substanceUnits !== undefined ? unitOf(el, undefined, 'substanceUnits') : unitOf(model, undefined, 'substanceUnits');
    const a = ldnInfo(el, 'state');
    addVariable(el, id, a?.unit ?? (onlySubstance ? unit : `${unit}/${comp ?? 'volume'}`), initial, constant, { ...(comp !== undefined ? { compartment: comp } : {}) });
  }
  for (const id of ruleOrder) {
    const i = assignmentInfo.get(id);
    if (!i) throw new SbmlReadError(`the assignment rule for ${id} assigns to nothing this reader knows (a compartment?)`);
    fragment.assignments.push({ id, math: assignOf.get(id)!, ...i });
  }
  for (const id of rateOf.keys()) if (!fragment.states.some((s) => s.id === id)) throw new SbmlReadError(`the rate rule for ${id} assigns to nothing this reader knows`);

  // constants given by initial assignments: evaluate in dependency order
  for (let pass = 0; pendingConstants.length > 0; pass++) {
    const ready = pendingConstants.findIndex((c) => freeIdentifiers(c.math).every((n) => n in values || compartmentSize.has(n)));
    if (ready < 0 || pass > 10_000) throw new SbmlReadError(`cannot evaluate the initial assignments of ${pendingConstants.map((c) => c.id).join(', ')}`);
    const [c] = pendingConstants.splice(ready, 1);
    values[c!.id] = evaluateExpr(c!.math, { ...Object.fromEntries(compartmentSize), ...values });
    warnings.push(`parameter ${c!.id} = ${printExpr(c!.math)} was evaluated to ${values[c!.id]}`);
  }

  // events → doses
  const stateIds = new Set(fragment.states.map((s) => s.id));
  const constantEnv = { ...Object.fromEntries(compartmentSize), ...values };
  const constantValue = (e: Expr, where: string): number => {
    try {
      const v = evaluateExpr(e, constantEnv);
      if (!Number.isFinite(v)) throw new Error(`${printExpr(e)} is not finite`);
      return v;
    } catch (err) {
      throw new SbmlReadError(`${where}: ${(err as Error).message} (only constant expressions are supported)`);
    }
  };
  const doses: SbmlImportedDose[] = [];
  for (const ev of list(model, 'listOfEvents', 'event')) {
    const name = ev.attrs.id ?? '(unnamed event)';
    const trigger = firstChild(ev, 'trigger');
    const tm = trigger ? firstChild(trigger, 'math') : undefined;
    const apply = tm ? childElements(tm)[0] : undefined;
    const parts = apply?.local === 'apply' ? childElements(apply) : [];
    const op = parts[0]?.local;
    const isTime = (el: XmlElement | undefined) => el?.local === 'csymbol' && el.attrs.definitionURL === SBML_TIME_URL;
    let at: XmlElement | undefined;
    if ((op === 'geq' || op === 'gt') && parts.length === 3 && isTime(parts[1])) at = parts[2];
    else if ((op === 'leq' || op === 'lt') && parts.length === 3 && isTime(parts[2])) at = parts[1];
    if (!at) throw new SbmlReadError(`event ${name}: only triggers of the form time ≥ t are supported`);
    let time = constantValue(fromMathML(at, { ci }), `trigger of event ${name}`);
    const delay = firstChild(ev, 'delay');
    if (delay) time += constantValue(mathOf(delay, `delay of event ${name}`, ci), `delay of event ${name}`);
    if (firstChild(ev, 'priority')) warnings.push(`event ${name}: priority ignored`);
    if (trigger!.attrs.initialValue === 'true' && time <= 0) {
      warnings.push(`event ${name} is true at t = 0 with initialValue="true", so it never fires; skipped`);
      continue;
    }
    for (const ea of list(ev, 'listOfEventAssignments', 'eventAssignment')) {
      const v = ea.attrs.variable ? ci(ea.attrs.variable) : '';
      if (!stateIds.has(v)) throw new SbmlReadError(`event ${name} assigns to ${ea.attrs.variable ?? '(nothing)'}, which is not a state`);
      const m = mathOf(ea, `event ${name}`, ci);
      const self: Expr = { kind: 'id', name: v };
      let amountExpr: Expr | undefined;
      if (m.kind === 'bin' && m.op === '+' && exprEquals(m.left, self)) amountExpr = m.right;
      else if (m.kind === 'bin' && m.op === '+' && exprEquals(m.right, self)) amountExpr = m.left;
      if (!amountExpr) throw new SbmlReadError(`event ${name}: only assignments of the form ${v} + amount are supported, not ${printExpr(m)}`);
      doses.push({ time_h: time, amount: constantValue(amountExpr, `event ${name}`), target: v });
    }
  }
  doses.sort((a, b) => a.time_h - b.time_h);

  const targets = [...new Set(doses.map((d) => d.target))];
  const doseTarget = info?.doseTarget ?? (targets.length === 1 ? targets[0] : undefined);
  const symbolicId = info?.id ?? sbmlId;
  let composed: SymbolicModel;
  try {
    composed = composeSymbolicModel({ id: symbolicId, name: model.attrs.name ?? sbmlId, description }, [{ id: 'sbml', ...fragment, ...(doseTarget !== undefined ? { doseTarget } : {}) }]);
  } catch (e) {
    throw new SbmlReadError((e as Error).message);
  }
  const fragments = info?.fragments !== undefined ? info.fragments.split(' ').filter(Boolean) : [sbmlId];
  const result: SymbolicModel = { ...composed, fragments };
  return {
    model: result,
    parameters: values,
    doses,
    sbml: { level, version, id: sbmlId },
    exportOptions: { parameters: values, doses: doses.map(({ time_h, amount }) => ({ time_h, amount })), id: sbmlId, ...(notes.length ? { notes } : {}) },
    warnings,
  };
}
