// Numbers, percentages, clock times and dates as each language writes them: Ukrainian clinicians
// read "4,5 мг", "60,5 %" and "1 грудня 2026 р.", English readers "4.5 mg" and "1 Dec 2026". All
// formatting goes through Intl with the locale of the chosen language (uk-UA, en-GB) so that no
// screen hand-builds a decimal separator. Formatters are cached: plots call these per tick.

export type Lang = 'en' | 'uk';
export const LANGS: readonly Lang[] = ['en', 'uk'];
export const LOCALES: Readonly<Record<Lang, string>> = { en: 'en-GB', uk: 'uk-UA' };

const numberCache = new Map<string, Intl.NumberFormat>();
const dateCache = new Map<string, Intl.DateTimeFormat>();

function nf(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = numberCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], options);
    numberCache.set(key, f);
  }
  return f;
}

function df(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = dateCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', ...options });
    dateCache.set(key, f);
  }
  return f;
}

const DASH = '–';

/** A number with at most `maxDigits` decimals (and at least `minDigits`). Non-finite → "–". */
export function formatNumber(lang: Lang, x: number, maxDigits = 2, minDigits = 0): string {
  if (!Number.isFinite(x)) return DASH;
  return nf(lang, { maximumFractionDigits: maxDigits, minimumFractionDigits: Math.min(minDigits, maxDigits) }).format(x);
}

/** A number to `digits` significant digits, without exponent notation for everyday magnitudes. */
export function formatSig(lang: Lang, x: number, digits = 3): string {
  if (!Number.isFinite(x)) return DASH;
  if (x !== 0 && (Math.abs(x) >= 1e7 || Math.abs(x) < 1e-4)) return nf(lang, { notation: 'scientific', maximumSignificantDigits: digits }).format(x);
  return nf(lang, { maximumSignificantDigits: digits }).format(x);
}

/** A fraction (0.605) as a percentage ("60.5%" / "60,5 %"). */
export function formatPercent(lang: Lang, fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return DASH;
  return nf(lang, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(fraction);
}

/** Clock time from hours after midnight (any real number; wrapped to 0–24 h), 24-hour "22:00". */
export function formatClock(lang: Lang, hours: number): string {
  if (!Number.isFinite(hours)) return DASH;
  const minutes = Math.round((((hours % 24) + 24) % 24) * 60) % (24 * 60);
  return df(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(Date.UTC(2000, 0, 1, 0, minutes)));
}

function toDate(value: string | number | Date): Date | undefined {
  const d = value instanceof Date ? value : typeof value === 'number' ? new Date(value) : new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** A calendar date ("2026-12-01" or an instant) in the language's long or short style. */
export function formatDate(lang: Lang, value: string | number | Date, style: 'long' | 'medium' | 'short' = 'medium'): string {
  const d = toDate(value);
  if (!d) return String(value);
  if (style === 'short') return df(lang, { day: 'numeric', month: 'short' }).format(d);
  return df(lang, { dateStyle: style }).format(d);
}

/** An instant (ISO timestamp from the server) with date and time, in UTC so tests are stable. */
export function formatDateTime(lang: Lang, value: string | number | Date): string {
  const d = toDate(value);
  if (!d) return String(value);
  return df(lang, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(d);
}

/** A date a number of hours after midnight (UTC) of an ISO day, formatted day + month + clock. */
export function formatDayAndClock(lang: Lang, startDate: string, hoursAfterMidnight: number): string {
  const d = toDate(startDate);
  if (!d) return DASH;
  const t = new Date(d.getTime() + Math.round(hoursAfterMidnight * 60) * 60_000);
  return df(lang, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(t);
}
