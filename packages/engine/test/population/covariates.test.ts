// Covariates: the Dunbar 2007 weight and age slopes on clearance, the Swiss-label exposure multiplier
// of hepatic impairment (checked through the model's AUC, not through the sampler's arithmetic),
// the covariate distributions and their validation.
import { describe, expect, it } from 'vitest';
import {
  COVARIATE_DRAWS,
  CovariateError,
  PatientStream,
  VARIABILITY,
  buildLdnModel,
  fullParameterSet,
  nca,
  parameterValues,
  parseCovariate,
  samplePatient,
  simulate,
  type CovariateOptions,
  type ParameterVariability,
} from '../../src/index.js';

const typical = parameterValues(fullParameterSet('literature'));
/** the spec with nothing varied, to isolate the covariates */
const NO_IIV: ParameterVariability[] = VARIABILITY.map((v) => ({ ...v, kind: 'none', omega: 0 }));

describe('covariate options', () => {
  it('parse uniform MIN-MAX, normal MEAN+-SD or MEAN±SD, and a fixed value', () => {
    expect(parseCovariate('weight', '50-90')).toEqual({ kind: 'uniform', min: 50, max: 90 });
    expect(parseCovariate('weight', '70+-12')).toEqual({ kind: 'normal', mean: 70, sd: 12 });
    expect(parseCovariate('age', '40±5')).toEqual({ kind: 'normal', mean: 40, sd: 5 });
    expect(parseCovariate('age', '33.5')).toEqual({ kind: 'fixed', value: 33.5 });
  });
  it.each([
    ['weight', '90-50', /weight 90-50: min 90 is above max 50/],
    ['age', '65-18', /age 65-18: min 65 is above max 18/],
    ['weight', '10-90', /outside 30–250 kg/],
    ['age', '12', /outside 18–100 years/],
    ['weight', '70+-30', /mean ± 3 SD \(-20–160\) must lie within 30–250 kg/],
    ['weight', 'heavy', /weight "heavy" is not a range/],
  ] as const)('%s "%s" is refused with a message naming the value', (field, text, message) => {
    expect(() => parseCovariate(field, text)).toThrow(CovariateError);
    expect(() => parseCovariate(field, text)).toThrow(message);
  });
});

describe('weight and age on naltrexone clearance (Dunbar 2007: +0.548 L/h per kg, −0.108 L/h per year)', () => {
  it('a patient 10 kg above and 20 years above the cohort median has CL × (1 + (5.48 − 2.16)/140)', () => {
    // uniform 50–90 kg and 18–65 years: medians 70 kg and 41.5 years. Find a patient near 80 kg, 61.5 years.
    const cov: CovariateOptions = { weight: { kind: 'fixed', value: 80 }, age: { kind: 'fixed', value: 61.5 }, hepaticFraction: 0 };
    const centred: CovariateOptions = { weight: { kind: 'uniform', min: 50, max: 90 }, age: { kind: 'uniform', min: 18, max: 65 }, hepaticFraction: 0 };
    const p = samplePatient(1, 0, typical, cov, NO_IIV);
    expect(p.values.CL).toBeCloseTo(typical.CL!, 12); // fixed covariates: the median is the value itself
    const q = samplePatient(1, 0, typical, centred, NO_IIV);
    const expected = typical.CL! * (1 + (0.548 * (q.weight_kg - 70) - 0.108 * (q.age_y - 41.5)) / 140);
    expect(q.values.CL).toBeCloseTo(expected, 10);
  });
  it('covariates are read from the patient\'s own stream: weight = 50 + 40·u₀ with u₀ from the Python golden outputs', () => {
    // prng-golden.json, seed 1, patient 0: first 32-bit outputs 185148466, 388852429, 2324379788, 2303535002
    const u = (a: number, b: number) => (Math.floor(a / 64) * 2 ** 26 + Math.floor(b / 64) + 0.5) / 2 ** 52;
    const p = samplePatient(1, 0, typical, { weight: { kind: 'uniform', min: 50, max: 90 }, age: { kind: 'uniform', min: 18, max: 65 }, hepaticFraction: 0 });
    expect(p.weight_kg).toBe(50 + 40 * u(185148466, 388852429));
    expect(p.age_y).toBe(18 + 47 * u(2324379788, 2303535002));
  });
});

describe('hepatic impairment multiplies naltrexone exposure by 5–10 (Swiss label)', () => {
  const model = buildLdnModel([]);
  const schedule = { doses: [{ time_h: 0, dose_mg: 50, kind: 'scheduled' as const }], firstDoseClockH: 22 };
  const fixed: CovariateOptions = { weight: { kind: 'fixed', value: 70 }, age: { kind: 'fixed', value: 40 }, hepaticFraction: 1 };
  const aucOf = (values: Record<string, number>) => {
    const t = simulate({ schedule, days: 40, step_h: 0.1, model, overrides: Object.fromEntries(Object.entries(values).filter(([k]) => model.parameterIds.includes(k))), control: { rtol: 1e-9, atol: 1e-12 } });
    return nca(t.time_h, t.series.naltrexone_ng_ml!).aucInf;
  };
  const reference = aucOf({});
  it.each([0, 1, 2, 3])('impaired patient %i: the simulated naltrexone AUC0–∞ rises by its multiplier M ∈ [5, 10]', (i) => {
    const p = samplePatient(3, i, typical, fixed, NO_IIV);
    expect(p.hepatic).toBe(true);
    expect(p.hepatic_multiplier).toBeGreaterThanOrEqual(5);
    expect(p.hepatic_multiplier).toBeLessThanOrEqual(10);
    expect(Math.abs(aucOf(p.values) / reference / p.hepatic_multiplier - 1)).toBeLessThan(1e-3); // NCA (trapezoids, λz) error ≈ 4e-4
    expect(p.values.F!).toBeLessThan(typical.fa!);
  });
  it('the impaired share is the chosen fraction, and the multiplier is log-uniform on 5–10', () => {
    const N = 20_000;
    const cov: CovariateOptions = { weight: { kind: 'fixed', value: 70 }, age: { kind: 'fixed', value: 40 }, hepaticFraction: 0.1 };
    const ps = Array.from({ length: N }, (_, i) => samplePatient(5, i, typical, cov, NO_IIV));
    const impaired = ps.filter((p) => p.hepatic);
    expect(Math.abs(impaired.length / N - 0.1)).toBeLessThan(4 * Math.sqrt(0.09 / N));
    // log2(M/5) is uniform on [0, 1]: mean 1/2, variance 1/12
    const x = impaired.map((p) => Math.log2(p.hepatic_multiplier / 5));
    const m = x.reduce((a, b) => a + b, 0) / x.length;
    expect(Math.abs(m - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / x.length));
  });
  it('switching hepatic impairment on does not shift any other draw of the patient', () => {
    const a = samplePatient(8, 17, typical, { weight: { kind: 'uniform', min: 50, max: 90 }, age: { kind: 'uniform', min: 18, max: 65 }, hepaticFraction: 0 });
    const b = samplePatient(8, 17, typical, { weight: { kind: 'uniform', min: 50, max: 90 }, age: { kind: 'uniform', min: 18, max: 65 }, hepaticFraction: 1 });
    for (const id of Object.keys(a.values)) if (id !== 'CL' && id !== 'F' && id !== 'f6bn') expect(b.values[id]).toBe(a.values[id]);
    expect(b.weight_kg).toBe(a.weight_kg);
    // the η of CL is the same: CL_b·√M / CL_a = 1
    expect((b.values.CL! * Math.sqrt(b.hepatic_multiplier)) / a.values.CL!).toBeCloseTo(1, 12);
  });
  it('the stream layout: 4 covariate uniforms, then one normal per variability entry', () => {
    expect(COVARIATE_DRAWS).toBe(4);
    const s = new PatientStream(2, 5);
    for (let k = 0; k < COVARIATE_DRAWS; k++) s.uniform();
    const etaCL = (() => {
      for (const v of VARIABILITY) {
        const z = s.normal();
        if (v.parameter === 'CL') return z;
      }
      return NaN;
    })();
    const p = samplePatient(2, 5, typical, { weight: { kind: 'fixed', value: 70 }, age: { kind: 'fixed', value: 40 }, hepaticFraction: 0 });
    const omega = VARIABILITY.find((v) => v.parameter === 'CL')!.omega;
    expect(Math.log(p.values.CL! / typical.CL!)).toBeCloseTo(omega * etaCL, 12);
  });
});
