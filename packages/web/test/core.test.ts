// The worker's computation is runSimulation without the JSON rounding: same numbers (to the six
// significant digits runSimulation keeps), same summary, hypothesis outputs included, missed doses
// located, and bad requests refused with the engine's message and field.
import { describe, expect, it } from 'vitest';
import { runSimulation } from '@ldn/engine';
import { simulateForView, transferables, ViewRequestError } from '../src/sim/core.js';
import { handleMessage } from '../src/sim/handle.js';

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-5 * Math.max(Math.abs(a), Math.abs(b), 1e-12);
}

describe('simulateForView', () => {
  const request = { regimen: { steps: [{ dose_mg: 1.5, days: 3, time: '21:00' }, { dose_mg: 4.5 }], missed: [{ day: 5 }], start_date: '2026-12-01' }, days: 8, hypotheses: ['rebound', 'ogf'] };

  it('gives the same series and summary as runSimulation (the CLI and the API)', () => {
    const view = simulateForView(request);
    const out = runSimulation(request);
    expect(view.time_h.length).toBe(out.time_h.length);
    for (const id of Object.keys(out.series)) {
      const a = view.series[id]!;
      const b = out.series[id]!;
      expect(a, id).toBeDefined();
      for (let i = 0; i < b.length; i += 7) expect(close(a[i]!, b[i]!), `${id}[${i}]: ${a[i]} vs ${b[i]}`).toBe(true);
    }
    expect(close(view.summary.first_dose.naltrexone.cmax_ng_ml, out.summary.first_dose.naltrexone.cmax_ng_ml)).toBe(true);
    expect(close(view.blockade.hours_above_50, out.summary.blockade.hours_above_50)).toBe(true);
    expect(view.hypotheses.map((h) => h.id)).toEqual(['rebound', 'ogf']);
    expect(view.doses.length).toBe(out.regimen.doses.length);
    expect(view.notes.at(-1)).toBe(out.notes.at(-1));
  });

  it('lists hypothesis outputs with their module, and the dates and missed doses', () => {
    const view = simulateForView(request);
    expect(view.outputs.filter((o) => o.module === 'rebound').map((o) => o.id)).toContain('beta_endorphin_pg_ml');
    expect(view.outputs.filter((o) => o.module === undefined).map((o) => o.id)).toEqual(['naltrexone_ng_ml', 'naltrexol_ng_ml', 'mu_occupancy', 'kappa_occupancy', 'delta_occupancy']);
    expect(view.startDate).toBe('2026-12-01');
    expect(view.firstDoseClockH).toBe(21);
    // day 5 at 21:00 is 4 days after the first dose
    expect(view.missed_h).toEqual([96]);
    expect(view.doses.some((d) => d.time_h === 96)).toBe(false);
    expect(view.compute_ms).toBeGreaterThan(0);
  });

  it('refuses bad requests with the field', () => {
    try {
      simulateForView({ dose: -1, days: 3 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ViewRequestError);
      expect((e as ViewRequestError).field).toBe('dose');
    }
    expect(() => simulateForView({ regimen: { steps: [{ dose_mg: 4.5 }], missed: [{ day: 40 }] }, days: 14 })).toThrow(/missed dose on day 40 matches no scheduled dose/);
    expect(() => simulateForView({ dose: 4.5, days: 3, hypotheses: ['magic'] })).toThrow(/unknown hypothesis "magic"/);
  });

  it('hands the series over as transferable buffers', () => {
    const view = simulateForView({ dose: 4.5, days: 2 });
    const buffers = transferables(view);
    expect(buffers.length).toBeGreaterThan(0);
    expect(buffers).toContain(view.time_h.buffer);
  });
});

describe('the worker message handler', () => {
  it('answers a simulation with its id and transfer list', () => {
    const { reply, transfer } = handleMessage({ type: 'simulate', id: 7, request: { dose: 4.5, days: 2 } });
    expect(reply.type).toBe('simulate');
    expect(reply.id).toBe(7);
    expect(transfer.length).toBeGreaterThan(0);
  });

  it('answers a comparison, and names the regimen that failed', () => {
    const ok = handleMessage({ type: 'compare', id: 1, requests: [{ dose: 4.5, days: 2 }, { dose: 50, time: '08:00', days: 2 }] });
    expect(ok.reply.type === 'compare' && ok.reply.results.length).toBe(2);
    const bad = handleMessage({ type: 'compare', id: 2, requests: [{ dose: 4.5, days: 2 }, { dose: 4.5, time: '99:00', days: 2 }] });
    expect(bad.reply).toMatchObject({ type: 'error', id: 2, kind: 'compare', index: 1, field: 'time' });
  });
});
