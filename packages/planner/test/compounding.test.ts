// Compounding arithmetic of planner.md §2: strength of a suspension from tablets, dose volumes
// rounded to a syringe's graduation, beyond-use dates, capsules and the base ↔ HCl conversion.
import { describe, expect, it } from 'vitest';
import { baseToHcl, bottlePlan, buildPlan, doseVolumes, hclToBase, MW_BASE, MW_HCL, roundToGraduation, suspensionConcentration, type LiquidPreparation, type CapsulePreparation, type TabletPreparation } from '../src/index.js';

const BASE = { age: 34, weight: 62, condition: 'endometriosis', start: '2026-12-01', simulate: false };

describe('liquid from tablets', () => {
  it('1 tablet in 50 mL = 1 mg/mL; 4.5 mg = 4.5 mL', () => {
    expect(suspensionConcentration(1, 50)).toBe(1);
    const p = buildPlan({ ...BASE, tablets: 1, volume: 50, vehicle: 'water', ack: ['R19'] }).preparation as LiquidPreparation;
    expect(p).toMatchObject({ formulation: 'liquid', suspension: true, concentration_mg_ml: 1, tablets: 1, volume_ml: 50 });
    expect(p.doses.find((d) => d.dose_mg === 4.5)!.volume_ml).toBe(4.5);
    expect(p.instructions[0]!.text.en).toMatch(/shake well/i);
    expect(p.instructions.map((i) => i.rule)).toEqual(['R18', 'R19', 'R22']);
  });
  it('2 tablets in 100 mL (Fawcett) = 1 mg/mL; 1 tablet in 10 mL = 5 mg/mL; half a tablet in 50 mL = 0.5 mg/mL', () => {
    expect(suspensionConcentration(2, 100)).toBe(1);
    expect(suspensionConcentration(1, 10)).toBe(5);
    expect(suspensionConcentration(0.5, 50)).toBe(0.5);
  });
  it('volumes round to the syringe graduation and show the dose actually delivered', () => {
    expect(roundToGraduation(0.45, 0.1)).toBe(0.5);
    expect(roundToGraduation(0.44, 0.1)).toBe(0.4);
    expect(roundToGraduation(2.3, 0.2)).toBe(2.4);
    const [v] = doseVolumes([2.3], 1, { size_ml: 5, graduation_ml: 0.2 });
    expect(v).toEqual({ dose_mg: 2.3, volume_exact_ml: 2.3, volume_ml: 2.4, delivered_mg: 2.4, deviation_pct: expect.closeTo(4.347826, 5) as number });
    const p = buildPlan({ ...BASE, age: 12, weight: 23, ack: ['R11'], syringe: 5, graduation: 0.2, vehicle: 'fawcett' }).preparation as LiquidPreparation;
    expect(p.doses[0]).toMatchObject({ dose_mg: 2.3, volume_ml: 2.4 });
  });
  it('beyond-use dates: Fawcett 60 d fridge / 30 d room; plain water 14 d fridge', () => {
    const bud = (extra: object) => (buildPlan({ ...BASE, ...extra, ack: ['R19', 'R22'] }).preparation as LiquidPreparation).bud;
    expect(bud({ vehicle: 'fawcett' })).toMatchObject({ days: 60, storage: 'fridge', basis: 'fawcett' });
    expect(bud({ vehicle: 'fawcett', storage: 'room' })).toMatchObject({ days: 30, storage: 'room' });
    expect(bud({ vehicle: 'fawcett', tablets: 1, volume: 10 })).toMatchObject({ days: 60 }); // 5 mg/mL (AHS)
    expect(bud({ vehicle: 'fawcett', tablets: 1, volume: 20 })).toMatchObject({ days: 14, basis: 'usp-aqueous' }); // 2.5 mg/mL: not studied
    expect(bud({ vehicle: 'water' })).toMatchObject({ days: 14, storage: 'fridge', basis: 'usp-aqueous' });
    expect(bud({})).toMatchObject({ days: 14 });
  });
  it('bottles: a new one when the last is empty or past its beyond-use date', () => {
    // 4.5 mL a day from 50 mL bottles, BUD 14 days: 11 days per bottle (the "a little more than 11 days" of the DIY guide)
    const b = bottlePlan('2026-12-01', Array(25).fill(4.5), 50, 14);
    expect(b.map((x) => [x.prepare_on, x.days])).toEqual([['2026-12-01', 11], ['2026-12-12', 11], ['2026-12-23', 3]]);
    // 1 mL a day: the beyond-use date ends each bottle at 14 days
    const c = bottlePlan('2026-12-01', Array(20).fill(1), 50, 14);
    expect(c.map((x) => [x.prepare_on, x.discard_on, x.days])).toEqual([['2026-12-01', '2026-12-15', 14], ['2026-12-15', '2026-12-29', 6]]);
  });
  it('from base powder: the powder to weigh is converted (× 341.41/377.86); doses stay mg HCl', () => {
    const p = buildPlan({ ...BASE, source: 'base-powder', concentration: 1, volume: 50, vehicle: 'water', ack: ['R19'] }).preparation as LiquidPreparation;
    expect(p.powder_mg).toBeCloseTo((50 * MW_BASE) / MW_HCL, 6);
    expect(p.suspension).toBe(false);
    expect(hclToBase(4.5)).toBeCloseTo(4.0659, 4);
    expect(baseToHcl(hclToBase(3))).toBeCloseTo(3, 12);
  });
});

describe('capsules and tablets', () => {
  it('capsules: one strength per dose level, counts over the calendar, 360-day BUD with Avicel', () => {
    const p = buildPlan({ ...BASE, formulation: 'capsules', filler: 'avicel', storage: 'room', light_protected: true });
    const prep = p.preparation as CapsulePreparation;
    expect(prep.strengths.map((s) => s.dose_mg)).toEqual([1, 2, 3, 4, 4.5]);
    expect(prep.bud.days).toBe(360);
    expect(p.calendar!.capsules).toEqual([{ dose_mg: 1, count: 7 }, { dose_mg: 2, count: 7 }, { dose_mg: 3, count: 7 }, { dose_mg: 4, count: 7 }, { dose_mg: 4.5, count: 28 }]);
    expect(p.calendar!.days[0]!.capsule_mg).toBe(1);
  });
  it('capsules from base powder list mg base to weigh per capsule', () => {
    const prep = buildPlan({ ...BASE, formulation: 'capsules', source: 'base-powder', filler: 'avicel', storage: 'room', light_protected: true }).preparation as CapsulePreparation;
    expect(prep.strengths[4]!.dose_mg).toBe(4.5);
    expect(prep.strengths[4]!.base_mg).toBeCloseTo((4.5 * 341.41) / 377.86, 6);
  });
  it('tablet fraction: whole or half tablets of a stated strength', () => {
    const prep = buildPlan({ ...BASE, formulation: 'tablet-fraction', tablet_strength: 1.5, preset: 'lavender-sky' }).preparation as TabletPreparation;
    expect(prep.doses).toEqual([{ dose_mg: 1.5, tablets: 1 }, { dose_mg: 3, tablets: 2 }, { dose_mg: 4.5, tablets: 3 }]);
    const half = buildPlan({ ...BASE, formulation: 'tablet-fraction', tablet_strength: 9, scored: true, preset: 'trial-fixed-4.5' }).preparation as TabletPreparation;
    expect(half.doses).toEqual([{ dose_mg: 4.5, tablets: 0.5 }]);
  });
});
