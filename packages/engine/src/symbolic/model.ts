// Symbolic model descriptions: the same model as a hand-written `ModelDefinition`, written as
// equations (expr.ts) so that it can be exported (SBML, sbml-write.ts), read back, printed and
// checked. The hand-written right-hand sides stay the fast path for simulation; each model keeps
// an `equations.ts` beside its `model.ts`, and a consistency test holds the two equal.
//
// Shape (SBML's, without reactions): compartments; states with units, initial values and one
// rate rule each (dX/dt = expression); parameters with values, units and provenance; assignment
// rules for derived quantities, some of them flagged as outputs. Models are composed from
// fragments — the PK/occupancy core plus hypothesis modules — by `composeSymbolicModel`, which
// refuses clashing ids (identical re-definitions, e.g. a shared clock, merge silently), unknown
// identifiers, missing or duplicate rate rules and cyclic assignments, naming the fragment.

import type { OdeSystem } from '../ode/types.js';
import { compileExpr, type CompiledExpr, type Expr, exprEquals, freeIdentifiers, IDENTIFIER, parseExpr, printExpr, RESERVED_NAMES, usesTime } from './expr.js';

/** Where a number comes from (parameters/types.ts `Parameter`, plus the resolved citation). */
export interface Provenance {
  /** what it is, in words */
  readonly label?: string;
  /** source id (parameters/sources.ts) */
  readonly source?: string;
  readonly citation?: string;
  readonly doi?: string;
  readonly pmid?: string;
  readonly url?: string;
  /** evidence level (parameters/types.ts EvidenceLevel) */
  readonly evidence?: string;
  readonly note?: string;
  /** plausible range [low, high] */
  readonly range?: readonly [number, number];
}

export interface SymbolicCompartment {
  readonly id: string;
  readonly name?: string;
  readonly unit: string;
  /** a size, or an expression of parameters (e.g. `V1`) written as an SBML initial assignment */
  readonly size: number | Expr;
  readonly description?: string;
}

export interface SymbolicState {
  readonly id: string;
  readonly name?: string;
  readonly unit: string;
  /** initial value, or an expression of parameters and compartments */
  readonly initial: number | Expr;
  readonly description?: string;
  /** the compartment the amount lives in, when there is one (documentation) */
  readonly compartment?: string;
}

export interface SymbolicParameter {
  readonly id: string;
  readonly name?: string;
  readonly unit: string;
  /** the default value; exports and compilation take values given to them first */
  readonly value?: number;
  readonly provenance?: Provenance;
}

export interface SymbolicAssignment {
  readonly id: string;
  readonly name?: string;
  readonly unit: string;
  readonly math: Expr;
  /** an output of the model (in the order of the assignments list) */
  readonly output?: boolean;
  readonly description?: string;
}

export interface SymbolicRate {
  /** the state whose derivative this is */
  readonly id: string;
  readonly math: Expr;
}

export interface SymbolicModel {
  /** an SBML SId (letters, digits, _) */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** the fragments it was composed from, in order */
  readonly fragments: readonly string[];
  readonly compartments: readonly SymbolicCompartment[];
  readonly states: readonly SymbolicState[];
  readonly parameters: readonly SymbolicParameter[];
  readonly assignments: readonly SymbolicAssignment[];
  readonly rates: readonly SymbolicRate[];
  /** the state an oral dose enters (doses are amounts in its unit) */
  readonly doseTarget?: string;
}

/** Expressions may be given as infix text in fragments; composition parses them. */
type Src = string | Expr;

/** A piece of a model (the core, or a hypothesis module), written by hand in an `equations.ts`. */
export interface SymbolicFragment {
  /** names the fragment in error messages, e.g. `ldn-core` or `rebound` */
  readonly id: string;
  readonly description?: string;
  readonly compartments?: readonly (Omit<SymbolicCompartment, 'size'> & { readonly size: number | Src })[];
  readonly states?: readonly (Omit<SymbolicState, 'initial'> & { readonly initial: number | Src })[];
  readonly parameters?: readonly SymbolicParameter[];
  readonly assignments?: readonly (Omit<SymbolicAssignment, 'math'> & { readonly math: Src })[];
  readonly rates?: readonly { readonly id: string; readonly math: Src }[];
  readonly doseTarget?: string;
}

export class SymbolicModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SymbolicModelError';
  }
}

type Kind = 'compartment' | 'state' | 'parameter' | 'assignment';

function parseIn(src: Src, where: string): Expr {
  if (typeof src !== 'string') return src;
  try {
    return parseExpr(src);
  } catch (e) {
    throw new SymbolicModelError(`${where}: ${(e as Error).message}`);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b);
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if ('kind' in a && 'kind' in b) return exprEquals(a as Expr, b as Expr);
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/**
 * Merges fragments into one model. Ids share one namespace (as in SBML); an id defined twice is
 * an error unless both definitions are identical. Every identifier an expression reads must be
 * defined by some fragment; every state needs exactly one rate rule; assignments must not form
 * a cycle.
 */
export function composeSymbolicModel(meta: { id: string; name: string; description: string }, fragments: readonly SymbolicFragment[]): SymbolicModel {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(meta.id)) throw new SymbolicModelError(`model id "${meta.id}" is not an SBML SId (letters, digits and _, not starting with a digit)`);
  const owner = new Map<string, { kind: Kind; fragment: string; def: unknown }>();
  const compartments: SymbolicCompartment[] = [];
  const states: SymbolicState[] = [];
  const parameters: SymbolicParameter[] = [];
  const assignments: SymbolicAssignment[] = [];
  const rates = new Map<string, { rate: SymbolicRate; fragment: string }>();
  let doseTarget: { id: string; fragment: string } | undefined;

  const claim = (kind: Kind, id: string, fragment: string, def: unknown): boolean => {
    if (!IDENTIFIER.test(id)) throw new SymbolicModelError(`fragment ${fragment}: ${kind} id "${id}" is not an identifier (letters, digits and _, dotted parts allowed)`);
    if (RESERVED_NAMES.includes(id)) throw new SymbolicModelError(`fragment ${fragment}: ${kind} id "${id}" is reserved in expressions (${RESERVED_NAMES.join(', ')})`);
    const prev = owner.get(id);
    if (!prev) {
      owner.set(id, { kind, fragment, def });
      return true;
    }
    if (prev.kind === kind && sameValue(prev.def, def)) return false; // identical re-definition: shared
    throw new SymbolicModelError(`id "${id}" is defined twice: as a ${prev.kind} in fragment ${prev.fragment} and as a ${kind} in fragment ${fragment}${prev.kind === kind ? ' (with different definitions)' : ''}`);
  };

  for (const f of fragments) {
    const at = (what: string) => `fragment ${f.id}, ${what}`;
    for (const c of f.compartments ?? []) {
      const def: SymbolicCompartment = { ...c, size: typeof c.size === 'number' ? c.size : parseIn(c.size, at(`size of compartment ${c.id}`)) };
      if (claim('compartment', c.id, f.id, def)) compartments.push(def);
    }
    for (const s of f.states ?? []) {
      const def: SymbolicState = { ...s, initial: typeof s.initial === 'number' ? s.initial : parseIn(s.initial, at(`initial value of ${s.id}`)) };
      if (claim('state', s.id, f.id, def)) states.push(def);
    }
    for (const p of f.parameters ?? []) {
      if (p.value !== undefined && !Number.isFinite(p.value)) throw new SymbolicModelError(`${at(`parameter ${p.id}`)}: value ${p.value} is not finite`);
      if (claim('parameter', p.id, f.id, p)) parameters.push(p);
    }
    for (const a of f.assignments ?? []) {
      const def: SymbolicAssignment = { ...a, math: parseIn(a.math, at(`assignment ${a.id}`)) };
      if (claim('assignment', a.id, f.id, def)) assignments.push(def);
    }
    for (const r of f.rates ?? []) {
      const rate: SymbolicRate = { id: r.id, math: parseIn(r.math, at(`rate of ${r.id}`)) };
      const prev = rates.get(r.id);
      if (prev && !exprEquals(prev.rate.math, rate.math)) throw new SymbolicModelError(`the rate of ${r.id} is defined twice: in fragment ${prev.fragment} and in fragment ${f.id}`);
      if (!prev) rates.set(r.id, { rate, fragment: f.id });
    }
    if (f.doseTarget !== undefined) {
      if (doseTarget && doseTarget.id !== f.doseTarget) throw new SymbolicModelError(`two dose targets: ${doseTarget.id} (fragment ${doseTarget.fragment}) and ${f.doseTarget} (fragment ${f.id})`);
      doseTarget = { id: f.doseTarget, fragment: f.id };
    }
  }

  // rate rules: one per state, only for states
  for (const [id, { fragment }] of rates) {
    const o = owner.get(id);
    if (!o) throw new SymbolicModelError(`fragment ${fragment}: rate of unknown state "${id}"`);
    if (o.kind !== 'state') throw new SymbolicModelError(`fragment ${fragment}: a rate is given for ${id}, which is a ${o.kind} (fragment ${o.fragment}), not a state`);
  }
  for (const s of states) if (!rates.has(s.id)) throw new SymbolicModelError(`state ${s.id} (fragment ${owner.get(s.id)!.fragment}) has no rate rule`);
  if (doseTarget && owner.get(doseTarget.id)?.kind !== 'state') throw new SymbolicModelError(`fragment ${doseTarget.fragment}: dose target ${doseTarget.id} is not a state`);

  // references
  const check = (e: Expr, where: string, allowed: (k: Kind) => boolean) => {
    for (const name of freeIdentifiers(e)) {
      const o = owner.get(name);
      if (!o) throw new SymbolicModelError(`${where}: unknown identifier "${name}" in ${printExpr(e)}`);
      if (!allowed(o.kind)) throw new SymbolicModelError(`${where}: ${name} is a ${o.kind}, which cannot be used here (${printExpr(e)})`);
    }
  };
  const constantKinds = (k: Kind) => k === 'parameter' || k === 'compartment';
  for (const c of compartments) if (typeof c.size !== 'number') check(c.size, `fragment ${owner.get(c.id)!.fragment}, size of compartment ${c.id}`, (k) => k === 'parameter');
  for (const s of states) if (typeof s.initial !== 'number') check(s.initial, `fragment ${owner.get(s.id)!.fragment}, initial value of ${s.id}`, constantKinds);
  for (const s of states) if (s.compartment !== undefined && owner.get(s.compartment)?.kind !== 'compartment') throw new SymbolicModelError(`fragment ${owner.get(s.id)!.fragment}: state ${s.id} is in unknown compartment ${s.compartment}`);
  for (const a of assignments) check(a.math, `fragment ${owner.get(a.id)!.fragment}, assignment ${a.id}`, () => true);
  for (const [id, { rate, fragment }] of rates) check(rate.math, `fragment ${fragment}, rate of ${id}`, () => true);

  const model: SymbolicModel = {
    id: meta.id,
    name: meta.name,
    description: meta.description,
    fragments: fragments.map((f) => f.id),
    compartments,
    states,
    parameters,
    assignments,
    rates: states.map((s) => rates.get(s.id)!.rate),
    ...(doseTarget ? { doseTarget: doseTarget.id } : {}),
  };
  assignmentOrder(model); // throws on cycles
  return model;
}

/** Assignments in an order in which each reads only earlier ones (SBML allows any order; we evaluate in this one). */
export function assignmentOrder(model: SymbolicModel): SymbolicAssignment[] {
  const byId = new Map(model.assignments.map((a) => [a.id, a]));
  const done = new Set<string>();
  const visiting: string[] = [];
  const order: SymbolicAssignment[] = [];
  const visit = (a: SymbolicAssignment) => {
    if (done.has(a.id)) return;
    const k = visiting.indexOf(a.id);
    if (k >= 0) throw new SymbolicModelError(`assignments form a cycle: ${[...visiting.slice(k), a.id].join(' → ')}`);
    visiting.push(a.id);
    for (const n of freeIdentifiers(a.math)) {
      const dep = byId.get(n);
      if (dep) visit(dep);
    }
    visiting.pop();
    done.add(a.id);
    order.push(a);
  };
  for (const a of model.assignments) visit(a);
  return order;
}

export function outputIds(model: SymbolicModel): string[] {
  return model.assignments.filter((a) => a.output).map((a) => a.id);
}

/** The value of every parameter: the given value, else the model's default; refuses missing or non-finite ones. */
export function parameterValuesOf(model: SymbolicModel, given: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of model.parameters) {
    const v = given[p.id] ?? p.value;
    if (v === undefined) throw new SymbolicModelError(`parameter ${p.id} has no value: give it in the parameters`);
    if (!Number.isFinite(v)) throw new SymbolicModelError(`parameter ${p.id} = ${v} is not finite`);
    out[p.id] = v;
  }
  return out;
}

export interface CompiledSymbolicModel {
  readonly stateIds: readonly string[];
  readonly outputIds: readonly string[];
  /** dX/dt for the states, in the order of stateIds */
  readonly system: OdeSystem;
  /** initial values of the states */
  initialState(): Float64Array;
  /** outputs at state y and time t, in the order of outputIds */
  outputs(y: Float64Array, out: Float64Array, t: number): void;
  /** every assignment's value at state y and time t (for checks and debugging) */
  assignmentValues(y: Float64Array, t: number): Record<string, number>;
}

/**
 * Binds parameter values and compiles the equations into closures (no eval). The right-hand side
 * evaluates only the assignments the rates need, in dependency order, then the rates.
 */
export function compileSymbolicModel(model: SymbolicModel, parameters: Readonly<Record<string, number>> = {}): CompiledSymbolicModel {
  const values = parameterValuesOf(model, parameters);
  const names = [...model.states.map((s) => s.id), ...model.parameters.map((p) => p.id), ...model.compartments.map((c) => c.id), ...model.assignments.map((a) => a.id)];
  const slot = new Map(names.map((n, i) => [n, i]));
  const slotOf = (n: string) => {
    const s = slot.get(n);
    if (s === undefined) throw new SymbolicModelError(`unknown identifier "${n}"`);
    return s;
  };
  const n = model.states.length;
  const env = new Float64Array(names.length);
  for (const p of model.parameters) env[slot.get(p.id)!] = values[p.id]!;
  for (const c of model.compartments) env[slot.get(c.id)!] = typeof c.size === 'number' ? c.size : compileExpr(c.size, slotOf)(env, 0);

  const order = assignmentOrder(model);
  const rules = order.map((a) => ({ id: a.id, slot: slot.get(a.id)!, f: compileExpr(a.math, slotOf), math: a.math }));
  const byId = new Map(rules.map((r) => [r.id, r]));
  /** the rules needed to evaluate some expressions, in dependency order */
  const needed = (roots: readonly Expr[]) => {
    const want = new Set<string>();
    const add = (e: Expr) => {
      for (const name of freeIdentifiers(e)) {
        const r = byId.get(name);
        if (r && !want.has(name)) {
          want.add(name);
          add(r.math);
        }
      }
    };
    roots.forEach(add);
    return rules.filter((r) => want.has(r.id));
  };
  const rateRules = needed(model.rates.map((r) => r.math));
  const rates: CompiledExpr[] = model.rates.map((r) => compileExpr(r.math, slotOf));
  const outputs = model.assignments.filter((a) => a.output);
  const outRules = needed(outputs.map((a): Expr => ({ kind: 'id', name: a.id })));
  const outSlots = outputs.map((a) => slot.get(a.id)!);
  const autonomous = ![...rateRules.map((r) => r.math), ...model.rates.map((r) => r.math)].some(usesTime);

  const run = (list: typeof rules, t: number) => {
    for (const r of list) env[r.slot] = r.f(env, t);
  };
  const initial = model.states.map((s) => (typeof s.initial === 'number' ? s.initial : compileExpr(s.initial, slotOf)(env, 0)));

  return {
    stateIds: model.states.map((s) => s.id),
    outputIds: outputs.map((a) => a.id),
    system: {
      dimension: n,
      autonomous,
      rhs(t, y, dy) {
        for (let i = 0; i < n; i++) env[i] = y[i]!;
        run(rateRules, t);
        for (let i = 0; i < n; i++) dy[i] = rates[i]!(env, t);
      },
    },
    initialState: () => Float64Array.from(initial),
    outputs(y, out, t) {
      for (let i = 0; i < n; i++) env[i] = y[i]!;
      run(outRules, t);
      for (let j = 0; j < outSlots.length; j++) out[j] = env[outSlots[j]!]!;
    },
    assignmentValues(y, t) {
      for (let i = 0; i < n; i++) env[i] = y[i]!;
      run(rules, t);
      return Object.fromEntries(rules.map((r) => [r.id, env[r.slot]!]));
    },
  };
}

/**
 * The clock for modules with circadian terms: `clock_h`, hours after midnight in [0, 24), from
 * `firstDoseClockH` (the clock time of t = 0; an export sets it from the schedule). Modules that
 * need it list this fragment before their own; identical copies from several modules merge.
 */
export const CLOCK_FRAGMENT: SymbolicFragment = {
  id: 'clock',
  parameters: [{ id: 'firstDoseClockH', name: 'clock time of t = 0 (the first dose)', unit: 'h', value: 22, provenance: { label: 'clock time of the first dose', source: 'regimen', evidence: 'assumption', note: 'set from the regimen when exported' } }],
  assignments: [{ id: 'clock_h', name: 'clock time, hours after midnight', unit: 'h', math: 'firstDoseClockH + time - 24 * floor((firstDoseClockH + time) / 24)' }],
};
