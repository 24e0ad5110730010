// The simulation request (the CLI's options as JSON, as POST /api/simulate takes them): validation
// messages name the field; the output has the contract's keys and no NaN.
import { describe, expect, it } from 'vitest';
import { RequestError, runSimulation } from '@ldn/engine';

describe('simulation request', () => {
  it('returns the contract keys: time_h, series (5 outputs), summary; occupancies are fractions', () => {
    const out = runSimulation({ dose: 4.5, time: '22:00', days: 14 });
    expect(Object.keys(out.series).sort()).toEqual(['delta_occupancy', 'kappa_occupancy', 'mu_occupancy', 'naltrexol_ng_ml', 'naltrexone_ng_ml']);
    expect(out.time_h[0]).toBe(0);
    expect(out.time_h[out.time_h.length - 1]).toBe(336);
    expect(out.time_h).toHaveLength(14 * 24 * 4 + 1);
    for (const s of Object.values(out.series)) for (const v of s) expect(Number.isFinite(v)).toBe(true);
    expect(Math.max(...out.series.mu_occupancy)).toBeLessThan(1);
    expect(out.summary.first_dose.naltrexone.cmax_ng_ml).toBeGreaterThan(0);
    expect(out.regimen.doses).toHaveLength(14);
    expect(out.regimen.doses[1]).toMatchObject({ day: 2, clock: '22:00' });
  });
  it('--doses 1 is a single dose followed for the whole span, without a steady state', () => {
    const out = runSimulation({ dose: 50, days: 7, doses: 1 });
    expect(out.regimen.doses).toHaveLength(1);
    expect(out.summary.steady_state).toBeNull();
    expect(out.summary.steady_state_note).toMatch(/single dose/);
  });
  it.each([
    [{ dose: 0 }, 'dose', /above 0 mg/],
    [{ dose: 5000 }, 'dose', /at most 1000 mg/],
    [{ dose: 4.5, days: 0 }, 'days', /above 0 days/],
    [{ dose: 4.5, time: '7pm' }, 'time', /HH:MM/],
    [{ dose: 4.5, params: 'mine' }, 'params', /literature, seed/],
    [{ dose: 4.5, step: 30 }, 'step', /at most 24/],
    [{ dose: 4.5, colour: 'blue' }, 'colour', /unknown field/],
    [{}, 'dose', /give a dose/],
    [{ dose: 4.5, events: 'TIME,AMT\n0,1\n' }, 'dose', /only one of/],
    [{ regimen: { steps: [{ dose_mg: 1 }] }, every: 12 }, 'every', /regimen sets its own schedule/],
    [{ regimen: { steps: [{ dose_mg: -1 }] } }, 'regimen', /dose_mg/],
  ])('rejects %j naming field %s', (req, field, message) => {
    try {
      runSimulation(req);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RequestError);
      expect((e as RequestError).field).toBe(field);
      expect((e as Error).message).toMatch(message);
    }
  });
});
