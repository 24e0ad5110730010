// From a validated request to everything the rules and the outputs look at: the condition, the
// opioid entries, which protocol applies (the user's choice or the default of rules 8–11), the
// schedule on the calendar, the logged side effects applied (rules 14–15), the pause before a
// planned surgery (rule 6) and the preparation with its volumes and beyond-use date.
import { DEFAULT_CLOCK } from '@ldn/engine';
import { PLANNER_CONDITIONS, resolvePlannerCondition, type PlannerCondition } from './conditions.js';
import { prepare } from './compounding.js';
import { addDays, daysBetween } from './dates.js';
import { parseStepsText, PlanInputError, type OpioidEntry, type ParsedRequest } from './inputs.js';
import { findPreset, presetById, PRESETS, type Preset } from './presets/index.js';
import { lastDoseDayBeforeSurgery } from './rules/opioids.js';
import type { Adjustment, PlanContext, SurgeryPause } from './rules/types.js';
import { fmt, t } from './text.js';
import { closedDays, customTitration, doseOn, halveAndRetitrate, presetLastStepDays, stepBack, titrationFromPreset, truncateAfter, type Titration } from './titration.js';

/** Days shown at the target after the titration when `days` is not given: a display choice (4 weeks), not a clinical value. */
export const DEFAULT_MAINTENANCE_DAYS = 28;
export const MAX_CALENDAR_DAYS = 365;

export function resolveConditionField(name: string): PlannerCondition {
  const c = resolvePlannerCondition(name);
  if (!c) throw new PlanInputError('condition', `"${name}" is not a known condition; accepted: ${PLANNER_CONDITIONS.join(', ')}`);
  return c;
}

export function mergeOpioids(req: ParsedRequest): OpioidEntry[] | undefined {
  const shorthand = req.opioid !== undefined || req.opioid_use !== undefined || req.opioid_action !== undefined || req.opioid_last_dose !== undefined || req.opioid_max_daily !== undefined;
  if (!shorthand) return req.opioids ? [...req.opioids] : undefined;
  const use = req.opioid_use ?? (req.opioid_last_dose !== undefined ? 'stopped' : undefined);
  if (use === undefined) throw new PlanInputError('opioid_use', 'is required with opioid: regular, occasional or stopped (or give opioid_last_dose for a stopped opioid)');
  const entry: OpioidEntry = { agent: req.opioid ?? 'other', use };
  if (req.opioid_action !== undefined) entry.action = req.opioid_action;
  if (req.opioid_last_dose !== undefined) entry.last_dose = req.opioid_last_dose;
  if (req.opioid_max_daily !== undefined) entry.max_daily_mg = req.opioid_max_daily;
  return [...(req.opioids ?? []), entry];
}

function chooseSchedule(req: ParsedRequest, condition: PlannerCondition): { preset: Preset | undefined; chosen_by: PlanContext['chosen_by']; titration: Titration } {
  const overrides = {
    ...(req.start_dose !== undefined ? { start_mg: req.start_dose } : {}),
    ...(req.step !== undefined ? { step_mg: req.step } : {}),
    ...(req.interval !== undefined ? { interval_days: req.interval } : {}),
    ...(req.target !== undefined ? { target_mg: req.target } : {}),
    ...(req.weight !== undefined ? { weight_kg: req.weight } : {}),
  };
  if (req.steps !== undefined) {
    if (req.preset !== undefined) throw new PlanInputError('steps', 'give either preset or steps (a custom schedule), not both');
    for (const f of ['start_dose', 'step', 'interval', 'target'] as const) if (req[f] !== undefined) throw new PlanInputError(f, 'does not apply to custom steps: the steps give every dose and its days');
    const steps = typeof req.steps === 'string' ? parseStepsText(req.steps) : req.steps;
    return { preset: undefined, chosen_by: 'custom', titration: customTitration(req.start, steps) };
  }
  if (req.preset !== undefined) {
    const preset = findPreset(req.preset);
    if (!preset) throw new PlanInputError('preset', `"${req.preset}" is not a preset; accepted: ${PRESETS.map((p) => p.id).join(', ')} (or default)`);
    return { preset, chosen_by: 'user', titration: titrationFromPreset(preset, req.start, overrides) };
  }
  let id = 'ldnrt-standard';
  let by: PlanContext['chosen_by'] = 'R08';
  if (req.age !== undefined && req.age < 18) [id, by] = ['paediatric', 'R11'];
  else if (condition === 'me-cfs' || condition === 'long-covid') [id, by] = ['ldnrt-slow', 'R09'];
  else if ((condition === 'hashimoto' || req.hashimoto === true) && req.thyroid_hormone === true) [id, by] = ['norland-thyroid', 'R10'];
  const preset = presetById(id);
  return { preset, chosen_by: by, titration: titrationFromPreset(preset, req.start, overrides) };
}

export function buildContext(req: ParsedRequest): PlanContext {
  const condition = resolveConditionField(req.condition);
  const opioids = mergeOpioids(req);
  const { preset, chosen_by, titration: planned } = chooseSchedule(req, condition);
  const time = req.time ?? DEFAULT_CLOCK;

  let calendarDays = req.days;
  if (calendarDays === undefined) {
    const last = planned.steps[planned.steps.length - 1]!;
    const lastDays = (preset ? presetLastStepDays(preset, last.from) : undefined) ?? DEFAULT_MAINTENANCE_DAYS;
    calendarDays = Math.min(MAX_CALENDAR_DAYS, closedDays(planned) + lastDays);
  }
  let end = addDays(req.start, calendarDays - 1);

  // logged events, in date order; side effects reshape the schedule from their date on
  const events = (req.events ?? []).map((e, i) => ({ e, i })).sort((a, b) => daysBetween(b.e.date, a.e.date));
  for (const { e, i } of events) {
    if (daysBetween(req.start, e.date) < 0) throw new PlanInputError(`events.${i}.date`, `${e.date} is before the first dose (${req.start})`);
    if (daysBetween(e.date, end) < 0) throw new PlanInputError(`events.${i}.date`, `${e.date} is after the calendar's last day (${end}); lengthen days`);
  }
  let titration = planned;
  const adjustments: Adjustment[] = [];
  for (const { e } of events) {
    const before = doseOn(titration, e.date);
    if (e.kind === 'persistent-side-effect') {
      titration = halveAndRetitrate(titration, e.date);
      const after = doseOn(titration, e.date)!;
      adjustments.push({ rule: 'R14', date: e.date, text: t(`${e.date}: ${fmt(before ?? 0, 4)} mg halved to ${fmt(after, 4)} mg, then re-titrated`, `${e.date}: ${fmt(before ?? 0, 4).replace('.', ',')} мг зменшено вдвічі до ${fmt(after, 4).replace('.', ',')} мг, далі повторне титрування`) });
    } else if (e.kind === 'worsening') {
      const back = stepBack(titration, e.date);
      if (back) {
        titration = back;
        adjustments.push({ rule: 'R15', date: e.date, text: t(`${e.date}: back from ${fmt(before ?? 0, 4)} mg to ${fmt(doseOn(back, e.date)!, 4)} mg, held`, `${e.date}: повернення з ${fmt(before ?? 0, 4).replace('.', ',')} мг до ${fmt(doseOn(back, e.date)!, 4).replace('.', ',')} мг, утримувати`) });
      } else {
        adjustments.push({ rule: 'R15', date: e.date, text: t(`${e.date}: worse on the first dose — there is no previous dose; the clinician decides`, `${e.date}: погіршення на першій дозі — попередньої дози немає; рішення за лікарем`) });
      }
    }
  }

  let surgery: SurgeryPause | undefined;
  const sd = req.surgery_date;
  if (sd !== undefined && sd !== null && daysBetween(req.start, sd) >= 0) {
    const last = lastDoseDayBeforeSurgery(sd, time);
    if (daysBetween(req.start, last) < 0) {
      throw new PlanInputError('surgery_date', `${sd} is less than 72 h after the first dose (${req.start} at ${time}); start LDN after the surgery, once the patient is off opioids`);
    }
    const inCalendar = daysBetween(sd, end) >= 0;
    surgery = { date: sd, last_dose_day: last, in_calendar: inCalendar };
    if (inCalendar) {
      titration = truncateAfter(titration, last);
      end = sd;
      calendarDays = daysBetween(req.start, sd) + 1;
    }
  }

  const doses = [...new Set(titration.steps.map((s) => s.dose_mg))].sort((a, b) => a - b);
  const preparation = prepare(req, doses);
  return { req, condition, opioids, preset, chosen_by, planned, titration, adjustments, events: events.map((x) => x.e), time, calendar_days: calendarDays, end, surgery, preparation, doses };
}
