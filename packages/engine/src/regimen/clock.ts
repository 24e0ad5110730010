// Clock times ("HH:MM", 24-hour) and calendar dates ("YYYY-MM-DD"). The simulation's time axis is
// hours since the first dose; these helpers place it on the clock and the calendar. Dates are
// handled as plain calendar days (UTC arithmetic), so no time zone or DST shift can move a dose.

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "22:00" → 22; throws with the accepted format when malformed */
export function parseClock(text: string): number {
  const m = CLOCK.exec(text.trim());
  if (!m) throw new RangeError(`time "${text}" is not a clock time; use 24-hour HH:MM, e.g. 22:00 or 08:30`);
  return Number(m[1]) + Number(m[2]) / 60;
}

/** 22.5 → "22:30" (hours are taken modulo 24) */
export function formatClock(hours: number): string {
  const minutes = Math.round((((hours % 24) + 24) % 24) * 60) % (24 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "2026-12-01" → days since 1970-01-01; throws on impossible dates such as 2026-02-30 */
export function parseDate(text: string): number {
  const m = DATE.exec(text.trim());
  if (!m) throw new RangeError(`date "${text}" is not a date; use YYYY-MM-DD, e.g. 2026-12-01`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`date "${text}" does not exist`);
  }
  return ms / 86_400_000;
}

export function formatDate(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

/** Where a simulation time falls on the clock (and calendar, when the first dose has a date). */
export interface ClockPosition {
  /** 1-based day of treatment (day 1 is the day of the first dose) */
  day: number;
  clock: string;
  date?: string;
}

export function clockPosition(timeH: number, firstDoseClockH: number, startDay?: number): ClockPosition {
  const absolute = firstDoseClockH + timeH; // hours since midnight of day 1
  const dayIndex = Math.floor(absolute / 24 + 1e-9);
  const pos: ClockPosition = { day: dayIndex + 1, clock: formatClock(absolute) };
  if (startDay !== undefined) pos.date = formatDate(startDay + dayIndex);
  return pos;
}
