// Why this module exists: `ldn evidence … --format json`, `ldn check --format json` and the API's
// /api/evidence endpoints must return the same documents. They are built here, over any evidence
// base (the shipped one, or the shipped one extended with the records users added), so the CLI and
// the server differ only in how they read their options. A bad filter value is an EvidenceQueryError
// naming the value, the accepted ones and the option/field it came from.
import { loadEvidence, getClaim, getSource, getStudy, isTopic, isVerdict, listClaims, listStudies, resolveCondition, CONDITION_ALIASES } from './query.js';
import { walkNumbers, type EvidenceBase } from './load.js';
import { CONDITIONS, type Study } from '../schema/study.js';
import { TOPICS, VERDICTS, type Claim } from '../schema/claim.js';
import type { NumberValue } from '../schema/number.js';
import type { Source } from '../schema/source.js';
import { checkEvidence } from '../checks/index.js';
import { CHECK_KINDS, SEVERITIES, countBySeverity, findingsForClaim, type CheckKind, type Finding, type Severity } from '../checks/runner.js';

export class EvidenceQueryError extends Error {
  /** the filter that is wrong: condition, verdict, topic, severity, check, study, id */
  readonly field: string;
  constructor(message: string, field: string) {
    super(message);
    this.name = 'EvidenceQueryError';
    this.field = field;
  }
}

/** A number's place in a study, readable: "arm ldn · n", "pain · ldn · mean". */
export function describeNumberPath(study: Study, path: readonly PropertyKey[]): string {
  const p = [...path];
  const parts: string[] = [];
  if (p[0] === 'flow') {
    if (p[1] === 'lost' && typeof p[2] === 'number') return `flow · lost: ${study.flow.lost?.[p[2]]?.reason ?? p[2]}`;
    if (p[1] === 'subgroups' && typeof p[2] === 'number') return `flow · ${study.flow.subgroups?.[p[2]]?.label ?? p[2]}`;
    return `flow · ${String(p[1])}`;
  }
  if (p[0] === 'arms' && typeof p[1] === 'number') {
    const arm = study.arms[p[1]];
    parts.push(`arm ${arm?.id ?? p[1]}`);
    parts.push(...p.slice(2).map(String));
    return parts.join(' · ');
  }
  if (p[0] === 'outcomes' && typeof p[1] === 'number') {
    const o = study.outcomes[p[1]];
    parts.push(o?.id ?? String(p[1]));
    if (p[2] === 'results' && typeof p[3] === 'number') {
      parts.push(o?.results[p[3]]?.arm ?? String(p[3]));
      parts.push(...p.slice(4).map(String));
    } else if (p[2] === 'comparisons' && typeof p[3] === 'number') {
      const c = o?.comparisons[p[3]];
      parts.push(c?.arms.join(' vs ') ?? String(p[3]));
      const rest = p.slice(4).map(String);
      if (rest[0] === 'effect' && c?.effect !== undefined) rest[0] = c.effect.measure;
      if (rest[0] === 'test' && c?.test !== undefined) rest[0] = `${c.test.type} statistic`;
      parts.push(...rest.filter((x) => x !== 'value' || rest.length === 1));
    } else {
      parts.push(...p.slice(2).map(String));
    }
    return parts.join(' · ');
  }
  return p.map(String).join(' · ');
}

export function conditionError(name: string): EvidenceQueryError {
  return new EvidenceQueryError(`unknown condition "${name}"; accepted: ${CONDITIONS.join(', ')} (aliases: ${Object.keys(CONDITION_ALIASES).join(', ')})`, 'condition');
}

/** `ldn evidence list --format json`: the studies, oldest first, optionally in one condition. */
export function studiesReport(filter: { condition?: string } = {}, base: EvidenceBase = loadEvidence()): Study[] {
  if (filter.condition !== undefined && resolveCondition(filter.condition) === undefined) throw conditionError(filter.condition);
  return listStudies(filter.condition === undefined ? {} : { condition: filter.condition }, base);
}

export interface StudyReport {
  study: Study;
  /** "shipped" for the records that come with LDN Workbench, "user" for records a user added (they can be deleted) */
  origin: 'shipped' | 'user';
  sources: (Source | undefined)[];
  numbers: { field: string; number: NumberValue }[];
  findings: Finding[];
  claims: string[];
}

/** `ldn evidence show STUDY --format json`; undefined for an unknown id. */
export function studyReport(id: string, base: EvidenceBase = loadEvidence(), findings: readonly Finding[] = checkEvidence(base === loadEvidence() ? undefined : base)): StudyReport | undefined {
  const study = getStudy(id, base);
  if (study === undefined) return undefined;
  const numbers: { field: string; number: NumberValue }[] = [];
  walkNumbers(study, (n, path) => numbers.push({ field: describeNumberPath(study, path), number: n }));
  const claims = listClaims({}, base).filter((c) => c.studyIds.includes(study.id));
  const origin = base.fileOf.get(`study:${study.id}`) === 'user' ? 'user' : 'shipped';
  return { study, origin, sources: study.sourceIds.map((s) => getSource(s, base)), numbers, findings: findings.filter((f) => f.studyId === study.id), claims: claims.map((c) => c.id) };
}

/** `ldn evidence show C01 --format json`; undefined for an unknown id (ids are case-insensitive). */
export function claimReport(id: string, base: EvidenceBase = loadEvidence(), findings: readonly Finding[] = checkEvidence(base === loadEvidence() ? undefined : base)): { claim: Claim; findings: Finding[] } | undefined {
  const claim = /^C\d+$/i.test(id) ? getClaim(id.toUpperCase(), base) : undefined;
  return claim === undefined ? undefined : { claim, findings: findingsForClaim(claim, findings) };
}

/** "unknown study or claim id …" with every accepted id. */
export function unknownIdMessage(id: string, base: EvidenceBase = loadEvidence(), what = 'study or claim'): string {
  const ids = listStudies({}, base).map((s) => s.id);
  const claims = listClaims({}, base).map((c) => c.id);
  const range = what.includes('claim') && claims.length > 0 ? `, claims ${claims[0] ?? ''}–${claims[claims.length - 1] ?? ''}` : '';
  return `unknown ${what} id "${id}"; accepted: ${what === 'claim' ? claims.join(', ') : ids.join(', ')}${what === 'claim' ? '' : range}`;
}

/** `ldn evidence claims --format json`: the ledger, optionally filtered. */
export function claimsReport(filter: { verdict?: string; topic?: string } = {}, base: EvidenceBase = loadEvidence()): Claim[] {
  if (filter.verdict !== undefined && !isVerdict(filter.verdict)) throw new EvidenceQueryError(`unknown verdict "${filter.verdict}"; accepted: ${VERDICTS.join(', ')}`, 'verdict');
  if (filter.topic !== undefined && !isTopic(filter.topic)) throw new EvidenceQueryError(`unknown topic "${filter.topic}"; accepted: ${TOPICS.join(', ')}`, 'topic');
  return listClaims(
    {
      ...(filter.verdict !== undefined ? { verdict: filter.verdict } : {}),
      ...(filter.topic !== undefined ? { topic: filter.topic } : {}),
    },
    base,
  );
}

export interface ChecksFilter {
  severity?: string;
  check?: string;
  study?: string;
  /** include info findings */
  all?: boolean;
}

/** `ldn check --format json`: counts over every finding, and the findings the filter shows. */
export function checksReport(filter: ChecksFilter = {}, base: EvidenceBase = loadEvidence(), all: readonly Finding[] = checkEvidence(base === loadEvidence() ? undefined : base)): { counts: Record<Severity, number>; findings: Finding[] } {
  if (filter.severity !== undefined && !(SEVERITIES as readonly string[]).includes(filter.severity)) {
    throw new EvidenceQueryError(`unknown severity "${filter.severity}"; accepted: ${SEVERITIES.join(', ')}`, 'severity');
  }
  if (filter.check !== undefined && !(CHECK_KINDS as readonly string[]).includes(filter.check)) {
    throw new EvidenceQueryError(`unknown check "${filter.check}"; accepted: ${CHECK_KINDS.join(', ')}`, 'check');
  }
  if (filter.study !== undefined && getStudy(filter.study, base) === undefined) {
    throw new EvidenceQueryError(`unknown study "${filter.study}"; accepted: ${listStudies({}, base).map((s) => s.id).join(', ')}`, 'study');
  }
  const wanted: readonly Severity[] = filter.severity !== undefined ? [filter.severity as Severity] : filter.all === true ? SEVERITIES : (['error', 'warning'] as const);
  const shown = all.filter((f) => wanted.includes(f.severity) && (filter.check === undefined || f.check === (filter.check as CheckKind)) && (filter.study === undefined || f.studyId === filter.study));
  return { counts: countBySeverity(all), findings: shown };
}
