// Running a cohort: chunking invariance (the property the worker pool relies on), the worker
// message protocol, band accuracy against exact percentiles of the same trajectories re-simulated
// independently, the solver tolerance and output grid chosen for populations, summaries and
// shares, and validation messages.
import { describe, expect, it } from 'vitest';
import {
  PopulationError,
  SKETCH_RELATIVE_ERROR,
  buildLdnModel,
  chunkRanges,
  distributionOf,
  expandRegimen,
  fullParameterSet,
  handlePopulationMessage,
  mergePopulationChunks,
  outputGrid,
  parameterValues,
  parsePopulationOptions,
  runPopulation,
  samplePatient,
  simpleRegimen,
  simulate,
  simulatePopulation,
  summarizePopulation,
  type PopulationChunk,
  type PopulationReply,
} from '../../src/index.js';

const SMALL = { n: 23, seed: 4, dose: 4.5, days: 3, hypotheses: ['rebound', 'tlr4', 'ogf'], hepaticFraction: 0.2 };

describe('chunking does not change the cohort', () => {
  const options = parsePopulationOptions(SMALL);
  const whole = summarizePopulation(options, mergePopulationChunks(options, [runPopulation(options)]));
  it('one chunk equals three uneven chunks merged in reverse order: bands, summaries, shares and checksum to the bit', () => {
    const chunks = [runPopulation(options, { start: 17, end: 23 }), runPopulation(options, { start: 0, end: 5 }), runPopulation(options, { start: 5, end: 17 })];
    const split = summarizePopulation(options, mergePopulationChunks(options, chunks));
    expect(split).toEqual(whole);
  });
  it('a chunk whose histograms roll over into several accumulators (16-bit counts) gives the same result', () => {
    const rolled = summarizePopulation(options, mergePopulationChunks(options, [runPopulation(options, {}, { accumulatorCapacity: 5 })]));
    expect(rolled).toEqual(whole);
  });
  it('patient 9 of a chunk [5, 17) is patient 9 of the whole cohort', () => {
    const a = runPopulation(options, { start: 5, end: 17 });
    const b = runPopulation(options, { start: 9, end: 10 });
    for (const id of Object.keys(b.metrics)) expect(a.metrics[id]![4]).toBe(b.metrics[id]![0]);
  });
  it('merging refuses gaps and overlaps', () => {
    const a = runPopulation(options, { start: 0, end: 5 });
    expect(() => mergePopulationChunks(options, [a])).toThrow(/cover 5 of 23/);
    expect(() => mergePopulationChunks(options, [a, a])).toThrow(/chunk \[0, 5\) overlaps chunk \[0, 5\)/);
  });
  it('chunkRanges covers the cohort without overlap', () => {
    for (const [n, parts] of [[1, 4], [10, 3], [10_000, 8], [1_000_000, 2]] as const) {
      const r = chunkRanges(n, parts);
      expect(r[0]!.start).toBe(0);
      expect(r[r.length - 1]!.end).toBe(n);
      for (let i = 1; i < r.length; i++) expect(r[i]!.start).toBe(r[i - 1]!.end);
      expect(Math.max(...r.map((x) => x.end - x.start))).toBeLessThanOrEqual(2500);
    }
  });
});

describe('handlePopulationMessage: the worker protocol', () => {
  const options = parsePopulationOptions({ ...SMALL, n: 12 });
  it('gives the same chunk as runPopulation, after progress messages', () => {
    const posted: PopulationReply[] = [];
    const reply = handlePopulationMessage({ type: 'population-chunk', options, start: 2, end: 9, progressEvery: 3 }, (r) => posted.push(r));
    expect(reply.type).toBe('chunk');
    expect((reply as { chunk: PopulationChunk }).chunk).toEqual(runPopulation(options, { start: 2, end: 9 }));
    expect(posted.filter((r) => r.type === 'progress').map((r) => (r as { done: number }).done)).toEqual([3, 6, 7]);
    expect(posted[posted.length - 1]).toBe(reply);
  });
  it('survives a structured clone (what postMessage does) unchanged', () => {
    const reply = handlePopulationMessage(structuredClone({ type: 'population-chunk' as const, options, start: 0, end: 3 }));
    expect(structuredClone(reply)).toEqual(reply);
  });
  it('replies with an error, not a throw, for a bad message', () => {
    const reply = handlePopulationMessage({ type: 'population-chunk', options, start: 5, end: 99 });
    expect(reply.type).toBe('error');
    expect((reply as { message: string }).message).toMatch(/chunk \[5, 99\) is not inside the cohort of 12/);
  });
});

describe('percentile bands of a cohort are within the stated bound of exact percentiles', () => {
  // the same patients re-simulated here one by one (samplePatient + simulate), all values kept
  const request = { n: 41, seed: 12, dose: 4.5, days: 2, hypotheses: ['rebound', 'tlr4', 'ogf'], hepaticFraction: 0.1 };
  const options = parsePopulationOptions(request);
  const result = simulatePopulation(options);
  const model = buildLdnModel(options.hypotheses);
  const set = fullParameterSet('literature');
  const typical = parameterValues(set);
  const schedule = expandRegimen(simpleRegimen({ dose_mg: 4.5, time: '22:00' }), 48);
  const times = outputGrid(48, 1);
  // the population also simulates every 0.25 h for 4 h after the first dose and the steady-state dose (24 h)
  const fine = [...times, ...[0, 24].flatMap((d) => Array.from({ length: 15 }, (_, j) => d + 0.25 * (j + 1)))].filter((t, i, a) => a.indexOf(t) === i).sort((a, b) => a - b);
  const hourly = times.map((t) => fine.indexOf(t));
  const trajectories = Array.from({ length: options.n }, (_, i) => {
    const p = samplePatient(options.seed, i, typical, options.covariates);
    const over = Object.fromEntries(Object.entries(p.values).filter(([k]) => model.parameterIds.includes(k)));
    return simulate({ schedule, days: 2, times: fine, model, parameters: set, overrides: over, control: { rtol: options.rtol } });
  });
  const exact = (values: number[], p: number) => {
    const s = [...values].sort((a, b) => a - b);
    const h = (s.length - 1) * p;
    const r = Math.floor(h);
    const g = h - r;
    const lo = s[r]!;
    const hi = s[Math.min(r + 1, s.length - 1)]!;
    return { q: lo + g * (hi - lo), bound: SKETCH_RELATIVE_ERROR * ((1 - g) * Math.abs(lo) + g * Math.abs(hi)) + 1e-300 };
  };
  it.each(model.outputs.map((o) => o.id))('%s: every time point, 5th/50th/95th percentile', (id) => {
    const band = result.bands[id]!;
    let worst = 0;
    for (let k = 0; k < times.length; k++) {
      const vals = trajectories.map((t) => t.series[id]![hourly[k]!]!);
      for (const [p, got] of [[0.05, band.p5[k]!], [0.5, band.p50[k]!], [0.95, band.p95[k]!]] as const) {
        const { q, bound } = exact(vals, p);
        expect(Math.abs(got - q)).toBeLessThanOrEqual(bound);
        if (q !== 0) worst = Math.max(worst, Math.abs(got / q - 1));
      }
    }
    expect(worst).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR);
  });
  it('summary distributions are the exact type-7 percentiles of the per-patient numbers', () => {
    const cmax = trajectories.map((t) => Math.max(...t.series.naltrexone_ng_ml!.slice(0, fine.indexOf(24) + 1)));
    const s = result.summaries['first_dose.naltrexone_cmax_ng_ml']!;
    expect(s.p50).toBeCloseTo(exact(cmax, 0.5).q, 12);
    expect(s.p5).toBeCloseTo(exact(cmax, 0.05).q, 12);
    expect(s.n).toBe(41);
  });
});

describe('population tolerance: rtol 1e-5 is within 2e-4 of rtol 1e-10', () => {
  it('5 sampled patients, all modules, 28 days, every output on the hourly grid (values below 1e-3 of the peak compared at that floor)', () => {
    const model = buildLdnModel(['rebound', 'tlr4', 'ogf']);
    const set = fullParameterSet('literature');
    const typical = parameterValues(set);
    const schedule = expandRegimen(simpleRegimen({ dose_mg: 4.5, time: '22:00' }), 28 * 24);
    const times = outputGrid(28 * 24, 1);
    const opts = parsePopulationOptions({ n: 1, seed: 1, dose: 4.5 });
    let worst = 0;
    for (let i = 0; i < 5; i++) {
      const p = samplePatient(1, i * 1009, typical, opts.covariates);
      const over = Object.fromEntries(Object.entries(p.values).filter(([k]) => model.parameterIds.includes(k)));
      const ref = simulate({ schedule, days: 28, times, model, parameters: set, overrides: over, control: { rtol: 1e-10, atol: 1e-14 } });
      const run = simulate({ schedule, days: 28, times, model, parameters: set, overrides: over, control: { rtol: opts.rtol } });
      for (const o of model.outputs) {
        const a = run.series[o.id]!;
        const b = ref.series[o.id]!;
        const floor = 1e-3 * Math.max(...b.map(Math.abs));
        for (let k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k]! - b[k]!) / Math.max(Math.abs(b[k]!), floor));
      }
    }
    expect(opts.rtol).toBe(1e-5);
    expect(worst).toBeLessThan(2e-4); // measured 6e-5; the bands resolve 3.9e-3
  });
});

describe('output grid: 1 h against 0.25 h', () => {
  // the same 30 patients on both grids; the bounds are the documented grid errors
  const a = simulatePopulation({ n: 30, seed: 2, dose: 4.5, days: 7, step: 1 });
  const b = simulatePopulation({ n: 30, seed: 2, dose: 4.5, days: 7, step: 0.25 });
  it('hours above 50 % μ occupancy on the last day: median moves by under 6 minutes', () => {
    expect(Math.abs(a.summaries['last_day.mu_hours_above_50']!.p50 - b.summaries['last_day.mu_hours_above_50']!.p50)).toBeLessThan(0.1);
  });
  it.each(['first_dose.naltrexone_cmax_ng_ml', 'first_dose.naltrexone_auc_ng_h_ml', 'first_dose.naltrexol_cmax_ng_ml', 'steady_state.naltrexone_cmax_ng_ml', 'steady_state.naltrexone_auc_0_24_ng_h_ml', 'steady_state.naltrexol_auc_0_24_ng_h_ml'])(
    '%s: the same (within 0.1 %) thanks to the 0.25 h points after the first and steady-state doses',
    (id) => {
      for (const q of ['p5', 'p50', 'p95'] as const) expect(Math.abs(a.summaries[id]![q] / b.summaries[id]![q] - 1)).toBeLessThan(1e-3);
    },
  );
  it('the bands stay on the hourly grid', () => {
    expect(a.time_h).toHaveLength(7 * 24 + 1);
    expect(a.time_h[1]).toBe(1);
  });
});

describe('cohort summaries and shares', () => {
  const r = simulatePopulation({ n: 40, seed: 3, dose: 4.5, days: 7, hypotheses: ['ogf'], blockadeHours: 6 });
  it('shares count the per-patient numbers they describe', () => {
    expect(r.shares.blockade_none!.count + r.shares.blockade_intermittent!.count + r.shares.blockade_sustained!.count).toBe(40);
    expect(r.shares.mu_above_50_more_than_x_hours!.description).toMatch(/more than 6 h/);
    expect(r.shares.ogf_inhibits).toBeDefined();
    expect(r.shares.rebound_signal_above_baseline).toBeUndefined();
  });
  it('lists the variability of every parameter of the active model, with its provenance', () => {
    const ids = r.variability.map((v) => v.parameter);
    expect(ids).toContain('CL');
    expect(ids).toContain('ogf.growthGain');
    expect(ids).not.toContain('tlr4.il6Baseline');
    expect(r.variability.find((v) => v.parameter === 'F')!.distribution).toMatch(/logit-normal of F\/fa/);
  });
  it('distributionOf ignores NaN and gives type-7 percentiles', () => {
    const d = distributionOf(Float64Array.from([4, NaN, 1, 3, 2, 5]));
    expect(d).toEqual({ p5: 1.2, p50: 3, p95: 4.8, mean: 3, n: 5 });
  });
  it('the same seed gives the same checksum; another seed another', () => {
    expect(simulatePopulation({ n: 5, seed: 3, dose: 4.5, days: 1 }).cohort_checksum).toBe(simulatePopulation({ n: 5, seed: 3, dose: 4.5, days: 1 }).cohort_checksum);
    expect(simulatePopulation({ n: 5, seed: 4, dose: 4.5, days: 1 }).cohort_checksum).not.toBe(simulatePopulation({ n: 5, seed: 3, dose: 4.5, days: 1 }).cohort_checksum);
  });
});

describe('bad input names the value and what is accepted', () => {
  it.each([
    [{ n: 0 }, 'n', /n: must be a whole number from 1 to 1,000,000 \(got 0\)/],
    [{ n: 1_000_001 }, 'n', /n: must be a whole number from 1 to 1,000,000 \(got 1000001\)/],
    [{ n: 2.5 }, 'n', /n: must be a whole number/],
    [{ seed: 1.5 }, 'seed', /seed: must be a whole number from 0 to 9007199254740991 \(got 1.5\)/],
    [{ seed: -3 }, 'seed', /seed: must be a whole number/],
    [{ hypotheses: ['tlr4', 'placebo'] }, 'hypotheses', /unknown hypothesis "placebo"; use any of: rebound, tlr4, ogf/],
    [{ weight: '90-50' }, 'weight', /weight 90-50: min 90 is above max 50/],
    [{ age: { kind: 'uniform', min: 70, max: 20 } }, 'age', /min 70 is above max 20/],
    [{ hepaticFraction: 1.5 }, 'hepaticFraction', /hepaticFraction: must be a share from 0 to 1/],
    [{ time: '25:00' }, 'time', /time: "25:00" is not a clock time/],
    [{ extra: 1 }, 'extra', /unknown field\(s\) extra/],
  ] as const)('%o → field %s', (bad, field, message) => {
    const input = { n: 10, seed: 1, dose: 4.5, ...bad };
    let error: unknown;
    try {
      parsePopulationOptions(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PopulationError);
    expect((error as PopulationError).field).toBe(field);
    expect((error as Error).message).toMatch(message);
  });
});

describe('what-if typical values (overrides)', () => {
  it('shift the typical value and every patient with it: halving typical CL halves each patient’s CL (same seed, same η and covariates)', () => {
    const base = simulatePopulation({ n: 40, seed: 7, dose: 4.5, days: 3, step: 1 });
    const half = simulatePopulation({ n: 40, seed: 7, dose: 4.5, days: 3, step: 1, overrides: { CL: 70 } });
    for (const q of ['p5', 'p50', 'p95'] as const) expect(half.summaries['parameter.CL']![q] / base.summaries['parameter.CL']![q]).toBeCloseTo(0.5, 12);
    // exposure rises: the median naltrexone AUC of the first interval goes up
    expect(half.summaries['first_dose.naltrexone_auc_ng_h_ml']!.p50).toBeGreaterThan(1.5 * base.summaries['first_dose.naltrexone_auc_ng_h_ml']!.p50);
    expect(half.overrides).toEqual({ CL: 70 });
    expect(base.overrides).toBeUndefined();
    expect(half.notes.some((n) => n.startsWith('what-if: typical CL (systemic clearance of naltrexone) = 70 L/h instead of 140 L/h') && n.includes('outside the plausible range'))).toBe(true);
    expect(half.cohort_checksum).not.toBe(base.cohort_checksum);
  });

  it('a parameter nobody varies is the what-if value in every patient', () => {
    const r = simulatePopulation({ n: 12, seed: 3, dose: 4.5, days: 14, step: 1, overrides: { kBrainOut: 0.2 } });
    const typical = simulatePopulation({ n: 12, seed: 3, dose: 4.5, days: 14, step: 1 });
    // at the top of its plausible release rate, nobody keeps μ above 50 % all day; with the set's value most do
    expect(r.shares.blockade_sustained!.count).toBe(0);
    expect(typical.shares.blockade_sustained!.count).toBeGreaterThan(6);
  });

  it.each([
    [{ XX: 1 }, 'overrides.XX', /unknown parameter "XX"/],
    [{ 'ogf.growthGain': 1 }, 'overrides.ogf.growthGain', /switch on the ogf module/],
    [{ fu: 2 }, 'overrides', /fu = 2 is a fraction/],
    [{ CL: -5 }, 'overrides.CL', /must be 0 or more/],
  ])('refuses %j naming %s', (overrides, field, message) => {
    let error: unknown;
    try {
      parsePopulationOptions({ n: 5, seed: 1, dose: 4.5, overrides });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PopulationError);
    expect((error as PopulationError).field).toBe(field);
    expect((error as Error).message).toMatch(message);
  });

  it('"__proto__" is refused, not dropped', () => {
    expect(() => parsePopulationOptions(JSON.parse('{"n":5,"seed":1,"dose":4.5,"overrides":{"__proto__":1}}'))).toThrow(/unknown parameter "__proto__"/);
  });
});
