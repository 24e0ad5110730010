// The one plan request, shared by `ldn plan` (its options, snake_cased) and POST /api/plans (the
// same keys as JSON). Validation is here so both answer bad input with the same message, naming the
// field and what is accepted; units are in the field descriptions and in every message.
//
// Missing patient facts are allowed on purpose: a rule whose fact is absent answers "ask", never
// "pass" (planner.md §6 is about what a clinician must confirm). A fact is "known false" only when
// it is given as false (or, for lists, as an empty list: `opioids: []` means "no opioids").
//
// Plausibility limits below (age 0–120 y, weight 1–300 kg, doses up to one 50 mg tablet, calendar
// up to 365 days, bottle 1–1000 mL) are input checks of this planner, not clinical thresholds; the
// clinical ones live in the rules with their sources.
import { z } from 'zod';
import { clockSchema, parseDate } from '@ldn/engine';

/** the strength of the only labelled tablet, mg naltrexone HCl (REVIA label, L) */
export const TABLET_MG = 50;
/** planner input limit: no single dose above one 50 mg tablet is accepted as an LDN input */
export const MAX_INPUT_DOSE_MG = TABLET_MG;
/** naltrexone HCl is "soluble in water to the extent of about 100 mg/mL" (DailyMed 2024 label, L) */
export const SOLUBILITY_MG_ML = 100;

export class PlanInputError extends Error {
  /** request path of the bad value, e.g. "weight" or "events.0.date" */
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'PlanInputError';
    this.field = field;
  }
}

const date = (what: string) =>
  z.string({ error: `must be a date YYYY-MM-DD (${what})` }).refine((s) => {
    try {
      parseDate(s);
      return true;
    } catch {
      return false;
    }
  }, `must be an existing date YYYY-MM-DD (${what})`);

const clock = clockSchema;

const num = (unit: string, min: number, max: number, opts: { exclusiveMin?: boolean; int?: boolean } = {}) => {
  const kind = opts.int ? 'a whole number' : 'a number';
  const range = `${opts.exclusiveMin ? 'above' : 'from'} ${min} ${opts.exclusiveMin ? 'and at most' : 'to'} ${max}${unit ? ` ${unit}` : ''}`;
  let s = z.number({ error: `must be ${kind} ${range}` }).refine(Number.isFinite, `must be ${kind} ${range}`);
  s = opts.exclusiveMin ? s.refine((x) => x > min, `is out of range; use ${kind} ${range}`) : s.refine((x) => x >= min, `is out of range; use ${kind} ${range}`);
  s = s.refine((x) => x <= max, `is out of range; use ${kind} ${range}`);
  if (opts.int) s = s.refine(Number.isInteger, `must be ${kind} ${range}`);
  return s;
};

const bool = (what: string) => z.boolean({ error: `must be true or false (${what})` });

const enumOf = <T extends readonly [string, ...string[]]>(values: T, what: string) => z.enum(values, { error: `must be one of: ${values.join(', ')} (${what})` });

export const FORMULATIONS = ['liquid', 'capsules', 'tablet-fraction'] as const;
export const LIQUID_SOURCES = ['tablets', 'hcl-powder', 'base-powder'] as const;
export const VEHICLES = ['water', 'fawcett'] as const;
export const STORAGES = ['fridge', 'room'] as const;
export const FILLERS = ['avicel', 'microcrystalline-cellulose', 'sucrose', 'lactose', 'probiotic', 'calcium-carbonate', 'methylcellulose', 'slow-release', 'other'] as const;
export const OPIOID_AGENTS = ['morphine', 'hydrocodone', 'oxycodone', 'tramadol', 'codeine', 'dihydrocodeine', 'tapentadol', 'hydromorphone', 'oxymorphone', 'fentanyl', 'pethidine', 'methadone', 'buprenorphine', 'other'] as const;
export const OPIOID_USES = ['regular', 'occasional', 'stopped'] as const;
export const OPIOID_ACTIONS = ['short-acting', 'long-acting'] as const;
export const LIVER_STATUSES = ['normal', 'compensated-cirrhosis', 'acute-hepatitis', 'liver-failure', 'decompensated-cirrhosis', 'other'] as const;
export const KIDNEY_STATUSES = ['normal', 'impaired'] as const;
export const EVENT_KINDS = ['persistent-side-effect', 'worsening', 'sleep-effect', 'missed-dose', 'red-flag'] as const;
/** planner.md §3.9 */
export const RED_FLAGS = ['hepatitis-symptoms', 'suicidal-thoughts', 'withdrawal-signs', 'breathing-trouble', 'allergic-reaction', 'thyroid-over-replacement', 'severe-pain-needing-opioids', 'pregnancy'] as const;

export const opioidSchema = z.strictObject({
  agent: enumOf(OPIOID_AGENTS, 'opioid agent'),
  action: enumOf(OPIOID_ACTIONS, 'release: short-acting or long-acting').optional(),
  use: enumOf(OPIOID_USES, 'regular, occasional, or stopped'),
  last_dose: date('date of the last dose').optional(),
  max_daily_mg: num('mg per day', 0, 10000, { exclusiveMin: true }).optional().describe('largest daily dose taken, mg of the opioid'),
});
export type OpioidEntry = z.infer<typeof opioidSchema>;

export const eventSchema = z
  .strictObject({
    date: date('date of the event'),
    kind: enumOf(EVENT_KINDS, 'event kind'),
    red_flag: enumOf(RED_FLAGS, 'red flag').optional(),
    time: clock.optional().describe('for a missed dose: when it was remembered'),
  })
  .refine((e) => e.kind !== 'red-flag' || e.red_flag !== undefined, { message: `a red-flag event needs red_flag: one of ${RED_FLAGS.join(', ')}`, path: ['red_flag'] });
export type PlanEvent = z.infer<typeof eventSchema>;

export const customStepSchema = z.strictObject({
  dose_mg: num('mg naltrexone HCl', 0, MAX_INPUT_DOSE_MG, { exclusiveMin: true }),
  days: num('days', 1, 365, { int: true }).optional(),
});

export const planRequestSchema = z.strictObject({
  // patient
  name: z.string({ error: 'must be text (the patient name or code printed on the plan)' }).max(200, 'must be at most 200 characters').optional(),
  age: num('years', 0, 120).optional().describe('age in years'),
  weight: num('kg', 1, 300).optional().describe('body weight in kg'),
  sex: enumOf(['female', 'male'] as const, 'sex').optional(),
  condition: z.string({ error: 'is required: the condition treated (e.g. endometriosis)' }).min(1, 'is required: the condition treated (e.g. endometriosis)'),
  hashimoto: bool("Hashimoto's thyroiditis diagnosed").optional(),
  pregnant: bool('pregnant').optional(),
  planning_pregnancy: bool('planning pregnancy').optional(),
  lactating: bool('breastfeeding').optional(),
  liver: enumOf(LIVER_STATUSES, 'liver status').optional(),
  alt: num('U/L', 0, 100000).optional().describe('ALT, U/L'),
  alt_uln: num('U/L', 0, 1000, { exclusiveMin: true }).optional().describe("upper limit of normal of the laboratory's ALT, U/L"),
  kidney: enumOf(KIDNEY_STATUSES, 'kidney status').optional(),
  egfr: num('mL/min/1.73 m²', 0, 250).optional().describe('eGFR, mL/min/1.73 m²'),
  opioids: z.array(opioidSchema).max(20).optional().describe('opioids taken now or recently; [] = none'),
  opioid: enumOf(OPIOID_AGENTS, 'opioid agent').optional().describe('shorthand for one opioid entry'),
  opioid_use: enumOf(OPIOID_USES, 'regular, occasional, or stopped').optional(),
  opioid_action: enumOf(OPIOID_ACTIONS, 'short-acting or long-acting').optional(),
  opioid_last_dose: date('date of the last opioid dose').optional(),
  opioid_max_daily: num('mg per day', 0, 10000, { exclusiveMin: true }).optional(),
  opioid_products: bool('needs opioid-containing cough, cold or antidiarrhoeal products incl. loperamide').optional(),
  allow_occasional_opioids: bool('prescriber opts in to occasional short-acting opioids').optional(),
  thyroid_hormone: bool('takes thyroid hormone').optional(),
  medicines: z.array(z.string().min(1, 'medicine names must not be empty').max(200)).max(50).optional().describe('other medicines by name; [] = none'),
  hepatotoxic_drugs: bool('takes another potentially hepatotoxic drug').optional(),
  transplant: bool('immunosuppressed transplant recipient').optional(),
  lactose_intolerant: bool('lactose intolerance').optional(),
  surgery_date: date('planned surgery').nullable().optional().describe('planned surgery date; null = none planned'),
  events: z.array(eventSchema).max(100).optional().describe('events logged during titration'),
  stable_months: num('months', 0, 600).optional(),
  trial_stop: bool('a planned trial stop is requested').optional(),
  continuing: bool('already taking LDN at the first dose of this plan').optional(),
  // plan
  start: date('the first dose'),
  preset: z.string().min(1).optional(),
  start_dose: num('mg naltrexone HCl', 0, MAX_INPUT_DOSE_MG, { exclusiveMin: true }).optional(),
  step: num('mg naltrexone HCl', 0, MAX_INPUT_DOSE_MG, { exclusiveMin: true }).optional(),
  interval: num('days', 1, 90, { int: true }).optional(),
  target: num('mg naltrexone HCl', 0, MAX_INPUT_DOSE_MG, { exclusiveMin: true }).optional(),
  steps: z.union([z.array(customStepSchema).min(1, 'needs at least one step').max(100), z.string()]).optional().describe('custom schedule: [{dose_mg, days}] or "1:7,2:7,4.5"'),
  time: clock.optional().describe('clock time of the daily dose'),
  days: num('days', 1, 365, { int: true }).optional().describe('days shown in the calendar'),
  formulation: enumOf(FORMULATIONS, 'formulation').optional(),
  source: enumOf(LIQUID_SOURCES, 'what the preparation is made from').optional(),
  tablets: num('tablets of 50 mg', 0.5, 20).refine((x) => Number.isInteger(2 * x), 'must be whole or half 50 mg tablets (a scored tablet halves to 25 mg)').optional(),
  volume: num('mL', 1, 1000).optional().describe('final volume of the liquid, mL'),
  concentration: num('mg/mL naltrexone HCl', 0, SOLUBILITY_MG_ML, { exclusiveMin: true }).optional().describe('for a liquid made from powder'),
  vehicle: enumOf(VEHICLES, 'liquid vehicle').optional(),
  storage: enumOf(STORAGES, 'storage').optional(),
  light_protected: bool('stored protected from light').optional(),
  syringe: num('mL', 0.1, 100).optional().describe('oral syringe size, mL'),
  graduation: num('mL', 0.001, 1, { exclusiveMin: false }).optional().describe('smallest graduation printed on the syringe, mL'),
  filler: enumOf(FILLERS, 'capsule filler').optional(),
  tablet_strength: num('mg', 0, MAX_INPUT_DOSE_MG, { exclusiveMin: true }).optional(),
  scored: bool('the tablet is scored').optional(),
  // output
  ack: z.array(z.string().min(1)).max(64).optional().describe('rule ids of warnings the clinician acknowledges'),
  lang: enumOf(['en', 'uk'] as const, 'language').optional(),
  simulate: bool('simulate the plan with the engine').optional(),
});

export type PlanRequest = z.input<typeof planRequestSchema>;
export type ParsedRequest = z.output<typeof planRequestSchema>;

function fieldOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return '';
}

/** Validates a request; the error names the first bad field, its value and what is accepted. */
export function parsePlanRequest(input: unknown): ParsedRequest {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new PlanInputError('(request)', 'must be an object of plan fields (see the plan request schema)');
  const r = planRequestSchema.safeParse(input, { reportInput: true });
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    throw new PlanInputError(issue.keys[0]!, `unknown field(s) ${issue.keys.join(', ')}; accepted: ${Object.keys(planRequestSchema.shape).join(', ')}`);
  }
  const field = fieldOf(issue.path);
  const value = show(issue.input);
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  throw new PlanInputError(field || '(request)', missing ? issue.message.replace(/^must be/, 'is required; give') : `${value ? `${value} ` : ''}${issue.message}`);
}

/** The request's JSON Schema (draft 2020-12; `openapi-3.0` for an OpenAPI 3.0 document such as the server's). */
export function planRequestJsonSchema(target: 'draft-2020-12' | 'openapi-3.0' = 'draft-2020-12'): unknown {
  return z.toJSONSchema(planRequestSchema, { io: 'input', unrepresentable: 'any', target });
}

/** "1:7,2:7,3:7,4.5" → custom steps (dose mg : days; the last may omit days) */
export function parseStepsText(text: string): { dose_mg: number; days?: number }[] {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) throw new PlanInputError('steps', `"${text}" has no steps; use DOSE:DAYS,…, e.g. 1:7,2:7,3:7,4.5`);
  return parts.map((p, i) => {
    const m = /^(\d+(?:\.\d+)?)(?:\s*mg)?(?::(\d+))?$/.exec(p);
    if (!m) throw new PlanInputError(`steps.${i}`, `"${p}" is not DOSE[:DAYS]; use e.g. 1:7,2:7,3:7,4.5 (mg naltrexone HCl : days)`);
    const step: { dose_mg: number; days?: number } = { dose_mg: Number(m[1]) };
    if (m[2] !== undefined) step.days = Number(m[2]);
    return step;
  });
}
