// The one JSON schema of a dosing regimen, shared by the CLI (--regimen FILE.json), the API and
// the web app. Doses are mg naltrexone HCl. A regimen is a list of consecutive steps (titration),
// each a dose at a clock time repeated every N hours for some days, plus missed and extra doses.
// zod gives the validation messages and the JSON Schema export (regimenJsonSchema).

import { z } from 'zod';
import { parseClock, parseDate } from './clock.js';

/** doses above this are refused as absurd (the largest labelled daily dose is 300 mg) */
export const MAX_DOSE_MG = 1000;

/** a 24-hour clock time "HH:MM" (shared with the planner's inputs) */
export const clockSchema = z.string({ error: 'must be a 24-hour clock time HH:MM, e.g. 22:00' }).refine((s) => {
  try {
    parseClock(s);
    return true;
  } catch {
    return false;
  }
}, 'must be a 24-hour clock time HH:MM, e.g. 22:00');
const clock = clockSchema;

const date = z.string().refine((s) => {
  try {
    parseDate(s);
    return true;
  } catch {
    return false;
  }
}, 'must be an existing date YYYY-MM-DD');

const doseMg = z
  .number({ error: 'must be a number of mg naltrexone HCl' })
  .finite()
  .gt(0, 'must be above 0 mg')
  .lte(MAX_DOSE_MG, `must be at most ${MAX_DOSE_MG} mg`);

export const regimenStepSchema = z
  .object({
    dose_mg: doseMg.describe('dose in mg naltrexone HCl'),
    time: clock.optional().describe("clock time of this step's first dose (default: the previous step's, or 22:00)"),
    every_h: z.number().finite().gt(0, 'must be above 0 h').lte(24 * 28, 'must be at most 672 h (4 weeks)').optional().describe('dosing interval in hours (default 24)'),
    days: z.number().int('must be a whole number of days').gt(0, 'must be at least 1 day').lte(3650, 'must be at most 3650 days').optional().describe('how long this step lasts; the last step may omit it and then runs to the end of the simulation'),
    doses: z.number().int('must be a whole number').gt(0, 'must be at least 1').lte(100_000).optional().describe('how many doses this step gives (instead of, or as well as, days)'),
  })
  .strict();

const doseRef = z
  .object({
    day: z.number().int('must be a whole number').gte(1, 'day 1 is the day of the first dose').optional(),
    time: clock.optional(),
    at_h: z.number().finite().gte(0).optional().describe('hours since the first dose'),
  })
  .strict()
  .refine((r) => r.at_h !== undefined || r.day !== undefined, 'give either at_h or day (and time)');

export const regimenSchema = z
  .object({
    start_date: date.optional().describe('calendar date of the first dose'),
    steps: z.array(regimenStepSchema).min(1, 'a regimen needs at least one step'),
    missed: z.array(doseRef).optional().describe('scheduled doses that were not taken'),
    extra: z
      .array(
        z
          .object({
            dose_mg: doseMg,
            day: z.number().int().gte(1).optional(),
            time: clock.optional(),
            at_h: z.number().finite().gte(0).optional(),
          })
          .strict()
          .refine((r) => r.at_h !== undefined || (r.day !== undefined && r.time !== undefined), 'give either at_h or day and time'),
      )
      .optional()
      .describe('doses taken in addition to the schedule'),
  })
  .strict()
  .superRefine((r, ctx) => {
    r.steps.forEach((s, i) => {
      if (i < r.steps.length - 1 && s.days === undefined && s.doses === undefined) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'days'], message: 'only the last step may run to the end: give days or doses' });
      }
    });
  });

export type RegimenStep = z.infer<typeof regimenStepSchema>;
export type Regimen = z.infer<typeof regimenSchema>;

export class RegimenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegimenError';
  }
}

/** Validates unknown input (parsed JSON) as a regimen; the error names each bad field. */
export function parseRegimen(input: unknown): Regimen {
  const r = regimenSchema.safeParse(input);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(regimen)'}: ${i.message}`);
  throw new RegimenError(`invalid regimen: ${lines.join('; ')}`);
}

export function regimenJsonSchema(): unknown {
  return z.toJSONSchema(regimenSchema, { io: 'input', unrepresentable: 'any' });
}
