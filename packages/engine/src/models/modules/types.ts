// The contract of a hypothesis module: a mechanism the review proposes (rebound, TLR4, OGF–OGFr)
// as switchable dynamics on top of the PK/occupancy core. A module owns its states, outputs and
// parameters (with provenance, in a `literature` and a `seed` version) and reads the core only
// through CoreSignals, so modules never depend on each other or on the core's state layout.

import type { OutputSpec, StateSpec } from '../../model/types.js';
import type { Parameter } from '../../parameters/types.js';

export type HypothesisId = 'rebound' | 'tlr4' | 'ogf';
export const HYPOTHESIS_IDS: readonly HypothesisId[] = ['rebound', 'tlr4', 'ogf'];

/** How well the evidence supports the mechanism, shown beside every output of the module. */
export interface EvidenceGrade {
  /** short verdict, e.g. "unsupported in humans" */
  grade: string;
  /** one paragraph with the numbers */
  summary: string;
  /** source ids (parameters/sources.ts) */
  sources: readonly string[];
}

/** What the core model exposes to modules at each instant. */
export interface CoreSignals {
  /** receptor occupancy by naltrexone + 6β-naltrexol, fractions */
  mu: number;
  kappa: number;
  delta: number;
  /** unbound plasma concentrations, nM */
  naltrexoneUnbound: number;
  naltrexolUnbound: number;
  /** clock time, hours after midnight, in [0, 24) */
  clockH: number;
}

type P = Readonly<Record<string, number>>;

/** A module with its parameters bound: the functions the composed model calls. */
export interface BoundModule {
  /** writes the drug-free state at clock time `clockH` into y[offset…] */
  initial(y: Float64Array, offset: number, clockH: number): void;
  rhs(s: CoreSignals, y: Float64Array, offset: number, dy: Float64Array): void;
  output(s: CoreSignals, y: Float64Array, offset: number, out: Float64Array, outOffset: number): void;
}

export interface HypothesisModule {
  readonly id: HypothesisId;
  readonly title: string;
  /** the claim, in the review's terms */
  readonly claim: string;
  readonly evidence: EvidenceGrade;
  readonly states: readonly StateSpec[];
  readonly outputs: readonly OutputSpec[];
  /** parameters in the `literature` and the `seed` versions; ids are prefixed with the module id */
  readonly parameters: { readonly literature: Readonly<Record<string, Parameter>>; readonly seed: Readonly<Record<string, Parameter>> };
  /** drug-free hours needed to settle on the periodic baseline */
  runInH(p: P): number;
  bind(p: P): BoundModule;
}

export function moduleParam(p: P, id: string): number {
  const v = p[id];
  if (v === undefined || !Number.isFinite(v)) throw new RangeError(`hypothesis module parameter ${id} is missing or not finite (${String(v)})`);
  return v;
}
