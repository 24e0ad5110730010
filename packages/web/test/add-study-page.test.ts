// @vitest-environment jsdom
// The add-a-study page in jsdom against a double that validates POST /api/evidence/studies as the
// server does: a filled form is sent as a record whose numbers are confirmed as printed and opens
// the new study's page (marked "added by a user", with its checks), where it can be deleted; a
// mistake is marked at its field in the reader's language and nothing is sent; a server conflict
// is shown at the field it names; the JSON view sends what it holds; hostile text stays text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { App } from '../src/App.js';
import { I18nProvider, type Lang } from '../src/i18n/index.js';
import { AppStateProvider } from '../src/state.js';
import { ApiClient } from '../src/api/client.js';
import { forgetAddStudy } from '../src/pages/AddStudyPage.js';
import { formFieldOfServer } from '../src/evidence/study-form.js';
import { apiDouble, type ApiDouble } from './support/api-double.js';
import { AsyncFakeWorker } from './support/fake-worker.js';

const EVIL = '<img src=x onerror="window.__pwned=1">';
const T = { timeout: 15_000 };

function mount(lang: Lang): ApiDouble {
  window.location.hash = '#/evidence/add';
  const api = apiDouble();
  render(createElement(I18nProvider, { initial: lang, children: createElement(AppStateProvider, { worker: () => new AsyncFakeWorker(), api: new ApiClient({ fetch: api.fetch }), children: createElement(App) }) }));
  return api;
}

const type = (label: string | RegExp, value: string, within_: HTMLElement = document.body): void => {
  fireEvent.change(within(within_).getByLabelText(label), { target: { value } });
};

/** Fills the form (English labels) with a two-arm RCT with one dichotomous outcome. */
async function fillEnglish(): Promise<void> {
  type('Label', `Doe 2025 ${EVIL}`, await screen.findByTestId('add-form', {}, T));
  type('Design', 'randomised, double-blind, placebo-controlled');
  fireEvent.click(screen.getByLabelText('endometriosis'));
  type('Population', 'women with endometriosis-associated pelvic pain');
  type('Citation', 'Doe J, et al. LDN for endometriosis pain. Test J. 2025;1:1-9.');
  type('Year', '2025');
  fireEvent.change(screen.getByLabelText('Part of the source'), { target: { value: 'table' } });
  type('Exact place', 'Table 2');
  type('Enrolled', '60');
  const arm0 = screen.getByTestId('add-arm-0');
  type('Arm', 'LDN', arm0);
  type('Participants', '30', arm0);
  type('Dose, mg/day', '4,5', arm0);
  type('What this arm received', 'naltrexone 4.5 mg at bedtime', arm0);
  const arm1 = screen.getByTestId('add-arm-1');
  type('Arm', 'placebo', arm1);
  type('Participants', '30', arm1);
  type('What this arm received', 'identical placebo capsule', arm1);
  fireEvent.click(screen.getByRole('button', { name: 'Add an outcome' }));
  const out = screen.getByTestId('add-outcome-0');
  type('Outcome', 'pain response', out);
  type('LDN: Events', '18', out);
  type('LDN: Of', '30', out);
  type('placebo: Events', '9', out);
  type('placebo: Of', '30', out);
  type('p-value', '0.02', out);
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  forgetAddStudy();
  window.location.hash = '';
});

describe('add a study', () => {
  it('sends the record, opens the new study (marked as added by a user, with its checks) and deletes it', async () => {
    const api = mount('en');
    await fillEnglish();
    fireEvent.click(screen.getByRole('button', { name: 'Add the study' }));
    await waitFor(() => expect(window.location.hash).toBe('#/evidence/studies/doe2025imgsrcxonerrorwindowpwned1'), T);
    const sent = api.calls.find((c) => c.path === '/api/evidence/studies' && c.method === 'POST')?.body as { study: { arms: { dose?: { perDay: unknown } }[]; outcomes: { results: { events: unknown }[] }[] }; sources: { id: string }[] };
    expect(sent.sources.map((s) => s.id)).toEqual(['doe2025imgsrcxonerrorwindowpwned1-src']);
    expect(sent.study.arms[0]!.dose!.perDay).toMatchObject({ status: 'confirmed', value: 4.5, reported: '4.5', where: 'table', locator: 'Table 2' });
    expect(sent.study.outcomes[0]!.results[1]!.events).toMatchObject({ value: 9, reported: '9' });
    expect(api.userEvidence.studies).toHaveLength(1);

    const detail = await screen.findByTestId('study-detail', {}, T);
    expect(within(detail).getByTestId('study-user').textContent).toContain('added by a user');
    expect(detail.textContent).toContain(`Doe 2025 ${EVIL}`);
    // a user's record is in the language they wrote it in, not marked English
    expect(within(detail).getByText('women with endometriosis-associated pelvic pain').getAttribute('lang')).toBeNull();
    expect(within(detail).getByText('randomised, double-blind, placebo-controlled').getAttribute('lang')).toBeNull();
    expect(document.querySelector('main img')).toBeNull();
    fireEvent.click(within(detail).getByRole('button', { name: /^Delete/ }));
    fireEvent.click(within(detail).getByRole('button', { name: /Yes|delete/i }));
    await waitFor(() => expect(window.location.hash).toBe('#/evidence'), T);
    expect(api.userEvidence.studies).toHaveLength(0);
  });

  it('marks each mistake at its field in Ukrainian, focuses the first, and sends nothing', async () => {
    const api = mount('uk');
    const form = await screen.findByTestId('add-form', {}, T);
    type('Позначення', 'Іваненко 2025', form);
    type('Залучено', '60.5');
    fireEvent.click(screen.getByRole('button', { name: 'Додати дослідження' }));
    const problems = await screen.findByTestId('add-problems', {}, T);
    expect(problems.textContent).toContain('«60.5» — не кількість');
    expect(problems.textContent).toContain('Оберіть хоча б один стан.');
    expect(problems.textContent).toContain('Кожній групі потрібна назва');
    const enrolled = screen.getByLabelText('Залучено');
    expect(enrolled.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(enrolled.getAttribute('aria-describedby') ?? '')?.textContent).toContain('не кількість');
    // the id made from the Ukrainian label is shown
    expect(screen.getByText('Якщо залишити порожнім, ідентифікатор буде «ivanenko2025».')).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.id).toBe('add-design'));
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('shows a taken id (409) at the id field', async () => {
    const api = mount('en');
    await fillEnglish();
    type('Id', 'smith2007');
    fireEvent.click(screen.getByRole('button', { name: 'Add the study' }));
    const problems = await screen.findByTestId('add-problems', {}, T);
    expect(problems.textContent).toContain('study id "smith2007" already exists');
    expect(screen.getByLabelText('Id').getAttribute('aria-invalid')).toBe('true');
    expect(api.userEvidence.studies).toHaveLength(0);
    expect(window.location.hash).toBe('#/evidence/add');
  });

  it('the JSON view starts from the form, and sends what it holds', async () => {
    const api = mount('en');
    await fillEnglish();
    fireEvent.click(screen.getByRole('button', { name: 'JSON record' }));
    const box = screen.getByLabelText<HTMLTextAreaElement>(/The record in JSON/);
    const draft = JSON.parse(box.value) as { study: { id: string; flow: { enrolled: unknown } } };
    expect(draft.study.flow.enrolled).toMatchObject({ status: 'confirmed', value: 60 });
    // a derived number, which the form cannot enter
    (draft.study.flow as Record<string, unknown>).completed = { status: 'derived', value: 55, method: '60 enrolled − 5 withdrawn (Figure 1) = 55', unit: 'participants' };
    draft.study.id = 'doe2025-json';
    fireEvent.change(box, { target: { value: '{ not json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the study' }));
    expect((await screen.findByTestId('add-problems', {}, T)).textContent).toContain('This is not JSON');
    fireEvent.change(box, { target: { value: JSON.stringify(draft) } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the study' }));
    await waitFor(() => expect(window.location.hash).toBe('#/evidence/studies/doe2025-json'), T);
    expect(api.userEvidence.studies[0]!.flow.completed).toMatchObject({ status: 'derived', value: 55 });
  });

  it('maps the server’s field names to the form’s', () => {
    expect(formFieldOfServer('study.arms.0.n.value')).toBe('arms.0.n');
    expect(formFieldOfServer('sources.0.id')).toBe('source.id');
    expect(formFieldOfServer('sources.0.urls.0')).toBe('source.url');
    expect(formFieldOfServer('id')).toBe('id');
    expect(formFieldOfServer('study.outcomes.1.results.0.events')).toBe('outcomes.1.cells.0.events');
    expect(formFieldOfServer(undefined)).toBeUndefined();
  });
});
