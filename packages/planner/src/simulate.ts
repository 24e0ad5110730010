// The plan run through @ldn/engine's runSimulation (the same request `ldn simulate` and POST
// /api/simulate take): plasma naltrexone, 6β-naltrexol and μ occupancy over the whole titration,
// hours of μ blockade per day on the last day of each step, and the target dose at the plan's
// clock time compared with the other end of the day (bedtime vs morning). Model output, not a
// clinical fact; there is no comparative trial of bedtime vs morning dosing (planner.md §4).
import { MODEL_NOTE, occupancyMetrics, parseClock, runSimulation, type SimulationOutput } from '@ldn/engine';
import { daysBetween } from './dates.js';
import type { PlanContext } from './rules/types.js';
import { SLEEP_ADVICE_LABEL } from './rules/titration.js';
import { t, type Text } from './text.js';
import { toRegimen } from './titration.js';

export interface StepBlockade {
  step: number;
  from: string;
  dose_mg: number;
  /** hours since the first dose: the last 24 h of the step */
  window_h: [number, number];
  hours_above_50: number;
  hours_above_90: number;
  mu_peak: number;
  mu_trough: number;
  naltrexone_cmax_ng_ml: number;
}

export interface TimingRow {
  time: string;
  label: Text;
  hours_above_50: number;
  hours_above_90: number;
  mu_peak: number;
  mu_trough: number;
  /** clock time of the μ occupancy peak on the last day */
  mu_peak_clock: string;
  /** mean μ occupancy over 04:00–10:00 on the last day, the hours of highest plasma β-endorphin (Dent 1981, P) */
  mu_mean_04_10: number;
}

/** plasma β-endorphin is highest 04:00–10:00 (Dent 1981, P; pharmacology.md §0) */
export const ENDORPHIN_HIGH_HOURS: readonly [number, number] = [4, 10];

export interface PlanSimulation {
  parameters: string;
  days: number;
  /** hourly points over the plan (hours since the first dose) */
  series: { time_h: number[]; naltrexone_ng_ml: number[]; naltrexol_ng_ml: number[]; mu_occupancy: number[] };
  steps: StepBlockade[];
  timing: { dose_mg: number; days: number; rows: TimingRow[]; note: Text };
  notes: Text[];
}

/** "the other end of the day": a morning dose for an evening plan and vice versa; 08:00 and 22:00 are illustrative clock times, not recommendations */
export function otherClock(time: string): string {
  return parseClock(time) >= 12 ? '08:00' : '22:00';
}

const TIMING_DAYS = 14;
const round = (x: number, d = 4) => Number(x.toFixed(d));

function clockOf(hoursSinceFirst: number, firstClockH: number): string {
  const m = Math.round((((firstClockH + hoursSinceFirst) % 24) + 24) % 24 * 60) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function timingRow(out: SimulationOutput, time: string, label: Text): TimingRow {
  const b = out.summary.blockade;
  const [a, z] = b.window_h;
  const occ = occupancyMetrics(out.time_h, out.series.mu_occupancy, a, z);
  const first = parseClock(time);
  let peakT = a;
  let peak = -Infinity;
  let sum = 0;
  let n = 0;
  out.time_h.forEach((h, i) => {
    if (h < a - 1e-9 || h > z - 1e-9) return;
    const x = out.series.mu_occupancy[i]!;
    if (x > peak) [peak, peakT] = [x, h];
    const clock = (((first + h) % 24) + 24) % 24;
    if (clock >= ENDORPHIN_HIGH_HOURS[0] - 1e-9 && clock < ENDORPHIN_HIGH_HOURS[1] - 1e-9) {
      sum += x;
      n += 1;
    }
  });
  return { time, label, hours_above_50: round(b.hours_above_50, 2), hours_above_90: round(b.hours_above_90, 2), mu_peak: round(occ.peak), mu_trough: round(occ.trough), mu_peak_clock: clockOf(peakT, first), mu_mean_04_10: round(sum / n) };
}

export function simulatePlan(ctx: PlanContext): PlanSimulation {
  const missed = ctx.events.filter((e) => e.kind === 'missed-dose').map((e) => e.date);
  const days = ctx.calendar_days;
  const out = runSimulation({ regimen: toRegimen(ctx.titration, ctx.time, missed), days });
  const span = days * 24;
  const steps: StepBlockade[] = [];
  ctx.titration.steps.forEach((s, i) => {
    const t0 = daysBetween(ctx.titration.start, s.from) * 24;
    if (t0 >= span) return;
    const t1 = Math.min(span, s.days === undefined ? span : t0 + s.days * 24);
    const w: [number, number] = [Math.max(t0, t1 - 24), t1];
    const mu = occupancyMetrics(out.time_h, out.series.mu_occupancy, w[0], w[1]);
    let cmax = 0;
    out.time_h.forEach((h, k) => {
      if (h >= w[0] - 1e-9 && h <= w[1] + 1e-9) cmax = Math.max(cmax, out.series.naltrexone_ng_ml[k]!);
    });
    steps.push({ step: i, from: s.from, dose_mg: s.dose_mg, window_h: w, hours_above_50: round(mu.hours_above_50, 2), hours_above_90: round(mu.hours_above_90, 2), mu_peak: round(mu.peak), mu_trough: round(mu.trough), naltrexone_cmax_ng_ml: round(cmax, 5) });
  });
  const series = { time_h: [] as number[], naltrexone_ng_ml: [] as number[], naltrexol_ng_ml: [] as number[], mu_occupancy: [] as number[] };
  out.time_h.forEach((h, k) => {
    if (Math.abs(h - Math.round(h)) > 1e-9) return;
    series.time_h.push(h);
    series.naltrexone_ng_ml.push(out.series.naltrexone_ng_ml[k]!);
    series.naltrexol_ng_ml.push(out.series.naltrexol_ng_ml[k]!);
    series.mu_occupancy.push(out.series.mu_occupancy[k]!);
  });

  const target = ctx.titration.steps[ctx.titration.steps.length - 1]!.dose_mg;
  const other = otherClock(ctx.time);
  const planIsEvening = parseClock(ctx.time) >= 12;
  const mine = runSimulation({ dose: target, time: ctx.time, days: TIMING_DAYS });
  const theirs = runSimulation({ dose: target, time: other, days: TIMING_DAYS });
  const evening = t('evening / bedtime', 'увечері / перед сном');
  const morning = t('morning', 'вранці');
  const rows = [timingRow(mine, ctx.time, planIsEvening ? evening : morning), timingRow(theirs, other, planIsEvening ? morning : evening)];
  return {
    parameters: out.parameters,
    days,
    series,
    steps,
    timing: {
      dose_mg: target,
      days: TIMING_DAYS,
      rows,
      note: t(
        `Model comparison at ${target} mg, last of ${TIMING_DAYS} days. No comparative trial of bedtime vs morning dosing exists; moving the dose for sleep effects is ${SLEEP_ADVICE_LABEL.en}.`,
        `Модельне порівняння для ${String(target).replace('.', ',')} мг, останній із ${TIMING_DAYS} днів. Порівняльних досліджень прийому перед сном і вранці немає; перенесення дози через порушення сну — ${SLEEP_ADVICE_LABEL.uk}.`,
      ),
    },
    notes: [t(MODEL_NOTE, 'Модельний результат для дослідження й навчання, а не клінічний факт: зайнятість рецепторів відкалібровано за ПЕТ у здорових добровольців після одноразових доз 2–50 мг; даних ПЕТ для доз LDN після 8 год немає.')],
  };
}
