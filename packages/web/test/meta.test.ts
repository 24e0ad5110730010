// The custom meta-analysis's browser side: the figure in English is the server's `?format=svg`
// byte for byte (the same @ldn/evidence and @ldn/figures calls), in Ukrainian the same figure with
// translated words, decimal commas and study names still escaped; input problems name the row,
// the study and the column in both languages; subgroup candidates are the columns outside the
// layout; with a subgroup column the figure's subgroup blocks carry translated words; the API body
// leaves revman5 out unless asked for.
import { describe, expect, it } from 'vitest';
import { metaForestData, metaJson, runMetaAnalysis } from '@ldn/evidence';
import { forestPlot } from '@ldn/figures';
import { makeI18n } from '../src/i18n/index.js';
import { describeMetaError, extraColumns, localForestSvg, metaBody, runLocal, type MetaFormRequest } from '../src/evidence/meta.js';

const CSV = 'study,events_1,total_1,events_2,total_2,dose\n"Trial <b>A</b>",12,40,20,41,4.5 mg\nTrial B,8,30,15,29,4.5 mg\nTrial C,5,25,9,26,3 mg\n';
const REQ: MetaFormRequest = { csv: CSV, measure: 'RR', method: 'REML', knha: false, subgroup: null, revman5: false };

describe('custom meta-analysis in the browser', () => {
  it('gives the numbers and, in English, the figure of ldn meta / POST /api/meta', () => {
    const local = runLocal(REQ, makeI18n('en'));
    if (!('result' in local)) throw new Error('no result');
    const server = runMetaAnalysis({ csv: CSV, measure: 'RR', method: 'REML', knha: false, subgroup: null });
    expect(metaJson(local.result)).toEqual(metaJson(server));
    expect(localForestSvg(local.result, makeI18n('en'))).toBe(forestPlot(metaForestData(server)));
  });

  it('in Ukrainian: translated words, decimal commas, names escaped', () => {
    const local = runLocal({ ...REQ, subgroup: 'dose' }, makeI18n('uk'));
    if (!('result' in local)) throw new Error('no result');
    const svg = localForestSvg(local.result, makeI18n('uk'));
    for (const w of ['Дослідження', 'Лікування', 'Контроль', 'Вага', 'Модель випадкових ефектів (REML)', 'Інтервал прогнозу', 'відношення ризиків [95 % ДІ]']) expect(svg).toContain(w);
    expect(svg).toMatch(/0,\d\d \[0,\d\d; [01],\d\d\]/); // limits separated by "; " next to decimal commas
    expect(svg).toContain('Trial &lt;b&gt;A&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
    // an extra column is a cell of the figure (unless it defines the subgroups) and a subgroup candidate
    expect(svg).not.toMatch(/class="cell"[^>]*>4\.5 mg</); // the subgroups' column is their headings, not a cell
    expect(svg).toMatch(/class="subgroup-heading"[^>]*>4\.5 mg</);
    const plain = runLocal(REQ, makeI18n('uk'));
    expect('result' in plain && localForestSvg(plain.result, makeI18n('uk'))).toContain('4.5 mg');
    expect(extraColumns(CSV, 'RR')).toEqual(['dose']);
    expect(extraColumns('study,mean_1,sd_1,n_1,mean_2,sd_2,n_2,region', 'MD')).toEqual(['region']);
  });

  it('with a subgroup column: the server figure in English, its subgroup words translated in Ukrainian', () => {
    const req = { ...REQ, subgroup: 'dose' };
    const en = runLocal(req, makeI18n('en'));
    const uk = runLocal(req, makeI18n('uk'));
    if (!('result' in en) || !('result' in uk)) throw new Error('no result');
    const enSvg = localForestSvg(en.result, makeI18n('en'));
    expect(enSvg).toBe(forestPlot(metaForestData(runMetaAnalysis({ csv: CSV, measure: 'RR', method: 'REML', knha: false, subgroup: 'dose' }))));
    expect([...enSvg.matchAll(/class="subgroup-heading"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(['3 mg', '4.5 mg']);
    expect(enSvg).toContain('>Subtotal<');
    expect(enSvg).toContain('Test of subgroup differences: Q = ');
    const ukSvg = localForestSvg(uk.result, makeI18n('uk'));
    expect([...ukSvg.matchAll(/class="subgroup-heading"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(['3 mg', '4.5 mg']);
    expect(ukSvg.match(/>Разом у підгрупі</g)).toHaveLength(2);
    expect(ukSvg).toMatch(/>Тест відмінностей між підгрупами: Q = \d+,\d\d, df = 1 \(p = 0,\d{3}\)</);
    expect(ukSvg).toMatch(/class="subgroup-heterogeneity"[^>]*>Гетерогенність: τ² = /);
    for (const w of ['Subtotal', 'Test of', 'Heterogeneity']) expect(ukSvg).not.toContain(w);
  });

  it('names the row, the study and the column of a bad cell, and the option that does not fit', () => {
    const bad = CSV.replace('8,30,15,29', '8,thirty,15,29');
    for (const [lang, text] of [
      ['en', 'Row 2 (Trial B), column total_1:'],
      ['uk', 'Рядок 2 (Trial B), стовпець total_1:'],
    ] as const) {
      const r = runLocal({ ...REQ, csv: bad }, makeI18n(lang));
      expect('problem' in r && r.problem).toMatchObject({ text, field: 'csv', detail: '"thirty" is not a number' });
    }
    const missing = runLocal({ ...REQ, csv: 'study,events_1,total_1\nA,1,2\n' }, makeI18n('en'));
    expect('problem' in missing && missing.problem.text).toBe('Column events_2:');
    const mh = runLocal({ ...REQ, measure: 'MD', method: 'MH' }, makeI18n('uk'));
    expect('problem' in mh && mh.problem).toMatchObject({ field: 'method', text: 'Метод Мантеля — Гензеля потребує міри RR, OR або RD, а не MD.' });
    expect(describeMetaError(new Error('other'), makeI18n('en'))).toBeUndefined();
  });

  it('sends revman5 only when asked', () => {
    expect(metaBody(REQ)).toEqual({ csv: CSV, measure: 'RR', method: 'REML', knha: false, subgroup: null });
    expect(metaBody({ ...REQ, method: 'MH', revman5: true })).toMatchObject({ method: 'MH', revman5: true });
  });
});
