// @vitest-environment jsdom
// The dosing planner in jsdom against a double of the API that answers /api/plans as the server
// does (@ldn/planner's buildPlan: 200, 422 with the refused plan, 409 with it, 400 naming the
// field). A block shows its rule, source and evidence and no schedule; a warning's "I acknowledge"
// box re-submits with `ack` and the plan appears with its calendar; a fact not stated takes you to
// its field; a refused field is marked and focused; a plan is saved (hostile name shown as text),
// listed, reopened and deleted; the rules tab lists every rule with its level and sources.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { listRules } from '@ldn/planner';
import { App } from '../src/App.js';
import { I18nProvider, type Lang } from '../src/i18n/index.js';
import { AppStateProvider } from '../src/state.js';
import { ApiClient } from '../src/api/client.js';
import { forgetPlanner } from '../src/pages/planner/PlannerPage.js';
import { apiDouble, type ApiDouble } from './support/api-double.js';
import { AsyncFakeWorker } from './support/fake-worker.js';

const EVIL = '<img src=x onerror="window.__pwned=1">';
const T = { timeout: 15_000 };

function mount(lang: Lang, hash = '#/planner'): ApiDouble {
  window.location.hash = hash;
  const api = apiDouble();
  render(createElement(I18nProvider, { initial: lang, children: createElement(AppStateProvider, { worker: () => new AsyncFakeWorker(), api: new ApiClient({ fetch: api.fetch }), children: createElement(App) }) }));
  return api;
}

function go(hash: string): void {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

const planPosts = (api: ApiDouble) => api.calls.filter((c) => c.method === 'POST' && c.path === '/api/plans');

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  forgetPlanner();
  window.location.hash = '';
});

describe('dosing planner', () => {
  it('a regular opioid blocks: the rule with its reason, source and evidence level, the disclaimer, and no schedule', async () => {
    mount('en');
    fireEvent.change(await screen.findByLabelText('Opioids now or recently', {}, T), { target: { value: 'listed' } });
    fireEvent.change(screen.getByLabelText('Use'), { target: { value: 'regular' } });
    fireEvent.click(screen.getByRole('button', { name: 'Build the plan' }));
    const view = await screen.findByTestId('plan-view', {}, T);
    await waitFor(() => expect(view.getAttribute('data-status')).toBe('blocked'));
    expect(screen.getByTestId('plan-disclaimer').textContent).toContain('This plan supports, and does not replace, the clinician.');
    expect(screen.getByTestId('plan-status').textContent).toContain('No plan: a rule blocks it');
    const block = within(screen.getByTestId('plan-blocks')).getByText('R01-opioid-regular').closest('[data-rule]')!;
    expect(block.textContent).toContain('naltrexone is contraindicated per label');
    expect(block.textContent).toContain('regular use: tramadol');
    expect(block.querySelector('[data-source="label-current"] [data-tag="L"]')).toBeTruthy();
    expect(screen.queryByTestId('plan-calendar')).toBeNull();
    expect(screen.queryByTestId('plan-actions')).toBeNull();
  });

  it('a warning needs acknowledgement: the box re-submits with ack and the plan arrives with its calendar; a fact not stated takes you to its field', async () => {
    const api = mount('en');
    fireEvent.change(await screen.findByLabelText('Planning pregnancy', {}, T), { target: { value: 'yes' } });
    fireEvent.click(screen.getByRole('button', { name: 'Build the plan' }));
    await waitFor(() => expect(screen.getByTestId('plan-view').getAttribute('data-status')).toBe('needs-acknowledgement'), T);
    expect(screen.queryByTestId('plan-calendar')).toBeNull();
    fireEvent.click(screen.getByLabelText('I acknowledge R27'));
    await waitFor(() => expect(screen.getByTestId('plan-view').getAttribute('data-status')).toBe('ok'), T);
    expect(planPosts(api).at(-1)?.body).toMatchObject({ planning_pregnancy: true, ack: ['R27-pregnancy'] });
    expect(screen.getByLabelText<HTMLInputElement>('I acknowledge R27').checked).toBe(true);
    const calendar = screen.getByTestId('plan-calendar');
    expect(calendar.querySelectorAll('tbody tr').length).toBe(56);
    expect(calendar.querySelector('tbody tr')!.textContent).toMatch(/1 mg.*1 mL/);
    expect(screen.getByTestId('plan-steps').textContent).toContain('4.5 mg');
    expect(screen.getByTestId('plan-bud').textContent).toContain('14 days at 2–8 °C');
    expect(screen.getByTestId('plan-simulation').textContent).toContain('Model output, not a clinical fact');
    expect(screen.getByTestId('plan-evidence').querySelector('[data-study]')).toBeTruthy();
    expect(screen.getByTestId('plan-sources').querySelectorAll('li').length).toBeGreaterThan(5);
    // asks: the button goes to the field
    fireEvent.click(within(screen.getByTestId('plan-asks')).getByRole('button', { name: 'Go to: Breastfeeding' }));
    expect(document.activeElement?.id).toBe('plan-lactating');
  });

  it('a refused field is named, marked invalid and focused', async () => {
    mount('en');
    fireEvent.change(await screen.findByLabelText('Body weight', {}, T), { target: { value: '500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Build the plan' }));
    const err = await screen.findByTestId('plan-field-error', {}, T);
    expect(err.textContent).toContain('The server refused field weight');
    expect(err.textContent).toContain('300 kg');
    await waitFor(() => expect(document.activeElement?.id).toBe('plan-weight'));
    expect(document.activeElement?.getAttribute('aria-invalid')).toBe('true');
  });

  it('in Ukrainian: saves a plan (hostile name shown as text), lists, reopens and deletes it', async () => {
    const api = mount('uk');
    fireEvent.change(await screen.findByLabelText('Ім’я або код пацієнта', {}, T), { target: { value: `Пацієнтка ${EVIL}` } });
    fireEvent.change(screen.getByLabelText('Опіоїди зараз або нещодавно'), { target: { value: 'none' } });
    fireEvent.click(screen.getByRole('button', { name: 'Скласти план' }));
    await waitFor(() => expect(screen.getByTestId('plan-view').getAttribute('data-status')).toBe('ok'), T);
    expect(screen.getByTestId('plan-disclaimer').textContent).toContain('Цей план підтримує лікаря, але не замінює його.');
    expect(screen.getByTestId('plan-steps').textContent).toContain('4,5 мг');
    fireEvent.change(screen.getByLabelText('Назва'), { target: { value: `План ${EVIL}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Зберегти план' }));
    await screen.findByTestId('plan-saved-note', {}, T);
    expect(api.savedPlans.size).toBe(1);
    const saved = [...api.savedPlans.values()][0]!;
    expect(saved.request).toMatchObject({ name: `Пацієнтка ${EVIL}`, opioids: [], lang: 'uk' });

    go('#/planner/saved');
    const heading = await screen.findByRole('heading', { name: `План ${EVIL}` }, T);
    expect(heading.closest('[data-saved-plan]')).toBeTruthy();
    expect(document.querySelector('main img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: `Відкрити «План ${EVIL}»` }));
    await waitFor(() => expect(window.location.hash).toBe('#/planner'));
    go('#/planner');
    expect((await screen.findByTestId('plan-saved-note', {}, T)).textContent).toContain(`План ${EVIL}`);
    expect(screen.getByLabelText<HTMLInputElement>('Ім’я або код пацієнта').value).toBe(`Пацієнтка ${EVIL}`);
    expect(screen.getByTestId('plan-ics').getAttribute('href')).toBe(`/api/saved-plans/${String(saved.id)}?format=ics`);

    go('#/planner/saved');
    fireEvent.click(await screen.findByRole('button', { name: `Видалити «План ${EVIL}»` }, T));
    fireEvent.click(screen.getByRole('button', { name: 'Так, видалити' }));
    await screen.findByText('Збережених планів ще немає. Збережіть план на вкладці «План».', {}, T);
    expect(api.savedPlans.size).toBe(0);
  });

  it('the rules tab lists every rule with its levels, evidence and sources', async () => {
    mount('uk', '#/planner/rules');
    const list = await screen.findByTestId('plan-rules', {}, T);
    await waitFor(() => expect(list.querySelectorAll('[data-rule]').length).toBe(listRules().length), T);
    const r01 = list.querySelector('[data-rule="R01-opioid-regular"]')!;
    expect(r01.textContent).toContain('Регулярне застосування опіоїдів');
    expect(r01.textContent).toContain('блокує');
    expect(r01.textContent).toContain('Доказовість: L');
    expect(r01.querySelector('[data-source="label-current"]')).toBeTruthy();
  });
});
