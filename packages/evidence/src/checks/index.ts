// Why this module exists: one import point for the consistency checks (GRIM, statcheck, p from
// counts or CI) and the runner that applies them to the shipped evidence base.
import { loadEvidence } from '../data/query.js';
import type { EvidenceBase } from '../data/load.js';
import { runChecks, type Finding } from './runner.js';

export * from './decimals.js';
export * from './grim.js';
export * from './statcheck.js';
export * from './pvalues.js';
export * from './runner.js';

let cached: Finding[] | undefined;

/** Findings of every check over the shipped evidence base (or over `base`). */
export function checkEvidence(base?: EvidenceBase): Finding[] {
  if (base !== undefined) return runChecks(base);
  cached ??= runChecks(loadEvidence());
  return cached;
}
