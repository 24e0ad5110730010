// Regimen comparison: spec parsing, same grid for all regimens, the metrics table, and errors.
import { describe, expect, it } from 'vitest';
import { compareRegimens, parseRegimenSpec, RequestError } from '@ldn/engine';

describe('regimen specs', () => {
  it.each([
    ['4.5@22:00', { dose: 4.5, time: '22:00' }],
    ['50', { dose: 50 }],
    ['1.5@06:00/6h', { dose: 1.5, time: '06:00', every: 6 }],
    ['4.5mg@22:00~seed', { dose: 4.5, time: '22:00', params: 'seed' }],
  ])('%s', (spec, expected) => {
    expect(parseRegimenSpec(spec)).toMatchObject(expected);
  });
  it('refuses malformed specs with the accepted syntax', () => {
    expect(() => parseRegimenSpec('four mg')).toThrow(/DOSE\[@HH:MM\]\[\/EVERYh\]\[~PARAMS\]/);
  });
});

describe('compareRegimens', () => {
  const c = compareRegimens({ regimens: [{ ...parseRegimenSpec('4.5@22:00'), days: 14 }, { ...parseRegimenSpec('50@08:00'), days: 14 }, { ...parseRegimenSpec('4.5@22:00~seed'), days: 14 }] });
  it('runs every regimen on the same grid and labels them', () => {
    expect(c.labels).toEqual(['4.5@22:00', '50@08:00', '4.5@22:00~seed']);
    expect(new Set(c.outputs.map((o) => o.time_h.length)).size).toBe(1);
    expect(c.outputs[2]!.parameters).toBe('seed');
  });
  it('the table has one value per regimen, consistent with each simulation’s summary', () => {
    const row = c.table.find((r) => r.metric === 'naltrexone Cmax, first dose')!;
    expect(row.values).toHaveLength(3);
    row.values.forEach((v, i) => expect(v).toBe(c.outputs[i]!.summary.first_dose.naltrexone.cmax_ng_ml));
    expect(row.values[1]! / row.values[0]!).toBeCloseTo(50 / 4.5, 2); // dose-linear
  });
  it('needs 2 to 8 regimens and names the regimen at fault', () => {
    expect(() => compareRegimens({ regimens: [{ dose: 4.5 }] })).toThrow(/at least 2/);
    try {
      compareRegimens({ regimens: [{ dose: 4.5 }, { dose: -1, label: 'bad one' }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RequestError);
      expect((e as Error).message).toMatch(/^bad one: dose: must be above 0 mg/);
      expect((e as RequestError).field).toBe('regimens.1.dose');
    }
  });
});
