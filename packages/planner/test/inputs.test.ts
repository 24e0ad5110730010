// Bad input: every message names the field, the value and what is accepted, so the CLI (exit 2)
// and the API (4xx) can say exactly what to fix.
import { describe, expect, it } from 'vitest';
import { buildPlan, parsePlanRequest, parseStepsText, planRequestJsonSchema, PlanInputError, resolvePlannerCondition } from '../src/index.js';

const OK = { age: 34, weight: 62, condition: 'endometriosis', start: '2026-12-01', simulate: false };

function fieldOf(input: unknown): { field: string; message: string } {
  try {
    buildPlan(input);
  } catch (e) {
    if (e instanceof PlanInputError) return { field: e.field, message: e.message };
    throw e;
  }
  throw new Error('expected a PlanInputError');
}

describe('plan request validation', () => {
  const bad: [string, unknown, string, RegExp][] = [
    ['weight too high', { ...OK, weight: 500 }, 'weight', /^weight: 500 is out of range; use a number from 1 to 300 kg$/],
    ['weight not a number', { ...OK, weight: 'heavy' }, 'weight', /weight: "heavy" must be a number from 1 to 300 kg/],
    ['negative age', { ...OK, age: -3 }, 'age', /age: -3 is out of range; use a number from 0 to 120 years/],
    ['impossible date', { ...OK, start: '2026-02-30' }, 'start', /start: "2026-02-30" must be an existing date YYYY-MM-DD/],
    ['missing start', { age: 34, condition: 'endometriosis' }, 'start', /start: is required; give a date YYYY-MM-DD/],
    ['missing condition', { age: 34, start: '2026-12-01' }, 'condition', /condition: is required/],
    ['unknown condition', { ...OK, condition: 'gout' }, 'condition', /condition: "gout" is not a known condition; accepted: endometriosis, fibromyalgia/],
    // names every object inherits are not conditions or aliases (fast-check found "constructor" crashing the plan)
    ['condition "constructor"', { ...OK, condition: 'constructor' }, 'condition', /condition: "constructor" is not a known condition/],
    ['condition "__proto__"', { ...OK, condition: '__proto__' }, 'condition', /condition: "__proto__" is not a known condition/],
    ['unknown preset', { ...OK, preset: 'fast' }, 'preset', /preset: "fast" is not a preset; accepted: ldnrt-standard/],
    ['target below start', { ...OK, start_dose: 2, target: 1.5 }, 'target', /target: 1.5 mg is below the start dose 2 mg/],
    ['dose above a tablet', { ...OK, target: 60 }, 'target', /target: 60 is out of range; use a number above 0 and at most 50 mg naltrexone HCl/],
    ['zero dose', { ...OK, start_dose: 0 }, 'start_dose', /start_dose: 0 is out of range/],
    ['bad clock', { ...OK, time: '25:00' }, 'time', /time: "25:00" must be a 24-hour clock time HH:MM/],
    ['interval fraction', { ...OK, interval: 3.5 }, 'interval', /interval: 3.5 must be a whole number from 1 to 90 days/],
    ['volume too small to measure', { ...OK, tablets: 10, volume: 10, syringe: 1, graduation: 0.1 }, 'volume', /volume: the 1 mg dose is 0.02 mL at 50 mg\/mL: too small to measure with a syringe graduated in 0.1 mL/],
    ['dose does not fit the syringe', { ...OK, syringe: 1, graduation: 0.01 }, 'syringe', /syringe: the 2 mg dose is 2 mL, more than the 1 mL syringe holds/],
    ['graduation without syringe', { ...OK, graduation: 0.1 }, 'syringe', /syringe: is required with graduation/],
    ['tablets without volume', { ...OK, tablets: 1 }, 'volume', /volume: is required with tablets/],
    ['above solubility', { ...OK, tablets: 20, volume: 5 }, 'volume', /200 mg\/mL, above the solubility of naltrexone HCl \(about 100 mg\/mL, label\)/],
    ['quarter tablet', { ...OK, tablets: 0.25, volume: 50 }, 'tablets', /tablets: 0.25 is out of range/],
    ['tablets with capsules', { ...OK, formulation: 'capsules', tablets: 1 }, 'tablets', /tablets: does not apply to formulation capsules/],
    ['tablet fraction of 50 mg', { ...OK, formulation: 'tablet-fraction' }, 'formulation', /1 mg cannot be taken as whole or half 50 mg tablets/],
    ['plain water at room temperature', { ...OK, vehicle: 'water', storage: 'room' }, 'storage', /room temperature has a beyond-use date only for the Fawcett formula/],
    ['unknown field', { ...OK, wieght: 60 }, 'wieght', /unknown field\(s\) wieght; accepted: name, age, weight/],
    ['preset and steps', { ...OK, preset: 'default', steps: '1:7,2' }, 'steps', /give either preset or steps/],
    ['bad steps text', { ...OK, steps: '1:7,two' }, 'steps.1', /"two" is not DOSE\[:DAYS\]/],
    ['open middle step', { ...OK, steps: [{ dose_mg: 1 }, { dose_mg: 2 }] }, 'steps.0.days', /only the last step may run to the end/],
    ['event before start', { ...OK, events: [{ date: '2026-11-01', kind: 'sleep-effect' }] }, 'events.0.date', /before the first dose/],
    ['red flag without which', { ...OK, events: [{ date: '2026-12-02', kind: 'red-flag' }] }, 'events.0.red_flag', /a red-flag event needs red_flag/],
    ['surgery within 72 h of the start', { ...OK, surgery_date: '2026-12-03' }, 'surgery_date', /less than 72 h after the first dose/],
    ['opioid without use', { ...OK, opioid: 'tramadol' }, 'opioid_use', /is required with opioid/],
    ['paediatric without weight', { condition: 'endometriosis', start: '2026-12-01', age: 12 }, 'weight', /weight: is required for the paediatric preset/],
    ['not an object', [], '(request)', /must be an object/],
  ];
  it.each(bad)('%s → names %s', (_label, input, field, message) => {
    const e = fieldOf(input);
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });

  it('accepts the issue example', () => {
    expect(parsePlanRequest(OK)).toMatchObject(OK);
  });
  it('steps text: "1:7,2:7,4.5" → dose and days, the last open', () => {
    expect(parseStepsText('1:7, 2mg:7,4.5')).toEqual([{ dose_mg: 1, days: 7 }, { dose_mg: 2, days: 7 }, { dose_mg: 4.5 }]);
  });
  it('conditions resolve ids, aliases and the evidence base aliases', () => {
    expect(resolvePlannerCondition('Endometriosis')).toBe('endometriosis');
    expect(resolvePlannerCondition('ME/CFS')).toBe('me-cfs');
    expect(resolvePlannerCondition('long covid')).toBe('long-covid');
    expect(resolvePlannerCondition('crohn')).toBe('crohns-disease');
    expect(resolvePlannerCondition('opioid-use-disorder')).toBeUndefined();
  });
  it('exports a JSON schema of the request for the API', () => {
    const s = planRequestJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(s.required).toEqual(expect.arrayContaining(['condition', 'start']));
    expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(['age', 'weight', 'opioid_last_dose', 'pregnant', 'lactating', 'thyroid_hormone', 'tablets', 'volume', 'ack']));
  });
});
