// Between-patient variability as data: every parameter has an entry with provenance, the derived
// CVs follow from the published numbers (recomputed here with Math.log, independently of detLog),
// the sampled cohort has the distributions the spec states, and a simulated cohort reproduces the
// exposure spreads the CVs were derived from.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COVARIATES,
  DERIVATIONS,
  MODEL_ELASTICITY,
  SOURCES,
  VARIABILITY,
  buildLdnModel,
  cvFromOmega,
  fullParameterSet,
  nca,
  parameterValues,
  samplePatient,
  simulate,
  type CovariateOptions,
} from '../../src/index.js';

const typical = parameterValues(fullParameterSet('literature'));
const FIXED: CovariateOptions = { weight: { kind: 'fixed', value: 70 }, age: { kind: 'fixed', value: 40 }, hepaticFraction: 0 };

describe('variability spec: every parameter has an entry with provenance', () => {
  it('covers exactly the parameters of the full literature set (core and every module), once each', () => {
    const ids = VARIABILITY.map((v) => v.parameter);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.keys(typical).sort());
  });
  it('every source id is known; every entry that is not derived or sourced says "assumption" and its value', () => {
    const known = new Set(Object.keys(SOURCES));
    for (const v of VARIABILITY) {
      for (const s of v.sources) expect(known, `${v.parameter}: source ${s}`).toContain(s);
      if (v.evidence === 'assumption') expect(v.note, v.parameter).toMatch(/^(assumption: (CV \d+%|normal, SD)|not varied \(assumption\))/);
      else expect(v.note, v.parameter).toMatch(/^derived/);
      expect(v.omega >= 0 && Number.isFinite(v.omega)).toBe(true);
      if (v.kind === 'none') expect(v.omega).toBe(0);
    }
  });
  it('no correlations: the spec has none to give (stated in the module header)', () => {
    for (const v of VARIABILITY) expect(Object.keys(v)).not.toContain('correlation');
  });
});

describe('derived CVs follow from the published numbers', () => {
  const w = (cv: number) => Math.log(1 + cv * cv);
  it('CL from the Verebey naltrexone half-life CVs (10.3 ± 3.3 h, 9.7 ± 1.1 h), pooled on the log scale', () => {
    expect(DERIVATIONS.omegaCL).toBeCloseTo(Math.sqrt((w(3.3 / 10.3) + w(1.1 / 9.7)) / 2), 14);
    expect(cvFromOmega(DERIVATIONS.omegaCL)).toBeCloseTo(0.24, 2);
  });
  it('CLm from the 6β-naltrexol half-life CVs (12.7 ± 2.6 h, 11.4 ± 2.0 h)', () => {
    expect(DERIVATIONS.omegaCLm).toBeCloseTo(Math.sqrt((w(2.6 / 12.7) + w(2.0 / 11.4)) / 2), 14);
  });
  it('F from the naltrexone Cmax CVs (43.6 ± 29.9, 46.4 ± 18.5 ng/mL) less the CL and ka shares, on the logit of F/fa', () => {
    const total = (w(29.9 / 43.6) + w(18.5 / 46.4)) / 2;
    const ln = Math.sqrt(total - (0.088 * DERIVATIONS.omegaCL) ** 2 - (0.116 * Math.sqrt(w(0.3))) ** 2);
    expect(DERIVATIONS.omegaFLog).toBeCloseTo(ln, 12);
    expect(DERIVATIONS.omegaFLogit).toBeCloseTo(ln / (1 - typical.F! / typical.fa!), 12);
  });
  it('f6bn from McCaul\'s 4-fold range in 23 subjects (expected range 3.858 SD) less the CLm share', () => {
    expect(DERIVATIONS.mccaulOmega).toBeCloseTo(Math.log(4) / 3.8583234232850097, 14);
    expect(DERIVATIONS.omegaF6bnLog).toBeCloseTo(Math.sqrt(DERIVATIONS.mccaulOmega ** 2 - DERIVATIONS.omegaCLm ** 2), 12);
  });
});

describe("variability derivation uses the model's current sensitivities", () => {
  // central differences of ln Cmax, single 100 mg, rtol 1e-10, 0.05 h grid (the derivation's method)
  const model = buildLdnModel([]);
  const schedule = { doses: [{ time_h: 0, dose_mg: 100, kind: 'scheduled' as const }], firstDoseClockH: 22 };
  const cmax = (over: Record<string, number>) => nca(...series(over)).cmax;
  const series = (over: Record<string, number>): [Float64Array, Float64Array] => {
    const t = simulate({ schedule, days: 2, step_h: 0.05, model, overrides: over, control: { rtol: 1e-10, atol: 1e-14 } });
    return [t.time_h, t.series.naltrexone_ng_ml!];
  };
  it.each([['CL', MODEL_ELASTICITY.naltrexoneCmax.CL], ['ka', MODEL_ELASTICITY.naltrexoneCmax.ka]] as const)('elasticity of naltrexone Cmax to %s is %s (±0.01)', (id, stated) => {
    const h = 1e-3;
    const e = (Math.log(cmax({ [id]: typical[id]! * (1 + h) })) - Math.log(cmax({ [id]: typical[id]! * (1 - h) }))) / (Math.log(1 + h) - Math.log(1 - h));
    expect(Math.abs(e - stated)).toBeLessThan(0.01);
  });
});

describe('the sampled cohort has the stated distributions', () => {
  const N = 20_000;
  const patients = Array.from({ length: N }, (_, i) => samplePatient(99, i, typical, FIXED));
  const stats = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
    return { m, sd };
  };
  const se = 4 / Math.sqrt(N); // 4 standard errors of a mean of unit variance
  it.each(VARIABILITY.filter((v) => v.kind === 'lognormal').map((v) => [v.parameter, v.omega] as const))('%s: log-normal, ln(θ_i/θ) has mean 0 and SD ω = %f', (id, omega) => {
    const { m, sd } = stats(patients.map((p) => Math.log(p.values[id]! / typical[id]!)));
    expect(Math.abs(m)).toBeLessThan(se * omega);
    expect(Math.abs(sd / omega - 1)).toBeLessThan(4 * Math.sqrt(0.5 / N));
  });
  it('F: logit(F/fa) is normal around the typical value with the stated ω, and F < fa always', () => {
    const v = VARIABILITY.find((x) => x.parameter === 'F')!;
    const fa = typical.fa!;
    const logit = (p: number) => Math.log(p / (1 - p));
    const { m, sd } = stats(patients.map((p) => logit(p.values.F! / fa)));
    expect(Math.abs(m - logit(typical.F! / fa))).toBeLessThan(se * v.omega);
    expect(Math.abs(sd / v.omega - 1)).toBeLessThan(0.02);
    expect(patients.every((p) => p.values.F! > 0 && p.values.F! < fa)).toBe(true);
  });
  it('f6bn stays inside the bounds the model requires for every patient, and ln f6bn has about the derived SD', () => {
    for (const p of patients) {
      const F = p.values.F!;
      expect(p.values.f6bn!).toBeGreaterThan(typical.fmSys! * F);
      expect(p.values.f6bn!).toBeLessThan(typical.fa! - (1 - typical.fmSys!) * F);
    }
    const { sd } = stats(patients.map((p) => Math.log(p.values.f6bn!)));
    // the logit map is not exactly log-normal: within 15 % of the derived log-scale SD
    expect(Math.abs(sd / DERIVATIONS.omegaF6bnLog - 1)).toBeLessThan(0.15);
  });
  it('the acrophase is normal with SD 40 min around 10:43', () => {
    const { m, sd } = stats(patients.map((p) => p.values['rebound.acrophase']!));
    expect(Math.abs(m - typical['rebound.acrophase']!)).toBeLessThan(se * (40 / 60));
    expect(Math.abs(sd / (40 / 60) - 1)).toBeLessThan(0.02);
  });
});

describe('a simulated cohort reproduces the exposure spreads the CVs were derived from', () => {
  // 400 patients, single 100 mg (Verebey's dose), core model, fixed weight and age
  const model = buildLdnModel([]);
  const schedule = { doses: [{ time_h: 0, dose_mg: 100, kind: 'scheduled' as const }], firstDoseClockH: 22 };
  const N = 400;
  const rows = Array.from({ length: N }, (_, i) => {
    const p = samplePatient(7, i, typical, FIXED);
    const over = Object.fromEntries(Object.entries(p.values).filter(([k]) => model.parameterIds.includes(k)));
    const t = simulate({ schedule, days: 4, step_h: 0.25, model, overrides: over, control: { rtol: 1e-6 } });
    const ntx = nca(t.time_h, t.series.naltrexone_ng_ml!);
    const ntb = nca(t.time_h, t.series.naltrexol_ng_ml!);
    const slope = (c: Float64Array) => Math.log(c[24 * 4]! / c[72 * 4]!) / 48; // 24–72 h log slope
    return { cmax: ntx.cmax, aucNtb: ntb.aucInf, cmaxNtb: ntb.cmax, halfNtx: Math.LN2 / slope(t.series.naltrexone_ng_ml!), halfNtb: Math.LN2 / slope(t.series.naltrexol_ng_ml!) };
  });
  const logSd = (xs: number[]) => {
    const l = xs.map(Math.log);
    const m = l.reduce((a, b) => a + b, 0) / l.length;
    return Math.sqrt(l.reduce((a, b) => a + (b - m) ** 2, 0) / (l.length - 1));
  };
  // sampling error of a log SD from 400 values: about 3.5 %; tolerances 15 % allow for the model's non-linearity in F
  it('naltrexone Cmax: log SD within 15 % of Verebey\'s pooled 0.516', () => {
    expect(Math.abs(logSd(rows.map((r) => r.cmax)) / DERIVATIONS.naltrexoneCmax.omega - 1)).toBeLessThan(0.15);
  });
  it('6β-naltrexol exposure (AUC): log SD within 15 % of McCaul\'s 0.359', () => {
    expect(Math.abs(logSd(rows.map((r) => r.aucNtb)) / DERIVATIONS.mccaulOmega - 1)).toBeLessThan(0.15);
  });
  it('6β-naltrexol Cmax: log SD within 25 % of Verebey\'s pooled 0.425 (the cross-check)', () => {
    expect(Math.abs(logSd(rows.map((r) => r.cmaxNtb)) / DERIVATIONS.naltrexolCmax.omega - 1)).toBeLessThan(0.25);
  });
  it('the terminal half-lives vary LESS than Verebey\'s (documented): naltrexone log SD 0.08–0.16 vs 0.235', () => {
    const ntx = logSd(rows.map((r) => r.halfNtx));
    expect(ntx).toBeGreaterThan(0.08);
    expect(ntx).toBeLessThan(0.16);
    expect(logSd(rows.map((r) => r.halfNtb))).toBeLessThan(DERIVATIONS.omegaCLm);
  });
});

it('default covariates are the documented adult cohort (uniform 50–90 kg, 18–65 years, no hepatic impairment)', () => {
  expect(DEFAULT_COVARIATES).toEqual({ weight: { kind: 'uniform', min: 50, max: 90 }, age: { kind: 'uniform', min: 18, max: 65 }, hepaticFraction: 0 });
});
