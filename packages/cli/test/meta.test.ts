// `ldn meta` end to end: main([...]) on temp CSV files, stdout/stderr captured, checked against metafor 3.8-1
// and RevMan values (evidence.md 2.4 and 2.5) and against the exit-code contract (2 for bad input, with a
// message naming the row and column).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/main.js';

const dir = mkdtempSync(join(tmpdir(), 'ldn-meta-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const BCG = `study,events_1,total_1,events_2,total_2,year,alloc
Aronson 1948,4,123,11,139,1948,random
Ferguson & Simes 1949,6,306,29,303,1949,random
Rosenthal et al 1960,3,231,11,220,1960,random
Hart & Sutherland 1977,62,13598,248,12867,1977,random
Frimodt-Moller et al 1973,33,5069,47,5808,1973,alternate
Stein & Aronson 1953,180,1541,372,1451,1953,alternate
Vandiviere et al 1973,8,2545,10,629,1973,random
TPT Madras 1980,505,88391,499,88391,1980,random
Coetzee & Berjak 1968,29,7499,45,7277,1968,random
Rosenthal et al 1961,17,1716,65,1665,1961,systematic
Comstock et al 1974,186,50634,141,27338,1974,systematic
Comstock & Webster 1969,5,2498,3,2341,1969,systematic
Comstock et al 1976,27,16913,29,17854,1976,systematic
`;
const bcg = file('bcg.csv', BCG);
const MENTAL = `study,mean_1,sd_1,n_1,mean_2,sd_2,n_2
Davis 1973,5.0,4.7,13,6.5,3.8,13
Florell 1971,4.9,1.71,30,6.1,2.3,50
Gruen 1975,22.5,3.44,35,24.9,10.65,35
Hart 1975,12.5,1.47,20,12.3,1.66,20
Wilson 1977,6.5,0.76,8,7.38,1.41,8
`;
const mental = file('mental.csv', MENTAL);
const ASPIRIN = `study,events_1,total_1,events_2,total_2
MRC-1,49,615,67,624
CDP,44,758,64,771
MRC-2,102,832,126,850
GASP,32,317,38,309
PARIS,85,810,52,406
AMIS,246,2267,219,2257
ISIS-2,1570,8587,1720,8600
`;
const aspirin = file('aspirin.csv', ASPIRIN);

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function json(args: string[]): Promise<Record<string, unknown>> {
  const code = await main(['meta', ...args, '--format', 'json']);
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out) as Record<string, unknown>;
}
const rel = (a: unknown, b: number, tol = 1e-6): void => {
  expect(typeof a).toBe('number');
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(tol * Math.abs(b));
};
const KEYS = ['k', 'estimate', 'se', 'ci_lower', 'ci_upper', 'statistic', 'p', 'tau2', 'tau2_ci_lower', 'tau2_ci_upper', 'I2', 'H2', 'Q', 'Q_df', 'Q_p', 'pi_lower', 'pi_upper'];

describe('ldn meta --format json', () => {
  it('dat.bcg, RR, REML: the contract keys with metafor values (evidence.md 2.4)', async () => {
    const r = await json(['--input', bcg, '--measure', 'RR', '--method', 'REML']);
    for (const k of KEYS) expect(r).toHaveProperty(k);
    expect(r.k).toBe(13);
    rel(r.estimate, -0.71453235);
    rel(r.se, 0.17978153);
    rel(r.ci_lower, -1.06689768);
    rel(r.ci_upper, -0.36216702);
    rel(r.statistic, -3.974448);
    rel(r.tau2, 0.31324333);
    rel(r.tau2_ci_lower, 0.11969531);
    rel(r.tau2_ci_upper, 1.11148626);
    rel(r.I2, 92.221386);
    rel(r.H2, 12.855761);
    rel(r.Q, 152.233008);
    expect(r.Q_df).toBe(12);
    rel(r.Q_p, 1.99676e-26, 1e-5);
    rel(r.pi_lower, -1.86669235);
    rel(r.pi_upper, 0.43762765);
    const e = r.exp as Record<string, number>;
    rel(e.estimate, 0.489421);
    rel(e.ci_lower, 0.344074);
    rel(e.ci_upper, 0.696166);
    rel(e.pi_lower, 0.154634, 1e-5);
    rel(e.pi_upper, 1.549028);
    expect((r.studies as unknown[]).length).toBe(13);
  });
  it('DL with --knha (evidence.md 2.4: SE 0.18069663, CI [-1.10782135, -0.32041309])', async () => {
    const r = await json(['--input', bcg, '--measure', 'RR', '--method', 'DL', '--knha']);
    rel(r.se, 0.18069663);
    rel(r.ci_lower, -1.10782135);
    rel(r.ci_upper, -0.32041309);
    rel(r.p, 0.00192077, 1e-5);
    rel(r.pi_lower, -1.98720696);
    expect(r.test).toBe('knha');
    expect(r.df).toBe(12);
  });
  it('MH OR and Peto on dat.bcg', async () => {
    const mh = await json(['--input', bcg, '--measure', 'OR', '--method', 'MH']);
    rel(mh.estimate, -0.47341099);
    rel(mh.Q, 163.94258);
    expect(mh.tau2).toBe(0);
    expect(mh.tau2_ci_lower).toBeNull();
    rel((mh.cmh as { statistic: number }).statistic, 135.688944);
    out = '';
    const pe = await json(['--input', bcg, '--measure', 'PETO', '--method', 'PETO']);
    rel(pe.estimate, -0.47444631);
    rel(pe.Q, 167.730168);
    rel((pe.exp as Record<string, number>).estimate, 0.622229);
  });
  it('RevMan 5 aspirin export: MH OR 0.89686556 [0.8405144, 0.95699471]', async () => {
    const r = await json(['--input', aspirin, '--measure', 'OR', '--method', 'MH']);
    const e = r.exp as Record<string, number>;
    rel(e.estimate, 0.89686556);
    rel(e.ci_lower, 0.8405144);
    rel(e.ci_upper, 0.95699471);
    rel(r.Q, 9.94605598);
    rel(r.I2, 39.67458046);
  });
  it('RevMan 5 mental-health export: MD IV fixed -0.70938839 [-1.25848502, -0.16029176]; no exp block', async () => {
    const r = await json(['--input', mental, '--measure', 'MD', '--method', 'FE']);
    rel(r.estimate, -0.70938839);
    rel(r.ci_lower, -1.25848502);
    rel(r.ci_upper, -0.16029176);
    rel(r.Q, 5.66012379);
    expect(r.exp).toBeUndefined();
    out = '';
    const g = await json(['--input', mental, '--measure', 'SMD', '--method', 'FE']);
    rel(g.estimate, -0.34404582);
  });
  it('subgroups by a CSV column: separate tau2 per subgroup and the test of differences (metafor docs)', async () => {
    const r = await json(['--input', bcg, '--measure', 'RR', '--method', 'REML', '--subgroup', 'alloc']);
    const groups = r.subgroups as { group: string; k: number; estimate: number; tau2: number }[];
    expect(groups.map((g) => g.group)).toEqual(['alternate', 'random', 'systematic']);
    expect(groups.map((g) => g.k)).toEqual([2, 7, 4]);
    expect(groups[1]?.estimate).toBeCloseTo(-0.971, 3);
    expect(groups[2]?.tau2).toBeCloseTo(0.4003, 4);
    rel((r.subgroup_test as { Q: number }).Q, 1.8614461412311896, 1e-9);
  });
  it('single arms (PLO) and generic yi/vi', async () => {
    const plo = file('plo.csv', 'study,events,total\nA,3,20\nB,0,15\nC,12,50\nD,40,90\nE,7,7\n');
    const r = await json(['--input', plo, '--measure', 'PLO', '--method', 'DL']);
    expect(r.k).toBe(5);
    out = '';
    const gen = file('gen.csv', 'study,yi,vi\ns1,0.1,0.04\ns2,0.3,0.09\ns3,-0.2,0.05\ns4,0.25,0.02\n');
    const g = await json(['--input', gen, '--measure', 'GEN', '--method', 'REML']);
    rel(g.estimate, 0.12928332381966265, 1e-9);
    rel(g.tau2, 0.004865650830988173, 1e-8);
  });
  it('reads CRLF, a BOM and quoted study names', async () => {
    const crlf = file('crlf.csv', `\uFEFF${BCG.replace('Aronson 1948', '"Aronson, 1948"').replace(/\n/g, '\r\n')}`);
    const r = await json(['--input', crlf, '--measure', 'RR', '--method', 'REML']);
    rel(r.estimate, -0.71453235);
    expect((r.studies as { study: string }[])[0]?.study).toBe('Aronson, 1948');
  });
});

describe('ldn meta --format table and svg', () => {
  it('prints a readable table', async () => {
    const code = await main(['meta', '--input', bcg, '--measure', 'RR', '--method', 'REML', '--format', 'table']);
    expect(code).toBe(0);
    expect(out).toContain('Pooled RR = 0.4894, 95% CI [0.3441, 0.6962]');
    expect(out).toContain('tau^2 = 0.3132 [0.1197, 1.1115], I^2 = 92.22% [81.92, 97.68]');
    expect(out).toContain('Q(12) = 152.2330');
    expect(out.split('\n').filter((l) => /^(Aronson|Comstock)/.test(l))).toHaveLength(4);
  });
  it('writes a forest plot to --out with one row per study and the extra CSV columns', async () => {
    const target = join(dir, 'forest.svg');
    const code = await main(['meta', '--input', bcg, '--measure', 'RR', '--method', 'REML', '--format', 'svg', '--out', target]);
    expect(code).toBe(0);
    const svg = readFileSync(target, 'utf8');
    expect(svg.match(/class="study-row"/g)).toHaveLength(13);
    expect(svg).toContain('class="summary-diamond"');
    expect(svg).toContain('class="prediction-interval"');
    expect(svg).toContain('Ferguson &amp; Simes 1949');
    expect(svg).toContain('>alloc<');
  });
});

describe('ldn meta --subgroup --format svg', () => {
  // parsed as HTML: linkedom's XML mode does not decode entities in attribute values
  const parse = (svg: string): Document => new DOMParser().parseFromString(`<html><body>${svg}</body></html>`, 'text/html') as unknown as Document;
  interface Group {
    group: string;
    k: number;
    estimate: number;
    ci_lower: number;
    ci_upper: number;
    tau2: number;
    I2: number;
    Q: number;
    Q_df: number;
    Q_p: number;
    exp: { estimate: number; ci_lower: number; ci_upper: number };
  }
  const p = (x: number): string => (x < 0.001 ? '< 0.001' : `= ${x.toFixed(3)}`);

  it('draws a block per subgroup (dat.bcg by alloc, RR, DL) with the subgroup numbers of --format json', async () => {
    const args = ['--input', bcg, '--measure', 'RR', '--method', 'DL', '--subgroup', 'alloc'];
    const r = await json(args);
    const groups = r.subgroups as Group[];
    const test = r.subgroup_test as { Q: number; Q_df: number; Q_p: number };
    const studies = r.studies as { study: string; weight: number }[];
    out = '';
    expect(await main(['meta', ...args, '--format', 'svg'])).toBe(0);
    expect(err).toBe('');
    const doc = parse(out);
    const blocks = [...doc.querySelectorAll('.subgroup')];
    expect(blocks.map((b) => b.querySelector('.subgroup-heading')?.textContent)).toEqual(['alternate', 'random', 'systematic']);
    expect(groups.map((g) => g.group)).toEqual(['alternate', 'random', 'systematic']);
    let total = 0;
    blocks.forEach((b, i) => {
      const g = groups[i] as Group;
      const names = [...b.querySelectorAll('.study-row')].map((s) => s.getAttribute('data-study'));
      expect(names).toHaveLength(g.k);
      // the subtotal row carries the JSON's subgroup estimate and CI and prints them back-transformed
      const row = b.querySelector('.subgroup-summary');
      expect(Number(row?.getAttribute('data-estimate'))).toBe(g.estimate);
      expect(Number(row?.getAttribute('data-ci-lower'))).toBe(g.ci_lower);
      expect(Number(row?.getAttribute('data-ci-upper'))).toBe(g.ci_upper);
      expect(row?.querySelector('.estimate-text')?.textContent).toBe(`${g.exp.estimate.toFixed(2)} [${g.exp.ci_lower.toFixed(2)}, ${g.exp.ci_upper.toFixed(2)}]`);
      expect(b.querySelector('.subgroup-heterogeneity')?.textContent).toBe(`Heterogeneity: τ² = ${g.tau2.toFixed(3)}; I² = ${g.I2.toFixed(1)}%; Q = ${g.Q.toFixed(2)}, df = ${g.Q_df} (p ${p(g.Q_p)})`);
      // the weight share is the sum of the subgroup's study weights in the overall model
      const share = names.reduce((s, n) => s + (studies.find((x) => x.study === n)?.weight ?? NaN), 0);
      expect(Number(row?.getAttribute('data-weight'))).toBeCloseTo(share, 10);
      expect(row?.querySelector('.subgroup-weight')?.textContent).toBe(`${share.toFixed(1)}%`);
      total += share;
    });
    expect(total).toBeCloseTo(100, 8);
    // then the overall model and the test of subgroup differences of the JSON
    expect(doc.querySelector('.summary-row .estimate-text')?.textContent).toBe(`${(r.exp as Group['exp']).estimate.toFixed(2)} [${(r.exp as Group['exp']).ci_lower.toFixed(2)}, ${(r.exp as Group['exp']).ci_upper.toFixed(2)}]`);
    expect(doc.querySelector('.subgroup-test')?.textContent).toBe(`Test of subgroup differences: Q = ${test.Q.toFixed(2)}, df = ${test.Q_df} (p ${p(test.Q_p)})`);
    expect(Number(doc.querySelector('.subgroup-test')?.getAttribute('data-q'))).toBe(test.Q);
    // the subgroup column defines the blocks and is not repeated as a cell
    expect(out).not.toContain('>alloc<');
    expect(out).toContain('>year<');
  });

  it('escapes subgroup names from the CSV', async () => {
    const csv = file('evil-groups.csv', BCG.replace(/,random$/gm, ',<script>alert(1)</script>').replace(/,systematic$/gm, ',A & B'));
    expect(await main(['meta', '--input', csv, '--measure', 'RR', '--method', 'DL', '--subgroup', 'alloc', '--format', 'svg'])).toBe(0);
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('>A &amp; B<');
    const headings = [...parse(out).querySelectorAll('.subgroup-heading')].map((h) => h.textContent);
    expect(headings).toEqual(['<script>alert(1)</script>', 'A & B', 'alternate']);
  });
});

describe('ldn meta bad input exits 2 naming the row and column', () => {
  const bad = async (csv: string, args: string[], message: RegExp): Promise<void> => {
    const p = file(`bad-${Math.random().toString(36).slice(2)}.csv`, csv);
    const code = await main(['meta', '--input', p, ...args]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(out).toBe('');
  };
  const H = 'study,events_1,total_1,events_2,total_2\n';
  it('missing column', () => bad('study,events_1,total_1,events_2\nA,1,2,3\n', ['--measure', 'RR', '--method', 'DL'], /missing column total_2/));
  it('negative count', () => bad(`${H}A,1,10,2,10\nB,-1,10,2,10\n`, ['--measure', 'RR', '--method', 'DL'], /row 2 \(B\), column events_1: -1 is negative/));
  it('events above total', () => bad(`${H}A,1,10,2,10\nB,1,10,12,10\n`, ['--measure', 'OR', '--method', 'MH'], /row 2 \(B\), column events_2: 12 events exceed total2 = 10/));
  it('zero total', () => bad(`${H}A,0,0,2,10\nB,1,10,2,10\n`, ['--measure', 'RD', '--method', 'FE'], /row 1 \(A\), column total_1: 0 is not a valid group size/));
  it('non-numeric cell', () => bad(`${H}A,1,10,2,10\nB,1,ten,2,10\n`, ['--measure', 'RR', '--method', 'DL'], /row 2 \(B\), column total_1: "ten" is not a number/));
  it('non-finite generic value', () => bad('study,yi,vi\nA,0.1,0\nB,0.2,0.1\n', ['--measure', 'GEN', '--method', 'FE'], /row 1 \(A\), column vi: 0 must be > 0/));
  it('fewer studies than the method needs', () => bad(`${H}A,1,10,2,10\n`, ['--measure', 'RR', '--method', 'REML'], /studies: 1 study is too few for REML; at least 2 needed/));
  it('unknown measure and method', async () => {
    await bad(H, ['--measure', 'XX', '--method', 'DL'], /--measure "XX" is not accepted/);
    err = '';
    await bad(H, ['--measure', 'RR', '--method', 'XX'], /--method "XX" is not accepted/);
  });
  it('incompatible measure, method and --knha', async () => {
    await bad(MENTAL, ['--measure', 'MD', '--method', 'MH'], /--method MH needs --measure RR, OR or RD/);
    err = '';
    await bad(BCG, ['--measure', 'RR', '--method', 'FE', '--knha'], /--knha applies to random-effects methods/);
  });
  it('unknown --subgroup column', () => bad(BCG, ['--measure', 'RR', '--method', 'DL', '--subgroup', 'nope'], /--subgroup column "nope" is not in the header/));
  it('missing --input file and missing required option', async () => {
    expect(await main(['meta', '--input', join(dir, 'nope.csv'), '--measure', 'RR', '--method', 'DL'])).toBe(2);
    expect(err).toMatch(/cannot read --input/);
    err = '';
    expect(await main(['meta', '--measure', 'RR', '--method', 'DL'])).toBe(2);
    expect(err).toMatch(/--input/);
  });
});

describe('RevMan compatibility and funnel plot', () => {
  it('--revman5 with MH reproduces RevMan 5 random effects on the Fleiss 1993 export (evidence.md 2.5)', async () => {
    const r = await json(['--input', aspirin, '--measure', 'OR', '--method', 'MH', '--revman5']);
    const re = r.revman5_random as { tau2: number; statistic: number; exp: { estimate: number; ci_lower: number; ci_upper: number } };
    rel(re.exp.estimate, 0.87628887);
    rel(re.exp.ci_lower, 0.77429952);
    rel(re.exp.ci_upper, 0.99171207);
    rel(re.statistic, -2.09178975);
    expect(Math.abs(re.tau2 - 0.0096373)).toBeLessThan(1e-7);
    // and the MH common effect stays the main result, as RevMan's own fixed analysis
    rel((r.exp as { estimate: number }).estimate, 0.89686556);
  });
  it('--revman5 without MH is a usage error naming the option', async () => {
    const code = await main(['meta', '--input', aspirin, '--measure', 'OR', '--method', 'DL', '--revman5']);
    expect(code).toBe(2);
    expect(err).toMatch(/--revman5 .* use it with --method MH, not DL/);
  });
  it('--plot funnel draws the funnel plot of the studies', async () => {
    const code = await main(['meta', '--input', bcg, '--measure', 'RR', '--method', 'REML', '--format', 'svg', '--plot', 'funnel']);
    expect(code).toBe(0);
    expect(out.startsWith('<svg')).toBe(true);
    expect((out.match(/class="study-point"|<circle/g) ?? []).length).toBeGreaterThanOrEqual(13);
  });
  it('--plot needs --format svg', async () => {
    expect(await main(['meta', '--input', bcg, '--measure', 'RR', '--method', 'REML', '--plot', 'funnel'])).toBe(2);
    expect(err).toMatch(/--plot funnel draws a figure; use it with --format svg/);
  });
});
