// `ldn simulate` end to end: the JSON contract, the other formats, regimen and event files, and
// the exit-code contract for bad input (2, one message naming the value, no stack trace, no NaN).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSimulation } from '@ldn/engine';
import { runCli, tempFiles } from './run-cli.js';

const tmp = tempFiles('ldn-sim-');

describe('ldn simulate', () => {
  it('--format json gives exactly what runSimulation (and so the API) gives', async () => {
    const r = await runCli(['simulate', '--dose', '4.5', '--time', '22:00', '--days', '14', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as ReturnType<typeof runSimulation>;
    expect(json).toEqual(JSON.parse(JSON.stringify(runSimulation({ dose: 4.5, time: '22:00', days: 14 }))));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['time_h', 'series', 'summary']));
    expect(r.out).not.toMatch(/NaN|null,|Infinity/);
  });
  it('--set NAME=VALUE (repeatable) runs a what-if with those values, as the API’s overrides, and says so', async () => {
    const r = await runCli(['simulate', '--dose', '4.5', '--days', '7', '--set', 'CL=70', '--set', 'potency=10', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(runSimulation({ dose: 4.5, days: 7, overrides: { CL: 70, potency: 10 } }))));
    const table = await runCli(['simulate', '--dose', '4.5', '--days', '7', '--set', 'CL=70']);
    expect(table.out.split('\n')[0]).toContain('· what-if: CL=70');
    expect(table.out).toContain('note: what-if: CL (systemic clearance of naltrexone) = 70 L/h instead of 140 L/h');
  });
  it('--every and --doses: 3 doses every 12 h, then followed to the end of --days', async () => {
    const r = await runCli(['simulate', '--dose', '3', '--every', '12', '--doses', '3', '--days', '3', '--format', 'json']);
    const json = JSON.parse(r.out) as { regimen: { doses: { time_h: number }[] } };
    expect(json.regimen.doses.map((d) => d.time_h)).toEqual([0, 12, 24]);
  });
  it('--step sets the output grid', async () => {
    const r = await runCli(['simulate', '--dose', '4.5', '--days', '1', '--step', '1', '--format', 'json']);
    expect((JSON.parse(r.out) as { time_h: number[] }).time_h).toHaveLength(25);
  });
  it('--format table prints the summary, the last day and the model caveat', async () => {
    const r = await runCli(['simulate', '--dose', '4.5', '--days', '7']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/naltrexone Cmax, ng\/mL/);
    expect(r.out).toMatch(/μ hours\/day above 50% \/ 90%/);
    expect(r.out).toMatch(/not a clinical fact/);
  });
  it('--format csv has one row per output time and marks doses', async () => {
    const r = await runCli(['simulate', '--dose', '4.5', '--days', '2', '--step', '0.5', '--format', 'csv']);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('time_h,naltrexone_ng_ml,naltrexol_ng_ml,mu_occupancy,kappa_occupancy,delta_occupancy,dose_mg');
    expect(lines).toHaveLength(1 + 97);
    expect(lines[1]!.endsWith(',4.5')).toBe(true);
    expect(lines.filter((l) => l.endsWith(',4.5'))).toHaveLength(2);
  });
  it('--format svg --out writes a standalone SVG with both panels and the dose marks', async () => {
    const out = tmp.path('sim.svg');
    const r = await runCli(['simulate', '--dose', '4.5', '--days', '3', '--format', 'svg', '--out', out]);
    expect(r.code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toMatch(/plasma concentration/);
    expect(svg).toMatch(/receptor occupancy/);
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(svg).not.toMatch(/NaN/);
  });
  it('--params seed uses the review’s values (longer naltrexone half-life → larger AUC)', async () => {
    const lit = JSON.parse((await runCli(['simulate', '--dose', '50', '--doses', '1', '--days', '3', '--format', 'json'])).out) as { summary: { first_dose: { naltrexone: { auc_0_inf_ng_h_ml: number } } } };
    const seed = JSON.parse((await runCli(['simulate', '--dose', '50', '--doses', '1', '--days', '3', '--params', 'seed', '--format', 'json'])).out) as typeof lit;
    expect(seed.summary.first_dose.naltrexone.auc_0_inf_ng_h_ml).toBeGreaterThan(1.3 * lit.summary.first_dose.naltrexone.auc_0_inf_ng_h_ml);
  });
  it('--regimen FILE.json runs a titration with a missed dose', async () => {
    const f = tmp.file('titration.json', JSON.stringify({ start_date: '2026-12-01', steps: [{ dose_mg: 1.5, time: '22:00', days: 7 }, { dose_mg: 3, days: 7 }, { dose_mg: 4.5 }], missed: [{ day: 10 }] }));
    const r = await runCli(['simulate', '--regimen', f, '--days', '21', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { regimen: { doses: { dose_mg: number; date: string }[]; start_date: string } };
    expect(json.regimen.doses).toHaveLength(20);
    expect(json.regimen.start_date).toBe('2026-12-01');
    expect(json.regimen.doses[7]).toMatchObject({ dose_mg: 3, date: '2026-12-08' });
  });
  it('--events FILE.csv runs a NONMEM event table', async () => {
    const f = tmp.file('events.csv', 'ID,TIME,AMT,EVID,CMT,II,ADDL\n1,0,4.5,1,1,24,6\n');
    const r = await runCli(['simulate', '--events', f, '--days', '10', '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { regimen: { doses: unknown[] } }).regimen.doses).toHaveLength(7);
  });
});

describe('ldn simulate refuses bad input with exit code 2 and one clear message', () => {
  const bad: [string[], RegExp][] = [
    [['--dose', '-1'], /--dose -1 is out of range; use a number above 0 mg and at most 1000 mg/],
    [['--dose', '0'], /--dose 0 is out of range/],
    [['--dose', 'abc'], /--dose "abc" is not a number/],
    [['--dose', '1500'], /--dose 1500 is out of range/],
    [['--dose', '4.5', '--time', '25:00'], /--time: "25:00" is not a clock time; use 24-hour HH:MM/],
    [['--dose', '4.5', '--days', '0'], /--days 0 is out of range/],
    [['--dose', '4.5', '--doses', '2.5'], /--doses 2.5 is out of range; use a whole number/],
    [['--dose', '4.5', '--params', 'mine'], /--params: must be one of: literature, seed/],
    [['--dose', '4.5', '--format', 'xml'], /--format "xml" is not accepted; use one of: table, json, csv, svg/],
    [['--dose', '4.5', '--bogus'], /unknown option '--bogus'/],
    [['--regimen', '/nonexistent/r.json'], /--regimen \/nonexistent\/r.json: cannot read the file \(ENOENT\)/],
    [[], /give a dose \(mg\), a regimen or an event table/],
    [['--dose', '4.5', '--step', '0'], /--step 0 is out of range/],
    [['--dose', '4.5', '--set', 'CL'], /--set "CL" is not NAME=VALUE; use a parameter id from `ldn params`/],
    [['--dose', '4.5', '--set', 'CL=fast'], /--set CL "fast" is not a number/],
    [['--dose', '4.5', '--set', 'CL=-1'], /--set CL -1 is out of range; use a number at least 0/],
    [['--dose', '4.5', '--set', 'CL=70', '--set', 'CL=80'], /--set CL is given twice/],
    [['--dose', '4.5', '--set', 'Cl=70'], /--set: unknown parameter "Cl"; the model has ka, fa, F, .*CL/],
    [['--dose', '4.5', '--set', 'fu=2'], /--set: fu = 2 is a fraction and must lie in \[0, 1\]/],
    [['--dose', '4.5', '--set', 'rebound.halfLife=1'], /--set: unknown parameter "rebound.halfLife"; switch on the rebound module/],
  ];
  it.each(bad)('%j', async (args, message) => {
    const r = await runCli(['simulate', ...args]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/at .*\.js:\d+/);
  });
  it('a malformed regimen file names the file and the JSON error', async () => {
    const r = await runCli(['simulate', '--regimen', tmp.file('bad.json', '{"steps": [')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--regimen .*bad\.json is not valid JSON/);
  });
  it('a regimen with a bad field names the field', async () => {
    const r = await runCli(['simulate', '--regimen', tmp.file('neg.json', '{"steps":[{"dose_mg":-2}]}')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/steps\.0\.dose_mg: must be above 0 mg/);
  });
  it('a malformed event table names the line and column', async () => {
    const r = await runCli(['simulate', '--events', tmp.file('bad.csv', 'TIME,AMT\n0,lots\n')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/line 2, column AMT: "lots" is not a number/);
  });
});

describe('ldn params', () => {
  it('lists every parameter with value, unit, range, evidence level and a known source', async () => {
    const r = await runCli(['params', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { parameters: { id: string; value: number; unit: string; range: number[]; evidence: string; source: string; source_citation?: string }[] };
    expect(json.parameters.length).toBeGreaterThanOrEqual(20);
    for (const p of json.parameters) {
      expect(Number.isFinite(p.value), p.id).toBe(true);
      expect(p.unit, p.id).not.toBe('');
      expect(p.range[0]! <= p.value && p.value <= p.range[1]!, `${p.id} ${p.value} within ${p.range.join('–')}`).toBe(true);
      expect(p.source_citation, p.id).toBeTruthy();
    }
  });
  it('the table names the sources', async () => {
    const r = await runCli(['params']);
    expect(r.out).toMatch(/Dunbar JL et al/);
    expect(r.out).toMatch(/fitted \(ldn calibrate\)/);
  });
  it('unknown sets are refused', async () => {
    const r = await runCli(['params', '--params', 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/use one of: literature, seed/);
  });
});

describe('ldn calibrate', () => {
  it('--no-profile prints each target with prediction and residual and the alternative structure', async () => {
    const r = await runCli(['calibrate', '--no-profile', '--starts', '0']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Stage 1, plasma PK/);
    expect(r.out).toMatch(/μ blockade 48 h after 50 mg/);
    expect(r.out).toMatch(/plasma-driven occupancy \(no brain pool\)/);
    expect(r.out).toMatch(/What the structures imply for LDN/);
  });
  it('refuses a PET time outside the < 8 h window', async () => {
    const r = await runCli(['calibrate', '--pet-time', '12']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--pet-time 12 is out of range/);
  });
});

describe('hypothesis modules from the CLI', () => {
  it('--hypotheses all adds each module’s series, the blockade pattern and each prediction with its evidence grade', async () => {
    const r = await runCli(['simulate', '--dose', '4.5', '--days', '7', '--hypotheses', 'all', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { series: Record<string, number[]>; summary: { blockade: { pattern: string }; hypotheses: { id: string; evidence_grade: string }[] } };
    expect(Object.keys(json.series)).toEqual(expect.arrayContaining(['mu_signal_rel', 'il6_pg_ml', 'growth_rate_rel', 'mu_occupancy']));
    expect(json.summary.hypotheses.map((h) => h.id)).toEqual(['rebound', 'tlr4', 'ogf']);
    expect(['intermittent', 'sustained', 'none']).toContain(json.summary.blockade.pattern);
  });
  it('an unknown hypothesis exits 2 naming the accepted ones', async () => {
    const r = await runCli(['simulate', '--dose', '4.5', '--hypotheses', 'rebound,magic']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--hypotheses: unknown hypothesis "magic"; use any of: rebound, tlr4, ogf/);
  });
  it('the SVG gets one panel per module', async () => {
    const r = await runCli(['simulate', '--dose', '4.5', '--days', '3', '--hypotheses', 'rebound,ogf', '--format', 'svg']);
    expect(r.out).toMatch(/H1 rebound/);
    expect(r.out).toMatch(/H3 OGF–OGFr/);
    expect(r.out).not.toMatch(/H2 TLR4/);
  });
});

describe('ldn compare', () => {
  it('prints a table with one column per regimen and each regimen’s blockade pattern', async () => {
    const r = await runCli(['compare', '4.5@22:00', '50@08:00', '--days', '7']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/metric\s+4\.5@22:00\s+50@08:00/);
    expect(r.out).toMatch(/hours\/day μ > 50%/);
  });
  it('--format svg draws every regimen on shared axes', async () => {
    const r = await runCli(['compare', '4.5@22:00', '4.5@08:00', '--days', '3', '--hypotheses', 'ogf', '--format', 'svg']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/4\.5@22:00/);
    expect(r.out).toMatch(/H3 growth rate/);
  });
  it('--set applies a what-if value to every regimen, as the request’s overrides, and says so', async () => {
    const r = await runCli(['compare', '4.5@22:00', '50@08:00', '--days', '7', '--set', 'kBrainOut=0.2', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { outputs: { overrides?: Record<string, number>; summary: { blockade: unknown } }[] };
    expect(json.outputs.map((o) => o.overrides)).toEqual([{ kBrainOut: 0.2 }, { kBrainOut: 0.2 }]);
    const direct = JSON.parse(JSON.stringify(runSimulation({ dose: 50, time: '08:00', days: 7, overrides: { kBrainOut: 0.2 } }))) as { summary: { blockade: unknown } };
    expect(json.outputs[1]!.summary.blockade).toEqual(direct.summary.blockade);
    const table = await runCli(['compare', '4.5@22:00', '50@08:00', '--days', '7', '--set', 'kBrainOut=0.2']);
    expect(table.out.split('\n')[0]).toContain('what-if: kBrainOut=0.2');
    const bad = await runCli(['compare', '4.5@22:00', '50@08:00', '--set', 'XX=1']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/4\.5@22:00: --set: unknown parameter "XX"/);
  });
  it('bad specs and a single regimen exit 2', async () => {
    expect((await runCli(['compare', '4.5@22:00'])).err).toMatch(/at least 2 regimens/);
    const r = await runCli(['compare', '4.5@22:00', 'lots']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/regimen "lots" is not a regimen spec/);
  });
});
