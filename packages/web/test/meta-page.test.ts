// @vitest-environment jsdom
// The custom meta-analysis page in jsdom against a double that answers /api/meta as the server
// does: the accepted headers are shown for the chosen measure; a run shows the pooled table from
// the server's JSON (ratio measures back-transformed) and the forest plot; a bad cell is named by
// row and column and nothing is sent; without the server the browser computes the same numbers and
// says so; an analysis is saved (hostile name as text), listed, reopened and deleted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { metaJson, runMetaAnalysis } from '@ldn/evidence';
import { App } from '../src/App.js';
import { I18nProvider, type Lang } from '../src/i18n/index.js';
import { AppStateProvider } from '../src/state.js';
import { ApiClient } from '../src/api/client.js';
import { forgetMeta } from '../src/pages/MetaPage.js';
import { apiDouble, type ApiDouble } from './support/api-double.js';
import { AsyncFakeWorker } from './support/fake-worker.js';

const EVIL = '<img src=x onerror="window.__pwned=1">';
const CSV = `study,events_1,total_1,events_2,total_2,dose\n"Trial ${EVIL.replace(/"/g, '""')}",12,40,20,41,4.5 mg\nTrial B,8,30,15,29,4.5 mg\nTrial C,5,25,9,26,3 mg\nTrial D,10,50,14,52,3 mg\n`;
const T = { timeout: 15_000 };

function mount(lang: Lang, fetch?: ApiDouble['fetch']): ApiDouble {
  window.location.hash = '#/evidence/meta';
  const api = apiDouble();
  render(createElement(I18nProvider, { initial: lang, children: createElement(AppStateProvider, { worker: () => new AsyncFakeWorker(), api: new ApiClient({ fetch: fetch ?? api.fetch }), children: createElement(App) }) }));
  return api;
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  forgetMeta();
  window.location.hash = '';
});

describe('custom meta-analysis page', () => {
  it('shows the headers, runs through POST /api/meta and shows the pooled result and the forest plot', async () => {
    const api = mount('en');
    expect((await screen.findByTestId('meta-headers', {}, T)).textContent).toContain('study,events_1,total_1,events_2,total_2');
    fireEvent.change(screen.getByLabelText('Effect measure'), { target: { value: 'MD' } });
    expect(screen.getByTestId('meta-headers').textContent).toContain('study,mean_1,sd_1,n_1,mean_2,sd_2,n_2');
    fireEvent.change(screen.getByLabelText('Effect measure'), { target: { value: 'RR' } });
    fireEvent.change(screen.getByLabelText('CSV table (paste it here)'), { target: { value: CSV } });
    fireEvent.change(screen.getByLabelText('Subgroups from a column'), { target: { value: 'dose' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run the meta-analysis' }));
    const result = await screen.findByTestId('meta-result', {}, T);
    expect(result.getAttribute('data-from')).toBe('server');
    expect(api.calls.find((c) => c.path === '/api/meta')?.body).toEqual({ csv: CSV, measure: 'RR', method: 'REML', knha: false, subgroup: 'dose' });
    const expected = metaJson(runMetaAnalysis({ csv: CSV, measure: 'RR', method: 'REML', knha: false, subgroup: 'dose' })) as { exp: { estimate: number } };
    const est = screen.getByTestId('meta-pooled').querySelector('[data-row="estimate"] td')?.textContent ?? '';
    expect(est.startsWith(expected.exp.estimate.toFixed(3).replace(/0+$/, ''))).toBe(true);
    expect(screen.getByTestId('meta-pooled').textContent).toContain('Prediction interval');
    expect(screen.getByTestId('meta-forest').querySelector('svg .summary-diamond')).toBeTruthy();
    // subgroups by dose: a block per subgroup in the figure, and the figure's label says so
    expect([...screen.getByTestId('meta-forest').querySelectorAll('svg .subgroup-heading')].map((h) => h.textContent)).toEqual(['3 mg', '4.5 mg']);
    expect(screen.getByTestId('meta-forest').querySelectorAll('svg .subgroup-diamond')).toHaveLength(2);
    expect(screen.getByLabelText('Forest plot of the studies by subgroup (dose), each subgroup’s estimate and the pooled estimate')).toBeTruthy();
    expect(screen.getByTestId('meta-forest').innerHTML).toContain('Trial &lt;img');
    expect(screen.getByTestId('meta-subgroups').textContent).toContain('4.5 mg');
    expect(document.querySelector('main img')).toBeNull();
  });

  it('names the row and column of a bad cell in Ukrainian, and sends nothing', async () => {
    const api = mount('uk');
    fireEvent.change(await screen.findByLabelText('CSV-таблиця (вставте сюди)', {}, T), { target: { value: CSV.replace('8,30', '8,тридцять') } });
    fireEvent.click(screen.getByRole('button', { name: 'Виконати метааналіз' }));
    const problem = await screen.findByTestId('meta-problem', {}, T);
    expect(problem.textContent).toContain('Рядок 2 (Trial B), стовпець total_1:');
    expect(problem.textContent).toContain('"тридцять" is not a number');
    expect(api.calls.some((c) => c.path === '/api/meta')).toBe(false);
    expect(screen.getByLabelText('CSV-таблиця (вставте сюди)').getAttribute('aria-invalid')).toBe('true');
  });

  it('without the server, computes the same numbers in the browser and says so', async () => {
    const api = apiDouble();
    mount('en', (url, init) => (url.startsWith('/api/meta') && init?.method === 'POST' ? Promise.reject(new TypeError('Failed to fetch')) : api.fetch(url, init)));
    fireEvent.change(await screen.findByLabelText('CSV table (paste it here)', {}, T), { target: { value: CSV } });
    fireEvent.click(screen.getByRole('button', { name: 'Run the meta-analysis' }));
    const result = await screen.findByTestId('meta-result', {}, T);
    expect(result.getAttribute('data-from')).toBe('browser');
    expect(result.textContent).toContain('computed in your browser');
  });

  it('saves (name shown as text), lists, reopens and deletes an analysis', async () => {
    const api = mount('en');
    fireEvent.change(await screen.findByLabelText('CSV table (paste it here)', {}, T), { target: { value: CSV } });
    fireEvent.change(screen.getByLabelText('Model and τ² estimator'), { target: { value: 'DL' } });
    fireEvent.click(screen.getByLabelText('Knapp–Hartung test and interval'));
    fireEvent.click(screen.getByRole('button', { name: 'Run the meta-analysis' }));
    await screen.findByTestId('meta-result', {}, T);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: `Pooled ${EVIL}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('meta-save-status').textContent).toBe(`Saved “Pooled ${EVIL}”.`), T);
    expect([...api.metaAnalyses.values()][0]?.request).toMatchObject({ method: 'DL', knha: true });
    const item = await screen.findByRole('heading', { name: `Pooled ${EVIL}` }, T);
    expect(item.closest('[data-meta-analysis]')).toBeTruthy();
    // change the form, then reopen the saved analysis
    fireEvent.change(screen.getByLabelText('Model and τ² estimator'), { target: { value: 'FE' } });
    fireEvent.click(within(screen.getByTestId('meta-saved-list')).getByRole('button', { name: `Open “Pooled ${EVIL}”` }));
    await waitFor(() => expect(screen.getByLabelText<HTMLSelectElement>('Model and τ² estimator').value).toBe('DL'), T);
    expect(screen.getByLabelText<HTMLInputElement>('Knapp–Hartung test and interval').checked).toBe(true);
    await waitFor(() => expect(screen.getByTestId('meta-pooled').textContent).toContain('t test (3 df)'), T);
    fireEvent.click(screen.getByRole('button', { name: `Delete “Pooled ${EVIL}”` }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    await screen.findByText('No saved meta-analyses yet.', {}, T);
    expect(api.metaAnalyses.size).toBe(0);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
