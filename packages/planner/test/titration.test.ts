// Presets give the published schedules; custom schedules, side-effect adjustments and the
// conversion to an @ldn/engine regimen.
import { describe, expect, it } from 'vitest';
import { parseRegimen } from '@ldn/engine';
import { customTitration, halveAndRetitrate, linearDoses, PRESETS, presetById, stepBack, titrationFromPreset, toRegimen, truncateAfter, buildPlan, sourceOf } from '../src/index.js';

const doses = (id: string, o = {}) => titrationFromPreset(presetById(id), '2026-12-01', o).steps.map((s) => [s.dose_mg, s.days ?? null]);

describe('presets', () => {
  it('default (LDN Research Trust): 1 → 2 → 3 → 4 → 4.5 mg at 7-day steps, 4.5 mg from week 5', () => {
    expect(doses('default')).toEqual([[1, 7], [2, 7], [3, 7], [4, 7], [4.5, null]]);
    const t = titrationFromPreset(presetById('ldnrt-standard'), '2026-12-01');
    expect(t.steps[4]!.from).toBe('2026-12-29'); // day 29 = week 5
  });
  it('ME/CFS and long COVID: 0.5 mg +0.5 mg every 14 days', () => {
    expect(doses('ldnrt-slow')).toEqual([[0.5, 14], [1, 14], [1.5, 14], [2, 14], [2.5, 14], [3, 14], [3.5, 14], [4, 14], [4.5, null]]);
  });
  it("Hashimoto's on thyroid hormone: 0.5 mg +0.5 mg every 7 days to 4.5 mg (Norland); 0.25 mg steps (HDRx)", () => {
    expect(doses('norland-thyroid').map((d) => d[0])).toEqual([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5]);
    expect(doses('norland-thyroid').every((d, i, a) => d[1] === (i === a.length - 1 ? null : 7))).toBe(true);
    expect(doses('hdrx-hashimoto')).toHaveLength(18);
  });
  it('paediatric: 0.1 mg/kg, at most 4.5 mg, one step', () => {
    expect(doses('paediatric', { weight_kg: 23 })).toEqual([[2.3, null]]);
    expect(doses('paediatric', { weight_kg: 80 })).toEqual([[4.5, null]]);
  });
  it('Lavender Sky 1.5 → 3 → 4.5 mg; LDNRT pack 1.5 mg +0.5 mg every 14 days; fixed 4.5 mg', () => {
    expect(doses('lavender-sky')).toEqual([[1.5, 7], [3, 7], [4.5, null]]);
    expect(doses('lavender-sky', { interval_days: 14 })).toEqual([[1.5, 14], [3, 14], [4.5, null]]);
    expect(doses('ldnrt-pack')).toEqual([[1.5, 14], [2, 14], [2.5, 14], [3, 14], [3.5, 14], [4, 14], [4.5, null]]);
    expect(doses('trial-fixed-4.5')).toEqual([[4.5, null]]);
  });
  it("O'Kelly 2022: 1 mg for a calendar month, then 2 mg; the default calendar shows month 2", () => {
    expect(doses('okelly-2022')).toEqual([[1, 31], [2, null]]);
    const p = buildPlan({ condition: 'long-covid', start: '2026-12-01', preset: 'okelly-2022', simulate: false });
    expect(p.calendar!.end).toBe('2027-01-31');
    expect(p.schedule!.map((s) => [s.from, s.to, s.dose_mg])).toEqual([['2026-12-01', '2026-12-31', 1], ['2027-01-01', '2027-01-31', 2]]);
  });
  it('every preset has a source with a URL and an evidence level; steps never exceed the target', () => {
    for (const p of PRESETS) {
      expect(p.sources.length).toBeGreaterThan(0);
      for (const s of p.sources) expect(sourceOf(s.source).url).toMatch(/^https?:\/\//);
      expect(p.name.uk).toMatch(/[а-яі]/i);
    }
  });
  it('overrides: start, step, interval and target of a linear preset', () => {
    expect(doses('default', { start_mg: 0.5, step_mg: 0.5, interval_days: 10, target_mg: 2 })).toEqual([[0.5, 10], [1, 10], [1.5, 10], [2, null]]);
    expect(() => doses('okelly-2022', { step_mg: 1 })).toThrow(/step: preset okelly-2022 has fixed steps/);
  });
  it('linear doses have no float noise', () => {
    expect(linearDoses(0.1, 0.1, 0.5)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
  });
});

describe('custom schedules and adjustments', () => {
  const t = customTitration('2026-12-01', [{ dose_mg: 1.5, days: 7 }, { dose_mg: 3, days: 7 }, { dose_mg: 4.5 }]);
  it('a custom schedule lays steps on the calendar and finds its step and interval', () => {
    expect(t.steps.map((s) => s.from)).toEqual(['2026-12-01', '2026-12-08', '2026-12-15']);
    expect([t.step_mg, t.interval_days, t.target_mg]).toEqual([1.5, 7, 4.5]);
  });
  it('halve and re-titrate from the date with the same step', () => {
    const h = halveAndRetitrate(t, '2026-12-10');
    expect(h.steps.map((s) => [s.from, s.dose_mg, s.origin])).toEqual([
      ['2026-12-01', 1.5, 'custom'],
      ['2026-12-08', 3, 'custom'],
      ['2026-12-10', 1.5, 'halved'],
      ['2026-12-17', 3, 'retitrate'],
      ['2026-12-24', 4.5, 'retitrate'],
    ]);
    expect(h.steps[1]!.days).toBe(2);
  });
  it('step back holds the previous dose; none on the first step', () => {
    const b = stepBack(t, '2026-12-16')!;
    expect(b.steps.map((s) => s.dose_mg)).toEqual([1.5, 3, 4.5, 3]);
    expect(b.steps[2]!.days).toBe(1);
    expect(b.target_mg).toBe(3);
    expect(stepBack(t, '2026-12-03')).toBeUndefined();
  });
  it('truncateAfter ends the schedule on a day (the surgery pause)', () => {
    const c = truncateAfter(t, '2026-12-09');
    expect(c.steps.map((s) => [s.dose_mg, s.days])).toEqual([[1.5, 7], [3, 2]]);
  });
  it('the regimen for the engine validates and keeps dates, the clock time and missed days', () => {
    const r = parseRegimen(toRegimen(t, '21:30', ['2026-12-05']));
    expect(r).toEqual({ start_date: '2026-12-01', steps: [{ dose_mg: 1.5, time: '21:30', days: 7 }, { dose_mg: 3, days: 7 }, { dose_mg: 4.5 }], missed: [{ day: 5 }] });
  });
});
