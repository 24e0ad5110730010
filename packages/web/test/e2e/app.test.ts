// Browser tests: Debian's Chromium (playwright-core) against the real server (`ldn serve`, which
// serves packages/web/dist and the API on one port under its CSP). Load the app, move the dose
// slider and see the curve change, switch to Ukrainian, open a forest plot, save / reopen / delete
// a scenario with hostile text in its name, drive the main controls from the keyboard, and check a
// phone-width layout for horizontal overflow. Skipped (with the reason) only where Chromium is
// absent outside CI.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { simulatePopulation } from '@ldn/engine';
import { browserAvailability, ensureBuilt, launchBrowser, screenshotDir, startServer, type Browser, type Served } from './harness.js';

const availability = browserAvailability();
if (!availability.run) console.warn(availability.reason);

const EVIL = '<img src=x onerror="window.__pwned=1">';
const T = 30_000;

/** Browser-side problems collected for every page: uncaught errors, console errors, CSP violations. */
interface Problems {
  errors: string[];
}

describe.skipIf(!availability.run)('web app in Chromium against ldn serve', () => {
  let server: Served;
  let browser: Browser;
  let page: Page;
  const problems: Problems = { errors: [] };

  beforeAll(async () => {
    ensureBuilt();
    server = await startServer();
    browser = await launchBrowser();
    await browser.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => problems.errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.errors.push(`console: ${m.text()}`);
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  beforeEach(async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/`);
    await page.evaluate(() => localStorage.clear());
  });

  async function open(hash: string, lang: 'en' | 'uk' = 'en'): Promise<void> {
    await page.evaluate((l) => localStorage.setItem('ldn.lang', l), lang);
    await page.goto(`${server.url}/${hash}`);
    await page.reload();
  }

  async function settled(previousId?: string | null): Promise<string> {
    await page.waitForFunction(
      (prev) => {
        const r = document.querySelector('[data-testid="results"]');
        const busy = document.querySelector('[data-testid="sim-status"]')?.getAttribute('data-busy');
        return r !== null && busy === 'false' && (prev === null || r.getAttribute('data-request-id') !== prev);
      },
      previousId ?? null,
      { timeout: T },
    );
    return (await page.getAttribute('[data-testid="results"]', 'data-request-id')) ?? '';
  }

  const curve = (panel: string): Promise<string> => page.locator(`[data-testid="${panel}"] g.series-0 path`).first().getAttribute('d').then((d) => d ?? '');

  it('loads the simulator with a result, the model note and no errors under the server’s CSP', async () => {
    await open('#/simulator');
    await settled();
    await expect(page.locator('[data-testid="model-note"]').first().textContent()).resolves.toContain('not a clinical fact');
    expect(await page.locator('[data-testid="panel-plasma"] svg').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="panel-occupancy"] g.series-0 path').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const csp = (await page.request.get(`${server.url}/`)).headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(problems.errors.join('\n')).toBe('');
  });

  it('moving the dose slider re-simulates in the worker and changes the curve', async () => {
    await open('#/simulator');
    const id = await settled();
    const before = await curve('panel-plasma');
    const occBefore = await curve('panel-occupancy');
    await page.locator('#dose').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await settled(id);
    await expect(page.locator('[data-testid="dose-value"]').textContent()).resolves.toBe('5.5 mg');
    await page.waitForFunction(() => document.querySelector('[data-testid="regimen-description"]')?.textContent === '5.5 mg daily at 22:00', null, { timeout: T });
    expect(await curve('panel-plasma')).not.toBe(before);
    expect(await curve('panel-occupancy')).not.toBe(occBefore);
    // the measures the benchmark reads exist
    const measures = await page.evaluate(() => performance.getEntriesByName('ldn:resim-render').length);
    expect(measures).toBeGreaterThan(0);
    expect(problems.errors.join('\n')).toBe('');
  });

  it('switches to Ukrainian: translated labels, uk-UA numbers, <html lang>, kept after reload', async () => {
    await open('#/simulator');
    await settled();
    await page.selectOption('[data-testid="lang-select"]', 'uk');
    await page.getByRole('link', { name: 'Симулятор', exact: true }).waitFor({ timeout: T });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('uk');
    expect(await page.getByLabel('Точна доза').count()).toBe(1);
    await expect(page.locator('[data-testid="dose-value"]').textContent()).resolves.toBe('4,5 мг');
    await page.waitForFunction(() => /^\d+,\d+ нг\/мл$/.test(document.querySelector('[data-testid="card-ntx"] .v')?.textContent ?? ''), null, { timeout: T });
    await expect(page.locator('[data-testid="model-note"]').first().textContent()).resolves.toContain('а не клінічний факт');
    await page.reload();
    await page.getByRole('heading', { name: 'Симулятор' }).waitFor({ timeout: T });
    expect(await page.evaluate(() => document.title)).toBe('LDN Workbench');
    expect(problems.errors.join('\n')).toBe('');
  });

  it('opens the forest plots of a condition and a study with every number’s status and source', async () => {
    await open('#/evidence?condition=fibromyalgia');
    const forest = page.locator('[data-testid="forest-MD"] svg');
    await forest.waitFor({ timeout: T });
    expect(await page.locator('[data-testid="forest-MD"] g.study-row').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('[data-testid="forest-RR"] g.study-row').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('[data-testid="studies-table"] tbody tr').count()).toBeGreaterThanOrEqual(7);
    await page.getByRole('link', { name: 'FINAL (Due Bruun 2024)' }).first().click();
    await page.locator('[data-testid="numbers-table"]').waitFor({ timeout: T });
    expect(await page.locator('[data-testid="numbers-table"] [data-status="confirmed"]').count()).toBeGreaterThan(5);
    expect(await page.locator('[data-testid="study-detail"] [data-testid="forest-section"] svg').count()).toBeGreaterThan(0);
    expect(problems.errors.join('\n')).toBe('');
  });

  it('saves a scenario with hostile text, shows it as text, reopens it and deletes it', async () => {
    await open('#/simulator');
    let id = await settled();
    await page.locator('#dose').fill('3');
    id = await settled(id);
    await page.getByLabel('Name').fill(`Evening ${EVIL}`);
    await page.getByLabel('Notes (optional)').fill(`notes ${EVIL}`);
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await page.waitForFunction((name) => document.querySelector('[data-testid="save-status"]')?.textContent === `Saved “${name}”.`, `Evening ${EVIL}`, { timeout: T });

    await page.locator('#dose').fill('7');
    await settled(id);
    await page.getByRole('link', { name: 'Saved scenarios' }).click();
    const heading = page.getByRole('heading', { name: `Evening ${EVIL}` });
    await heading.waitFor({ timeout: T });
    expect(await page.getByText(`notes ${EVIL}`).count()).toBe(1);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await page.getByRole('button', { name: `Open “Evening ${EVIL}” in the simulator` }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="dose-value"]')?.textContent === '3 mg', null, { timeout: T });
    await settled();

    await page.getByRole('link', { name: 'Saved scenarios' }).click();
    await page.getByRole('button', { name: `Delete “Evening ${EVIL}”` }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByText('No saved scenarios yet. Save one from the simulator.').waitFor({ timeout: T });
    const list = (await (await page.request.get(`${server.url}/api/scenarios`)).json()) as { scenarios: unknown[] };
    expect(list.scenarios).toEqual([]);
    expect(problems.errors.join('\n')).toBe('');
  });

  it('is usable from the keyboard: skip link, visible focus, slider, hypothesis switch, tabs', async () => {
    await open('#/simulator');
    let id = await settled();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // from the content, Tab reaches the dose slider
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'dose');
    }
    expect(reached).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('End');
    id = await settled(id);
    await expect(page.locator('[data-testid="dose-value"]').textContent()).resolves.toBe('12 mg');
    // the TLR4 hypothesis, toggled with the space bar, adds its panel with the evidence grade
    await page.locator('#hyp-tlr4').focus();
    await page.keyboard.press('Space');
    await settled(id);
    await page.locator('[data-grade="tlr4"]').nth(1).waitFor({ timeout: T });
    expect(await page.locator('[data-testid="prediction-tlr4"]').count()).toBe(1);
    // the simulator's tabs are links in the tab order
    await page.getByRole('link', { name: 'Parameters and sources' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="ptable-core"]').waitFor({ timeout: T });
    expect(await page.locator('[data-testid="ptable-core"] [data-param="CL"]').textContent()).toContain('Dunbar');
    expect(problems.errors.join('\n')).toBe('');
  });

  it('runs a small virtual population in Web Workers (keyboard only): bands, shares, the same cohort as Node', async () => {
    await open('#/simulator/population');
    await page.locator('#pop-n').fill('30');
    await page.locator('#pop-days').fill('3');
    await page.locator('#pop-hyp-tlr4').focus();
    await page.keyboard.press('Space');
    await page.locator('#pop-seed').focus();
    await page.keyboard.press('Enter');
    const results = page.locator('[data-testid="pop-results"]');
    await results.waitFor({ timeout: T });
    for (const id of ['band-plasma', 'band-mu', 'band-tlr4']) {
      expect(await page.locator(`[data-testid="${id}"] svg g.band-0 path`).count(), id).toBe(1);
      expect(await page.locator(`[data-testid="${id}"] svg g.median-0 path`).count(), id).toBe(1);
    }
    expect(await page.locator('[data-testid="band-plasma"] svg g.band-1 path').count()).toBe(1);
    expect(await page.locator('[data-testid="pop-shares"] tbody tr').count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('[data-testid="pop-variability"] [data-variability="CL"]').textContent()).toContain('Verebey');
    await expect(page.locator('[data-testid="pop-description"]').textContent()).resolves.toContain('30 virtual patients');
    // the browser's cohort is the one the engine makes in Node for the same options
    const expected = simulatePopulation({ n: 30, seed: 1, dose: 4.5, time: '22:00', days: 3, params: 'literature', hypotheses: ['tlr4'], weight: { kind: 'uniform', min: 50, max: 90 }, age: { kind: 'uniform', min: 18, max: 65 }, hepaticFraction: 0 });
    expect(await results.getAttribute('data-checksum')).toBe(expected.cohort_checksum);
    const sustained = await page.locator('[data-testid="pop-card-blockade_sustained"] .v').textContent();
    expect(sustained).toBe(new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(expected.shares.blockade_sustained!.value));
    expect(problems.errors.join('\n')).toBe('');
  });

  it('dosing planner (keyboard): a warning acknowledged, the plan with its calendar, .ics and printable page from the server, saved, reopened, deleted', async () => {
    await open('#/planner');
    await page.locator('#plan-name').fill(`Patient ${EVIL}`);
    await page.locator('#plan-planning_pregnancy').selectOption('yes');
    await page.locator('#plan-opioids').selectOption('none');
    await page.locator('#plan-name').press('Enter');
    await page.waitForSelector('[data-testid="plan-view"][data-status="needs-acknowledgement"]', { timeout: T });
    expect(await page.locator('[data-testid="plan-calendar"]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('plan-result-h');
    await page.locator('[data-testid="ack-R27-pregnancy"]').focus();
    await page.keyboard.press('Space');
    await page.waitForSelector('[data-testid="plan-view"][data-status="ok"]', { timeout: T });
    expect(await page.locator('[data-testid="plan-calendar"] tbody tr').count()).toBe(56);
    await expect(page.locator('[data-testid="plan-disclaimer"]').textContent()).resolves.toContain('supports, and does not replace, the clinician');
    // what the page shows is the server's plan for the same request
    const request = { name: `Patient ${EVIL}`, condition: 'endometriosis', planning_pregnancy: true, opioids: [], ack: ['R27-pregnancy'], time: '22:00', formulation: 'liquid', lang: 'en', start: await page.inputValue('#plan-start') };
    const served = (await (await page.request.post(`${server.url}/api/plans`, { data: request })).json()) as { plan_id: string; schedule: unknown[] };
    await expect(page.locator('[data-testid="plan-status"]').textContent()).resolves.toContain(served.plan_id);
    // the calendar file and the printable page come from the server
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: T }), page.locator('[data-testid="plan-ics"]').click()]);
    expect(download.suggestedFilename()).toBe(`ldn-plan-${served.plan_id}.ics`);
    expect(readFileSync(await download.path(), 'utf8')).toContain('BEGIN:VCALENDAR');
    const [popup] = await Promise.all([page.waitForEvent('popup', { timeout: T }), page.locator('[data-testid="plan-print"]').click()]);
    await popup.waitForURL(/^blob:/, { timeout: T });
    await popup.waitForLoadState();
    expect(await popup.content()).toContain('Patient &lt;img');
    expect(await popup.locator('img').count()).toBe(0);
    await popup.close();
    // saved with its output, listed as text, reopened, deleted
    await page.locator('#plan-save-name').fill(`Plan ${EVIL}`);
    await page.locator('#plan-save-name').press('Enter');
    await page.locator('[data-testid="plan-saved-note"]').waitFor({ timeout: T });
    await page.getByRole('link', { name: 'Saved plans' }).click();
    await page.getByRole('heading', { name: `Plan ${EVIL}` }).waitFor({ timeout: T });
    expect(await page.locator('main img').count()).toBe(0);
    await page.getByRole('button', { name: `Open “Plan ${EVIL}”` }).click();
    await page.locator('[data-testid="plan-saved-note"]').waitFor({ timeout: T });
    expect(await page.locator('[data-testid="plan-calendar"] tbody tr').count()).toBe(56);
    expect(await page.inputValue('#plan-name')).toBe(`Patient ${EVIL}`);
    await page.getByRole('link', { name: 'Saved plans' }).click();
    await page.getByRole('button', { name: `Delete “Plan ${EVIL}”` }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByText('No saved plans yet. Save one from the Plan tab.').waitFor({ timeout: T });
    expect(((await (await page.request.get(`${server.url}/api/saved-plans`)).json()) as { saved_plans: unknown[] }).saved_plans).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // the refused plan answers (409) are logged by Chromium as failed loads; nothing else may be
    expect(problems.errors.filter((e) => !/status of 409 \(Conflict\)/.test(e)).join('\n')).toBe('');
    problems.errors.length = 0;
  });

  it('custom meta-analysis: a CSV uploaded and run through POST /api/meta, the forest plot pooled as the server pools, a bad cell named by row and column, saved, reopened, deleted', async () => {
    const csv = `study,events_1,total_1,events_2,total_2,dose\n"Trial ${EVIL.replace(/"/g, '""')}",12,40,20,41,4.5 mg\nTrial B,8,30,15,29,4.5 mg\nTrial C,5,25,9,26,3 mg\nTrial D,10,50,14,52,3 mg\n`;
    await open('#/evidence/meta');
    await expect(page.locator('[data-testid="meta-headers"]').textContent()).resolves.toContain('study,events_1,total_1,events_2,total_2');
    await page.setInputFiles('#meta-file', { name: 'studies.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForFunction((text) => document.querySelector<HTMLTextAreaElement>('#meta-csv')?.value === text, csv, { timeout: T });
    await page.locator('#meta-subgroup').selectOption('dose');
    await page.locator('[data-testid="meta-run"]').click();
    await page.locator('[data-testid="meta-result"][data-from="server"]').waitFor({ timeout: T });
    const request = { csv, measure: 'RR', method: 'REML', knha: false, subgroup: 'dose' };
    const served = (await (await page.request.post(`${server.url}/api/meta`, { data: request })).json()) as { estimate: number; exp: { estimate: number } };
    // the same code in Chromium's V8 as in the server's Node: equal up to the last bit or two of a double (Math.log and the like may round differently between engine builds)
    const drawn = Number(await page.getAttribute('[data-testid="meta-forest"] g.summary-row', 'data-estimate'));
    expect(Math.abs(drawn - served.estimate)).toBeLessThan(1e-12 * Math.abs(served.estimate));
    expect(await page.locator('[data-testid="meta-forest"] g.study-row').count()).toBe(4);
    await expect(page.locator('[data-testid="meta-pooled"] [data-row="estimate"] td').textContent()).resolves.toContain(served.exp.estimate.toFixed(3).replace(/0+$/, ''));
    expect(await page.locator('main img').count()).toBe(0);
    // a bad cell: named by row, study and column, nothing sent
    await page.locator('#meta-csv').fill(csv.replace('8,30', '8,thirty'));
    await page.locator('[data-testid="meta-run"]').click();
    await expect(page.locator('[data-testid="meta-problem"]').textContent()).resolves.toContain('Row 2 (Trial B), column total_1:');
    await page.locator('#meta-csv').fill(csv);
    await page.locator('#meta-subgroup').selectOption('dose');
    await page.locator('[data-testid="meta-run"]').click();
    await page.locator('[data-testid="meta-result"]').waitFor({ timeout: T });
    await page.locator('#meta-save-name').fill(`Pooled ${EVIL}`);
    await page.locator('#meta-save-name').press('Enter');
    await page.getByRole('heading', { name: `Pooled ${EVIL}` }).waitFor({ timeout: T });
    await page.getByRole('button', { name: `Open “Pooled ${EVIL}”` }).click();
    await page.locator('[data-testid="meta-subgroups"]').waitFor({ timeout: T });
    await page.getByRole('button', { name: `Delete “Pooled ${EVIL}”` }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByText('No saved meta-analyses yet.').waitFor({ timeout: T });
    expect(((await (await page.request.get(`${server.url}/api/meta-analyses`)).json()) as { meta_analyses: unknown[] }).meta_analyses).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(problems.errors.join('\n')).toBe('');
  });

  it('adds a study with the Ukrainian form: marked fields first, then stored, shown with its numbers, in the condition’s forest plot, and deleted', async () => {
    await open('#/evidence/add', 'uk');
    await page.locator('#add-label').fill(`Іваненко 2025 ${EVIL}`);
    await page.locator('#add-enrolled').fill('60,5');
    await page.getByRole('button', { name: 'Додати дослідження' }).click();
    await expect(page.locator('[data-testid="add-problems"]').textContent()).resolves.toContain('«60,5» — не кількість');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('add-design');
    await page.locator('#add-design').fill('randomised, double-blind, placebo-controlled');
    await page.getByLabel('ендометріоз').check();
    await page.locator('#add-population').fill('жінки з ендометріоз-асоційованим тазовим болем');
    await page.locator('#add-source-citation').fill('Іваненко О. та ін. НДН при ендометріозі. Тест. журн. 2025;1:1-9.');
    await page.locator('#add-enrolled').fill('60');
    for (const [i, label, n, what] of [[0, 'НДН 4,5 мг', '30', 'налтрексон 4,5 мг перед сном'], [1, 'плацебо', '30', 'ідентична капсула плацебо']] as const) {
      await page.locator(`#add-arms-${i}-label`).fill(label);
      await page.locator(`#add-arms-${i}-n`).fill(n);
      await page.locator(`#add-arms-${i}-intervention`).fill(what);
    }
    await page.locator('#add-arms-0-dose').fill('4,5');
    await page.getByRole('button', { name: 'Додати наслідок' }).click();
    await page.locator('#add-outcomes-0-name').fill('відповідь на лікування болю');
    for (const [cell, v] of [['0-events', '18'], ['0-total', '30'], ['1-events', '9'], ['1-total', '30']] as const) await page.locator(`#add-outcomes-0-cells-${cell}`).fill(v);
    await page.getByRole('button', { name: 'Додати дослідження' }).click();
    await page.locator('[data-testid="study-user"]').waitFor({ timeout: T });
    expect(page.url()).toContain('#/evidence/studies/ivanenko2025imgsrcxonerrorwindowpwned1');
    const stored = (await (await page.request.get(`${server.url}/api/evidence/studies/ivanenko2025imgsrcxonerrorwindowpwned1`)).json()) as { origin: string; numbers: { number: { status: string } }[] };
    expect(stored.origin).toBe('user');
    expect(stored.numbers.length).toBe(8);
    expect(stored.numbers.every((n) => n.number.status === 'confirmed')).toBe(true);
    // in the condition's forest plot, as a risk ratio computed from its counts
    await open('#/evidence?condition=endometriosis', 'uk');
    await page.locator('svg g.study-row').first().waitFor({ timeout: T });
    expect(await page.locator('main').innerHTML()).toContain('Іваненко 2025 &lt;img');
    await open('#/evidence/studies/ivanenko2025imgsrcxonerrorwindowpwned1', 'uk');
    await page.locator('[data-testid="study-user"] button.danger').click();
    await page.locator('[data-testid="study-user"] button.danger').click();
    await page.waitForFunction(() => location.hash === '#/evidence', null, { timeout: T });
    expect((await page.request.get(`${server.url}/api/evidence/studies/ivanenko2025imgsrcxonerrorwindowpwned1`)).status()).toBe(404);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(problems.errors.join('\n')).toBe('');
  });

  it('fits a 375 px phone without horizontal scrolling, in Ukrainian', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    const shots: string[] = [];
    for (const [hash, name] of [
      ['#/simulator', 'phone-simulator'],
      ['#/evidence?condition=fibromyalgia', 'phone-evidence'],
      ['#/evidence/claims', 'phone-claims'],
      ['#/simulator/parameters', 'phone-parameters'],
      ['#/simulator/population', 'phone-population'],
      ['#/planner', 'phone-planner'],
      ['#/planner/rules', 'phone-planner-rules'],
      ['#/evidence/meta', 'phone-meta'],
      ['#/evidence/add', 'phone-add-study'],
    ] as const) {
      await open(hash, 'uk');
      if (hash === '#/simulator') await settled();
      else await page.locator('main h1').waitFor({ timeout: T });
      await page.waitForLoadState('networkidle');
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll, `${hash} overflows sideways`).toBeLessThanOrEqual(widths.client);
      const path = join(screenshotDir(), `${name}.png`);
      await page.screenshot({ path, fullPage: hash === '#/simulator' });
      shots.push(path);
    }
    console.info(`phone screenshots: ${shots.join(', ')}`);
    expect(problems.errors.join('\n')).toBe('');
  });
});
