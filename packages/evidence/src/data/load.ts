// Why this module exists: records are JSON written by people, so every one is validated when it is
// loaded, and a bad record must say which file and which field is wrong ("data/studies/x.json:
// arms[0].n.status: ..."), not just that something failed. Beyond the schemas it checks what a
// single-record schema cannot: ids are unique, every source id exists, a confirmed number's source
// is listed by its study, and the claims ledger points at real studies, outcomes and arms.
// No fs here: the JSON arrives through bundled imports (files.generated.ts), so this runs in browsers.
import type { z } from 'zod';
import { isNumberValue, type NumberValue } from '../schema/number.js';
import { SourcesFileSchema, type Source } from '../schema/source.js';
import { StudySchema, type Study } from '../schema/study.js';
import { ClaimsFileSchema, type Claim } from '../schema/claim.js';

export interface RawFile {
  /** Path relative to packages/evidence, e.g. "data/studies/smith2007.json". */
  readonly file: string;
  readonly data: unknown;
}

export interface RawEvidenceFiles {
  readonly sources: readonly RawFile[];
  readonly studies: readonly RawFile[];
  readonly claims: readonly RawFile[];
}

export interface ValidationIssue {
  readonly file: string;
  /** Field path inside the file, e.g. "arms[0].n.status" ("" for the whole file). */
  readonly path: string;
  readonly message: string;
}

export class EvidenceValidationError extends Error {
  readonly issues: readonly ValidationIssue[];
  constructor(issues: readonly ValidationIssue[]) {
    const shown = issues.slice(0, 20).map(formatIssue);
    const more = issues.length > shown.length ? `\n… and ${issues.length - shown.length} more` : '';
    super(`invalid evidence record${issues.length === 1 ? '' : 's'}:\n${shown.join('\n')}${more}`);
    this.name = 'EvidenceValidationError';
    this.issues = issues;
  }
}

export function formatIssue(i: ValidationIssue): string {
  return `${i.file}: ${i.path === '' ? '(file)' : i.path}: ${i.message}`;
}

/** Zod paths as a reader writes them: arms[0].n.status */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export interface EvidenceBase {
  readonly sources: ReadonlyMap<string, Source>;
  readonly studies: readonly Study[];
  readonly claims: readonly Claim[];
  /** Which file each record came from (for messages). */
  readonly fileOf: ReadonlyMap<string, string>;
}

function zodIssues(file: string, error: z.ZodError, prefix: readonly PropertyKey[] = []): ValidationIssue[] {
  return error.issues.map((iss) => ({ file, path: formatPath([...prefix, ...iss.path]), message: iss.message }));
}

/** Calls `visit` for every NumberValue inside `value`, with its path. */
export function walkNumbers(value: unknown, visit: (n: NumberValue, path: readonly PropertyKey[]) => void, path: PropertyKey[] = []): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walkNumbers(v, visit, [...path, i]));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (isNumberValue(value)) {
    visit(value, path);
    return;
  }
  for (const [k, v] of Object.entries(value)) walkNumbers(v, visit, [...path, k]);
}

function basename(file: string): string {
  const name = file.split('/').pop() ?? file;
  return name.replace(/\.json$/, '');
}

/** Validates raw files and builds the evidence base; throws EvidenceValidationError listing every problem found. */
export function buildEvidenceBase(files: RawEvidenceFiles): EvidenceBase {
  const issues: ValidationIssue[] = [];
  const sources = new Map<string, Source>();
  const fileOf = new Map<string, string>();

  for (const f of files.sources) {
    const r = SourcesFileSchema.safeParse(f.data);
    if (!r.success) {
      issues.push(...zodIssues(f.file, r.error));
      continue;
    }
    r.data.forEach((s, i) => {
      if (sources.has(s.id)) {
        issues.push({ file: f.file, path: formatPath([i, 'id']), message: `duplicate source id "${s.id}" (also in ${fileOf.get(`source:${s.id}`) ?? '?'})` });
        return;
      }
      sources.set(s.id, s);
      fileOf.set(`source:${s.id}`, f.file);
    });
  }

  const studies: Study[] = [];
  for (const f of files.studies) {
    const r = StudySchema.safeParse(f.data);
    if (!r.success) {
      issues.push(...zodIssues(f.file, r.error));
      continue;
    }
    const s = r.data;
    if (s.id !== basename(f.file)) {
      issues.push({ file: f.file, path: 'id', message: `study id "${s.id}" must equal the file name "${basename(f.file)}"` });
    }
    if (fileOf.has(`study:${s.id}`)) {
      issues.push({ file: f.file, path: 'id', message: `duplicate study id "${s.id}"` });
      continue;
    }
    s.sourceIds.forEach((id, i) => {
      if (!sources.has(id)) issues.push({ file: f.file, path: formatPath(['sourceIds', i]), message: `unknown source "${id}"` });
    });
    walkNumbers(s, (n, path) => {
      if (n.status !== 'confirmed') return;
      if (!sources.has(n.source)) {
        issues.push({ file: f.file, path: formatPath([...path, 'source']), message: `unknown source "${n.source}"` });
      } else if (!s.sourceIds.includes(n.source)) {
        issues.push({ file: f.file, path: formatPath([...path, 'source']), message: `source "${n.source}" is not listed in this study's sourceIds` });
      }
    });
    studies.push(s);
    fileOf.set(`study:${s.id}`, f.file);
  }

  const studyById = new Map(studies.map((s) => [s.id, s]));
  const claims: Claim[] = [];
  const claimIds = new Set<string>();
  for (const f of files.claims) {
    const r = ClaimsFileSchema.safeParse(f.data);
    if (!r.success) {
      issues.push(...zodIssues(f.file, r.error));
      continue;
    }
    r.data.forEach((c, i) => {
      if (claimIds.has(c.id)) issues.push({ file: f.file, path: formatPath([i, 'id']), message: `duplicate claim id "${c.id}"` });
      claimIds.add(c.id);
      c.sourceIds.forEach((id, j) => {
        if (!sources.has(id)) issues.push({ file: f.file, path: formatPath([i, 'sourceIds', j]), message: `unknown source "${id}"` });
      });
      c.studyIds.forEach((id, j) => {
        if (!studyById.has(id)) issues.push({ file: f.file, path: formatPath([i, 'studyIds', j]), message: `unknown study "${id}"` });
      });
      c.seedValues.forEach((v, j) => {
        const t = v.compareTo;
        if (t === undefined) return;
        const at = formatPath([i, 'seedValues', j, 'compareTo']);
        const study = studyById.get(t.study);
        const outcome = study?.outcomes.find((o) => o.id === t.outcome);
        if (study === undefined) issues.push({ file: f.file, path: at, message: `unknown study "${t.study}"` });
        else if (outcome === undefined) issues.push({ file: f.file, path: at, message: `study "${t.study}" has no outcome "${t.outcome}"` });
        else if (!outcome.results.some((res) => res.arm === t.arm && res[t.field] !== undefined)) {
          issues.push({ file: f.file, path: at, message: `outcome "${t.study}/${t.outcome}" has no ${t.field} for arm "${t.arm}"` });
        }
      });
      claims.push(c);
      fileOf.set(`claim:${c.id}`, f.file);
    });
  }

  if (issues.length > 0) throw new EvidenceValidationError(issues);
  return { sources, studies, claims, fileOf };
}
