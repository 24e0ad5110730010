// Regimens: the JSON schema's messages, the layout of titration steps on the calendar, missed and
// extra doses, and the NONMEM event-table round trip.
import { describe, expect, it } from 'vitest';
import { expandRegimen, formatEventTable, parseEventTable, parseRegimen, regimenJsonSchema, clockPosition, parseClock, parseDate, formatClock, type Regimen } from '@ldn/engine';

const times = (r: Regimen, days: number) => expandRegimen(parseRegimen(r), days * 24).doses.map((d) => [d.time_h, d.dose_mg]);

describe('clock and calendar', () => {
  it('parses 24-hour clock times and rejects others with the accepted format', () => {
    expect(parseClock('22:00')).toBe(22);
    expect(parseClock('8:30')).toBe(8.5);
    for (const bad of ['24:00', '22:60', '10pm', '', '22']) expect(() => parseClock(bad)).toThrow(/HH:MM/);
  });
  it('rejects impossible dates', () => {
    expect(() => parseDate('2026-02-30')).toThrow(/does not exist/);
    expect(parseDate('1970-01-02')).toBe(1);
  });
  it('places simulation time on the clock and calendar', () => {
    expect(clockPosition(3, 22, parseDate('2026-12-01'))).toEqual({ day: 2, clock: '01:00', date: '2026-12-02' });
    expect(formatClock(25.75)).toBe('01:45');
  });
});

describe('regimen schema', () => {
  it('names each bad field and what is accepted', () => {
    expect(() => parseRegimen({ steps: [{ dose_mg: -1 }] })).toThrow(/steps\.0\.dose_mg: must be above 0 mg/);
    expect(() => parseRegimen({ steps: [{ dose_mg: 2000 }] })).toThrow(/at most 1000 mg/);
    expect(() => parseRegimen({ steps: [{ dose_mg: 4.5, time: '25:00' }] })).toThrow(/steps\.0\.time: must be a 24-hour clock time/);
    expect(() => parseRegimen({ steps: [] })).toThrow(/at least one step/);
    expect(() => parseRegimen({ steps: [{ dose_mg: 1.5 }, { dose_mg: 3 }] })).toThrow(/steps\.0\.days: only the last step may run to the end/);
    expect(() => parseRegimen({ steps: [{ dose_mg: 4.5, colour: 'red' }] })).toThrow(/colour|unrecognized|Unrecognized/);
    expect(() => parseRegimen({ steps: [{ dose_mg: '4.5' }] })).toThrow(/steps\.0\.dose_mg/);
  });
  it('exports a JSON Schema for other tools', () => {
    const schema = regimenJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['steps', 'missed', 'extra', 'start_date']));
  });
});

describe('expanding a regimen into doses', () => {
  it('titration 1.5 mg × 7 d, 3 mg × 7 d, then 4.5 mg: daily at the same clock time', () => {
    const d = times({ steps: [{ dose_mg: 1.5, time: '22:00', days: 7 }, { dose_mg: 3, days: 7 }, { dose_mg: 4.5 }] }, 21);
    expect(d).toHaveLength(21);
    expect(d.slice(0, 7).every(([, mg]) => mg === 1.5)).toBe(true);
    expect(d[7]).toEqual([168, 3]);
    expect(d[14]).toEqual([336, 4.5]);
    expect(d.map(([t]) => t)).toEqual(Array.from({ length: 21 }, (_, i) => 24 * i));
  });
  it('every N hours', () => {
    expect(times({ steps: [{ dose_mg: 1, time: '06:00', every_h: 6 }] }, 1).map(([t]) => t)).toEqual([0, 6, 12, 18]);
  });
  it('a step may change the clock time (evening to morning)', () => {
    const d = times({ steps: [{ dose_mg: 4.5, time: '22:00', days: 2 }, { dose_mg: 4.5, time: '08:00' }] }, 4);
    // day 1 and 2 at 22:00 (t = 0, 24); from day 3 at 08:00 (t = 34, 58, …)
    expect(d.map(([t]) => t)).toEqual([0, 24, 34, 58, 82]);
  });
  it('a step limited by a dose count hands over on the next day', () => {
    const d = times({ steps: [{ dose_mg: 1, time: '22:00', doses: 3 }, { dose_mg: 2, doses: 2 }] }, 10);
    expect(d).toEqual([[0, 1], [24, 1], [48, 1], [72, 2], [96, 2]]);
  });
  it('missed doses are removed, by day and time or by hour; extra doses are added', () => {
    const r: Regimen = {
      steps: [{ dose_mg: 4.5, time: '22:00' }],
      missed: [{ day: 3, time: '22:00' }, { at_h: 96 }],
      extra: [{ day: 2, time: '08:00', dose_mg: 1.5 }],
    };
    const d = times(r, 6);
    expect(d).toEqual([[0, 4.5], [10, 1.5], [24, 4.5], [72, 4.5], [120, 4.5]]);
  });
  it('a missed dose that matches nothing is an error that lists what was scheduled that day', () => {
    expect(() => times({ steps: [{ dose_mg: 4.5, time: '22:00' }], missed: [{ day: 2, time: '08:00' }] }, 5)).toThrow(/matches no scheduled dose; scheduled that day: 22:00/);
  });
  it('an extra dose before the first dose is refused', () => {
    expect(() => times({ steps: [{ dose_mg: 4.5, time: '22:00' }], extra: [{ day: 1, time: '08:00', dose_mg: 1 }] }, 2)).toThrow(/before the first dose/);
  });
});

describe('NONMEM event tables', () => {
  it('reads TIME/AMT/EVID/CMT/II/ADDL, expanding ADDL', () => {
    const r = parseEventTable('ID,TIME,AMT,EVID,CMT,II,ADDL\n1,0,1.5,1,1,24,6\n1,168,3,1,1,24,6\n1,200,0,0,1,0,0\n');
    expect(r.schedule.doses).toHaveLength(14);
    expect(r.schedule.doses[7]).toMatchObject({ time_h: 168, dose_mg: 3 });
    expect(r.observations).toEqual([200]);
  });
  it('round-trips a schedule through formatEventTable, folding runs into ADDL', () => {
    const sched = expandRegimen(parseRegimen({ steps: [{ dose_mg: 1.5, days: 7 }, { dose_mg: 3, days: 7 }, { dose_mg: 4.5 }], missed: [{ day: 10 }] }), 21 * 24);
    const text = formatEventTable(sched);
    expect(text.split('\n')[0]).toBe('ID,TIME,AMT,EVID,CMT,II,ADDL,MDV');
    expect(text).toContain('1,0,1.5,1,1,24,6,1');
    const back = parseEventTable(text, sched.firstDoseClockH).schedule.doses.map((d) => [d.time_h, d.dose_mg]);
    expect(back).toEqual(sched.doses.map((d) => [d.time_h, d.dose_mg]));
  });
  it('shifts times so the first dose is at 0 h and says so', () => {
    const r = parseEventTable('TIME,AMT\n5,4.5\n29,4.5\n');
    expect(r.schedule.doses.map((d) => d.time_h)).toEqual([0, 24]);
    expect(r.notes.join(' ')).toMatch(/shifted by -5 h/);
  });
  it.each([
    ['TIME,AMT,EVID\n0,4.5,4\n', /EVID: 4 is not supported/],
    ['TIME,AMT,CMT\n0,4.5,2\n', /CMT: 2 is not supported/],
    ['TIME,AMT\n0,abc\n', /line 2, column AMT: "abc" is not a number/],
    ['TIME,AMT\n0,-3\n', /AMT: -3 is not accepted/],
    ['TIME,AMT,ADDL\n0,4.5,3\n', /needs an interval II/],
    ['TIME,AMT,SS,II\n0,4.5,1,24\n', /steady-state records are not supported/],
    ['AMT\n4.5\n', /no TIME column/],
    ['ID,TIME,AMT\n1,0,4.5\n2,0,4.5\n', /2 subjects/],
    ['TIME,AMT\n0,4.5,7\n', /3 cells but the header has 2/],
    ['', /empty/],
  ])('refuses bad tables with a message naming line and column (%#)', (text, message) => {
    expect(() => parseEventTable(text)).toThrow(message);
  });
});
