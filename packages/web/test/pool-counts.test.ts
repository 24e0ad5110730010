// @vitest-environment jsdom
// From a condition's forest plot to a meta-analysis the reader sets up: the counts behind the
// computed risk ratios go to the meta page as an `ldn meta` 2×2 CSV (treated arm first, outcome and
// timepoint as extra columns, RFC 4180 quoting), grouped by outcome, with the warning that a pool of
// different outcomes is not evidence; the page runs them as it runs a pasted CSV.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { parseCsv, runMetaAnalysis, StudySchema, type Study } from '@ldn/evidence';
import { App } from '../src/App.js';
import { I18nProvider } from '../src/i18n/index.js';
import { AppStateProvider } from '../src/state.js';
import { ApiClient } from '../src/api/client.js';
import { forgetMeta } from '../src/pages/MetaPage.js';
import { forestGroups } from '../src/evidence/forest.js';
import { countsCsv } from '../src/evidence/meta-draft.js';
import { apiDouble } from './support/api-double.js';
import { AsyncFakeWorker } from './support/fake-worker.js';

const T = { timeout: 15_000 };

/** A two-arm endometriosis study with a dichotomous outcome (ids and numbers made up for the test). */
function study(id: string, label: string, outcome: string, [e1, n1, e2, n2]: [number, number, number, number]): Study {
  const n = (value: number) => ({ status: 'confirmed', value, reported: String(value), source: `${id}-src`, where: 'table' });
  return StudySchema.parse({
    id,
    label,
    sourceIds: [`${id}-src`],
    seedMention: 'not_cited',
    design: 'randomised, placebo-controlled',
    evidenceLevel: 'rct',
    conditions: ['endometriosis'],
    population: 'women with endometriosis',
    flow: {},
    arms: [
      { id: 'ldn', label: 'LDN', role: 'ldn', intervention: 'LDN 4.5 mg' },
      { id: 'pbo', label: 'placebo', role: 'placebo', intervention: 'placebo' },
    ],
    outcomes: [{ id: 'o', name: outcome, category: 'efficacy', timepoint: '12 weeks', results: [{ arm: 'ldn', events: n(e1), total: n(n1) }, { arm: 'pbo', events: n(e2), total: n(n2) }] }],
  });
}

const STUDIES = [study('a2025', 'Doe, "A" 2025', 'pain response', [18, 30, 9, 30]), study('b2026', 'Roe 2026', 'pain response', [12, 25, 7, 26]), study('c2026', 'Poe 2026', 'dyspareunia, any', [5, 20, 6, 21])];

afterEach(() => {
  cleanup();
  forgetMeta();
  window.location.hash = '';
});

describe('pooling the counts of a forest plot', () => {
  it('writes the counts as an ldn meta CSV that parses back to the same numbers', () => {
    const rr = forestGroups(STUDIES).groups.find((g) => g.measure === 'RR')!;
    const csv = countsCsv(rr.entries)!;
    expect(csv.split('\n')[0]).toBe('study,events_1,total_1,events_2,total_2,outcome,timepoint');
    expect(csv).toContain('"Doe, ""A"" 2025",18,30,9,30,pain response,12 weeks');
    expect(csv).toContain('Poe 2026,5,20,6,21,"dyspareunia, any",12 weeks');
    const parsed = parseCsv(csv);
    expect(parsed.rows.map((r) => r[0])).toEqual(['Doe, "A" 2025', 'Roe 2026', 'Poe 2026']);
    // and the engine pools it by outcome
    const result = runMetaAnalysis({ csv, measure: 'RR', method: 'REML', subgroup: 'outcome' });
    expect(result.subgroups?.groups.map((g) => g.group).sort()).toEqual(['dyspareunia, any', 'pain response']);
  });

  it('opens the meta page with the rows, grouped by outcome, and the warning', async () => {
    window.location.hash = '#/evidence?condition=endometriosis';
    const api = apiDouble(STUDIES);
    render(createElement(I18nProvider, { initial: 'en', children: createElement(AppStateProvider, { worker: () => new AsyncFakeWorker(), api: new ApiClient({ fetch: api.fetch }), children: createElement(App) }) }));
    fireEvent.click(await screen.findByTestId('pool-counts', {}, T));
    await waitFor(() => expect(window.location.hash).toBe('#/evidence/meta'));
    expect((await screen.findByTestId('meta-draft', {}, T)).textContent).toContain('3 studies, 2 different outcomes');
    const box = screen.getByLabelText<HTMLTextAreaElement>('CSV table (paste it here)');
    expect(box.value).toBe(countsCsv(forestGroups(STUDIES).groups.find((g) => g.measure === 'RR')!.entries));
    expect(screen.getByLabelText<HTMLSelectElement>('Subgroups from a column').value).toBe('outcome');
    fireEvent.click(screen.getByRole('button', { name: 'Run the meta-analysis' }));
    expect((await screen.findByTestId('meta-subgroups', {}, T)).textContent).toContain('pain response');
  });
});
