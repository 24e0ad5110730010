// The dated schedule a patient follows: one row per calendar day (date, dose in mg naltrexone HCl,
// what to measure: mL of liquid, a capsule strength or tablets) and one row per step for the
// printed plan, plus when to make each bottle of liquid within its beyond-use date.
import { bottlePlan, type Bottle, type Preparation } from './compounding.js';
import { addDays, daysBetween } from './dates.js';
import type { PlanContext } from './rules/types.js';
import { t, type Text } from './text.js';
import { doseOn, stepIndexOn, type StepOrigin } from './titration.js';

export type DayStatus = 'dose' | 'missed' | 'paused' | 'surgery';

export interface CalendarDay {
  date: string;
  /** 1-based day of the plan */
  day: number;
  status: DayStatus;
  /** mg naltrexone HCl scheduled that day (null when paused) */
  dose_mg: number | null;
  time: string;
  /** index into `schedule` */
  step: number | null;
  /** mL of liquid to measure (rounded to the syringe's graduation when one is given) */
  volume_ml?: number;
  /** capsule strength, mg HCl */
  capsule_mg?: number;
  /** tablets (or fractions) of the given strength */
  tablets?: number;
  /** the dose differs from the day before */
  change?: 'start' | 'up' | 'down';
}

export interface ScheduleStep {
  index: number;
  from: string;
  to: string;
  days: number;
  dose_mg: number;
  origin: StepOrigin;
  volume_ml?: number;
  delivered_mg?: number;
  capsule_mg?: number;
  tablets?: number;
}

export interface CalendarOutput {
  start: string;
  end: string;
  time: string;
  days: CalendarDay[];
  schedule: ScheduleStep[];
  bottles?: Bottle[];
  /** total number of capsules of each strength over the calendar */
  capsules?: { dose_mg: number; count: number }[];
  notes: Text[];
}

function measure(prep: Preparation, dose: number): Pick<CalendarDay, 'volume_ml' | 'capsule_mg' | 'tablets'> & { delivered_mg?: number } {
  if (prep.formulation === 'liquid') {
    const v = prep.doses.find((d) => d.dose_mg === dose)!;
    return { volume_ml: v.volume_ml, delivered_mg: v.delivered_mg };
  }
  if (prep.formulation === 'capsules') return { capsule_mg: dose };
  return { tablets: prep.doses.find((d) => d.dose_mg === dose)!.tablets };
}

export function buildCalendar(ctx: PlanContext): CalendarOutput {
  const { titration, preparation: prep, time } = ctx;
  const start = titration.start;
  const missed = new Set(ctx.events.filter((e) => e.kind === 'missed-dose').map((e) => e.date));
  const days: CalendarDay[] = [];
  let prevDose: number | null = null;
  for (let i = 0; i < ctx.calendar_days; i++) {
    const date = addDays(start, i);
    const dose = doseOn(titration, date);
    if (dose === undefined) {
      const status: DayStatus = ctx.surgery && ctx.surgery.date === date ? 'surgery' : 'paused';
      days.push({ date, day: i + 1, status, dose_mg: null, time, step: null });
      continue;
    }
    const day: CalendarDay = { date, day: i + 1, status: missed.has(date) ? 'missed' : 'dose', dose_mg: dose, time, step: stepIndexOn(titration, date), ...strip(measure(prep, dose)) };
    if (prevDose === null) day.change = 'start';
    else if (dose > prevDose) day.change = 'up';
    else if (dose < prevDose) day.change = 'down';
    prevDose = dose;
    days.push(day);
  }
  const schedule: ScheduleStep[] = [];
  titration.steps.forEach((s, index) => {
    const offset = daysBetween(start, s.from);
    if (offset >= ctx.calendar_days) return;
    const len = Math.min(s.days ?? Infinity, ctx.calendar_days - offset);
    const m = measure(prep, s.dose_mg);
    schedule.push({ index, from: s.from, to: addDays(s.from, len - 1), days: len, dose_mg: s.dose_mg, origin: s.origin, ...m });
  });
  const out: CalendarOutput = { start, end: ctx.end, time, days, schedule, notes: [] };
  if (prep.formulation === 'liquid') {
    const daily = days.map((d) => (d.status === 'dose' ? d.volume_ml ?? 0 : 0));
    out.bottles = bottlePlan(start, daily, prep.volume_ml, prep.bud.days);
  }
  if (prep.formulation === 'capsules') {
    const counts = new Map<number, number>();
    for (const d of days) if (d.status === 'dose' && d.dose_mg !== null) counts.set(d.dose_mg, (counts.get(d.dose_mg) ?? 0) + 1);
    out.capsules = [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([dose_mg, count]) => ({ dose_mg, count }));
  }
  if (ctx.surgery?.in_calendar) {
    out.notes.push(t(`Paused from ${addDays(ctx.surgery.last_dose_day, 1)} for surgery on ${ctx.surgery.date}; restart after the last opioid dose, on the clinician's decision.`, `Перерва з ${addDays(ctx.surgery.last_dose_day, 1)} через операцію ${ctx.surgery.date}; відновити після останньої дози опіоїдів, за рішенням лікаря.`));
  }
  return out;
}

function strip<T extends object>(o: T): Omit<T, 'delivered_mg'> {
  const { delivered_mg: _d, ...rest } = o as T & { delivered_mg?: number };
  return rest;
}
