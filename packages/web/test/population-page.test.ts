// @vitest-environment jsdom
// The virtual-population page in jsdom, its workers replaced by the worker's handler on a later
// task: the form (shared regimen, cohort, covariates) runs a cohort; the page shows the model
// note, the percentile bands, the shares, the cohort summary and every variability assumption
// with its evidence level and source, in English and in Ukrainian; the regimen parts a
// population cannot take are named; the request is the one the CLI and the API take.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createElement } from 'react';
import { parsePopulationOptions } from '@ldn/engine';
import { App } from '../src/App.js';
import { I18nProvider, type Lang } from '../src/i18n/index.js';
import { AppStateProvider } from '../src/state.js';
import { ApiClient } from '../src/api/client.js';
import { DEFAULT_STATE } from '../src/sim/editor.js';
import { DEFAULT_COHORT, distributionText, forgetPopulation, populationRequest } from '../src/pages/sim/PopulationTab.js';
import { makeI18n } from '../src/i18n/index.js';
import { apiDouble } from './support/api-double.js';
import { AsyncFakeWorker } from './support/fake-worker.js';
import { ChunkWorker } from './support/population-worker.js';

function mount(lang: Lang): ChunkWorker[] {
  window.location.hash = '#/simulator/population';
  const workers: ChunkWorker[] = [];
  const populationWorker = (): ChunkWorker => {
    const w = new ChunkWorker();
    workers.push(w);
    return w;
  };
  const api = new ApiClient({ fetch: apiDouble().fetch });
  render(createElement(I18nProvider, { initial: lang, children: createElement(AppStateProvider, { worker: () => new AsyncFakeWorker(), api, populationWorker, children: createElement(App) }) }));
  return workers;
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  forgetPopulation();
  window.location.hash = '';
});

describe('population page', () => {
  it('runs a small cohort and shows bands, shares, summary and the sourced variability assumptions', async () => {
    const workers = mount('en');
    fireEvent.change(await screen.findByLabelText('Patients', {}, { timeout: 10_000 }), { target: { value: '12' } });
    fireEvent.change(screen.getByLabelText('Days simulated'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run the population' }));
    const results = await screen.findByTestId('pop-results', {}, { timeout: 30_000 });
    expect(workers.length).toBeGreaterThan(0);
    expect(workers[0]!.received[0]!.options).toMatchObject({ n: 12, days: 3, dose: 4.5, time: '22:00' });
    expect(within(results).getByTestId('model-note').textContent).toContain('not a clinical fact');
    expect(screen.getByTestId('pop-description').textContent).toContain('12 virtual patients · 4.5 mg daily at 22:00 · seed 1');
    for (const id of ['band-plasma', 'band-mu']) expect(document.querySelectorAll(`[data-testid="${id}"] svg .band path, [data-testid="${id}"] svg g.band path`).length).toBeGreaterThan(0);
    const shares = screen.getByTestId('pop-shares');
    expect(within(shares).getByText('Sustained blockade (μ above 50 % for 12 h or more of the last day)')).toBeTruthy();
    expect(within(shares).getAllByText(/ of 12$/).length).toBeGreaterThan(5);
    expect(screen.getByTestId('pop-summary').querySelector('[data-metric="steady_state.naltrexone_cmax_ng_ml"]')?.textContent).toMatch(/ng\/mL/);
    const variability = screen.getByTestId('pop-variability');
    const cl = variability.querySelector('[data-variability="CL"]')!;
    expect(cl.textContent).toContain('log-normal, CV 24 %');
    expect(cl.textContent).toContain('Verebey');
    expect(cl.querySelector('[data-level="derived"]')).toBeTruthy();
    expect(variability.querySelector('[data-variability="ka"] [data-level="assumption"]')).toBeTruthy();
  });

  it('in Ukrainian, with the parts of the regimen a population cannot take named', async () => {
    localStorage.setItem('ldn.editor', JSON.stringify({ regimen: { steps: [{ dose_mg: 1.5, days: 7, time: '21:00' }, { dose_mg: 3 }], missed: [{ day: 2 }] }, days: 2 }));
    mount('uk');
    expect((await screen.findByTestId('pop-dropped', {}, { timeout: 10_000 })).textContent).toContain('кожен пацієнт приймає 3 мг');
    fireEvent.change(screen.getByLabelText('Кількість пацієнтів'), { target: { value: '6' } });
    fireEvent.click(screen.getByRole('button', { name: 'Розрахувати популяцію' }));
    await screen.findByTestId('pop-results', {}, { timeout: 30_000 });
    expect(screen.getByTestId('pop-description').textContent).toContain('Віртуальних пацієнтів: 6 · 3 мг щодня о 21:00');
    expect(screen.getByText('Частки когорти')).toBeTruthy();
    expect(screen.getByTestId('pop-variability').textContent).toContain('логнормальний, коефіцієнт варіації 24 %');
    expect(screen.getByTestId('pop-covariates').textContent).toContain('рівномірно, 50–90 кг');
  });

  it('builds the request of ldn population / POST /api/population from the shared regimen', () => {
    expect(populationRequest({ ...DEFAULT_STATE, every_h: 12, hypotheses: ['tlr4'] }, { ...DEFAULT_COHORT, weightMin: 70, weightMax: 70, hepaticPct: 10 })).toEqual({
      n: 200,
      seed: 1,
      dose: 4.5,
      time: '22:00',
      days: 14,
      every: 12,
      params: 'literature',
      hypotheses: ['tlr4'],
      weight: { kind: 'fixed', value: 70 },
      age: { kind: 'uniform', min: 18, max: 65 },
      hepaticFraction: 0.1,
    });
    // the simulator's what-if values become the cohort's typical values; those of modules switched off stay out
    const whatIf = populationRequest({ ...DEFAULT_STATE, hypotheses: ['tlr4'], overrides: { kBrainOut: 0.2, 'tlr4.il6HalfLife': 2, 'ogf.growthGain': 0.5 } }, DEFAULT_COHORT);
    expect(whatIf.overrides).toEqual({ kBrainOut: 0.2, 'tlr4.il6HalfLife': 2 });
    expect(() => parsePopulationOptions(whatIf)).not.toThrow();
    const uk = makeI18n('uk');
    expect(distributionText('not varied', uk)).toBe('не варіює');
    expect(distributionText('normal, SD 0.67 h', uk)).toBe('нормальний, стандартне відхилення 0,67 год');
    expect(distributionText('something new', uk)).toBe('something new');
  });
});
