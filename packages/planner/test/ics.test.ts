// The iCalendar export parses back (ical.js, an independent RFC 5545 parser) to the same doses on
// the same dates at the same clock time, with hostile text escaped and lines folded.
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { buildPlan, escapeIcsText, foldLine, planToIcs } from '../src/index.js';

const BASE = { name: 'Olena; "Test", \\ patient', age: 34, weight: 62, condition: 'endometriosis', start: '2026-12-01', vehicle: 'water', ack: ['R19'], simulate: false };
const NOW = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return { comp, events: comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

/** every occurrence of every dose event: [date, HH:MM, summary] */
function occurrences(events: ICAL.Event[]): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const e of events) {
    if (!e.summary.startsWith('LDN ') || e.summary.startsWith('LDN:')) continue;
    const it = e.iterator();
    for (let next = it.next(); next; next = it.next()) {
      out.push([next.toString().slice(0, 10), next.toString().slice(11, 16), e.summary]);
      if (out.length > 1000) throw new Error('runaway recurrence');
    }
  }
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

describe('planToIcs', () => {
  const plan = buildPlan(BASE);
  const ics = planToIcs(plan, { now: NOW });

  it('parses back: one daily event per step, every dose on its date at 22:00 floating time', () => {
    const { comp, events } = parse(ics);
    expect(comp.getFirstPropertyValue('version')).toBe('2.0');
    const doses = occurrences(events);
    expect(doses).toHaveLength(plan.calendar!.days.length);
    expect(doses[0]).toEqual(['2026-12-01', '22:00', 'LDN 1 mg (1 mL)']);
    expect(doses[7]).toEqual(['2026-12-08', '22:00', 'LDN 2 mg (2 mL)']);
    expect(doses[28]).toEqual(['2026-12-29', '22:00', 'LDN 4.5 mg (4.5 mL)']);
    expect(doses.map((d) => d[0])).toEqual(plan.calendar!.days.map((d) => d.date));
    const first = events.find((e) => e.summary === 'LDN 1 mg (1 mL)')!;
    expect(first.startDate.isDate).toBe(false);
    expect(first.startDate.zone?.tzid).toBe('floating');
    expect(first.description).toMatch(/Shake well/);
    expect(first.description).toMatch(/supports, and does not replace, the clinician/);
  });
  it('adds all-day events for making each new bottle', () => {
    const { events } = parse(ics);
    const bottles = events.filter((e) => e.summary.startsWith('LDN: make a new bottle'));
    expect(bottles.map((b) => b.startDate.toString())).toEqual(plan.calendar!.bottles!.map((b) => b.prepare_on));
    expect(bottles[0]!.startDate.isDate).toBe(true);
  });
  it('escapes hostile text and folds long lines at 75 octets with CRLF', () => {
    expect(escapeIcsText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    expect(ics).toContain('X-WR-CALNAME:LDN plan – Olena\\; "Test"\\, \\\\ patient');
    // a TEXT property escaped this way parses back to the original
    const hostile = 'a; b, c \\ d\n<script>alert(1)</script>';
    const tiny = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:x', 'BEGIN:VEVENT', 'UID:1', 'DTSTAMP:20261125T120000Z', 'DTSTART:20261201T220000', `SUMMARY:${escapeIcsText(hostile)}`, 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    expect(parse(tiny).events[0]!.summary).toBe(hostile);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(ics).toContain(`DTSTAMP:20261125T120000Z`);
  });
  it('folding never splits a Cyrillic character and unfolds to the original', () => {
    const line = `SUMMARY:${'Ретельно збовтати перед кожною дозою. '.repeat(4)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
  it('Ukrainian summaries parse back', () => {
    const uk = planToIcs(buildPlan({ ...BASE, lang: 'uk' }), { now: NOW });
    const doses = occurrences(parse(uk).events);
    expect(doses[28]![2]).toBe('LDN 4,5 мг (4,5 мл)');
  });
  it('per-dose mode gives one event per dose with the same dates', () => {
    const per = parse(planToIcs(plan, { now: NOW, perDose: true }));
    const doses = occurrences(per.events);
    expect(doses.map((d) => d[0])).toEqual(plan.calendar!.days.map((d) => d.date));
    expect(per.events.filter((e) => e.summary.startsWith('LDN ') && !e.summary.startsWith('LDN:'))).toHaveLength(plan.calendar!.days.length);
  });
  it('a surgery pause ends the doses and is an all-day event', () => {
    const p = buildPlan({ ...BASE, surgery_date: '2027-01-10', ack: ['R19', 'R06'] });
    const { events } = parse(planToIcs(p, { now: NOW }));
    const doses = occurrences(events);
    expect(doses[doses.length - 1]![0]).toBe('2027-01-06');
    expect(events.some((e) => e.summary === 'LDN: paused before surgery')).toBe(true);
  });
  it('refuses a plan that was not produced', () => {
    expect(() => planToIcs(buildPlan({ ...BASE, pregnant: true }))).toThrow(/not produced \(needs-acknowledgement\)/);
  });
});
