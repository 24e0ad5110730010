// The planner form as data: a blank fact is left out of the request (not stated, so the rules ask),
// "no" and "none" state facts (false, []), numbers take a decimal comma and a number that does not
// parse is sent as typed (the server names the field); formulation-only fields go only with their
// formulation; a saved request reopens into the same request; field paths find their controls.
import { describe, expect, it } from 'vitest';
import { buildPlan } from '@ldn/planner';
import { emptyForm, fromPlanRequest, inputIdFor, toPlanRequest, type PlanForm } from '../src/planner/form.js';

const base = (patch: Partial<PlanForm> = {}): PlanForm => ({ ...emptyForm('uk', '2026-12-01'), ...patch });

describe('planner form → plan request', () => {
  it('leaves blank facts out and states "no" and "none"', () => {
    expect(toPlanRequest(base())).toEqual({ condition: 'endometriosis', start: '2026-12-01', time: '22:00', formulation: 'liquid', lang: 'uk' });
    const r = toPlanRequest(base({ pregnant: 'no', lactating: 'yes', opioids: 'none', medicines: 'none', surgery: 'none', age: '34', weight: '61,5' }));
    expect(r).toMatchObject({ pregnant: false, lactating: true, opioids: [], medicines: [], surgery_date: null, age: 34, weight: 61.5 });
    // every rule that needs a fact the form left blank asks; what was stated does not
    const plan = buildPlan(toPlanRequest(base()), { simulate: false });
    expect(plan.asks).toContain('R27-pregnancy');
    expect(buildPlan(r, { simulate: false }).asks).not.toContain('R01-opioid-regular');
  });

  it('sends a number that does not parse as typed, so the server names the field', () => {
    expect(toPlanRequest(base({ weight: '62 kg' })).weight).toBe('62 kg');
    expect(() => buildPlan(toPlanRequest(base({ weight: '62 kg' })))).toThrow(/weight/);
  });

  it('lists opioids and medicines, and keeps formulation fields to their formulation', () => {
    const r = toPlanRequest(
      base({
        opioids: 'listed',
        opioidList: [{ agent: 'tramadol', use: 'stopped', action: 'short-acting', last_dose: '2026-11-10', max_daily_mg: '' }],
        medicines: 'listed',
        medicineText: 'levothyroxine\n\n metformin ',
        tablets: '1',
        volume: '50',
        syringe: '1',
        graduation: '0,01',
        filler: 'avicel',
      }),
      ['R27-pregnancy'],
    );
    expect(r).toMatchObject({ opioids: [{ agent: 'tramadol', use: 'stopped', action: 'short-acting', last_dose: '2026-11-10' }], medicines: ['levothyroxine', 'metformin'], tablets: 1, volume: 50, syringe: 1, graduation: 0.01, ack: ['R27-pregnancy'] });
    expect(r).not.toHaveProperty('filler');
    const caps = toPlanRequest(base({ formulation: 'capsules', filler: 'avicel', storage: 'room', light_protected: 'yes', tablets: '1' }));
    expect(caps).toMatchObject({ formulation: 'capsules', filler: 'avicel', storage: 'room', light_protected: true });
    expect(caps).not.toHaveProperty('tablets');
    expect(buildPlan(caps, { simulate: false }).preparation?.formulation).toBe('capsules');
  });

  it('a saved request reopens into the same request', () => {
    const f = base({ name: 'Н. <b>', age: '41', pregnant: 'no', opioids: 'listed', opioidList: [{ agent: 'codeine', use: 'occasional', action: '', last_dose: '', max_daily_mg: '30' }], surgery: 'planned', surgery_date: '2027-02-01', preset: 'ldnrt-slow', interval: '10', formulation: 'tablet-fraction', tablet_strength: '50', lang: 'en' });
    const req = toPlanRequest(f, ['R05']);
    const back = fromPlanRequest(JSON.parse(JSON.stringify(req)), 'uk');
    expect(toPlanRequest(back.form, back.ack)).toEqual(req);
    expect(back.dropped).toEqual([]);
    expect(fromPlanRequest({ ...req, events: [] }, 'uk').dropped).toEqual(['events']);
  });

  it('finds the control of a request field', () => {
    const f = base({ opioids: 'listed', opioidList: [{ agent: 'tramadol', use: 'stopped', action: '', last_dose: '', max_daily_mg: '' }] });
    expect(inputIdFor('weight', f)).toBe('plan-weight');
    expect(inputIdFor('opioids.0.last_dose', f)).toBe('plan-opioid-0-last_dose');
    expect(inputIdFor('opioid_last_dose', f)).toBe('plan-opioid-0-last_dose');
    expect(inputIdFor('opioid_last_dose', base())).toBe('plan-opioids');
    expect(inputIdFor('surgery_date', base())).toBe('plan-surgery');
    expect(inputIdFor('medicines', base({ medicines: 'listed' }))).toBe('plan-medicineText');
    expect(inputIdFor('ack.0', f)).toBe('plan-ack');
  });
});
