// The web app's re-simulation time per slider move, measured in Chromium (Debian's, driven by
// playwright-core) on the production build, served here with the server's CSP. The page stamps
// every request with performance marks (packages/web/src/sim/client.ts): `ldn:resim` runs from the
// slider's input to the worker's result arriving in the page (its detail has the worker's own
// compute time), `ldn:resim-render` from the input to every figure redrawn with the new result.
// Moves are single key presses on the focused dose slider (0.25 mg), spaced out so each is measured
// alone; a drag at 60 inputs/s shows how many plot updates per second the latest-wins scheduling
// delivers and how soon the final position is drawn. Goal of the issue: re-simulation < 16 ms.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ensureBuilt, ROOT } from '../packages/web/test/e2e/harness.js';

const DIST = join(ROOT, 'packages/web/dist');
const CSP = "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;font-src 'self' data:;connect-src 'self';worker-src 'self' blob:;object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'";
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.map': 'application/json' };

function serveDist(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    let file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) file = join(DIST, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface Move {
  result_ms: number;
  render_ms: number;
  compute_ms: number;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (i - lo);
}

async function currentId(page: Page): Promise<string> {
  return (await page.getAttribute('[data-testid="results"]', 'data-request-id')) ?? '';
}

async function waitDrawn(page: Page, previous: string): Promise<string> {
  await page.waitForFunction(
    (prev) => {
      const r = document.querySelector('[data-testid="results"]');
      return r !== null && r.getAttribute('data-request-id') !== prev && document.querySelector('[data-testid="sim-status"]')?.getAttribute('data-busy') === 'false';
    },
    previous,
    { timeout: 30_000, polling: 'raf' },
  );
  return currentId(page);
}

/** `moves` single slider steps, each after the previous one is drawn and the page is idle again. */
async function measureMoves(page: Page, moves: number): Promise<Move[]> {
  await page.locator('#dose').focus();
  let id = await currentId(page);
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight'); // warm-up (JIT in page and worker)
    id = await waitDrawn(page, id);
  }
  await page.evaluate(() => performance.clearMeasures());
  for (let i = 0; i < moves; i++) {
    await page.waitForTimeout(80);
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    id = await waitDrawn(page, id);
  }
  return page.evaluate(() => {
    const byId = new Map<number, { result_ms: number; render_ms: number; compute_ms: number }>();
    for (const m of performance.getEntriesByType('measure') as PerformanceMeasure[]) {
      const d = m.detail as { id: number; compute_ms?: number } | null;
      if (!d) continue;
      const row = byId.get(d.id) ?? { result_ms: NaN, render_ms: NaN, compute_ms: d.compute_ms ?? NaN };
      if (m.name === 'ldn:resim') row.result_ms = m.duration;
      if (m.name === 'ldn:resim-render') row.render_ms = m.duration;
      byId.set(d.id, row);
    }
    return [...byId.values()].filter((r) => Number.isFinite(r.result_ms) && Number.isFinite(r.render_ms));
  });
}

/**
 * A drag: `inputs` input events on the dose slider, one per animation frame (≈60/s), dispatched in
 * the page as a pointer drag would; then how many plot updates per second the page drew and how
 * long after the last input the final position was on screen.
 */
async function measureDrag(page: Page, inputs: number): Promise<{ updates_per_s: number; last_ms: number; inputs: number; updates: number; input_rate: number }> {
  await page.evaluate(() => performance.clearMeasures());
  const sent = await page.evaluate(async (n) => {
    const el = document.querySelector<HTMLInputElement>('#dose')!;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      await new Promise<void>((r) => requestAnimationFrame(() => r()));
      // the prototype's setter (React tracks the value it rendered), as a user's drag changes it:
      // 1 → 10.75 mg and again, a new value every frame
      Reflect.set(HTMLInputElement.prototype, 'value', String(1 + (i % 40) * 0.25), el);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
    return { last: performance.now(), seconds: (performance.now() - t0) / 1000 };
  }, inputs);
  await page.waitForFunction(() => document.querySelector('[data-testid="sim-status"]')?.getAttribute('data-busy') === 'false', null, { timeout: 30_000 });
  await page.waitForTimeout(200);
  return page.evaluate(
    ({ sent: s, inputs: n }) => {
      const renders = performance.getEntriesByName('ldn:resim-render') as PerformanceMeasure[];
      const last = renders[renders.length - 1];
      const drawnAt = last ? last.startTime + last.duration : NaN;
      return { updates_per_s: renders.length / s.seconds, last_ms: drawnAt - s.last, inputs: n, updates: renders.length, input_rate: n / s.seconds };
    },
    { sent, inputs },
  );
}

const f = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '–');

export async function benchWeb(options: { moves?: number } = {}): Promise<{ printed: [string, string][] }> {
  if (!existsSync(CHROMIUM)) return { printed: [['web app in Chromium', `not run: no Chromium at ${CHROMIUM} (apt-get install chromium)`]] };
  ensureBuilt();
  const moves = options.moves ?? 40;
  const server = await serveDist();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const printed: [string, string][] = [];
  try {
    const version = browser.version();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/#/simulator`;
    await page.goto(url);
    await page.evaluate(() => localStorage.clear());
    await page.goto(url);
    await page.reload();
    await waitDrawn(page, '');

    const report = (label: string, rows: Move[]): void => {
      const pick = (k: keyof Move): number[] => rows.map((r) => r[k]);
      printed.push([`web (Chromium ${version}), ${label}: worker compute per move, median / p95`, `${f(quantile(pick('compute_ms'), 0.5))} / ${f(quantile(pick('compute_ms'), 0.95))} ms`]);
      printed.push([`web, ${label}: slider move → result in the page (re-simulation), median / p95`, `${f(quantile(pick('result_ms'), 0.5))} / ${f(quantile(pick('result_ms'), 0.95))} ms`]);
      printed.push([`web, ${label}: slider move → curves redrawn, median / p95`, `${f(quantile(pick('render_ms'), 0.5))} / ${f(quantile(pick('render_ms'), 0.95))} ms`]);
    };
    report('4.5 mg, 14 days (default)', await measureMoves(page, moves));
    const drag = await measureDrag(page, 120);
    printed.push([`web, 14 days: drag, one input per frame (${f(drag.input_rate)}/s): figure updates per second; last position drawn after the last input`, `${f(drag.updates_per_s)}/s (${drag.updates} of ${drag.inputs} inputs drawn); ${f(drag.last_ms)} ms`]);

    let id = await currentId(page);
    await page.locator('#days').fill('28');
    id = await waitDrawn(page, id);
    report('28 days', await measureMoves(page, moves));
    for (const h of ['rebound', 'tlr4', 'ogf']) {
      await page.locator(`#hyp-${h}`).check();
      id = await waitDrawn(page, id);
    }
    report('28 days, all three hypotheses', await measureMoves(page, moves));
    if (errors.length > 0) printed.push(['web: page errors', errors.join('; ')]);
  } finally {
    await browser.close();
    server.close();
  }
  return { printed };
}
