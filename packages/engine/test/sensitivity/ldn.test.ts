// The sensitivity analysis applied to the LDN model: the plumbing checked against PK theory
// (AUC = F·D/CL: S = 1 for F, −1 for CL, ≈ 0 for the disposition volumes and ka), the metrics
// equal to those of an ordinary simulate + summarize, the parameters chosen from the set's ranges,
// exactly-zero indices for parameters μ metrics cannot depend on, the mass-balance projection,
// determinism and the answer's consistency with its own numbers.
import { describe, expect, it } from 'vitest';
import {
  expandRegimen,
  LDN_GLOBAL_METRIC_IDS,
  LDN_PARAMETER_GROUPS,
  LITERATURE,
  ldnSensitivity,
  ldnSensitivityProblem,
  localSensitivity,
  LOCAL_CONTROL,
  simpleRegimen,
  simulate,
  summarize,
  type ParameterSet,
} from '@ldn/engine';

describe('LDN sensitivity: plumbing against pharmacokinetic theory', () => {
  const tight = ldnSensitivityProblem({ control: LOCAL_CONTROL });
  const exposure = { ...tight.problem, metrics: ['naltrexone_auc_0_inf_single', 'naltrexone_auc_0_24'] };
  const r = localSensitivity({ ...exposure, parameters: exposure.parameters.filter((p) => ['F', 'CL', 'V1', 'V2', 'Q', 'ka'].includes(p.id)) });

  it.each(['naltrexone_auc_0_inf_single', 'naltrexone_auc_0_24'])('%s: S(F) = 1 and S(CL) ≈ −1 (AUC = F·D/CL), S ≈ 0 for ka, V1, Q, V2', (metric) => {
    const s = r.sensitivities[metric]!;
    expect(s.F!.value).toBeCloseTo(1, 6); // exposure is exactly proportional to F
    expect(Math.abs(s.CL!.value + 1)).toBeLessThan(0.01); // NCA on a 0.25 h grid: trapezoid error ≈ 0.4 %
    for (const id of ['ka', 'V1', 'Q', 'V2']) expect(Math.abs(s[id]!.value)).toBeLessThan(0.01);
    for (const id of ['F', 'CL']) expect(s[id]).toMatchObject({ kind: 'relative', stable: true });
  });
});

describe('LDN sensitivity problem', () => {
  it('metrics at the base point equal simulate + summarize of the full 28-day run', () => {
    const setup = ldnSensitivityProblem();
    const m = setup.problem.fn({ ...setup.problem.fixed, ...Object.fromEntries(setup.varied.map((p) => [p.id, p.base])) });
    const schedule = expandRegimen(simpleRegimen({ dose_mg: 4.5, time: '22:00' }), 28 * 24);
    const opts = { schedule, days: 28 };
    const ss = summarize(simulate(opts), opts).steady_state!;
    expect(m.mu_trough).toBe(ss.occupancy.mu.trough);
    expect(m.mu_peak).toBe(ss.occupancy.mu.peak);
    expect(m.mu_hours_above_50).toBe(ss.occupancy.mu.hours_above_50);
    expect(m.mu_mean).toBeCloseTo(ss.occupancy.mu.mean, 12);
    expect(m.naltrexone_cmax).toBe(ss.naltrexone.cmax_ng_ml);
    expect(m.naltrexone_auc_0_24).toBeCloseTo(ss.naltrexone.auc_0_24_ng_h_ml, 10);
    expect(m.naltrexol_cmax).toBe(ss.naltrexol.cmax_ng_ml);
    expect(m.mu_sustained).toBe(ss.occupancy.mu.trough >= 0.5 ? 1 : 0);
  });

  it('varies every parameter of the set whose range is not a single point, log-uniformly, from its base value', () => {
    const setup = ldnSensitivityProblem();
    const expected = Object.values(LITERATURE.parameters).filter((p) => p.range[0] < p.range[1]);
    expect(setup.varied.map((p) => p.id)).toEqual(expected.map((p) => p.id));
    for (const p of setup.problem.parameters) {
      expect(p.scale).toBe('log');
      expect([p.low, p.high]).toEqual(LITERATURE.parameters[p.id]!.range);
      expect(p.base).toBe(LITERATURE.parameters[p.id]!.value);
    }
    const pinned: ParameterSet = { ...LITERATURE, id: 'pinned', parameters: { ...LITERATURE.parameters, fu: { ...LITERATURE.parameters.fu!, range: [0.79, 0.79] } } };
    const s2 = ldnSensitivityProblem({ params: pinned });
    expect(s2.skipped).toEqual(['fu']);
    expect(s2.varied.map((p) => p.id)).not.toContain('fu');
    expect(s2.problem.fixed!.fu).toBe(0.79);
  });

  it('calibration ranges replace the plausible range of fitted parameters by their profile-likelihood interval', () => {
    const setup = ldnSensitivityProblem({ ranges: 'calibration' });
    const kOut = setup.varied.find((p) => p.id === 'kBrainOut')!;
    expect(kOut.high - kOut.low).toBeLessThan(LITERATURE.parameters.kBrainOut!.range[1] - LITERATURE.parameters.kBrainOut!.range[0]);
    expect(setup.varied.find((p) => p.id === 'CL')).toMatchObject({ low: 94, high: 211 });
  });

  it('a point that would form more 6β-naltrexol than is absorbed runs with f6bn lowered, and is counted', () => {
    const setup = ldnSensitivityProblem({ days: 3 });
    const base = { ...setup.problem.fixed, ...Object.fromEntries(setup.varied.map((p) => [p.id, p.base])) };
    const m = setup.problem.fn({ ...base, F: 0.4, fmSys: 0.3, f6bn: 0.7, fa: 0.9 });
    expect(setup.stats.projected).toBe(1);
    const capped = setup.problem.fn({ ...base, F: 0.4, fmSys: 0.3, f6bn: 0.9 - 0.4 * 0.7, fa: 0.9 });
    expect(m).toEqual(capped);
  });

  it('refuses a bad dose, time, day count, parameter set or metric, naming the value', () => {
    expect(() => ldnSensitivityProblem({ dose_mg: 0 })).toThrow(/dose 0 mg/);
    expect(() => ldnSensitivityProblem({ time: '25:00' })).toThrow(/"25:00"/);
    expect(() => ldnSensitivityProblem({ days: 1 })).toThrow(/days must be a whole number in \[2, 365\] \(got 1\)/);
    expect(() => ldnSensitivityProblem({ params: 'nope' })).toThrow(/"nope"/);
    expect(() => ldnSensitivityProblem({ metrics: ['mu_nope'] })).toThrow(/"mu_nope"/);
  });
});

describe('LDN sensitivity report (small designs)', () => {
  const options = { days: 8, trajectories: 3, samples: 16, seed: 5, bootstrap: 40, tippingPoints: 1 } as const;
  const report = ldnSensitivity(options);
  const k = report.parameters.length;
  const joint = Object.values(LDN_PARAMETER_GROUPS).filter((g) => g.length > 1).length;

  it('counts its model evaluations: 1 + 4k local, r(k + 1) Morris, N(k + 2 + groups) Sobol\'', () => {
    expect(report.cost.local).toBe(1 + 4 * k);
    expect(report.cost.morris).toBe(3 * (k + 1));
    expect(report.cost.sobol).toBe(16 * (k + 2 + joint));
    expect(report.cost.total).toBe(report.cost.base + report.cost.local + report.cost.morris + report.cost.sobol + report.cost.tippingPoints);
  });

  it('κ/δ affinities cannot change μ occupancy or plasma levels: Morris μ* and both Sobol\' indices are exactly 0', () => {
    for (const id of ['KiKappaN', 'KiDeltaN', 'KiKappaB', 'KiDeltaB']) {
      for (const m of LDN_GLOBAL_METRIC_IDS) {
        expect(report.morris!.effects[m]![id]!.muStar).toBe(0);
        expect(report.sobol!.indices[m]![id]!.ST).toBe(0);
        expect(report.sobol!.indices[m]![id]!.S1).toBe(0);
      }
    }
  });

  it('the answer names the top-ranked parameters and groups from its own indices', () => {
    const text = report.answer.text.join('\n');
    expect(report.answer.basis).toBe('sobol');
    for (const m of ['mu_hours_above_50', 'mu_trough'] as const) {
      const top = report.sobol!.ranking[m]![0]!;
      expect(report.answer.rankings[m]![0]!.parameter).toBe(top);
      expect(text).toContain(`${top} ST ${Number(report.sobol!.indices[m]![top]!.ST.toPrecision(2))}`);
    }
    const topGroup = report.answer.groups.mu_hours_above_50![0]!.group;
    expect(text).toContain(`decided mainly by the ${topGroup}`);
    const c = report.answer.classes!;
    expect(c.sustained + c.intermittent + c.below).toBe(2 * 16);
  });

  it('same seed → identical report; another seed → other indices', () => {
    expect(ldnSensitivity(options)).toEqual(report);
    expect(ldnSensitivity({ ...options, seed: 6, method: 'sobol' }).sobol!.indices).not.toEqual(report.sobol!.indices);
  });

  it('a tipping point found by bisection does move the trough across 50 %', () => {
    const tp = report.answer.tippingPoints[0]!;
    expect(tp.crossings.length).toBeGreaterThan(0);
    const setup = ldnSensitivityProblem({ days: 8 });
    const base = { ...setup.problem.fixed, ...Object.fromEntries(setup.varied.map((p) => [p.id, p.base])) };
    for (const c of tp.crossings) {
      const below = setup.problem.fn({ ...base, [tp.parameter]: c.value * 0.999 }).mu_trough!;
      const above = setup.problem.fn({ ...base, [tp.parameter]: c.value * 1.001 }).mu_trough!;
      expect((below - 0.5) * (above - 0.5)).toBeLessThan(0);
      expect(above >= 0.5).toBe(c.sustainedAbove);
    }
  });
});
