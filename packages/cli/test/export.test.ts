// `ldn export sbml` end to end: the document is exactly what the engine's sbmlFromRequest writes
// for the same request, it reads back with the regimen's doses and the chosen parameters, and bad
// input is a usage error (exit 2) with one message naming the option.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromSbml, LITERATURE, mgHclToNmol, parameterValues, sbmlFromRequest, SEED } from '@ldn/engine';
import { runCli, tempFiles } from './run-cli.js';

const tmp = tempFiles('ldn-export-');

describe('ldn export sbml', () => {
  it('--dose --time --days: the engine document on stdout, 14 daily doses of 4.5 mg as nmol events', async () => {
    const r = await runCli(['export', 'sbml', '--dose', '4.5', '--time', '22:00', '--days', '14']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(sbmlFromRequest({ dose: 4.5, time: '22:00', days: 14 }).xml);
    expect(r.out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">')).toBe(true);
    const read = fromSbml(r.out);
    expect(read.doses.map((d) => d.time_h)).toEqual(Array.from({ length: 14 }, (_, i) => 24 * i));
    expect(read.doses.every((d) => d.amount === mgHclToNmol(4.5) && d.target === 'gut')).toBe(true);
    for (const [k, v] of Object.entries(parameterValues(LITERATURE))) expect(read.parameters[k], k).toBe(v);
    expect(read.exportOptions.notes!.join(' ')).toMatch(/Regimen: 4.5 mg daily at 22:00; first dose at 22:00 \(t = 0\)\. 14 doses within 14 days; simulate from 0 to 336 h\./);
    expect(read.exportOptions.notes!.join(' ')).toMatch(/not a clinical fact/);
  });

  it('--regimen FILE --params seed --out FILE: a titration with the seed set, written atomically to the file', async () => {
    const regimen = { start_date: '2026-03-01', steps: [{ dose_mg: 1.5, time: '21:30', days: 7 }, { dose_mg: 3, days: 7 }, { dose_mg: 4.5 }] };
    const file = tmp.file('titration.json', JSON.stringify(regimen));
    const out = tmp.path('out/ldn.sbml');
    const r = await runCli(['export', 'sbml', '--regimen', file, '--params', 'seed', '--days', '21', '--out', out]);
    expect([r.code, r.out, r.err]).toEqual([0, '', '']);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toBe(sbmlFromRequest({ regimen, params: 'seed', days: 21 }).xml);
    const read = fromSbml(xml);
    expect(read.doses.map((d) => d.amount)).toEqual([...Array<number>(7).fill(mgHclToNmol(1.5)), ...Array<number>(7).fill(mgHclToNmol(3)), ...Array<number>(7).fill(mgHclToNmol(4.5))]);
    expect(read.parameters.CL).toBe(SEED.parameters.CL!.value);
    expect(read.parameters.firstDoseClockH).toBeUndefined(); // the core has no clock; only modules that need it add it
    expect(read.exportOptions.notes!.join(' ')).toMatch(/first dose at 21:30 on 2026-03-01/);
    expect(read.exportOptions.notes!.join(' ')).toMatch(/Parameter set: seed/);
  });

  it('--events FILE: a NONMEM event table', async () => {
    const csv = tmp.file('events.csv', 'TIME,AMT,EVID,CMT,II,ADDL\n0,4.5,1,1,24,2\n');
    const r = await runCli(['export', 'sbml', '--events', csv, '--days', '5']);
    expect(r.code).toBe(0);
    expect(fromSbml(r.out).doses.map((d) => d.time_h)).toEqual([0, 24, 48]);
  });

  it.each([
    [['export', 'sbml'], /give a dose \(mg\), a regimen or an event table/],
    [['export', 'sbml', '--dose', 'abc'], /--dose "abc" is not a number/],
    [['export', 'sbml', '--dose', '4.5', '--params', 'mine'], /--params: must be one of: literature, seed/],
    [['export', 'sbml', '--dose', '4.5', '--time', '25:00'], /--time: "25:00" is not a clock time/],
    [['export', 'sbml', '--dose', '4.5', '--hypotheses', 'nope'], /--hypotheses: unknown hypothesis "nope"/],
    [['export', 'sbml', '--dose', '4.5', '--regimen', '/nonexistent/r.json'], /--regimen \/nonexistent\/r.json: cannot read the file \(ENOENT\)/],
    [['export', 'sbml', '--dose', '4.5', '--bogus'], /unknown option '--bogus'/],
    [['export', 'pdf'], /unknown export format "pdf"; accepted: sbml/],
  ])('%j is a usage error', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('`ldn export` alone lists the formats', async () => {
    const r = await runCli(['export']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/sbml/);
  });
});

describe('ldn export sbml --hypotheses', () => {
  it('exports every module with its states, parameters with provenance and the run-in initial values', async () => {
    const r = await runCli(['export', 'sbml', '--dose', '4.5', '--days', '7', '--hypotheses', 'all']);
    expect(r.code).toBe(0);
    for (const id of ['rebound__endorphin', 'rebound__feedbackMax', 'tlr4__il6', 'ogf__upregulation', 'mu_signal_rel', 'growth_rate_rel']) expect(r.out).toContain(`id="${id}"`);
    expect(r.out).toMatch(/drug-free state at t = 0 after LDN Workbench’s run-in/);
  });
});

