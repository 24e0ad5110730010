// @vitest-environment jsdom
// Record texts in the reader's language: a shipped study's design, population, arms and outcome
// names in Ukrainian (marked lang="uk", with the record's English as the title), the rest in
// English; English readers see the record as it is; a study a user added is never "translated".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { loadEvidence } from '@ldn/evidence';
import { App } from '../src/App.js';
import { I18nProvider, type Lang } from '../src/i18n/index.js';
import { AppStateProvider } from '../src/state.js';
import { ApiClient } from '../src/api/client.js';
import { studyTexts, timepointText, translatedName } from '../src/evidence/study-text.js';
import { describeNumber, pathText } from '../src/evidence/number-field.js';
import { translate } from '../src/i18n/index.js';
import { STUDY_TEXTS_UK } from '../src/i18n/studies.uk.js';
import { apiDouble } from './support/api-double.js';
import { AsyncFakeWorker } from './support/fake-worker.js';

const T = { timeout: 15_000 };
const smith = loadEvidence().studies.find((s) => s.id === 'smith2007')!;

function mount(hash: string, lang: Lang): void {
  window.location.hash = hash;
  const api = apiDouble();
  render(createElement(I18nProvider, { initial: lang, children: createElement(AppStateProvider, { worker: () => new AsyncFakeWorker(), api: new ApiClient({ fetch: api.fetch }), children: createElement(App) }) }));
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('record texts by language', () => {
  it('a shipped study reads in Ukrainian with its English as the original; in English as it is', () => {
    const uk = studyTexts('uk', smith);
    expect(uk.design()).toEqual({ text: STUDY_TEXTS_UK.smith2007!.design, lang: 'uk', original: smith.design });
    expect(uk.armLabel('ldn')).toEqual({ text: 'НДН 4,5 мг', lang: 'uk', original: 'LDN 4.5 mg' });
    expect(uk.outcome('response').text).toBe('клінічна відповідь');
    expect(studyTexts('en', smith).design()).toEqual({ text: smith.design, lang: 'en' });
    expect(translatedName('uk', 'smith2007', 'outcome', 'remission', 'clinical remission')).toEqual({ text: 'клінічна ремісія', lang: 'uk', original: 'clinical remission' });
  });

  it('a user’s study (no shipped id has no entry) keeps its own words and no language mark', () => {
    const user = studyTexts('uk', { ...smith, id: 'someone2026', design: 'відкрите дослідження' });
    expect(user.design()).toEqual({ text: 'відкрите дослідження', lang: undefined });
    expect(translatedName('uk', 'someone2026', 'arm', 'ldn', 'LDN 4,5 мг')).toEqual({ text: 'LDN 4,5 мг', lang: undefined });
  });

  it('the study page in Ukrainian shows the translated design, population and arms, with the English on hover', async () => {
    mount('#/evidence/studies/smith2007', 'uk');
    const detail = await screen.findByTestId('study-detail', {}, T);
    const design = within(detail).getByText(STUDY_TEXTS_UK.smith2007!.design);
    expect(design.getAttribute('lang')).toBe('uk');
    expect(design.getAttribute('title')).toBe(smith.design);
    expect(within(detail).getByText('налтрексон 4,5 мг перорально щовечора').getAttribute('title')).toBe(smith.arms[0]!.intervention);
    expect(detail.textContent).toContain('Назви наслідків, груп, дизайн і популяцію');
  });

  it('the forest table of a condition in Ukrainian names outcomes and arms in Ukrainian', async () => {
    mount('#/evidence?condition=hiv-aids', 'uk');
    const table = await screen.findByTestId('forest-table-RR', {}, T);
    expect(table.textContent).toContain('опортуністичні інфекції');
    expect(table.textContent).toContain('НДН 3 мг проти плацебо');
    expect(screen.getByTestId('forest-RR').innerHTML).toContain('опортуністичні');
  });

  it('timepoints in Ukrainian abbreviations, others as written', () => {
    expect(timepointText('uk', '12 weeks')).toEqual({ text: '12 тиж.', lang: 'uk', original: '12 weeks' });
    expect(timepointText('uk', '3 months').text).toBe('3 міс.');
    expect(timepointText('uk', '1.5–2 years').text).toBe('1,5–2 р.');
    expect(timepointText('uk', 'end of treatment')).toEqual({ text: 'end of treatment', lang: 'en' });
    expect(timepointText('en', '12 weeks')).toEqual({ text: '12 weeks', lang: 'en' });
  });

  it('names every number by what it is, in the reader’s language, with the record’s path beside it', () => {
    const i18n = (lang: Lang) => ({ lang, t: (k: Parameters<typeof translate>[1], v?: Parameters<typeof translate>[2]) => translate(lang, k, v) });
    const response = smith.outcomes.findIndex((o) => o.id === 'response');
    const path = ['outcomes', response, 'results', 0, 'percent'] as const;
    expect(pathText(path)).toBe(`outcomes[${response}].results[0].percent`);
    expect(describeNumber(smith, path, i18n('en'))).toBe('clinical response (12 weeks) · LDN 4.5 mg · percent');
    expect(describeNumber(smith, path, i18n('uk'))).toBe('клінічна відповідь (12 тиж.) · НДН 4,5 мг · відсоток');
    expect(describeNumber(smith, ['flow', 'enrolled'], i18n('uk'))).toBe('Учасники · залучено');
    expect(describeNumber(smith, ['arms', 0, 'dose', 'perDay'], i18n('en'))).toBe('LDN 4.5 mg · dose per day');
    const cdai = smith.outcomes.findIndex((o) => o.id === 'cdai-change');
    expect(describeNumber(smith, ['outcomes', cdai, 'comparisons', 0, 'p'], i18n('uk'))).toBe('зміна CDAI від вихідного рівня · НДН 4,5 мг · p-значення');
    // a user's record: its own words, not the shipped translation
    expect(describeNumber({ ...smith, id: 'user2026' }, path, i18n('uk'))).toBe('clinical response (12 тиж.) · LDN 4.5 mg · відсоток');
  });

  it('the numbers table of the study page uses those names', async () => {
    mount('#/evidence/studies/smith2007', 'uk');
    const table = await screen.findByTestId('numbers-table', {}, T);
    expect(table.textContent).toContain('клінічна відповідь (12 тиж.) · НДН 4,5 мг · відсоток');
    expect(table.querySelector('tr[data-path="flow.enrolled"]')?.textContent).toContain('Учасники · залучено');
  });
});
