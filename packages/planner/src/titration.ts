// Titration schedules: a preset or a custom list of steps laid on the calendar, the side-effect
// adjustments of planner.md rules 14 and 15 as functions (halve and re-titrate; step back), and the
// conversion of a schedule into a regimen for @ldn/engine. Doses are mg naltrexone HCl throughout.
import type { Regimen } from '@ldn/engine';
import { addDays, addMonths, daysBetween } from './dates.js';
import { PlanInputError } from './inputs.js';
import type { Preset } from './presets/index.js';

export type StepOrigin = 'preset' | 'custom' | 'halved' | 'retitrate' | 'step-back';

export interface TitrationStep {
  dose_mg: number;
  /** date of the step's first dose */
  from: string;
  /** how long the step lasts; absent for the last, open step (it runs to the end of the calendar) */
  days?: number;
  origin: StepOrigin;
}

export interface Titration {
  kind: 'linear' | 'steps' | 'weight-based' | 'custom';
  start: string;
  steps: TitrationStep[];
  start_mg: number;
  target_mg: number;
  /** the increment, for linear schedules */
  step_mg?: number;
  /** days between increases, for linear schedules */
  interval_days?: number;
}

/** the most steps a schedule may have (an input limit: 0.01 mg steps to 4.5 mg would be 450) */
export const MAX_STEPS = 100;

/** doses are kept to 0.1 µg so that 0.1 + 0.2 prints as 0.3 */
export function roundMg(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** start, start + step, … below the target, then the target */
export function linearDoses(start: number, step: number, target: number): number[] {
  const doses: number[] = [];
  for (let k = 0; ; k++) {
    const d = roundMg(start + k * step);
    if (d >= target - 1e-9) break;
    doses.push(d);
    if (doses.length > MAX_STEPS) throw new PlanInputError('step', `${step} mg from ${start} mg to ${target} mg needs more than ${MAX_STEPS} steps; use a larger step`);
  }
  doses.push(roundMg(target));
  return doses;
}

function layOut(start: string, parts: { dose_mg: number; days?: number }[], origin: StepOrigin): TitrationStep[] {
  const steps: TitrationStep[] = [];
  let from = start;
  for (const p of parts) {
    const s: TitrationStep = { dose_mg: p.dose_mg, from, origin };
    if (p.days !== undefined) s.days = p.days;
    steps.push(s);
    if (p.days === undefined) break;
    from = addDays(from, p.days);
  }
  return steps;
}

export interface TitrationOverrides {
  start_mg?: number;
  step_mg?: number;
  interval_days?: number;
  target_mg?: number;
  weight_kg?: number;
}

/** A preset on the calendar, with the user's start/step/interval/target where the preset allows them. */
export function titrationFromPreset(preset: Preset, start: string, o: TitrationOverrides = {}): Titration {
  const shape = preset.shape;
  if (shape.kind === 'linear') {
    const start_mg = o.start_mg ?? shape.start_mg;
    const step_mg = o.step_mg ?? shape.step_mg;
    const interval_days = o.interval_days ?? shape.interval_days;
    const target_mg = o.target_mg ?? (o.start_mg !== undefined && o.start_mg > shape.target_mg ? o.start_mg : shape.target_mg);
    if (target_mg < start_mg) {
      throw new PlanInputError('target', `${target_mg} mg is below the start dose ${start_mg} mg; the target must be at least the start dose`);
    }
    const doses = linearDoses(start_mg, step_mg, target_mg);
    const parts = doses.map((d, i) => (i < doses.length - 1 ? { dose_mg: d, days: interval_days } : { dose_mg: d }));
    return { kind: 'linear', start, steps: layOut(start, parts, 'preset'), start_mg, target_mg, step_mg, interval_days };
  }
  for (const [field, v] of [['start_dose', o.start_mg], ['step', o.step_mg], ['interval', o.interval_days]] as const) {
    if (v !== undefined) throw new PlanInputError(field, `preset ${preset.id} has fixed steps (${preset.description.en}); give steps for a custom schedule instead`);
  }
  if (shape.kind === 'weight-based') {
    if (o.weight_kg === undefined) throw new PlanInputError('weight', `is required for the ${preset.id} preset (${shape.mg_per_kg} mg/kg, at most ${shape.max_mg} mg)`);
    const dose = roundMg(Math.min(shape.mg_per_kg * o.weight_kg, shape.max_mg));
    if (o.target_mg !== undefined && roundMg(o.target_mg) !== dose) {
      throw new PlanInputError('target', `${o.target_mg} mg differs from the ${preset.id} preset's dose of ${dose} mg (${shape.mg_per_kg} mg/kg, at most ${shape.max_mg} mg); a different dose needs a custom schedule (steps)`);
    }
    const parts = [{ dose_mg: dose }];
    const target_mg = dose;
    return { kind: 'weight-based', start, steps: layOut(start, parts, 'preset'), start_mg: dose, target_mg };
  }
  if (o.target_mg !== undefined) throw new PlanInputError('target', `preset ${preset.id} has fixed steps (${preset.description.en}); give steps for a custom schedule instead`);
  const parts: { dose_mg: number; days?: number }[] = [];
  let from = start;
  shape.steps.forEach((s, i) => {
    const last = i === shape.steps.length - 1;
    let days = s.days;
    if (s.months !== undefined) days = daysBetween(from, addMonths(from, s.months));
    // the last step stays open (it continues to the end of the calendar)
    parts.push(last ? { dose_mg: s.dose_mg } : { dose_mg: s.dose_mg, days: days! });
    if (days !== undefined) from = addDays(from, days);
  });
  const doses = shape.steps.map((s) => s.dose_mg);
  return { kind: 'steps', start, steps: layOut(start, parts, 'preset'), start_mg: doses[0]!, target_mg: Math.max(...doses) };
}

/** The days a preset's last step is meant to last (O'Kelly: month 2), used for the default calendar. */
export function presetLastStepDays(preset: Preset, lastFrom: string): number | undefined {
  if (preset.shape.kind !== 'steps') return undefined;
  const last = preset.shape.steps[preset.shape.steps.length - 1]!;
  if (last.months !== undefined) return daysBetween(lastFrom, addMonths(lastFrom, last.months));
  return last.days;
}

/** A custom schedule: every step but the last needs its days. */
export function customTitration(start: string, steps: readonly { dose_mg: number; days?: number }[]): Titration {
  if (steps.length > MAX_STEPS) throw new PlanInputError('steps', `has ${steps.length} steps; at most ${MAX_STEPS}`);
  steps.forEach((s, i) => {
    if (i < steps.length - 1 && s.days === undefined) throw new PlanInputError(`steps.${i}.days`, 'only the last step may run to the end of the calendar: give its days');
  });
  const parts = steps.map((s, i) => (i === steps.length - 1 ? { dose_mg: s.dose_mg } : { dose_mg: s.dose_mg, days: s.days! }));
  const doses = steps.map((s) => s.dose_mg);
  const t: Titration = { kind: 'custom', start, steps: layOut(start, parts, 'custom'), start_mg: doses[0]!, target_mg: Math.max(...doses) };
  const increments = doses.slice(1).map((d, i) => roundMg(d - doses[i]!)).filter((x) => x > 0);
  if (increments.length > 0 && increments.every((x) => x === increments[0])) t.step_mg = increments[0]!;
  const lengths = steps.slice(0, -1).map((s) => s.days!);
  if (lengths.length > 0 && lengths.every((x) => x === lengths[0])) t.interval_days = lengths[0]!;
  return t;
}

/** index of the step whose doses include `date` (the open last step runs on), or -1 outside the schedule */
export function stepIndexOn(t: Titration, date: string): number {
  for (let i = 0; i < t.steps.length; i++) {
    const s = t.steps[i]!;
    const offset = daysBetween(s.from, date);
    if (offset < 0) return -1;
    if (s.days === undefined || offset < s.days) return i;
  }
  return -1;
}

export function doseOn(t: Titration, date: string): number | undefined {
  const i = stepIndexOn(t, date);
  return i < 0 ? undefined : t.steps[i]!.dose_mg;
}

/** the steps before `date`, the current one cut to end the day before */
function truncateBefore(t: Titration, date: string): TitrationStep[] {
  const out: TitrationStep[] = [];
  for (const s of t.steps) {
    const before = daysBetween(s.from, date);
    if (before <= 0) break;
    out.push(s.days === undefined || s.days > before ? { ...s, days: before } : { ...s });
  }
  return out;
}

/** Default interval when a schedule has none of its own: weekly, the LDN Research Trust's standard step (Dickson, S). */
export const FALLBACK_INTERVAL_DAYS = 7;

/**
 * Rule 14 (LDN Research Trust, Dickson, S): on persistent side effects, halve the current dose from
 * `date`, then re-titrate with the same step and interval up to the same target.
 */
export function halveAndRetitrate(t: Titration, date: string): Titration {
  const k = stepIndexOn(t, date);
  if (k < 0) throw new PlanInputError('events', `a side effect on ${date} is before the first dose (${t.start})`);
  const current = t.steps[k]!.dose_mg;
  const half = roundMg(current / 2);
  const step = t.step_mg ?? (k > 0 ? roundMg(current - t.steps[k - 1]!.dose_mg) : current);
  const interval = t.interval_days ?? (k > 0 ? t.steps[k - 1]!.days : undefined) ?? FALLBACK_INTERVAL_DAYS;
  const doses = step > 0 ? linearDoses(half, step, Math.max(half, t.target_mg)) : [half];
  const parts = doses.map((d, i) => (i < doses.length - 1 ? { dose_mg: d, days: interval } : { dose_mg: d }));
  const tail = layOut(date, parts, 'retitrate');
  tail[0]!.origin = 'halved';
  return { ...t, steps: [...truncateBefore(t, date), ...tail] };
}

/**
 * Rule 15 (LDN Research Trust, Moser, S): symptoms worse after an increase → return to the previous
 * dose from `date` and hold it (the clinician decides on a new attempt). Undefined when the current
 * step is the first one (there is no previous dose to return to).
 */
export function stepBack(t: Titration, date: string): Titration | undefined {
  const k = stepIndexOn(t, date);
  if (k < 0) throw new PlanInputError('events', `worsening on ${date} is before the first dose (${t.start})`);
  if (k === 0) return undefined;
  const previous = t.steps[k - 1]!.dose_mg;
  return { ...t, target_mg: previous, steps: [...truncateBefore(t, date), { dose_mg: previous, from: date, origin: 'step-back' }] };
}

/** The schedule cut to end after `lastDay` (inclusive): used for a pause before surgery. */
export function truncateAfter(t: Titration, lastDay: string): Titration {
  const steps: TitrationStep[] = [];
  for (const s of t.steps) {
    const offset = daysBetween(s.from, lastDay);
    if (offset < 0) break;
    const remaining = offset + 1;
    steps.push({ ...s, days: s.days === undefined ? remaining : Math.min(s.days, remaining) });
  }
  return { ...t, steps };
}

/** The titration as an @ldn/engine regimen: one step per dose level at the plan's clock time. */
export function toRegimen(t: Titration, time: string, missedDates: readonly string[] = []): Regimen {
  const regimen: Regimen = {
    start_date: t.start,
    steps: t.steps.map((s, i) => ({ dose_mg: s.dose_mg, ...(i === 0 ? { time } : {}), ...(s.days !== undefined ? { days: s.days } : {}) })),
  };
  if (missedDates.length > 0) regimen.missed = missedDates.map((d) => ({ day: daysBetween(t.start, d) + 1 }));
  return regimen;
}

/** days covered by the closed steps (the open last step not counted) */
export function closedDays(t: Titration): number {
  return t.steps.reduce((a, s) => a + (s.days ?? 0), 0);
}
