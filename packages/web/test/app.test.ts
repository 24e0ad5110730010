// @vitest-environment jsdom
// The app rendered in jsdom with the simulation worker replaced by the same handler on a later task
// and the API by a test double: the simulator shows a result with the model note and localised
// numbers, moving the dose re-simulates and redraws the curve, the language switch translates and
// sets <html lang>, text from users and from records is shown as text (never as markup), scenarios
// are saved, reopened and deleted, and a regimen the model refuses shows the engine's message.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { listStudies, type Study } from '@ldn/evidence';
import { App } from '../src/App.js';
import { I18nProvider, type Lang } from '../src/i18n/index.js';
import { AppStateProvider } from '../src/state.js';
import { ApiClient } from '../src/api/client.js';
import { toRequest, DEFAULT_STATE } from '../src/sim/editor.js';
import { apiDouble, type ApiDouble } from './support/api-double.js';
import { AsyncFakeWorker } from './support/fake-worker.js';

const EVIL = '<img src=x onerror="window.__pwned=1">';

function tree(lang: Lang, worker: AsyncFakeWorker, api: ApiClient): ReturnType<typeof createElement> {
  return createElement(I18nProvider, { initial: lang, children: createElement(AppStateProvider, { worker: () => worker, api, children: createElement(App) }) });
}

function mount(lang: Lang, hash = '#/simulator', api: ApiDouble = apiDouble()): { api: ApiDouble; worker: AsyncFakeWorker } {
  window.location.hash = hash;
  const worker = new AsyncFakeWorker();
  const client = new ApiClient({ fetch: api.fetch });
  render(tree(lang, worker, client));
  return { api, worker };
}

const curve = (panel: string): string => document.querySelector(`[data-testid="${panel}"] svg path[stroke="#1f5f99"]`)?.getAttribute('d') ?? document.querySelector(`[data-testid="${panel}"] .series-0 path`)?.getAttribute('d') ?? '';

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('simulator', () => {
  it('shows a result with the model note, cards in Ukrainian number format and the plots', async () => {
    mount('uk');
    const results = await screen.findByTestId('results', {}, { timeout: 10_000 });
    expect(within(results).getByTestId('model-note').textContent).toContain('а не клінічний факт');
    expect(screen.getByTestId('card-ntx').textContent).toMatch(/\d,\d+ нг\/мл/);
    expect(screen.getByTestId('card-mu').textContent).toMatch(/\d+% \/ \d+%/);
    expect(document.querySelectorAll('[data-testid="panel-plasma"] svg').length).toBeGreaterThan(0);
    expect(curve('panel-plasma')).not.toBe('');
    expect(document.documentElement.lang).toBe('uk');
  });

  it('moving the dose slider re-simulates and changes the curve', async () => {
    mount('en');
    const results = await screen.findByTestId('results', {}, { timeout: 10_000 });
    const before = curve('panel-plasma');
    const id = results.getAttribute('data-request-id');
    fireEvent.change(screen.getByLabelText('Dose'), { target: { value: '9' } });
    await waitFor(() => expect(screen.getByTestId('results').getAttribute('data-request-id')).not.toBe(id), { timeout: 10_000 });
    expect(screen.getByTestId('dose-value').textContent).toBe('9 mg');
    expect(curve('panel-plasma')).not.toBe(before);
    expect(screen.getByTestId('regimen-description').textContent).toBe('9 mg daily at 22:00');
  });

  it('switching the language translates labels, keeps the choice and sets <html lang>', async () => {
    mount('en');
    await screen.findByTestId('results', {}, { timeout: 10_000 });
    expect(screen.getByRole('link', { name: 'Simulator' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'uk' } });
    expect(screen.getByRole('link', { name: 'Симулятор' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('uk');
    expect(localStorage.getItem('ldn.lang')).toBe('uk');
    expect(screen.getByLabelText('Точна доза')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('regimen-description').textContent).toBe('4,5 мг щодня о 22:00'));
  });

  it('the exact-dose box takes a decimal comma and arrow keys', async () => {
    mount('uk');
    await screen.findByTestId('results', {}, { timeout: 10_000 });
    const box = screen.getByLabelText('Точна доза');
    fireEvent.change(box, { target: { value: '2,5' } });
    expect(screen.getByTestId('dose-value').textContent).toBe('2,5 мг');
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(screen.getByTestId('dose-value').textContent).toBe('2,55 мг');
  });

  it('shows the engine’s message when a missed dose falls outside the span', async () => {
    mount('en');
    await screen.findByTestId('results', {}, { timeout: 10_000 });
    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a missed dose' }));
    const alert = await screen.findByTestId('sim-error', {}, { timeout: 10_000 });
    expect(alert.textContent).toContain('missed dose on day 40 matches no scheduled dose');
    expect(alert.textContent).toContain('field: regimen');
    fireEvent.click(screen.getByRole('button', { name: 'Remove the missed dose on day 40' }));
    await waitFor(() => expect(screen.queryByTestId('sim-error')).toBeNull(), { timeout: 10_000 });
  });
});

describe('scenarios', () => {
  it('saves with the request of the editor, lists user text as text, reopens and deletes', async () => {
    const { api } = mount('en');
    await screen.findByTestId('results', {}, { timeout: 10_000 });
    fireEvent.change(screen.getByLabelText('Dose'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: `Night ${EVIL}` } });
    fireEvent.change(screen.getByLabelText('Notes (optional)'), { target: { value: `notes ${EVIL}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Save scenario' }));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe(`Saved “Night ${EVIL}”.`));
    const post = api.calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ name: `Night ${EVIL}`, request: toRequest({ ...DEFAULT_STATE, dose_mg: 3 }), notes: `notes ${EVIL}` });

    // change the editor, then reopen the saved scenario from the list
    fireEvent.change(screen.getByLabelText('Dose'), { target: { value: '7' } });
    act(() => {
      window.location.hash = '#/scenarios';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    const item = await screen.findByRole('heading', { name: `Night ${EVIL}` }, { timeout: 10_000 });
    expect(item.closest('[data-scenario]')).toBeTruthy();
    expect(screen.getByText(`notes ${EVIL}`)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: `Open “Night ${EVIL}” in the simulator` }));
    await waitFor(() => expect(window.location.hash).toBe('#/simulator'));
    act(() => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await waitFor(() => expect(screen.getByTestId('dose-value').textContent).toBe('3 mg'), { timeout: 10_000 });
    // changes saved back to the same scenario (PUT)
    fireEvent.change(screen.getByLabelText('Dose'), { target: { value: '3.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'PUT' && c.path === '/api/scenarios/s1')).toBe(true));
    expect(api.scenarios.get('s1')?.request).toEqual(toRequest({ ...DEFAULT_STATE, dose_mg: 3.5 }));
    expect(api.scenarios.get('s1')?.notes).toBe(`notes ${EVIL}`);

    act(() => {
      window.location.hash = '#/scenarios';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    fireEvent.click(await screen.findByRole('button', { name: `Delete “Night ${EVIL}”` }, { timeout: 10_000 }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    await screen.findByText('No saved scenarios yet. Save one from the simulator.', {}, { timeout: 10_000 });
    expect(api.calls.some((c) => c.method === 'DELETE' && c.path === '/api/scenarios/s1')).toBe(true);
  });

  it('says the server is unreachable when it is', async () => {
    window.location.hash = '#/scenarios';
    const client = new ApiClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    render(tree('uk', new AsyncFakeWorker(), client));
    const box = await screen.findByTestId('api-error', {}, { timeout: 10_000 });
    expect(box.textContent).toContain('Сервер недоступний');
  });
});

describe('evidence', () => {
  it('lists studies with evidence levels and draws forest plots; a record’s text stays text', async () => {
    const base = listStudies({ condition: 'fibromyalgia' });
    const evil: Study = { ...base.find((s) => s.id === 'final2024')!, id: 'user-added', label: `User ${EVIL}` };
    mount('uk', '#/evidence?condition=fibromyalgia', apiDouble([evil]));
    const table = await screen.findByTestId('studies-table', {}, { timeout: 10_000 });
    expect(within(table).getByText('Younger 2009')).toBeTruthy();
    expect(within(table).getByText(`User ${EVIL}`)).toBeTruthy();
    expect(within(table).getAllByText('РКД').length).toBeGreaterThan(0);
    expect(document.querySelector('[data-testid="studies-table"] img')).toBeNull();
    const forest = screen.getByTestId('forest-MD');
    expect(forest.querySelector('svg')).toBeTruthy();
    expect(forest.querySelector('img')).toBeNull();
    expect(forest.innerHTML).toContain('User &lt;img');
    expect(forest.textContent).toContain('Дослідження');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('the claims ledger filters by verdict through the API', async () => {
    const { api } = mount('en', '#/evidence/claims');
    await screen.findByTestId('claims-count', {}, { timeout: 10_000 });
    fireEvent.change(screen.getByLabelText('Verdict'), { target: { value: 'contradicted' } });
    await waitFor(() => expect(api.calls.at(-1)?.path).toBe('/api/evidence/claims?verdict=contradicted'));
    await waitFor(() => expect(document.querySelectorAll('[data-claim]').length).toBeGreaterThan(0));
    for (const b of document.querySelectorAll('[data-claim] [data-verdict]')) expect(b.getAttribute('data-verdict')).toBe('contradicted');
  });
});
