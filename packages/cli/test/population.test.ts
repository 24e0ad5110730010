// `ldn population`: formats, the worker pool (same cohort for 1 and 2 threads and for the engine's
// handlePopulationMessage run in this process), and usage errors (exit 2, message naming the value).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkRanges, handlePopulationMessage, mergePopulationChunks, parsePopulationOptions, summarizePopulation, type PopulationResult } from '@ldn/engine';
import { runCli, tempFiles } from './run-cli.js';

const BASE = ['population', '--n', '24', '--seed', '7', '--dose', '4.5', '--time', '22:00', '--days', '3', '--hypotheses', 'all', '--hepatic-fraction', '0.25'];

async function json(args: string[]): Promise<PopulationResult> {
  const r = await runCli([...args, '--format', 'json']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as PopulationResult;
}

describe('ldn population: the worker pool gives the same cohort as one thread', () => {
  it('--threads 1, --threads 2 and handlePopulationMessage in this process agree to the bit', async () => {
    const one = await json([...BASE, '--threads', '1']);
    const two = await json([...BASE, '--threads', '2']);
    expect(two).toEqual(one);
    // the engine's worker protocol, run here on the pool's chunking
    const options = parsePopulationOptions({ n: 24, seed: 7, dose: 4.5, time: '22:00', days: 3, hypotheses: ['rebound', 'tlr4', 'ogf'], hepaticFraction: 0.25 });
    const chunks = chunkRanges(24, 8).map((r) => {
      const reply = handlePopulationMessage({ type: 'population-chunk', options, start: r.start, end: r.end });
      if (reply.type !== 'chunk') throw new Error(JSON.stringify(reply));
      return reply.chunk;
    });
    const inProcess = JSON.parse(JSON.stringify(summarizePopulation(options, mergePopulationChunks(options, chunks)))) as PopulationResult;
    expect(inProcess).toEqual(one);
    expect(one.cohort_checksum).toMatch(/^[0-9a-f]{8}$/);
  }, 120_000);
});

describe('ldn population --set: what-if typical values', () => {
  it('the pool and one thread agree with them too, they are echoed, and a bad one exits 2 naming --set', async () => {
    const args = [...BASE, '--set', 'kBrainOut=0.2', '--set', 'ogf.growthGain=0.5'];
    const one = await json([...args, '--threads', '1']);
    const two = await json([...args, '--threads', '2']);
    expect(two).toEqual(one);
    expect(one.overrides).toEqual({ kBrainOut: 0.2, 'ogf.growthGain': 0.5 });
    expect(one.cohort_checksum).not.toBe((await json([...BASE, '--threads', '1'])).cohort_checksum);
    const bad = await runCli([...BASE, '--set', 'kBrainOut=lots']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--set kBrainOut "lots" is not a number/);
    const unknown = await runCli(['population', '--n', '5', '--dose', '4.5', '--set', 'rebound.halfLife=1']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/--set: unknown parameter "rebound.halfLife"; switch on the rebound module/);
  }, 120_000);
});

describe('ldn population output formats', () => {
  it('json: bands (5/50/95) for every output of the model with its modules, summaries, shares, variability with provenance', async () => {
    const r = await json([...BASE, '--threads', '1']);
    expect(r.n).toBe(24);
    expect(r.hypotheses).toEqual(['rebound', 'tlr4', 'ogf']);
    expect(r.time_h).toHaveLength(3 * 24 + 1);
    expect(r.outputs.map((o) => o.id)).toEqual(expect.arrayContaining(['naltrexone_ng_ml', 'mu_occupancy', 'beta_endorphin_rel', 'il6_pg_ml', 'growth_rate_rel']));
    for (const o of r.outputs) {
      const b = r.bands[o.id]!;
      expect(b.p5).toHaveLength(r.time_h.length);
      for (let k = 0; k < r.time_h.length; k++) expect(b.p5[k]!).toBeLessThanOrEqual(b.p95[k]!);
    }
    expect(r.summaries['last_day.mu_hours_above_50']!.n).toBe(24);
    expect(r.shares.mu_above_50_more_than_x_hours!.description).toMatch(/more than 12 h/);
    expect(r.shares.hepatic_impairment!.count).toBeGreaterThan(0);
    expect(r.variability.find((v) => v.parameter === 'CL')).toMatchObject({ evidence: 'derived', sources: ['verebey1976'] });
    expect(r.notes.join(' ')).toMatch(/not a clinical fact/);
  });
  it('table: cohort summary with percentiles, shares, the variability assumptions and the model-output note', async () => {
    const r = await runCli([...BASE, '--threads', '1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/24 patients · seed 7 \(cohort checksum [0-9a-f]{8}\)/);
    expect(r.out).toMatch(/5th pct\s+median\s+95th pct/);
    expect(r.out).toMatch(/μ occupancy above 50 % for more than 12 h on the last simulated day/);
    expect(r.out).toMatch(/between-patient variability \(no correlations/);
    expect(r.out).toMatch(/CL\s+log-normal, CV 24%\s+derived\s+verebey1976/);
    expect(r.out).toMatch(/assumption/);
    expect(r.out).toMatch(/note: Model output for research and education, not a clinical fact/);
  });
  it('--rtol sets the solver tolerance (default 1e-5)', async () => {
    expect((await json([...BASE, '--threads', '1'])).solver.rtol).toBe(1e-5);
    expect((await json([...BASE, '--threads', '1', '--rtol', '1e-4'])).solver.rtol).toBe(1e-4);
  });
  it('csv: bands in long form, one row per output and time', async () => {
    const r = await runCli([...BASE, '--threads', '1', '--format', 'csv']);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('output,unit,time_h,p5,p50,p95');
    const outputs = new Set(lines.slice(1).map((l) => l.split(',')[0]));
    expect(lines.length - 1).toBe(outputs.size * (3 * 24 + 1));
    expect(lines[1]).toMatch(/^naltrexone_ng_ml,ng\/mL,0,/);
  });
  it('svg: shaded 5–95 bands and median lines for concentration, μ occupancy and each module, written with --out', async () => {
    const tmp = tempFiles('ldn-pop-');
    const file = tmp.path('bands.svg');
    const r = await runCli([...BASE, '--threads', '1', '--format', 'svg', '--out', file]);
    expect(r.code).toBe(0);
    const svg = readFileSync(file, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    for (const t of ['plasma concentration', 'μ-receptor occupancy', 'H1 net μ signalling', 'H2 TLR4 inhibition', 'H3 cell-growth rate']) expect(svg).toContain(t);
    expect((svg.match(/fill-opacity="0.25"/g) ?? []).length).toBeGreaterThanOrEqual(6);
  });
});

describe('ldn population: bad input exits 2 naming the value and what is accepted', () => {
  it.each([
    [['--n', '0'], /--n 0 is out of range; use a whole number from 1 to 1,000,000/],
    [['--n', '1000001'], /--n 1000001 is out of range; use a whole number from 1 to 1,000,000/],
    [['--n', '2.5'], /--n 2.5 is not a whole number; use a whole number from 1 to 1,000,000/],
    [['--n', 'many'], /--n "many" is not a number/],
    [['--seed', '1.5'], /--seed 1.5 is not a whole number; use a whole number from 0 to 9,007,199,254,740,991/],
    [['--seed', '-1'], /--seed -1 is out of range; use a whole number from 0 to/],
    [['--hypotheses', 'rebound,placebo'], /--hypotheses: unknown hypothesis "placebo"; use any of: rebound, tlr4, ogf/],
    [['--weight', '90-50'], /--weight 90-50: min 90 is above max 50; use MIN-MAX with MIN ≤ MAX/],
    [['--age', '65-18'], /--age 65-18: min 65 is above max 18/],
    [['--weight', '70+-40'], /--weight 70\+-40: mean ± 3 SD/],
    [['--hepatic-fraction', '1.5'], /--hepatic-fraction 1.5 is out of range; use a number at least 0 and at most 1/],
    [['--threads', '0'], /--threads 0 is out of range/],
    [['--time', '7pm'], /--time: "7pm" is not a clock time/],
    [['--format', 'xml'], /--format "xml" is not accepted; use one of: table, json, csv, svg/],
    [['--rtol', '0'], /--rtol 0 is out of range; use a number at least 1e-12 and at most 0.01/],
  ])('%j', async (extra, message) => {
    const r = await runCli(['population', '--n', '5', '--dose', '4.5', '--days', '1', ...extra]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });
  it('a missing --dose', async () => {
    const r = await runCli(['population', '--n', '5']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--dose is required/);
  });
});
