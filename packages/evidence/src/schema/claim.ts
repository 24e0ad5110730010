// Why this module exists: the seed review has no reference list, only in-text numbers, and several
// of its statements differ from their primary sources. The claims ledger turns each factual statement
// into a record: the seed's own words (Ukrainian, verbatim) with an English translation, the citation
// number, the primary source it was checked against, a verdict from a closed list, and the numbers
// behind the verdict. Discrepancy ids D1–D13 refer to reference/evidence.md §1.8.
import { z } from 'zod';
import { IdSchema, REPORTED_PATTERN } from './number.js';

export const VERDICTS = ['supported', 'differs', 'unsupported', 'contradicted', 'not_checkable'] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

/** What each verdict means; shown by the CLI and the web app next to the ledger. */
export const VERDICT_MEANINGS: Record<Verdict, string> = {
  supported: 'the primary source says what the seed says (numbers equal within rounding)',
  differs: 'the primary source exists but says something different (numbers, N, design, population, evidence type or date)',
  unsupported: 'searched for and no source backs the statement, or the only data are too weak or indirect to back it',
  contradicted: 'measured data in a primary source say the opposite',
  not_checkable: 'could not be checked: the cited source was not identified, or its stored copies lack the passage, and nothing else in the research notes speaks to it',
};

export const TOPICS = [
  'general',
  'history',
  'pharmacology',
  'mechanism',
  'crohns-disease',
  'multiple-sclerosis',
  'cancer',
  'safety',
  'sleep',
  'pregnancy',
  'endometriosis',
] as const;
export const TopicSchema = z.enum(TOPICS);
export type Topic = z.infer<typeof TopicSchema>;

/** The pharmacology verdicts of reference/pharmacology.md §0 that the ledger must carry. */
export const PHARMACOLOGY_CHECKS = [
  'ntx-half-life',
  '6bn-half-life',
  'endorphin-half-life',
  'endorphin-circadian',
  'endorphin-300-percent',
  'tlr4',
] as const;

export const CLAIM_FLAGS = [
  'source_internal_inconsistency',
  'seed_internal_inconsistency',
  'indirect_evidence',
  'secondary_source_only',
  'evidence_type_misstated',
  'animal_or_in_vitro_only',
  'omits_contrary_evidence',
  'unpublished_source',
] as const;

/** A number stated by the seed, so that checks can test it (GRIM with `n`) or compare it with the source. */
export const SeedValueSchema = z
  .strictObject({
    label: z.string().min(1),
    /** As printed in the seed, decimal comma replaced by a point, without unit. */
    reported: z.string().regex(REPORTED_PATTERN),
    value: z.number(),
    unit: z.string().min(1).optional(),
    /** Denominator the seed states or implies for a percentage. */
    n: z.number().int().positive().optional(),
    /** Where the same quantity lives in the evidence base, for a seed-vs-source comparison. */
    compareTo: z
      .strictObject({
        study: IdSchema,
        outcome: IdSchema,
        arm: IdSchema,
        field: z.enum(['events', 'total', 'percent', 'mean', 'median', 'value', 'change']),
      })
      .optional(),
  })
  .refine((v) => Number(v.reported) === v.value, { message: 'value must equal "reported"', path: ['value'] });
export type SeedValue = z.infer<typeof SeedValueSchema>;

export const ClaimSchema = z.strictObject({
  id: z.string().regex(/^C\d{2,3}$/, 'claim ids are C followed by two or three digits'),
  topic: TopicSchema,
  /** Heading of the seed section the statement comes from (Ukrainian, as printed). */
  section: z.string().min(3),
  text: z.strictObject({
    /** The seed's words, verbatim except that hyphenation line-breaks are joined. */
    uk: z.string().min(10),
    /** A faithful English translation. */
    en: z.string().min(10),
  }),
  /** The seed's in-text citation numbers for the statement; [] when it gives none. */
  citations: z.array(z.number().int().min(1).max(41)).default([]),
  citationMatch: z.enum(['identified', 'partly_identified', 'not_identified', 'no_citation']),
  /** Sources the verdict rests on (the primary source first). */
  sourceIds: z.array(IdSchema).default([]),
  studyIds: z.array(IdSchema).default([]),
  verdict: VerdictSchema,
  /** Why, with the numbers. */
  explanation: z.string().min(20),
  discrepancyIds: z.array(z.string().regex(/^D\d{1,2}$/)).default([]),
  pharmacologyCheck: z.enum(PHARMACOLOGY_CHECKS).optional(),
  /** The verdict as worded in the reference note it comes from, kept verbatim next to ours. */
  referenceVerdict: z.string().min(3).optional(),
  flags: z.array(z.enum(CLAIM_FLAGS)).default([]),
  seedValues: z.array(SeedValueSchema).default([]),
}).refine((c) => c.verdict === 'not_checkable' || c.sourceIds.length > 0, {
  message: 'a verdict other than not_checkable must name at least one source in sourceIds',
  path: ['sourceIds'],
});
export type Claim = z.infer<typeof ClaimSchema>;

export const ClaimsFileSchema = z.array(ClaimSchema).min(1);
