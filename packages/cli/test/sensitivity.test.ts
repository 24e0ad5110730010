// `ldn sensitivity` end to end: the table holds the answer, the rankings, the structural
// assumptions, the local sensitivities and the cost; --format json is the engine's report;
// progress goes to stderr on a TTY only; bad input exits 2 with one message naming the value.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ldnSensitivity, type LdnSensitivityReport } from '@ldn/engine';
import { runCli, tempFiles } from './run-cli.js';

const tmp = tempFiles('ldn-sens-');
// small designs on a short span keep each run well under a second
const small = ['--days', '4', '--samples', '8', '--trajectories', '2'];

describe('ldn sensitivity', () => {
  it('--format table prints the question, its answer, the rankings, the structural assumptions, local sensitivities and the cost', async () => {
    const r = await runCli(['sensitivity', ...small]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/Which parameters decide whether daily LDN gives intermittent or sustained μ-receptor blockade at steady state\?/);
    expect(r.out).toMatch(/Plainly: whether daily LDN blocks μ receptors intermittently or continuously is decided mainly by the/);
    expect(r.out).toMatch(/Ranking for μ hours\/day above 50 %/);
    expect(r.out).toMatch(/Ranking for μ trough occupancy/);
    expect(r.out).toMatch(/Structural assumptions \(joint Sobol' indices/);
    expect(r.out).toMatch(/brain retention pool \(kBrainIn, kBrainOut\)/);
    expect(r.out).toMatch(/Local normalised sensitivities at the base point/);
    expect(r.out).toMatch(/no effect at all \(indices exactly 0\): KiDeltaB, KiDeltaN, KiKappaB, KiKappaN/);
    expect(r.out).toMatch(/Cost: \d+ model runs in \d+\.\d s/);
    expect(r.out).toMatch(/not a clinical fact/);
    expect(r.out).not.toMatch(/NaN|undefined/);
  });

  it('the table ranks the parameters in the order of the engine report (total Sobol\' index)', async () => {
    const r = await runCli(['sensitivity', ...small, '--format', 'json']);
    const report = JSON.parse(r.out) as LdnSensitivityReport;
    const t = await runCli(['sensitivity', ...small]);
    const section = t.out.split('Ranking for μ trough occupancy')[1]!.split('\n\n')[0]!;
    const names = section
      .split('\n')
      .slice(3)
      .map((l) => l.trim().split(/\s+/)[1]);
    const nonzero = report.sobol!.ranking.mu_trough!.filter((id) => report.sobol!.indices.mu_trough![id]!.ST !== 0);
    expect(names.slice(0, nonzero.length)).toEqual(nonzero);
  });

  it('--format json is the engine report for the same options (plus the run time)', async () => {
    const r = await runCli(['sensitivity', ...small, '--seed', '7', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as LdnSensitivityReport & { seconds: number };
    expect(json.seconds).toBeGreaterThan(0);
    const { seconds: _s, ...rest } = json;
    const engine = ldnSensitivity({ days: 4, samples: 8, trajectories: 2, seed: 7 });
    expect(rest).toEqual(JSON.parse(JSON.stringify(engine)));
    expect(json.cost.total).toBe(json.cost.base + json.cost.local + json.cost.morris + json.cost.sobol + json.cost.tippingPoints);
  });

  it('same seed → the same report; another seed → other indices', async () => {
    const run = async (seed: string) => {
      const { seconds: _s, ...rest } = JSON.parse((await runCli(['sensitivity', ...small, '--method', 'sobol', '--seed', seed, '--format', 'json'])).out) as LdnSensitivityReport & { seconds: number };
      return rest;
    };
    const a = await run('3');
    expect(await run('3')).toEqual(a);
    expect((await run('4')).sobol!.indices).not.toEqual(a.sobol!.indices);
  });

  it('--method local runs only the local method and its table; --metric picks the ranking shown', async () => {
    const r = await runCli(['sensitivity', '--days', '4', '--method', 'local', '--metric', 'naltrexone_auc_0_inf_single']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Ranking for naltrexone AUC0–∞ after the first dose alone/);
    expect(r.out).not.toMatch(/Ranking for μ hours\/day above 50 %/);
    expect(r.out).not.toMatch(/Sobol' ST/);
    expect(r.out).toMatch(/Cost: \d+ model runs .*Morris 0, Sobol' 0/);
    // the ranking's first row is F or CL, the parameters exposure depends on (|S| = 1)
    const first = r.out.split('Ranking for naltrexone AUC0–∞')[1]!.split('\n')[3]!.trim().split(/\s+/)[1];
    expect(['F', 'CL']).toContain(first);
  });

  it('--method morris --metric naltrexol_cmax ranks by μ* and names the 6β-naltrexol parameters', async () => {
    const r = await runCli(['sensitivity', '--days', '4', '--method', 'morris', '--trajectories', '4', '--metric', 'naltrexol_cmax', '--format', 'json']);
    const json = JSON.parse(r.out) as LdnSensitivityReport;
    expect(json.sobol).toBeUndefined();
    expect(json.answer.basis).toBe('morris');
    expect(['CLm', 'Vm', 'f6bn']).toContain(json.morris!.ranking.naltrexol_cmax![0]);
  });

  it('--out writes the report to a file', async () => {
    const out = tmp.path('sens.json');
    const r = await runCli(['sensitivity', ...small, '--method', 'morris', '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as LdnSensitivityReport).morris!.trajectories).toBe(2);
  });

  it('shows progress on stderr when it is a TTY, and not otherwise', async () => {
    const was = process.stderr.isTTY;
    try {
      process.stderr.isTTY = true;
      const r = await runCli(['sensitivity', ...small, '--method', 'sobol']);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/… sensitivity: Sobol \d+%/);
      expect(r.err).toMatch(/100%/);
    } finally {
      process.stderr.isTTY = was;
    }
  });
});

describe('ldn sensitivity refuses bad input with exit code 2 and one message naming the value', () => {
  const bad: [string[], RegExp][] = [
    [['--method', 'fast'], /--method "fast" is not accepted; use one of: local, morris, sobol, all/],
    [['--metric', 'mu_nope'], /--metric "mu_nope" is not accepted; use one of: mu_hours_above_50/],
    [['--metric', 'naltrexone_auc_0_inf_single', '--method', 'sobol'], /--metric naltrexone_auc_0_inf_single is computed by the local method only/],
    [['--seed', '1.5'], /--seed 1\.5 is out of range; use a whole number at least 0/],
    [['--seed', 'abc'], /--seed "abc" is not a number/],
    [['--seed', '-1'], /--seed -1 is out of range/],
    [['--samples', '0'], /--samples 0 is out of range; use a whole number at least 2 and at most 16384/],
    [['--samples', '-5'], /--samples -5 is out of range/],
    [['--samples', '1e9'], /--samples 1e9 is out of range; use a whole number at least 2 and at most 16384/],
    [['--trajectories', '1'], /--trajectories 1 is out of range/],
    [['--days', '1'], /--days 1 is out of range; use a whole number at least 2 and at most 365/],
    [['--days', '7.5'], /--days 7\.5 is out of range; use a whole number/],
    [['--dose', '0'], /--dose 0 is out of range/],
    [['--time', '25:00'], /--time "25:00" is not a clock time/],
    [['--params', 'mine'], /--params "mine" is not accepted; use one of: literature, seed/],
    [['--ranges', 'wide'], /--ranges "wide" is not accepted; use one of: plausible, calibration/],
    [['--format', 'csv'], /--format "csv" is not accepted; use one of: table, json/],
  ];
  it.each(bad)('%j', async (args, message) => {
    const r = await runCli(['sensitivity', ...args]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
