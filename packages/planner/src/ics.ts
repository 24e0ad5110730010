// The plan as an iCalendar file (RFC 5545) that a phone or mail calendar imports: one daily
// recurring event per dose step (or, optionally, one event per dose), all-day events for making a
// new bottle of liquid and for a pause before surgery. Dose times are floating local times
// (no time zone, no "Z"): 22:00 stays 22:00 wherever the patient is and across daylight-saving
// changes, which is what a bedtime dose means; dates come from plain calendar-day arithmetic.
// Text is escaped (\ ; , newline) and lines are folded at 75 octets without splitting a UTF-8
// character; lines end in CRLF.
import type { PlanOutput } from './plan.js';
import { addDays } from './dates.js';
import { fmtLang, type Lang } from './text.js';

export interface IcsOptions {
  /** DTSTAMP (the moment the file is made); pass a fixed date for reproducible files */
  now?: Date;
  /** one VEVENT per dose instead of one RRULE per step */
  perDose?: boolean;
}

export function escapeIcsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** octets of one code point in UTF-8 */
function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Folds one content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let cur = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = utf8Length(ch);
    if (octets + n > limit) {
      parts.push(cur);
      cur = '';
      octets = 0;
      limit = 74; // continuation lines start with a space
    }
    cur += ch;
    octets += n;
  }
  parts.push(cur);
  return parts.join('\r\n ');
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const compact = (date: string) => date.replace(/-/g, '');

function measureText(step: { volume_ml?: number; capsule_mg?: number; tablets?: number }, lang: Lang): string {
  if (step.volume_ml !== undefined) return lang === 'uk' ? `${fmtLang(step.volume_ml, lang, 3)} мл` : `${fmtLang(step.volume_ml, lang, 3)} mL`;
  if (step.capsule_mg !== undefined) return lang === 'uk' ? `капсула ${fmtLang(step.capsule_mg, lang, 4)} мг` : `${fmtLang(step.capsule_mg, lang, 4)} mg capsule`;
  if (step.tablets !== undefined) return lang === 'uk' ? `таблеток: ${fmtLang(step.tablets, lang, 3)}` : `${fmtLang(step.tablets, lang, 3)} tablet(s)`;
  return '';
}

export function planToIcs(plan: PlanOutput, options: IcsOptions = {}): string {
  if (plan.status !== 'ok' || !plan.calendar || !plan.schedule) throw new RangeError(`plan not produced (${plan.status}): no calendar to export`);
  const lang = plan.lang;
  const uk = lang === 'uk';
  const dtstamp = stamp(options.now ?? new Date());
  const who = plan.patient.name ? ` – ${plan.patient.name}` : '';
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//LDN Workbench//Dosing planner//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeIcsText(`${uk ? 'План LDN' : 'LDN plan'}${who}`)}`];
  const time = plan.time.replace(':', '') + '00';
  const shake = plan.preparation?.formulation === 'liquid' && plan.preparation.suspension ? (uk ? ' Ретельно збовтати.' : ' Shake well.') : '';
  const description = `${uk ? 'Доза в мг налтрексону гідрохлориду.' : 'Dose in mg naltrexone hydrochloride.'}${shake}\n${plan.disclaimer[lang]}`;
  const event = (uid: string, props: string[]) => {
    lines.push('BEGIN:VEVENT', `UID:${uid}@ldn-workbench`, `DTSTAMP:${dtstamp}`, ...props, 'END:VEVENT');
  };
  for (const s of plan.schedule) {
    const summary = `LDN ${fmtLang(s.dose_mg, lang, 4)} ${uk ? 'мг' : 'mg'}${measureText(s, lang) ? ` (${measureText(s, lang)})` : ''}`;
    const common = [`SUMMARY:${escapeIcsText(summary)}`, `DESCRIPTION:${escapeIcsText(description)}`, 'DURATION:PT5M', 'TRANSP:TRANSPARENT'];
    if (options.perDose) {
      for (let d = 0; d < s.days; d++) {
        const date = addDays(s.from, d);
        if (plan.calendar.days.find((x) => x.date === date)?.status !== 'dose') continue;
        event(`${plan.plan_id}-${compact(date)}`, [`DTSTART:${compact(date)}T${time}`, ...common]);
      }
    } else {
      event(`${plan.plan_id}-step${s.index}`, [`DTSTART:${compact(s.from)}T${time}`, `RRULE:FREQ=DAILY;COUNT=${s.days}`, ...common]);
    }
  }
  for (const [i, b] of (plan.calendar.bottles ?? []).entries()) {
    const summary = uk ? `LDN: приготувати нову рідину (стару утилізувати до ${b.discard_on})` : `LDN: make a new bottle (discard it by ${b.discard_on})`;
    event(`${plan.plan_id}-bottle${i}`, [`DTSTART;VALUE=DATE:${compact(b.prepare_on)}`, `DTEND;VALUE=DATE:${compact(addDays(b.prepare_on, 1))}`, `SUMMARY:${escapeIcsText(summary)}`, 'TRANSP:TRANSPARENT']);
  }
  for (const n of plan.calendar.notes) {
    const paused = plan.calendar.days.find((d) => d.status === 'paused');
    if (!paused) continue;
    event(`${plan.plan_id}-pause`, [`DTSTART;VALUE=DATE:${compact(paused.date)}`, `DTEND;VALUE=DATE:${compact(addDays(plan.calendar.end, 1))}`, `SUMMARY:${escapeIcsText(uk ? 'LDN: перерва перед операцією' : 'LDN: paused before surgery')}`, `DESCRIPTION:${escapeIcsText(n[lang])}`, 'TRANSP:TRANSPARENT']);
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
