// The plan through @ldn/engine: the regimen the engine gets is the plan's schedule, blockade per
// step grows with the dose, and bedtime vs morning differ only by clock time in this model.
import { describe, expect, it } from 'vitest';
import { runSimulation } from '@ldn/engine';
import { buildContext, buildPlan, evidenceFor, otherClock, parsePlanRequest, toRegimen } from '../src/index.js';

const REQ = { age: 34, weight: 62, condition: 'endometriosis', start: '2026-12-01', ack: [] };

describe('simulatePlan', () => {
  const plan = buildPlan(REQ);
  const sim = plan.simulation!;
  it('simulates the schedule the calendar shows, over the whole calendar', () => {
    expect(sim.days).toBe(56);
    expect(sim.series.time_h[0]).toBe(0);
    expect(sim.series.time_h[sim.series.time_h.length - 1]).toBe(56 * 24);
    const ctx = buildContext(parsePlanRequest(REQ));
    const direct = runSimulation({ regimen: toRegimen(ctx.titration, ctx.time), days: 56 });
    const i = direct.time_h.indexOf(600);
    expect(sim.series.mu_occupancy[600]).toBe(direct.series.mu_occupancy[i]);
    expect(direct.regimen.doses).toHaveLength(56);
    expect(direct.regimen.doses[7]).toMatchObject({ date: '2026-12-08', dose_mg: 2, clock: '22:00' });
  });
  it('reports μ blockade on the last day of each step, rising with the dose', () => {
    expect(sim.steps.map((s) => s.dose_mg)).toEqual([1, 2, 3, 4, 4.5]);
    expect(sim.steps[0]!.window_h).toEqual([144, 168]);
    const peaks = sim.steps.map((s) => s.mu_peak);
    for (let i = 1; i < peaks.length; i++) expect(peaks[i]!).toBeGreaterThan(peaks[i - 1]!);
    for (const s of sim.steps) {
      expect(s.hours_above_50).toBeGreaterThanOrEqual(s.hours_above_90);
      expect(s.hours_above_50).toBeLessThanOrEqual(24);
    }
  });
  it('compares the plan time with the other end of the day at the target dose', () => {
    expect(otherClock('22:00')).toBe('08:00');
    expect(otherClock('07:30')).toBe('22:00');
    const [evening, morning] = sim.timing.rows;
    expect([evening!.time, morning!.time]).toEqual(['22:00', '08:00']);
    expect(sim.timing.dose_mg).toBe(4.5);
    // the model is time-invariant: the same blockade, shifted by the 14 h between the dose times
    expect(morning!.hours_above_50).toBeCloseTo(evening!.hours_above_50, 6);
    expect(evening!.mu_peak_clock).not.toBe(morning!.mu_peak_clock);
    expect(evening!.mu_mean_04_10).not.toBeCloseTo(morning!.mu_mean_04_10, 3);
    expect(sim.timing.note.en).toMatch(/No comparative trial of bedtime vs morning dosing exists/);
  });
  it('missed doses reach the engine as missed', () => {
    const p = buildPlan({ ...REQ, events: [{ date: '2026-12-05', kind: 'missed-dose' }] });
    expect(p.calendar!.days[4]!.status).toBe('missed');
    const q = buildPlan(REQ);
    // the day after the missed dose, occupancy is lower than without it
    expect(p.simulation!.series.mu_occupancy[4 * 24 + 12]!).toBeLessThan(q.simulation!.series.mu_occupancy[4 * 24 + 12]!);
  });
});

describe('evidence for the condition', () => {
  it('endometriosis: the NCT03970330 record with its level, size and dose', () => {
    const e = evidenceFor('endometriosis');
    expect(e.studies.map((s) => [s.id, s.evidence_level, s.n, s.dose, s.status])).toEqual([['nct03970330', 'registry_record', 9, '4.5 mg/day', 'terminated']]);
  });
  it("Crohn's disease lists several studies; ME/CFS has none and says so", () => {
    expect(evidenceFor('crohns-disease').studies.length).toBeGreaterThan(3);
    const me = evidenceFor('me-cfs');
    expect(me.studies).toEqual([]);
    expect(me.note.en).toMatch(/no study records/);
  });
});
