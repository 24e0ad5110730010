// Request schemas of the API. Where an endpoint mirrors a CLI command, its schema is the engine's
// or the evidence package's own (simulationRequestSchema, regimenSchema, StudySchema), tightened
// only where a web API must refuse what a CLI user may ask for (an answer of millions of points).
import { HYPOTHESIS_IDS, PARAMETER_SET_IDS, regimenSchema, simulationRequestSchema } from '@ldn/engine';
import { META_MEASURES, META_METHODS } from '@ldn/evidence';
import { z } from 'zod';
import { badRequest } from './errors.js';

/** The simulate request with the regimen and hypotheses spelled out, so errors name the inner field. */
export const simulateBody = simulationRequestSchema.extend({
  regimen: regimenSchema.optional().describe('a regimen (titration steps, missed and extra doses) instead of dose/time/every/doses'),
  hypotheses: z.array(z.enum(HYPOTHESIS_IDS as [string, ...string[]], { error: `must be one of: ${HYPOTHESIS_IDS.join(', ')}` })).max(HYPOTHESIS_IDS.length).optional().describe(`hypothesis modules to switch on: ${HYPOTHESIS_IDS.join(', ')}`),
  events: z.string().max(200_000).optional().describe('a NONMEM event table (CSV text) instead of dose/time/every/doses'),
});

/** most output time points one simulation may return over the API */
export const MAX_POINTS = 100_000;

/** Refuses a simulation whose answer would be huge (the CLI allows it; a shared server does not). */
export function checkSize(body: { days?: number | undefined; step?: number | undefined }, prefix = ''): number {
  const days = body.days ?? 14;
  const step = body.step ?? 0.25;
  const points = Math.floor((days * 24) / step) + 1;
  if (points > MAX_POINTS) {
    throw badRequest(`${prefix}step: ${step} h over ${days} days gives ${points} output times; the API returns at most ${MAX_POINTS}: use a larger step or fewer days`, `${prefix}step`);
  }
  return points;
}

export const compareBody = z
  .object({
    regimens: z
      .array(simulateBody.extend({ label: z.string().max(200).optional() }))
      .min(2, 'compare needs at least 2 regimens')
      .max(8, 'compare takes at most 8 regimens'),
  })
  .strict();

export const paramsQuery = z
  .object({ set: z.enum(PARAMETER_SET_IDS as [string, ...string[]], { error: `must be one of: ${PARAMETER_SET_IDS.join(', ')}` }).default('literature') })
  .strict();

export const metaBody = z
  .object({
    csv: z.string().min(1, 'must be CSV text with a header row').max(500_000).describe('study,events_1,total_1,events_2,total_2 | study,mean_1,sd_1,n_1,mean_2,sd_2,n_2 | study,events,total | study,yi,vi'),
    measure: z.enum(META_MEASURES, { error: `must be one of: ${META_MEASURES.join(', ')}` }),
    method: z.enum(META_METHODS, { error: `must be one of: ${META_METHODS.join(', ')}` }),
    knha: z.boolean().default(false).describe('Knapp-Hartung test and CI (random-effects methods)'),
    subgroup: z.string().max(200).nullable().default(null).describe('CSV column defining subgroups'),
    revman5: z.boolean().default(false).describe("with method MH: also RevMan 5's random-effects result (DL tau^2 from Q about the MH estimate)"),
  })
  .strict();

export const metaQuery = z
  .object({
    format: z.enum(['json', 'svg'], { error: 'must be json or svg' }).default('json'),
    plot: z.enum(['forest', 'funnel'], { error: 'must be forest or funnel' }).default('forest').describe('figure for format=svg'),
  })
  .strict();

// eslint-disable-next-line no-control-regex -- ids must not carry control characters (PostgreSQL refuses NUL)
export const idParams = z.object({ id: z.string().min(1).max(200).regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters') }).strict();

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const scenarioBody = z
  .object({
    name,
    request: z.record(z.string(), z.unknown()).describe('a simulate request (POST /api/simulate body): regimen or dose, parameter set, hypotheses'),
    notes: z.string().max(20_000, 'must be at most 20000 characters').default(''),
  })
  .strict();

export const savedMetaBody = z.object({ name, request: metaBody }).strict();

export const studiesQuery = z.object({ condition: z.string().max(100).optional() }).strict();
export const claimsQuery = z.object({ verdict: z.string().max(100).optional(), topic: z.string().max(100).optional() }).strict();
export const checksQuery = z
  .object({
    severity: z.string().max(100).optional(),
    check: z.string().max(100).optional(),
    study: z.string().max(200).optional(),
    all: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  })
  .strict();

export const calibrateBody = z
  .object({
    pet_time: z.number().finite().gt(0, 'must be above 0 h').lte(8, 'must be at most 8 h').default(4).describe('assumed scan time of the Rabiner 2011 points, hours after the dose'),
    profile: z.boolean().default(true).describe('profile-likelihood intervals (the slow part)'),
    starts: z.number().int('must be a whole number').min(0, 'must be at least 0').max(50, 'must be at most 50').default(6).describe('extra quasi-random starting points per stage'),
  })
  .strict();

export const populationBody = z
  .object({
    n: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000, 'must be at most 100000').default(1000).describe('virtual patients'),
    seed: z.number().int('must be a whole number').min(0, 'must be at least 0').max(Number.MAX_SAFE_INTEGER).default(1),
  })
  .catchall(z.unknown())
  .describe('the `ldn population` options as JSON: n, seed, and the simulate options (dose, time, days, …)');

// ---------- dosing planner ----------
// The plan request itself is validated by @ldn/planner (buildPlan → PlanInputError naming the
// field), exactly as `ldn plan` validates it; the server only checks what wraps it.

const outputFormat = z.enum(['json', 'ics', 'html'], { error: 'must be json, ics or html (PDF is CLI-only: ldn plan --format pdf)' }).default('json');
const perDose = z.enum(['true', 'false'], { error: 'must be true or false' }).optional().describe('ics: one event per dose instead of a daily rule per step');

export const planQuery = z.object({ format: outputFormat, per_dose: perDose }).strict();

export const planListQuery = z.object({ lang: z.enum(['en', 'uk'], { error: 'must be en or uk' }).default('en').describe('accepted as `ldn plan rules --lang`; the JSON carries both languages') }).strict();

export const savedPlanBody = z
  .object({
    name,
    request: z.record(z.string(), z.unknown()).describe('a plan request (the POST /api/plans body)'),
    notes: z.string().max(20_000, 'must be at most 20000 characters').default(''),
  })
  .strict();
