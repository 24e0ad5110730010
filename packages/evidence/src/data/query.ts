// Why this module exists: the CLI, the web app and the planner ask the same questions of the
// evidence base ("which studies in Crohn's disease?", "show me Smith 2011", "which seed claims
// differ from their source?", "how many numbers are confirmed?"). They get one answer from here,
// over the records bundled at build time and validated once on first use.
import { CLAIMS_FILES, SOURCES_FILES, STUDIES_FILES } from './files.generated.js';
import { buildEvidenceBase, walkNumbers, type EvidenceBase } from './load.js';
import { CONDITIONS, type Condition, type Study } from '../schema/study.js';
import { TOPICS, VERDICTS, type Claim, type Topic, type Verdict } from '../schema/claim.js';
import { NUMBER_STATUSES, type NumberStatus } from '../schema/number.js';
import type { Source } from '../schema/source.js';

let cached: EvidenceBase | undefined;

/** The shipped evidence base, validated on first call (throws EvidenceValidationError if a record is bad). */
export function loadEvidence(): EvidenceBase {
  cached ??= buildEvidenceBase({ sources: SOURCES_FILES, studies: STUDIES_FILES, claims: CLAIMS_FILES });
  return cached;
}

/** Aliases accepted for --condition besides the ids in CONDITIONS. */
export const CONDITION_ALIASES: Readonly<Record<string, readonly Condition[]>> = {
  crohn: ['crohns-disease'],
  crohns: ['crohns-disease'],
  uc: ['ulcerative-colitis'],
  ibd: ['crohns-disease', 'ulcerative-colitis'],
  ms: ['multiple-sclerosis'],
  cancer: ['pancreatic-cancer', 'lymphoma'],
  oud: ['opioid-use-disorder'],
  hiv: ['hiv-aids'],
};

/** Resolves a condition name or alias (case-insensitive); undefined when unknown. */
export function resolveCondition(name: string): readonly Condition[] | undefined {
  const key = name.trim().toLowerCase();
  if ((CONDITIONS as readonly string[]).includes(key)) return [key as Condition];
  // own keys only: "__proto__" or "constructor" are not aliases
  return Object.hasOwn(CONDITION_ALIASES, key) ? CONDITION_ALIASES[key] : undefined;
}

/** Year of a study: the year of its main source, or the first 4-digit year in its label. */
export function studyYear(study: Study, base: EvidenceBase = loadEvidence()): number | undefined {
  const y = base.sources.get(study.sourceIds[0] ?? '')?.year;
  if (y !== undefined) return y;
  const m = /\b(19|20)\d{2}\b/.exec(study.label);
  return m ? Number(m[0]) : undefined;
}

export interface StudyFilter {
  readonly condition?: string;
}

/** Studies, oldest first; with a condition (id or alias) only those that include it. Unknown condition → throws RangeError. */
export function listStudies(filter: StudyFilter = {}, base: EvidenceBase = loadEvidence()): Study[] {
  let wanted: readonly Condition[] | undefined;
  if (filter.condition !== undefined) {
    wanted = resolveCondition(filter.condition);
    if (wanted === undefined) throw new RangeError(`unknown condition "${filter.condition}"`);
  }
  return base.studies
    .filter((s) => wanted === undefined || s.conditions.some((c) => wanted.includes(c)))
    .slice()
    .sort((a, b) => (studyYear(a, base) ?? 9999) - (studyYear(b, base) ?? 9999) || a.label.localeCompare(b.label));
}

export function getStudy(id: string, base: EvidenceBase = loadEvidence()): Study | undefined {
  return base.studies.find((s) => s.id === id);
}

export function getSource(id: string, base: EvidenceBase = loadEvidence()): Source | undefined {
  return base.sources.get(id);
}

export function getClaim(id: string, base: EvidenceBase = loadEvidence()): Claim | undefined {
  return base.claims.find((c) => c.id === id);
}

export interface ClaimFilter {
  readonly verdict?: Verdict;
  readonly topic?: Topic;
}

export function isVerdict(v: string): v is Verdict {
  return (VERDICTS as readonly string[]).includes(v);
}

export function isTopic(v: string): v is Topic {
  return (TOPICS as readonly string[]).includes(v);
}

/** Claims in ledger order (C01, C02, …), optionally filtered by verdict and topic. */
export function listClaims(filter: ClaimFilter = {}, base: EvidenceBase = loadEvidence()): Claim[] {
  return base.claims
    .filter((c) => (filter.verdict === undefined || c.verdict === filter.verdict) && (filter.topic === undefined || c.topic === filter.topic))
    .slice()
    .sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
}

export type StatusCounts = Record<NumberStatus, number>;

/** Numbers in study records by status (confirmed / derived / not_found). */
export function countNumbers(studies: readonly Study[] = loadEvidence().studies): StatusCounts {
  const counts = Object.fromEntries(NUMBER_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const s of studies) walkNumbers(s, (n) => (counts[n.status] += 1));
  return counts;
}

/** Claims by verdict, every verdict present (zero when unused). */
export function countVerdicts(claims: readonly Claim[] = loadEvidence().claims): Record<Verdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const c of claims) counts[c.verdict] += 1;
  return counts;
}

/** Conditions that at least one study covers, in CONDITIONS order. */
export function conditionsInUse(base: EvidenceBase = loadEvidence()): Condition[] {
  return CONDITIONS.filter((c) => base.studies.some((s) => s.conditions.includes(c)));
}
