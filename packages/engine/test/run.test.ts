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

describe('what-if parameter values (overrides)', () => {
  it('halving CL doubles naltrexone AUC0–∞ (linear PK: AUC = F·dose/CL) and leaves 6β-naltrexol formation per dose alone', () => {
    const base = runSimulation({ dose: 50, days: 7, doses: 1, step: 0.1 });
    const half = runSimulation({ dose: 50, days: 7, doses: 1, step: 0.1, overrides: { CL: 70 } });
    const ratio = half.summary.first_dose.naltrexone.auc_0_inf_ng_h_ml / base.summary.first_dose.naltrexone.auc_0_inf_ng_h_ml;
    expect(ratio).toBeCloseTo(2, 2);
    expect(half.overrides).toEqual({ CL: 70 });
    expect(base.overrides).toBeUndefined();
    expect(half.notes[0]).toBe('what-if: CL (systemic clearance of naltrexone) = 70 L/h instead of 140 L/h (literature set; plausible 94–211 L/h): outside the plausible range.');
  });

  it('the same value as the set gives the same output, bit for bit', () => {
    const a = runSimulation({ dose: 4.5, days: 3 });
    const b = runSimulation({ dose: 4.5, days: 3, overrides: { CL: 140 } });
    expect(b.series).toEqual(a.series);
    expect(b.summary).toEqual(a.summary);
  });

  it('reaches module parameters when the module is on, and the hypothesis predictions use them', () => {
    const slow = runSimulation({ dose: 4.5, days: 14, hypotheses: ['tlr4'], overrides: { 'tlr4.ic50Naltrexone': 105.5 } });
    const base = runSimulation({ dose: 4.5, days: 14, hypotheses: ['tlr4'] });
    const numbers = (o: typeof base, key: string): number => o.summary.hypotheses.find((h) => h.id === 'tlr4')!.numbers[key]!;
    expect(numbers(slow, 'tlr4_ic50_nM')).toBe(105_500);
    // the gap is IC50 / peak unbound naltrexone: 105.5 µM instead of 200 µM shrinks it in proportion
    expect(numbers(slow, 'concentration_gap_fold') / numbers(base, 'concentration_gap_fold')).toBeCloseTo(105.5 / 200, 3);
  });

  it.each([
    [{ XX: 1 }, 'overrides.XX', /unknown parameter "XX"; the model has ka, fa, F/],
    [{ 'tlr4.ic50Naltrexone': 100 }, 'overrides.tlr4.ic50Naltrexone', /switch on the tlr4 module/],
    [{ CL: -1 }, 'overrides.CL', /must be 0 or more/],
    [{ fu: 1.5 }, 'overrides', /fu = 1.5 is a fraction and must lie in \[0, 1\]/],
    [{ f6bn: 0.01 }, 'overrides', /presystemic 6β-naltrexol formation would be negative/],
    [{ KiMuN: 0 }, 'overrides', /KiMuN = 0 the model cannot be solved/],
    [{ CL: 'fast' }, 'overrides.CL', /must be a number/],
  ])('refuses %j naming %s', (overrides, field, message) => {
    try {
      runSimulation({ dose: 4.5, days: 2, overrides });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RequestError);
      expect((e as RequestError).field).toBe(field);
      expect((e as Error).message).toMatch(message);
    }
  });
});

describe('overrides with names an object cannot hold', () => {
  it('"__proto__" is refused, not dropped', () => {
    expect(() => runSimulation(JSON.parse('{"dose":4.5,"days":1,"overrides":{"__proto__":5}}'))).toThrow(/unknown parameter "__proto__"/);
  });
});
