// The forest plot is checked by parsing the SVG (linkedom) and reading marks back: one row per study, the
// diamond's x-extent equals the pooled CI mapped through the axis scale, the prediction interval, the
// heterogeneity line, back-transformed log ticks, extra columns, and XML escaping of user text. With
// subgroups: the blocks in order (heading, studies, subtotal diamond mapped to the subgroup fit given,
// weight share, heterogeneity), then the overall diamond, heterogeneity and the test of subgroup
// differences as given; subgroup names escaped; words and numbers in another language; a figure without
// subgroups unchanged.
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { escalc, rma, subgroupAnalysis, type TwoByTwoStudy } from '@ldn/evidence';
import { forestPlot, type ForestPlotOptions } from '../src/index.js';

// dat.bcg (Colditz 1994), first three columns of evidence.md 2.1
const BCG: [string, number, number, number, number][] = [
  ['Aronson 1948', 4, 119, 11, 128],
  ['Ferguson & Simes 1949', 6, 300, 29, 274],
  ['Rosenthal et al 1960', 3, 228, 11, 209],
  ['Hart & Sutherland 1977', 62, 13536, 248, 12619],
  ['Frimodt-Moller et al 1973', 33, 5036, 47, 5761],
  ['Stein & Aronson 1953', 180, 1361, 372, 1079],
  ['Vandiviere et al 1973', 8, 2537, 10, 619],
  ['TPT Madras 1980', 505, 87886, 499, 87892],
  ['Coetzee & Berjak 1968', 29, 7470, 45, 7232],
  ['Rosenthal et al 1961', 17, 1699, 65, 1600],
  ['Comstock et al 1974', 186, 50448, 141, 27197],
  ['Comstock & Webster 1969', 5, 2493, 3, 2338],
  ['Comstock et al 1976', 27, 16886, 29, 17825],
];
const tables: TwoByTwoStudy[] = BCG.map(([study, a, b, c, d]) => ({ study, events1: a, total1: a + b, events2: c, total2: c + d }));
const es = escalc({ measure: 'RR', studies: tables });
const fit = rma(es, { method: 'REML' });
const z = 1.959963984540054;

function options(extra: Partial<ForestPlotOptions> = {}): ForestPlotOptions {
  return {
    rows: fit.studies.map((s, i) => ({
      label: s,
      estimate: fit.yi[i] as number,
      ciLower: (fit.yi[i] as number) - z * Math.sqrt(fit.vi[i] as number),
      ciUpper: (fit.yi[i] as number) + z * Math.sqrt(fit.vi[i] as number),
      weight: fit.weights[i] as number,
      cells: [`${tables[i]?.events1}/${tables[i]?.total1}`, `${tables[i]?.events2}/${tables[i]?.total2}`],
    })),
    columns: ['BCG', 'Control'],
    summary: { label: 'Random-effects model (REML)', estimate: fit.estimate, ciLower: fit.ciLower, ciUpper: fit.ciUpper, piLower: fit.piLower, piUpper: fit.piUpper },
    heterogeneity: { tau2: fit.tau2, I2: fit.I2, Q: fit.Q, df: fit.Qdf, p: fit.Qp },
    scale: 'log',
    effectLabel: 'Risk ratio',
    favours: ['favours BCG', 'favours control'],
    ...extra,
  };
}

function parse(svg: string): Document {
  // parsed as HTML: linkedom's XML mode does not decode entities in attribute values
  return new DOMParser().parseFromString(`<html><body>${svg}</body></html>`, 'text/html') as unknown as Document;
}
function scaleOf(doc: Document): (v: number) => number {
  const axis = doc.querySelector('.x-axis');
  const [d0, d1] = (axis?.getAttribute('data-x-domain') ?? '').split(',').map(Number) as [number, number];
  const [r0, r1] = (axis?.getAttribute('data-x-range') ?? '').split(',').map(Number) as [number, number];
  return (v: number) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

describe('forest plot', () => {
  const svg = forestPlot(options());
  const doc = parse(svg);
  const x = scaleOf(doc);

  it('has one row per study with label, counts, weight and "estimate [CI]" text', () => {
    const rows = doc.querySelectorAll('.study-row');
    expect(rows.length).toBe(13);
    const first = rows[0];
    expect(first?.querySelector('.study-label')?.textContent).toBe('Aronson 1948');
    expect([...(first?.querySelectorAll('.cell') ?? [])].map((c) => c.textContent)).toEqual(['4/123', '11/139']);
    expect(first?.querySelector('.weight')?.textContent).toBe('5.1%');
    // exp(-0.8893) = 0.41, CI exp(-0.8893 -/+ 1.96 sqrt(0.3256))
    expect(first?.querySelector('.estimate-text')?.textContent).toBe('0.41 [0.13, 1.26]');
  });

  it("the diamond's x-extent maps to the pooled CI and its centre to the estimate", () => {
    const pts = (doc.querySelector('.summary-diamond')?.getAttribute('points') ?? '').split(' ').map((p) => p.split(',').map(Number));
    const xs = pts.map((p) => p[0] as number);
    expect(Math.min(...xs)).toBeCloseTo(x(fit.ciLower), 1);
    expect(Math.max(...xs)).toBeCloseTo(x(fit.ciUpper), 1);
    expect(pts[1]?.[0]).toBeCloseTo(x(fit.estimate), 1);
    expect(doc.querySelector('.summary-row .estimate-text')?.textContent).toBe('0.49 [0.34, 0.70]');
  });

  it('each study CI line spans its CI', () => {
    const line = doc.querySelectorAll('.study-ci')[3];
    const lo = (fit.yi[3] as number) - z * Math.sqrt(fit.vi[3] as number);
    const hi = (fit.yi[3] as number) + z * Math.sqrt(fit.vi[3] as number);
    expect(Number(line?.getAttribute('x1'))).toBeCloseTo(x(lo), 1);
    expect(Number(line?.getAttribute('x2'))).toBeCloseTo(x(hi), 1);
  });

  it('draws the prediction interval and prints it back-transformed (0.15, 1.55)', () => {
    const pi = doc.querySelector('.prediction-interval');
    expect(Number(pi?.getAttribute('x1'))).toBeCloseTo(x(fit.piLower), 1);
    expect(Number(pi?.getAttribute('x2'))).toBeCloseTo(x(fit.piUpper), 1);
    expect(doc.querySelector('.prediction-row .estimate-text')?.textContent).toBe('[0.15, 1.55]');
  });

  it('prints a heterogeneity line with tau2, I2, Q, df and p', () => {
    expect(doc.querySelector('.heterogeneity')?.textContent).toBe('Heterogeneity: τ² = 0.313; I² = 92.2%; Q = 152.23, df = 12 (p < 0.001)');
  });

  it('uses a log axis with back-transformed tick labels and a null line at RR = 1', () => {
    const labels = [...doc.querySelectorAll('.x-axis .tick-label')].map((t) => t.textContent);
    expect(labels).toContain('1');
    expect(labels).toContain('0.5');
    expect(Number(doc.querySelector('.null-line')?.getAttribute('x1'))).toBeCloseTo(x(0), 1);
    expect(doc.querySelector('.x-axis')?.getAttribute('data-scale')).toBe('log');
  });

  it('escapes study names and other user text', () => {
    const evil = '<script>alert("x")</script> & Co';
    const rows = options().rows.map((r, i) => (i === 0 ? { ...r, label: evil, cells: ['<b>', '"q"'] } : r));
    const s = forestPlot(options({ rows, title: 'T & <b>', columns: ['<i>', 'x'] }));
    expect(s).not.toContain('<script>');
    expect(s).not.toContain('<b>');
    expect(s).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    const d = parse(s);
    expect(d.querySelector('.study-label')?.textContent).toBe(evil);
    expect(d.querySelector('.study-row')?.getAttribute('data-study')).toBe(evil);
    expect(d.querySelector('.title')?.textContent).toBe('T & <b>');
  });

  it('supports a linear scale (MD) without a prediction interval and extra columns (dose, evidence level)', () => {
    const s = forestPlot({
      rows: [
        { label: 'A', estimate: -1.5, ciLower: -4.8, ciUpper: 1.8, cells: ['4.5 mg', 'P'] },
        { label: 'B', estimate: 0.2, ciLower: -0.77, ciUpper: 1.17, cells: ['1.5 mg', 'S'] },
      ],
      columns: ['Dose', 'Level'],
      summary: { label: 'Common effect', estimate: -0.1, ciLower: -1.0, ciUpper: 0.8 },
      scale: 'linear',
      effectLabel: 'Mean difference',
    });
    const d = parse(s);
    expect(d.querySelectorAll('.study-row').length).toBe(2);
    expect(d.querySelector('.prediction-interval')).toBeNull();
    expect([...d.querySelectorAll('.header text')].map((t) => t.textContent)).toContain('Level');
    expect(d.querySelector('.study-row .estimate-text')?.textContent).toBe('-1.50 [-4.80, 1.80]');
    const ticks = [...d.querySelectorAll('.x-axis .tick-label')].map((t) => Number(t.textContent));
    expect(ticks).toContain(0);
  });

  it('clips a CI that runs past a fixed x range and marks it with an arrow', () => {
    const s = forestPlot(options({ xDomain: [Math.log(0.1), Math.log(2)] }));
    expect(parse(s).querySelectorAll('.clipped').length).toBeGreaterThan(0);
  });
});

describe('forest plot in another language', () => {
  const rows = [{ label: 'A', estimate: 0, ciLower: -0.5, ciUpper: 0.5, weight: 100 }];
  it('uses the given words and number format, and widens its columns to fit them', () => {
    const en = forestPlot({ rows, scale: 'linear', effectLabel: 'MD' });
    const uk = forestPlot({
      rows,
      scale: 'linear',
      effectLabel: 'Різниця середніх (РС)',
      labels: { study: 'Дослідження', weight: 'Вага у метааналізі', ci: (l) => `${l} % довірчий інтервал`, predictionInterval: 'Інтервал прогнозу', heterogeneity: 'Гетерогенність', intervalSeparator: '; ' },
      formatNumber: (x, d) => x.toFixed(d).replace('.', ','),
    });
    const width = (svg: string) => Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)![1]);
    expect(uk).toContain('>Дослідження</text>');
    expect(uk).toContain('>Вага у метааналізі</text>');
    expect(uk).toContain('Різниця середніх (РС) [95 % довірчий інтервал]');
    expect(uk).toContain('0,00 [-0,50; 0,50]');
    expect(uk).toContain('100,0%');
    expect(uk).toMatch(/>-0,5<\/text>|>0,5<\/text>/); // axis ticks in the same number format
    expect(width(uk)).toBeGreaterThan(width(en));
  });
});

// dat.bcg's allocation column (metafor's subgroup example: alternate, random, systematic)
const ALLOC = ['random', 'random', 'random', 'random', 'alternate', 'alternate', 'random', 'random', 'random', 'systematic', 'systematic', 'systematic', 'systematic'];
// the engine's subgroup fits (REML in each subgroup) and Q-between, passed to the figure as given
const sg = subgroupAnalysis(ALLOC, (rows) => rma(escalc({ measure: 'RR', studies: rows.map((i) => tables[i] as TwoByTwoStudy) }), { method: 'REML', allowSingleStudy: true }));
const weightOf = (rows: readonly number[]): number => rows.reduce((s, i) => s + (fit.weights[i] as number), 0);

function subgroupOptions(extra: Partial<ForestPlotOptions> = {}): ForestPlotOptions {
  return options({
    subgroups: sg.groups.map((g) => ({
      label: g.group,
      rows: g.rows,
      summary: { estimate: g.fit.estimate, ciLower: g.fit.ciLower, ciUpper: g.fit.ciUpper },
      weight: weightOf(g.rows),
      heterogeneity: { tau2: g.fit.tau2, I2: g.fit.I2, Q: g.fit.Q, df: g.fit.Qdf, p: g.fit.Qp },
    })),
    subgroupTest: { Q: sg.Qb, df: sg.Qb_df, p: sg.Qb_p },
    ...extra,
  });
}

const yOf = (el: Element | null | undefined): number => Number(el?.getAttribute('y') ?? el?.querySelector('text')?.getAttribute('y'));
const diamondXs = (el: Element | null | undefined): { xs: number[]; centre: number } => {
  const pts = (el?.getAttribute('points') ?? '').split(' ').map((p) => p.split(',').map(Number));
  return { xs: pts.map((p) => p[0] as number), centre: pts[1]?.[0] as number };
};

describe('forest plot with subgroups', () => {
  const svg = forestPlot(subgroupOptions());
  const doc = parse(svg);
  const x = scaleOf(doc);

  it('draws one block per subgroup, in the order given: a heading with its name, then its studies', () => {
    expect([...doc.querySelectorAll('.subgroup-heading')].map((h) => h.textContent)).toEqual(['alternate', 'random', 'systematic']);
    const blocks = [...doc.querySelectorAll('.subgroup')];
    expect(blocks.map((b) => b.getAttribute('data-subgroup'))).toEqual(['alternate', 'random', 'systematic']);
    sg.groups.forEach((g, k) => {
      const labels = [...(blocks[k]?.querySelectorAll('.study-row .study-label') ?? [])].map((l) => l.textContent);
      expect(labels).toEqual(g.rows.map((i) => BCG[i]?.[0]));
    });
    // every study once
    expect(doc.querySelectorAll('.study-row').length).toBe(13);
    // top to bottom: heading, its studies, its subtotal, its heterogeneity; then the next block
    let last = -Infinity;
    for (const b of blocks) {
      const ys = [yOf(b.querySelector('.subgroup-heading')), ...[...b.querySelectorAll('.study-label')].map(yOf), yOf(b.querySelector('.subgroup-label')), yOf(b.querySelector('.subgroup-heterogeneity'))];
      for (const y of ys) {
        expect(y).toBeGreaterThan(last);
        last = y;
      }
    }
    // then the overall diamond, the overall heterogeneity and the test of subgroup differences
    const after = [yOf(doc.querySelector('.summary-label')), yOf(doc.querySelector('.heterogeneity')), yOf(doc.querySelector('.subgroup-test'))];
    for (const y of after) {
      expect(y).toBeGreaterThan(last);
      last = y;
    }
  });

  it("each subgroup's diamond spans the subgroup's CI through the x scale, centred on its estimate", () => {
    const blocks = [...doc.querySelectorAll('.subgroup')];
    expect(doc.querySelectorAll('.subgroup-diamond').length).toBe(3);
    sg.groups.forEach((g, k) => {
      const { xs, centre } = diamondXs(blocks[k]?.querySelector('.subgroup-diamond'));
      expect(Math.min(...xs)).toBeCloseTo(x(g.fit.ciLower), 1);
      expect(Math.max(...xs)).toBeCloseTo(x(g.fit.ciUpper), 1);
      expect(centre).toBeCloseTo(x(g.fit.estimate), 1);
      const row = blocks[k]?.querySelector('.subgroup-summary');
      expect(Number(row?.getAttribute('data-estimate'))).toBe(g.fit.estimate);
      expect(row?.querySelector('.subgroup-label')?.textContent).toBe('Subtotal');
      const text = row?.querySelector('.estimate-text')?.textContent;
      expect(text).toBe(`${Math.exp(g.fit.estimate).toFixed(2)} [${Math.exp(g.fit.ciLower).toFixed(2)}, ${Math.exp(g.fit.ciUpper).toFixed(2)}]`);
      expect(row?.querySelector('.subgroup-weight')?.textContent).toBe(`${weightOf(g.rows).toFixed(1)}%`);
    });
    // metafor (evidence/test/fixtures/meta/bcg.json), alloc == "random": beta -0.971, CI [-1.512, -0.430]
    expect(blocks[1]?.querySelector('.subgroup-summary .estimate-text')?.textContent).toBe('0.38 [0.22, 0.65]');
    // the overall diamond is still the pooled estimate of all studies
    const overall = diamondXs(doc.querySelector('.summary-diamond'));
    expect(overall.centre).toBeCloseTo(x(fit.estimate), 1);
    expect(Math.min(...overall.xs)).toBeCloseTo(x(fit.ciLower), 1);
  });

  it("prints each subgroup's heterogeneity like the overall line", () => {
    const lines = [...doc.querySelectorAll('.subgroup-heterogeneity')].map((l) => l.textContent);
    expect(lines).toHaveLength(3);
    // metafor (bcg.json), alloc == "systematic": tau^2 0.4003, I^2 86.42%, QE 16.592, QEp 0.00086
    expect(lines[2]).toBe('Heterogeneity: τ² = 0.400; I² = 86.4%; Q = 16.59, df = 3 (p < 0.001)');
    expect(doc.querySelector('.heterogeneity')?.textContent).toBe('Heterogeneity: τ² = 0.313; I² = 92.2%; Q = 152.23, df = 12 (p < 0.001)');
  });

  it('prints the test of subgroup differences with the Q, df and p given', () => {
    // metafor (bcg.json): Q_between = 1.8614 on 2 df, p = 0.3943
    const line = doc.querySelector('.subgroup-test');
    expect(line?.textContent).toBe('Test of subgroup differences: Q = 1.86, df = 2 (p = 0.394)');
    expect(Number(line?.getAttribute('data-q'))).toBe(sg.Qb);
    const given = forestPlot(subgroupOptions({ subgroupTest: { Q: 25.3, df: 3, p: 1.2e-5 } }));
    expect(parse(given).querySelector('.subgroup-test')?.textContent).toBe('Test of subgroup differences: Q = 25.30, df = 3 (p < 0.001)');
  });

  it('escapes subgroup names from the CSV', () => {
    const evil = ['<script>alert("x")</script>', 'A & B', "O'Brien <i>"];
    const o = subgroupOptions();
    const s = forestPlot({ ...o, subgroups: o.subgroups?.map((g, k) => ({ ...g, label: evil[k] as string })) });
    expect(s).not.toContain('<script>');
    expect(s).not.toContain('<i>');
    expect(s).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(s).toContain('A &amp; B');
    const d = parse(s);
    expect([...d.querySelectorAll('.subgroup-heading')].map((h) => h.textContent)).toEqual(evil);
    expect([...d.querySelectorAll('.subgroup')].map((b) => b.getAttribute('data-subgroup'))).toEqual(evil);
  });

  it("uses the given words and number format for the subgroups' texts", () => {
    const uk = forestPlot(
      subgroupOptions({
        labels: { study: 'Дослідження', weight: 'Вага', heterogeneity: 'Гетерогенність', predictionInterval: 'Інтервал прогнозу', intervalSeparator: '; ', subtotal: 'Разом у підгрупі', subgroupTest: 'Тест відмінностей між підгрупами' },
        formatNumber: (v, dg) => v.toFixed(dg).replace('.', ','),
        effectLabel: 'Відношення ризиків',
        summary: { label: 'Модель випадкових ефектів (REML)', estimate: fit.estimate, ciLower: fit.ciLower, ciUpper: fit.ciUpper },
        columns: ['БЦЖ', 'Контроль'],
        favours: ['на користь БЦЖ', 'на користь контролю'],
      }),
    );
    const d = parse(uk);
    expect([...d.querySelectorAll('.subgroup-label')].map((l) => l.textContent)).toEqual(['Разом у підгрупі', 'Разом у підгрупі', 'Разом у підгрупі']);
    expect(d.querySelectorAll('.subgroup')[1]?.querySelector('.subgroup-summary .estimate-text')?.textContent).toBe('0,38 [0,22; 0,65]');
    expect(d.querySelector('.subgroup-heterogeneity')?.textContent).toMatch(/^Гетерогенність: τ² = \d,\d{3}; I² = \d+,\d%; Q = \d+,\d\d, df = 1 \(p = 0,\d{3}\)$/);
    expect(d.querySelector('.subgroup-test')?.textContent).toBe('Тест відмінностей між підгрупами: Q = 1,86, df = 2 (p = 0,394)');
    // no English word left in the figure's own texts
    for (const w of ['Subtotal', 'Test of', 'Heterogeneity', 'Weight', 'Study']) expect(uk).not.toContain(w);
  });

  it('without subgroups the figure is unchanged (an empty list and a lone subgroup test change nothing)', () => {
    const plain = forestPlot(options());
    expect(forestPlot(options({ subgroups: [] }))).toBe(plain);
    expect(forestPlot(options({ subgroupTest: { Q: 1, df: 1, p: 0.3 } }))).toBe(plain);
    const d = parse(plain);
    for (const c of ['.subgroup', '.subgroup-heading', '.subgroup-diamond', '.subgroup-heterogeneity', '.subgroup-test']) expect(d.querySelector(c)).toBeNull();
    expect(plain).not.toContain('Subtotal');
  });

  it('refuses subgroups that leave out a row, name one twice or name a row that does not exist', () => {
    const o = subgroupOptions();
    const groups = o.subgroups ?? [];
    const first = groups[0];
    if (first === undefined) throw new Error('no subgroups');
    expect(() => forestPlot({ ...o, subgroups: [{ ...first, rows: first.rows.slice(1) }, ...groups.slice(1)] })).toThrow(/row 4 \("Frimodt-Moller et al 1973"\) is in no subgroup/);
    expect(() => forestPlot({ ...o, subgroups: [{ ...first, rows: [...first.rows, 0] }, ...groups.slice(1)] })).toThrow(/row 0 .* more than one subgroup/);
    expect(() => forestPlot({ ...o, subgroups: [{ ...first, rows: [...first.rows, 13] }, ...groups.slice(1)] })).toThrow(/names row 13, but there are 13 rows/);
  });
});
