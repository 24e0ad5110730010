// Calendar dates as whole days (days since 1970-01-01, UTC arithmetic), as the engine handles them,
// so no time zone or daylight-saving change can move a dose to another day.
import { formatDate, parseDate } from '@ldn/engine';

export { formatDate, parseDate };

export function addDays(date: string, days: number): string {
  return formatDate(parseDate(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return parseDate(to) - parseDate(from);
}

/** The same day of the month `months` later (clamped to the month's last day), for "month 1, month 2" protocols. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}
