// Why this module exists: a study record is what a clinician or reviewer reads to answer "what was
// done, to whom, at what dose, and what was found", and what the meta-analysis engine and the
// consistency checks consume. Design and evidence level are separate fields because the seed review
// blurs them (a hypothesis paper presented as a study result; 50 mg opioid-use-disorder data presented
// as LDN safety), and indirectness is recorded with its reason so no screen can hide it.
import { z } from 'zod';
import { IdSchema, NumberValueSchema, type NumberValue } from './number.js';

export const EVIDENCE_LEVELS = [
  'rct',
  'crossover_rct',
  'non_randomized_trial',
  'cohort',
  'case_series',
  'case_report',
  'hypothesis_paper',
  'conference_abstract',
  'systematic_review',
  'registry_record',
  'trial_protocol',
  'unpublished_report',
] as const;
export const EvidenceLevelSchema = z.enum(EVIDENCE_LEVELS);
export type EvidenceLevel = z.infer<typeof EvidenceLevelSchema>;

export const EVIDENCE_LEVEL_LABELS: Record<EvidenceLevel, string> = {
  rct: 'RCT',
  crossover_rct: 'crossover RCT',
  non_randomized_trial: 'non-randomized trial',
  cohort: 'cohort',
  case_series: 'case series',
  case_report: 'case report',
  hypothesis_paper: 'hypothesis paper',
  conference_abstract: 'conference abstract',
  systematic_review: 'systematic review',
  registry_record: 'registry record',
  trial_protocol: 'trial protocol',
  unpublished_report: 'unpublished report',
};

export const CONDITIONS = [
  'crohns-disease',
  'ulcerative-colitis',
  'multiple-sclerosis',
  'pancreatic-cancer',
  'lymphoma',
  'fibromyalgia',
  'endometriosis',
  'opioid-use-disorder',
  'pregnancy',
  'hiv-aids',
  'mixed',
] as const;
export const ConditionSchema = z.enum(CONDITIONS);
export type Condition = z.infer<typeof ConditionSchema>;

/** English and Ukrainian names of the conditions (the first users are gynecologists in Ukraine). */
export const CONDITION_LABELS: Record<Condition, { en: string; uk: string }> = {
  'crohns-disease': { en: "Crohn's disease", uk: 'хвороба Крона' },
  'ulcerative-colitis': { en: 'ulcerative colitis', uk: 'виразковий коліт' },
  'multiple-sclerosis': { en: 'multiple sclerosis', uk: 'розсіяний склероз' },
  'pancreatic-cancer': { en: 'pancreatic cancer', uk: 'рак підшлункової залози' },
  lymphoma: { en: 'lymphoma', uk: 'лімфома' },
  fibromyalgia: { en: 'fibromyalgia', uk: 'фіброміалгія' },
  endometriosis: { en: 'endometriosis', uk: 'ендометріоз' },
  'opioid-use-disorder': { en: 'opioid use disorder', uk: 'опіоїдна залежність' },
  pregnancy: { en: 'pregnancy', uk: 'вагітність' },
  'hiv-aids': { en: 'HIV/AIDS', uk: 'ВІЛ/СНІД' },
  mixed: { en: 'mixed conditions', uk: 'різні стани' },
};

export const ARM_ROLES = ['ldn', 'placebo', 'naltrexone', 'opioid_agonist', 'active_comparator', 'usual_care', 'other'] as const;

const DOSE_UNITS = ['mg/day', 'mg/kg/day'] as const;

export const DoseSchema = z
  .strictObject({
    /** Daily dose with its unit (mg/day, or mg/kg/day for weight-based paediatric dosing). */
    perDay: NumberValueSchema.optional(),
    /** Lowest and highest daily dose for dose-finding or weight-based designs (mg/day). */
    min: NumberValueSchema.optional(),
    max: NumberValueSchema.optional(),
    description: z.string().min(1),
    timing: z.string().min(1).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.perDay === undefined && d.min === undefined && d.max === undefined) {
      ctx.addIssue({ code: 'custom', path: ['perDay'], message: 'a dose needs perDay, or min/max (use status not_found when absent)' });
    }
    for (const key of ['perDay', 'min', 'max'] as const) {
      const n = d[key];
      if (n === undefined) continue;
      const allowed = key === 'perDay' ? DOSE_UNITS : (['mg/day'] as const);
      if (n.unit === undefined || !(allowed as readonly string[]).includes(n.unit)) {
        ctx.addIssue({ code: 'custom', path: [key, 'unit'], message: `dose unit must be one of: ${allowed.join(', ')}` });
      }
    }
  });
export type Dose = z.infer<typeof DoseSchema>;

export const ArmSchema = z.strictObject({
  id: IdSchema,
  label: z.string().min(1),
  role: z.enum(ARM_ROLES),
  /** Participants assigned to (or, in a crossover, exposed to) this arm or condition. */
  n: NumberValueSchema.optional(),
  completed: NumberValueSchema.optional(),
  intervention: z.string().min(1),
  dose: DoseSchema.optional(),
  note: z.string().min(1).optional(),
});
export type Arm = z.infer<typeof ArmSchema>;

export const ArmResultSchema = z.strictObject({
  arm: IdSchema,
  events: NumberValueSchema.optional(),
  /** Denominator of events/percent for this outcome. */
  total: NumberValueSchema.optional(),
  /** Share of participants with the outcome (events/total, in %); GRIM-tested. Percent changes go in `change`. */
  percent: NumberValueSchema.optional(),
  /** Value before treatment, when the source reports baseline → on-treatment. */
  baseline: NumberValueSchema.optional(),
  mean: NumberValueSchema.optional(),
  sd: NumberValueSchema.optional(),
  median: NumberValueSchema.optional(),
  iqr: NumberValueSchema.optional(),
  /** A "±" value printed without saying whether it is an SD or an SE. */
  plusMinus: NumberValueSchema.optional(),
  /** Change from baseline (mean or median as stated in `text`), with its CI if reported. */
  change: NumberValueSchema.optional(),
  ciLower: NumberValueSchema.optional(),
  ciUpper: NumberValueSchema.optional(),
  /** Any other single number (a survival time, an age, a size). */
  value: NumberValueSchema.optional(),
  text: z.string().min(1).optional(),
});
export type ArmResult = z.infer<typeof ArmResultSchema>;

export const TEST_TYPES = ['t', 'F', 'chi2', 'z', 'r', 'Q'] as const;
export const TestStatisticSchema = z.strictObject({
  type: z.enum(TEST_TYPES),
  df1: z.number().int().positive().optional(),
  df2: z.number().int().positive().optional(),
  value: NumberValueSchema,
  /** One-tailed only when the source says so. */
  tails: z.union([z.literal(1), z.literal(2)]).default(2),
});
export type TestStatistic = z.infer<typeof TestStatisticSchema>;

export const EFFECT_MEASURES = [
  'RR',
  'OR',
  'RD',
  'MD',
  'SMD',
  'cohen_d',
  'effect_size',
  'median_difference',
  'percent_difference',
] as const;
export const EffectSchema = z.strictObject({
  measure: z.enum(EFFECT_MEASURES),
  estimate: NumberValueSchema,
  ciLower: NumberValueSchema.optional(),
  ciUpper: NumberValueSchema.optional(),
  /** Confidence level of the interval (0.95 unless the source says otherwise). */
  ciLevel: z.number().gt(0).lt(1).default(0.95),
  /** Spread printed with the estimate instead of a CI, e.g. the IQR of a median difference. */
  spread: NumberValueSchema.optional(),
  /** Heterogeneity of a pooled estimate (I², %). */
  i2: NumberValueSchema.optional(),
});
export type Effect = z.infer<typeof EffectSchema>;

export const ComparisonSchema = z.strictObject({
  /** One arm: a within-arm change (e.g. CDAI before vs after); two arms: between-arm comparison. */
  arms: z.array(IdSchema).min(1).max(2),
  description: z.string().min(1).optional(),
  p: NumberValueSchema.optional(),
  test: TestStatisticSchema.optional(),
  effect: EffectSchema.optional(),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

export const OUTCOME_CATEGORIES = ['efficacy', 'safety', 'biomarker', 'survival', 'pharmacology', 'participant_flow', 'other'] as const;

export const OutcomeSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  category: z.enum(OUTCOME_CATEGORIES),
  primary: z.boolean().optional(),
  definition: z.string().min(1).optional(),
  timepoint: z.string().min(1).optional(),
  /** For pooled outcomes of a systematic review: studies, participants and comparisons contributing. */
  studies: NumberValueSchema.optional(),
  participants: NumberValueSchema.optional(),
  contrasts: NumberValueSchema.optional(),
  results: z.array(ArmResultSchema).default([]),
  comparisons: z.array(ComparisonSchema).default([]),
  note: z.string().min(1).optional(),
});
export type Outcome = z.infer<typeof OutcomeSchema>;

export const FlowSchema = z.strictObject({
  /** For systematic reviews: number of included studies. */
  studies: NumberValueSchema.optional(),
  /** Records or charts screened before enrolment (e.g. a chart review). */
  screened: NumberValueSchema.optional(),
  enrolled: NumberValueSchema.optional(),
  randomized: NumberValueSchema.optional(),
  completed: NumberValueSchema.optional(),
  analysed: NumberValueSchema.optional(),
  /** Participants who left or were excluded, by reason; used to check enrolled − lost = completed. */
  lost: z
    .array(z.strictObject({ reason: z.string().min(1), count: NumberValueSchema }))
    .optional(),
  /** Parts of `enrolled` (or of `studies`) by diagnosis or category; used to check that they add up. */
  subgroups: z
    .array(z.strictObject({ label: z.string().min(1), of: z.enum(['enrolled', 'studies']).default('enrolled'), count: NumberValueSchema }))
    .optional(),
});
export type Flow = z.infer<typeof FlowSchema>;

export const INDIRECTNESS_DOMAINS = ['population', 'intervention', 'dose', 'comparator', 'outcome', 'design', 'co_intervention'] as const;
export const IndirectnessSchema = z.strictObject({
  domain: z.enum(INDIRECTNESS_DOMAINS),
  reason: z.string().min(10),
});

export const STUDY_STATUSES = ['completed', 'terminated', 'ongoing', 'planned', 'unknown'] as const;

/** Units a study's duration may have. */
export const DURATION_UNITS = ['days', 'weeks', 'months', 'years'] as const;

export const StudySchema = z
  .strictObject({
    id: IdSchema,
    /** Short display label, e.g. "Smith 2007". */
    label: z.string().min(3),
    title: z.string().min(3).optional(),
    /** Sources for this record, the main one first. */
    sourceIds: z.array(IdSchema).min(1),
    /** The seed review's in-text citation numbers for this study ([] when not cited with a number). */
    seedRefs: z.array(z.number().int().min(1).max(41)).default([]),
    seedMention: z.enum(['cited', 'described_without_number', 'not_cited']),
    design: z.string().min(3),
    evidenceLevel: EvidenceLevelSchema,
    status: z.enum(STUDY_STATUSES).default('completed'),
    registryIds: z.array(z.string().min(3)).default([]),
    conditions: z.array(ConditionSchema).min(1),
    population: z.string().min(3),
    flow: FlowSchema,
    arms: z.array(ArmSchema).default([]),
    duration: NumberValueSchema.optional(),
    durationText: z.string().min(1).optional(),
    outcomes: z.array(OutcomeSchema).default([]),
    indirectness: z.array(IndirectnessSchema).default([]),
    notes: z.array(z.string().min(1)).default([]),
  })
  .superRefine((s, ctx) => {
    const armIds = new Set<string>();
    s.arms.forEach((a, i) => {
      if (armIds.has(a.id)) ctx.addIssue({ code: 'custom', path: ['arms', i, 'id'], message: `duplicate arm id "${a.id}"` });
      armIds.add(a.id);
    });
    const outcomeIds = new Set<string>();
    s.outcomes.forEach((o, i) => {
      if (outcomeIds.has(o.id)) ctx.addIssue({ code: 'custom', path: ['outcomes', i, 'id'], message: `duplicate outcome id "${o.id}"` });
      outcomeIds.add(o.id);
      o.results.forEach((r, j) => {
        if (!armIds.has(r.arm)) {
          ctx.addIssue({
            code: 'custom',
            path: ['outcomes', i, 'results', j, 'arm'],
            message: `unknown arm "${r.arm}"; arms of this study: ${[...armIds].join(', ') || '(none)'}`,
          });
        }
      });
      o.comparisons.forEach((c, j) => {
        c.arms.forEach((a, k) => {
          if (!armIds.has(a)) {
            ctx.addIssue({
              code: 'custom',
              path: ['outcomes', i, 'comparisons', j, 'arms', k],
              message: `unknown arm "${a}"; arms of this study: ${[...armIds].join(', ') || '(none)'}`,
            });
          }
        });
      });
    });
    if (s.duration !== undefined && !(DURATION_UNITS as readonly string[]).includes(s.duration.unit ?? '')) {
      ctx.addIssue({ code: 'custom', path: ['duration', 'unit'], message: 'duration unit must be days, weeks, months or years' });
    }
  });
export type Study = z.infer<typeof StudySchema>;

export type { NumberValue };
