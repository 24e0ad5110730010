// Why this module exists: users add their own study records (and the sources they cite) through the
// API, and those records must obey the same rules as the shipped ones: the record schema, unique
// ids, every source id resolvable, every confirmed number's source listed by its study. This checks
// new records against a base and returns the base extended with them, so every query, report and
// consistency check treats user records like shipped ones. Problems come back as ValidationIssues
// whose `path` is the field inside the submitted document (e.g. "study.arms[0].n.status").
import { SourceSchema, type Source } from '../schema/source.js';
import { StudySchema, type Study } from '../schema/study.js';
import { EvidenceValidationError, formatPath, walkNumbers, type EvidenceBase, type ValidationIssue } from './load.js';

export interface EvidenceAdditions {
  readonly sources?: readonly unknown[];
  readonly studies?: readonly unknown[];
}

export interface ValidatedAdditions {
  sources: Source[];
  studies: Study[];
}

/** Kind of a problem, so an API can tell a duplicate id (409) from an invalid record (422). */
export type AdditionIssue = ValidationIssue & { kind: 'invalid' | 'duplicate'; /** the path as keys, for callers that format paths their own way */ keys: PropertyKey[] };

/**
 * Validates records to add to `base`. `prefix` names where each list sits in the submitted document
 * (default sources[i] and studies[i]). Returns the parsed records (with schema defaults) or the issues.
 */
export function validateAdditions(
  base: EvidenceBase,
  additions: EvidenceAdditions,
  prefix: { sources: (i: number) => PropertyKey[]; studies: (i: number) => PropertyKey[] } = { sources: (i) => ['sources', i], studies: (i) => ['studies', i] },
  file = 'request',
): { ok: true; value: ValidatedAdditions } | { ok: false; issues: AdditionIssue[] } {
  const issues: AdditionIssue[] = [];
  const sources: Source[] = [];
  const studies: Study[] = [];
  const sourceIds = new Set(base.sources.keys());
  const studyIds = new Set(base.studies.map((s) => s.id));
  (additions.sources ?? []).forEach((raw, i) => {
    const at = prefix.sources(i);
    const r = SourceSchema.safeParse(raw);
    if (!r.success) {
      for (const iss of r.error.issues) issues.push({ kind: 'invalid', file, keys: [...at, ...iss.path], path: formatPath([...at, ...iss.path]), message: iss.message });
      return;
    }
    if (sourceIds.has(r.data.id)) {
      issues.push({ kind: 'duplicate', file, keys: [...at, 'id'], path: formatPath([...at, 'id']), message: `source id "${r.data.id}" already exists; choose another id` });
      return;
    }
    sourceIds.add(r.data.id);
    sources.push(r.data);
  });
  (additions.studies ?? []).forEach((raw, i) => {
    const at = prefix.studies(i);
    const r = StudySchema.safeParse(raw);
    if (!r.success) {
      for (const iss of r.error.issues) issues.push({ kind: 'invalid', file, keys: [...at, ...iss.path], path: formatPath([...at, ...iss.path]), message: iss.message });
      return;
    }
    const s = r.data;
    if (studyIds.has(s.id)) {
      issues.push({ kind: 'duplicate', file, keys: [...at, 'id'], path: formatPath([...at, 'id']), message: `study id "${s.id}" already exists; choose another id` });
      return;
    }
    s.sourceIds.forEach((id, j) => {
      if (!sourceIds.has(id)) issues.push({ kind: 'invalid', file, keys: [...at, 'sourceIds', j], path: formatPath([...at, 'sourceIds', j]), message: `unknown source "${id}"; add it with the study or cite an existing source id` });
    });
    walkNumbers(s, (n, path) => {
      if (n.status !== 'confirmed') return;
      if (!sourceIds.has(n.source)) issues.push({ kind: 'invalid', file, keys: [...at, ...path, 'source'], path: formatPath([...at, ...path, 'source']), message: `unknown source "${n.source}"` });
      else if (!s.sourceIds.includes(n.source)) issues.push({ kind: 'invalid', file, keys: [...at, ...path, 'source'], path: formatPath([...at, ...path, 'source']), message: `source "${n.source}" is not listed in this study's sourceIds` });
    });
    studyIds.add(s.id);
    studies.push(s);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { sources, studies } };
}

/** The base with already-validated records added (records stored earlier, read back). */
export function extendEvidence(base: EvidenceBase, additions: ValidatedAdditions, origin = 'user'): EvidenceBase {
  if (additions.sources.length === 0 && additions.studies.length === 0) return base;
  const sources = new Map(base.sources);
  const fileOf = new Map(base.fileOf);
  for (const s of additions.sources) {
    sources.set(s.id, s);
    fileOf.set(`source:${s.id}`, origin);
  }
  for (const s of additions.studies) fileOf.set(`study:${s.id}`, origin);
  return { sources, studies: [...base.studies, ...additions.studies], claims: base.claims, fileOf };
}

/** Validates and extends in one step; throws EvidenceValidationError listing every problem. */
export function addToEvidence(base: EvidenceBase, additions: EvidenceAdditions): EvidenceBase {
  const r = validateAdditions(base, additions);
  if (!r.ok) throw new EvidenceValidationError(r.issues);
  return extendEvidence(base, r.value);
}
