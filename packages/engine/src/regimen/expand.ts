// Turns a regimen (steps, missed and extra doses) into the concrete list of doses over a time
// span: the dose schedule that the simulator turns into events. Time is hours since the first
// dose; the schedule keeps the first dose's clock time and date to place results on the clock.

import { formatClock, parseClock, parseDate } from './clock.js';
import { RegimenError, type Regimen } from './schema.js';

export const DEFAULT_CLOCK = '22:00';

export interface Dose {
  /** hours since the first dose */
  time_h: number;
  /** mg naltrexone HCl */
  dose_mg: number;
  kind: 'scheduled' | 'extra';
  /** index of the regimen step that scheduled it */
  step?: number;
}

export interface DoseSchedule {
  doses: Dose[];
  /** clock time of the first dose, hours after midnight */
  firstDoseClockH: number;
  /** calendar day number (days since 1970-01-01) of the first dose, when known */
  startDay?: number;
}

const EPS = 1e-6;

/** Lays the steps on the calendar and lists every dose with time < spanH (hours since the first dose). */
export function expandRegimen(regimen: Regimen, spanH: number): DoseSchedule {
  if (!(spanH > 0) || !Number.isFinite(spanH)) throw new RegimenError(`the simulated span must be above 0 h (got ${spanH})`);
  const firstClock = parseClock(regimen.steps[0]!.time ?? DEFAULT_CLOCK);
  let prevClock = firstClock;
  let day = 0; // 0-based day on which the current step starts
  const doses: Dose[] = [];

  for (let k = 0; k < regimen.steps.length; k++) {
    const step = regimen.steps[k]!;
    const clock = step.time !== undefined ? parseClock(step.time) : prevClock;
    const every = step.every_h ?? 24;
    const startAbs = day * 24 + clock; // hours after midnight of day 1
    let endAbs = Infinity;
    if (step.days !== undefined) endAbs = startAbs + step.days * 24;
    if (step.doses !== undefined) endAbs = Math.min(endAbs, startAbs + step.doses * every);
    const startH = startAbs - firstClock;
    if (startH < -EPS) {
      throw new RegimenError(`step ${k + 1} starts at ${formatClock(clock)} on day ${day + 1}, before the previous step's doses; change its time or the previous step's length`);
    }
    if (doses.length > 0 && startH < doses[doses.length - 1]!.time_h - EPS) {
      throw new RegimenError(`step ${k + 1}'s first dose (day ${day + 1} ${formatClock(clock)}) comes before step ${k}'s last dose`);
    }
    for (let j = 0; ; j++) {
      const abs = startAbs + j * every;
      if (abs >= endAbs - EPS) break;
      const t = abs - firstClock;
      if (t >= spanH - EPS) break;
      if (step.doses !== undefined && j >= step.doses) break;
      doses.push({ time_h: t, dose_mg: step.dose_mg, kind: 'scheduled', step: k });
    }
    if (!Number.isFinite(endAbs)) break; // the last, open-ended step
    if (step.days !== undefined) {
      day += step.days; // the step occupies whole calendar days
    } else {
      // a step limited by a dose count ends after its last interval; the next step starts on the
      // first day whose clock time comes at or after that
      const next = regimen.steps[k + 1];
      const nextClock = next?.time !== undefined ? parseClock(next.time) : clock;
      day = Math.max(day + 1, Math.ceil((endAbs - nextClock) / 24 - EPS));
    }
    prevClock = clock;
  }

  const timeOf = (ref: { day?: number | undefined; time?: string | undefined; at_h?: number | undefined }): number | undefined => {
    if (ref.at_h !== undefined) return ref.at_h;
    if (ref.day !== undefined && ref.time !== undefined) return (ref.day - 1) * 24 + parseClock(ref.time) - firstClock;
    return undefined;
  };

  for (const miss of regimen.missed ?? []) {
    const t = timeOf(miss);
    let hit: number[];
    if (t !== undefined) {
      hit = doses.flatMap((d, i) => (d.kind === 'scheduled' && Math.abs(d.time_h - t) < 1 / 60 ? [i] : []));
    } else {
      // a whole day missed
      const lo = (miss.day! - 1) * 24 - firstClock;
      hit = doses.flatMap((d, i) => (d.kind === 'scheduled' && d.time_h >= lo - EPS && d.time_h < lo + 24 - EPS ? [i] : []));
    }
    if (hit.length === 0) {
      const where = miss.at_h !== undefined ? `at ${miss.at_h} h` : `on day ${miss.day}${miss.time ? ` at ${miss.time}` : ''}`;
      const sameDay = miss.day !== undefined ? doses.filter((d) => Math.floor((d.time_h + firstClock) / 24 + EPS) === miss.day! - 1).map((d) => formatClock(d.time_h + firstClock)) : [];
      throw new RegimenError(`missed dose ${where} matches no scheduled dose${sameDay.length ? `; scheduled that day: ${sameDay.join(', ')}` : ''}`);
    }
    for (const i of hit.reverse()) doses.splice(i, 1);
  }

  for (const extra of regimen.extra ?? []) {
    const t = timeOf(extra)!;
    if (t < -EPS) throw new RegimenError(`extra dose on day ${extra.day} at ${extra.time} is before the first dose`);
    if (t < spanH - EPS) doses.push({ time_h: Math.max(0, t), dose_mg: extra.dose_mg, kind: 'extra' });
  }
  doses.sort((a, b) => a.time_h - b.time_h);

  const schedule: DoseSchedule = { doses, firstDoseClockH: firstClock };
  if (regimen.start_date !== undefined) schedule.startDay = parseDate(regimen.start_date);
  return schedule;
}

/** The regimen of the CLI's simple options: one dose at a clock time, every N hours. */
export function simpleRegimen(opts: { dose_mg: number; time?: string; every_h?: number; doses?: number; start_date?: string }): Regimen {
  const step: Regimen['steps'][number] = { dose_mg: opts.dose_mg, time: opts.time ?? DEFAULT_CLOCK, every_h: opts.every_h ?? 24 };
  if (opts.doses !== undefined) step.doses = opts.doses;
  const r: Regimen = { steps: [step] };
  if (opts.start_date !== undefined) r.start_date = opts.start_date;
  return r;
}
