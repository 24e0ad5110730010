// The dosing planner over HTTP: POST /api/plans answers exactly `ldn plan --format json` (and
// buildPlan) for ok plans, 422 plan_blocked / 409 acknowledgement_required with the refused plan
// and the rule ids, 400 naming the field; its iCalendar and printable HTML; the rules and presets
// lists as the CLI's; and saved plans (only ok plans, stored with their output) on every back end,
// where a rejected request stores nothing. With Chromium installed, the printable page is also
// loaded in a browser under the server's CSP, to show that its styles and print CSS apply.
import { buildPlan, listPresets, listRules, planToHtml, planToIcs, type PlanOutput } from '@ldn/planner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../cli/src/commands/plan.js';
import { runCli, tempFiles } from '../../cli/test/run-cli.js';
import { Repository } from '../src/db/repository.js';
import { BACKENDS, json, testServer } from './helpers.js';

type Err = { error: { code: string; message: string; field: string | null } };
type Refused = Err & { plan: PlanOutput };

const EXAMPLE = { age: 34, weight: 62, condition: 'endometriosis', start: '2026-12-01' };
const QUICK = { ...EXAMPLE, simulate: false };
const BLOCKED = { condition: 'fibromyalgia', start: '2026-12-01', opioid: 'morphine', opioid_use: 'regular', simulate: false };
const NEEDS_ACK = { ...QUICK, pregnant: true };
const tmp = tempFiles('ldn-api-plan-');

/** Drops the one line that depends on the moment the file is made. */
const withoutStamp = (ics: string) => ics.replace(/^DTSTAMP:.*$/gm, 'DTSTAMP:x');

describe.each(BACKENDS)('planner API on $name', (backend) => {
  let t: Awaited<ReturnType<typeof testServer>>;
  let repo: Repository;
  beforeAll(async () => {
    t = await testServer(backend, { webDist: '/nonexistent-web-build' });
    repo = new Repository(t.database.db);
  });
  afterAll(async () => t.close());
  const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });

  describe('POST /api/plans', () => {
    it('answers an ok plan with exactly buildPlan’s JSON, byte for byte what `ldn plan --format json` writes', async () => {
      const r = await post('/api/plans', EXAMPLE);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(r.body).toBe(JSON.stringify(buildPlan(EXAMPLE)));
      const cli = await runCli(['plan', '--input', tmp.file('example.json', JSON.stringify(EXAMPLE)), '--format', 'json']);
      expect(cli.code, cli.err).toBe(0);
      expect(`${r.body}\n`).toBe(cli.out);
      const plan = json<PlanOutput>(r);
      expect(plan.status).toBe('ok');
      expect(plan.schedule!.map((s) => s.dose_mg)).toEqual([1, 2, 3, 4, 4.5]);
      expect(plan.simulation).toBeDefined();
    });

    it('takes lists, acks by Rnn prefix and Ukrainian, as the CLI’s --input does', async () => {
      const req = { ...QUICK, lang: 'uk', name: 'Пацієнтка 7', pregnant: true, ack: ['R27'], opioids: [], medicines: ['levothyroxine'], events: [{ kind: 'missed-dose', date: '2026-12-05', time: '23:30' }], steps: '1:7,2:7,3' };
      const r = await post('/api/plans', req);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.body).toBe(JSON.stringify(buildPlan(req)));
      const cli = await runCli(['plan', '--input', tmp.file('uk.json', JSON.stringify(req)), '--format', 'json']);
      expect(`${r.body}\n`).toBe(cli.out);
      const plan = json<PlanOutput>(r);
      expect(plan.lang).toBe('uk');
      expect(plan.acknowledged).toEqual(['R27-pregnancy']);
      expect(plan.rules.find((x) => x.id === 'R27-pregnancy')).toMatchObject({ outcome: 'trip', acknowledged: true });
    });

    it('never lets a partial patient record pass: unstated facts make their rules ask', async () => {
      const r = await post('/api/plans', { condition: 'fibromyalgia', start: '2026-12-01', simulate: false });
      expect(r.statusCode).toBe(200);
      const plan = json<PlanOutput>(r);
      expect(plan.asks).toEqual(expect.arrayContaining(['R01-opioid-regular', 'R27-pregnancy']));
      for (const id of plan.asks) expect(plan.rules.find((x) => x.id === id)!.outcome).toBe('ask');
      // stating the facts turns the asks into passes
      const stated = json<PlanOutput>(await post('/api/plans', { condition: 'fibromyalgia', start: '2026-12-01', simulate: false, opioids: [], pregnant: false, planning_pregnancy: false }));
      expect(stated.asks).not.toContain('R01-opioid-regular');
      expect(stated.rules.find((x) => x.id === 'R01-opioid-regular')!.outcome).toBe('pass');
    });

    it('answers a tripped block with 422 plan_blocked naming the rule, and the refused plan', async () => {
      const r = await post('/api/plans', BLOCKED);
      expect(r.statusCode).toBe(422);
      const body = json<Refused>(r);
      expect(body.error.code).toBe('plan_blocked');
      expect(body.error.field).toBeNull();
      expect(body.error.message).toMatch(/^plan not produced: blocked by R01-opioid-regular \(/);
      expect(body.plan).toEqual(JSON.parse(JSON.stringify(buildPlan(BLOCKED))));
      expect(body.plan.status).toBe('blocked');
      expect(body.plan.blocks).toEqual(['R01-opioid-regular']);
      expect(body.plan.schedule).toBeUndefined();
      expect(body.plan.rules.find((x) => x.id === 'R01-opioid-regular')!.sources.length).toBeGreaterThan(0);
      // the CLI writes the same refused plan with --format json (and exits 3)
      const cli = await runCli(['plan', '--input', tmp.file('blocked.json', JSON.stringify(BLOCKED)), '--format', 'json']);
      expect(cli.code).toBe(3);
      expect(cli.out).toBe(`${JSON.stringify(body.plan)}\n`);
    });

    it('a block wins over warnings, cannot be acknowledged, and names the warnings still to acknowledge', async () => {
      const req = { ...BLOCKED, pregnant: true, ack: ['R01'] };
      const r = await post('/api/plans', req);
      expect(r.statusCode).toBe(422);
      const body = json<Refused>(r);
      expect(body.error.message).toMatch(/blocked by R01-opioid-regular/);
      expect(body.error.message).toMatch(/also to acknowledge: R27-pregnancy/);
      expect(body.plan.needs_ack).toEqual(['R27-pregnancy']);
    });

    it('answers a warning without ack with 409 acknowledgement_required on field ack, then 200 once acknowledged', async () => {
      const r = await post('/api/plans', NEEDS_ACK);
      expect(r.statusCode).toBe(409);
      const body = json<Refused>(r);
      expect(body.error).toMatchObject({ code: 'acknowledgement_required', field: 'ack' });
      expect(body.error.message).toMatch(/1 warning\(s\) need acknowledgement: R27-pregnancy \(/);
      expect(body.error.message).toContain('ack: ["R27"]');
      expect(body.plan.status).toBe('needs-acknowledgement');
      expect(body.plan.needs_ack).toEqual(['R27-pregnancy']);
      expect(body.plan.schedule).toBeUndefined();
      const two = json<Refused>(await post('/api/plans', { ...NEEDS_ACK, target: 6 }));
      expect(two.error.message).toMatch(/2 warning\(s\) need acknowledgement: R12-dose-above-4\.5 \(.*\); R27-pregnancy \(/);
      expect(two.error.message).toContain('ack: ["R12","R27"]');
      const ok = await post('/api/plans', { ...NEEDS_ACK, target: 6, ack: ['R12', 'R27-pregnancy'] });
      expect(ok.statusCode).toBe(200);
      expect(json<PlanOutput>(ok).acknowledged).toEqual(['R12-dose-above-4.5', 'R27-pregnancy']);
    });

    it.each([
      [{ ...QUICK, weight: 'x' }, 'weight', /^weight: "x" must be a number from 1 to 300 kg/],
      [{ ...QUICK, weight: 500 }, 'weight', /500 is out of range/],
      [{ ...QUICK, start: '2026-02-30' }, 'start', /"2026-02-30" must be an existing date/],
      [{ ...QUICK, condition: 'nope' }, 'condition', /"nope" is not a known condition; accepted: endometriosis/],
      [{ start: '2026-12-01' }, 'condition', /condition.*is required/],
      [{ condition: 'fibromyalgia' }, 'start', /start.*is required/],
      [{ ...QUICK, colour: 'red' }, 'colour', /unknown field\(s\) colour; accepted: name, age/],
      [{ ...QUICK, ack: ['R99'] }, 'ack.0', /"R99" is not a rule id/],
      [{ ...QUICK, events: [{ kind: 'missed-dose', date: 'soon' }] }, 'events.0.date', /"soon"/],
      [{ ...QUICK, opioids: [{ agent: 'morphine', use: 'often' }] }, 'opioids.0.use', /"often" must be one of: regular, occasional, stopped/],
      [{ ...QUICK, steps: '1:7,x' }, 'steps.1', /"x" is not DOSE\[:DAYS\]/],
      [{ ...QUICK, lang: 'fr' }, 'lang', /must be one of: en, uk/],
    ])('answers bad input %j with 400 naming %s', async (body, field, message) => {
      const r = await post('/api/plans', body);
      expect(r.statusCode).toBe(400);
      const e = json<Err>(r).error;
      expect(e).toMatchObject({ code: 'invalid_request', field });
      expect(e.message).toMatch(message);
    });

    it('answers a body that is not an object with 400 and field null', async () => {
      for (const body of [[1], 'text', 42, null]) {
        const r = await post('/api/plans', body);
        expect(r.statusCode, JSON.stringify(body)).toBe(400);
        expect(json<Err>(r).error).toMatchObject({ code: 'invalid_request', field: null });
      }
      const bad = await t.app.inject({ method: 'POST', url: '/api/plans', payload: '{"condition":', headers: { 'content-type': 'application/json' } });
      expect(json<Err>(bad).error.code).toBe('invalid_json');
    });

    it('?format=ics answers the iCalendar (text/calendar) of the plan, as planToIcs', async () => {
      const r = await post('/api/plans?format=ics', EXAMPLE);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(r.headers['content-disposition']).toMatch(/^attachment; filename="ldn-plan-[0-9a-f]{8}\.ics"$/);
      expect(r.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(withoutStamp(r.body)).toBe(withoutStamp(planToIcs(buildPlan(EXAMPLE, { simulate: false }))));
      const cli = await runCli(['plan', '--input', tmp.file('ics.json', JSON.stringify(EXAMPLE)), '--format', 'ics']);
      expect(withoutStamp(r.body)).toBe(withoutStamp(cli.out));
      const perDose = await post('/api/plans?format=ics&per_dose=true', EXAMPLE);
      expect(withoutStamp(perDose.body)).toBe(withoutStamp(planToIcs(buildPlan(EXAMPLE, { simulate: false }), { perDose: true })));
      expect(perDose.body.match(/BEGIN:VEVENT/g)!.length).toBeGreaterThan(r.body.match(/BEGIN:VEVENT/g)!.length);
    });

    it('?format=html answers the printable page, escaped, scriptless, with its print CSS allowed by the CSP', async () => {
      const req = { ...EXAMPLE, name: '<script>alert(1)</script> & "Ann"', lang: 'uk' };
      const r = await post('/api/plans?format=html', req);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.body).toBe(planToHtml(buildPlan(req)));
      expect(r.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Ann&quot;');
      expect(r.body).not.toMatch(/<script/i);
      expect(r.body).not.toMatch(/\son[a-z]+=/i);
      expect(r.body).toContain('План титрування');
      // the page's CSS (screen and @media print) is one inline <style>; it loads nothing else
      expect(r.body).toMatch(/<style>[^<]*@media print/);
      expect(r.body).not.toMatch(/<link|@import|url\(|<img|<iframe|<object/i);
      const csp = String(r.headers['content-security-policy']);
      expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    });

    it('answers a refused plan with its 422/409 JSON whatever the format, and refuses other formats naming the field', async () => {
      for (const format of ['ics', 'html']) {
        const blocked = await post(`/api/plans?format=${format}`, BLOCKED);
        expect(blocked.statusCode).toBe(422);
        expect(blocked.headers['content-type']).toMatch(/^application\/json/);
        expect(json<Refused>(blocked).plan.status).toBe('blocked');
        expect((await post(`/api/plans?format=${format}`, NEEDS_ACK)).statusCode).toBe(409);
      }
      const pdf = await post('/api/plans?format=pdf', QUICK);
      expect(pdf.statusCode).toBe(400);
      expect(json<Err>(pdf).error).toMatchObject({ field: 'format', message: expect.stringMatching(/PDF is CLI-only/) as unknown });
      const extra = await post('/api/plans?colour=red', QUICK);
      expect(json<Err>(extra).error.field).toBe('colour');
    });
  });

  describe('GET /api/plans/rules and /api/plans/presets', () => {
    it('answer the JSON of `ldn plan rules|presets --format json`', async () => {
      for (const [url, args, expected] of [
        ['/api/plans/rules', ['plan', 'rules'], listRules()],
        ['/api/plans/presets', ['plan', 'presets'], listPresets()],
      ] as const) {
        for (const lang of ['', '?lang=en', '?lang=uk']) {
          const r = await t.app.inject({ url: `${url}${lang}` });
          expect(r.statusCode).toBe(200);
          expect(r.headers['content-type']).toMatch(/^application\/json/);
          expect(r.body).toBe(JSON.stringify(expected));
          const cli = await runCli([...args, '--format', 'json', ...(lang === '?lang=uk' ? ['--lang', 'uk'] : [])]);
          expect(cli.out).toBe(`${r.body}\n`);
        }
      }
      const rules = json<{ id: string }[]>(await t.app.inject({ url: '/api/plans/rules' }));
      expect(rules).toHaveLength(32);
      const bad = await t.app.inject({ url: '/api/plans/rules?lang=fr' });
      expect(bad.statusCode).toBe(400);
      expect(json<Err>(bad).error).toMatchObject({ field: 'lang', message: expect.stringMatching(/must be en or uk/) as unknown });
    });
  });

  describe('saved plans', () => {
    it('saves an ok plan with its output, lists it, reopens it exactly (JSON, HTML, iCalendar) and deletes it', async () => {
      const request = { ...EXAMPLE, name: 'Ann Ü. <b>', lang: 'uk', days: 60 };
      const expected = buildPlan(request);
      const r = await post('/api/saved-plans', { name: '  Ann, first plan  ', request, notes: 'printed for the visit ✓' });
      expect(r.statusCode, r.body).toBe(201);
      const saved = json<{ id: string; name: string; request: unknown; notes: string; created_at: string; plan: PlanOutput }>(r);
      expect(saved).toMatchObject({ name: 'Ann, first plan', request, notes: 'printed for the visit ✓' });
      expect(new Date(saved.created_at).toISOString()).toBe(saved.created_at);
      expect(JSON.stringify(saved.plan)).toBe(JSON.stringify(expected));

      const one = await t.app.inject({ url: `/api/saved-plans/${saved.id}` });
      expect(one.statusCode).toBe(200);
      const got = json<typeof saved>(one);
      expect(got).toEqual(saved);
      // stored as sent (json, not jsonb): the key order survives, so the plan re-renders identically
      expect(JSON.stringify(got.plan)).toBe(JSON.stringify(expected));
      expect(JSON.stringify(got.request)).toBe(JSON.stringify(request));

      const html = await t.app.inject({ url: `/api/saved-plans/${saved.id}?format=html` });
      expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(html.body).toBe(planToHtml(expected));
      const ics = await t.app.inject({ url: `/api/saved-plans/${saved.id}?format=ics` });
      expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(ics.body).toBe(planToIcs(expected, { now: new Date(saved.created_at) }));

      const second = json<{ id: string }>(await post('/api/saved-plans', { name: 'second', request: QUICK }));
      const list = json<{ saved_plans: Record<string, unknown>[] }>(await t.app.inject({ url: '/api/saved-plans' }));
      expect(list.saved_plans.map((p) => p.id)).toEqual([saved.id, second.id]);
      expect(list.saved_plans[0]).toEqual({ id: saved.id, name: 'Ann, first plan', request, notes: 'printed for the visit ✓', created_at: saved.created_at });
      expect(list.saved_plans[1]).toMatchObject({ notes: '' });

      const del = await t.app.inject({ method: 'DELETE', url: `/api/saved-plans/${saved.id}` });
      expect(del.statusCode).toBe(204);
      expect(del.body).toBe('');
      for (const method of ['GET', 'DELETE'] as const) {
        const gone = await t.app.inject({ method, url: `/api/saved-plans/${saved.id}` });
        expect(gone.statusCode).toBe(404);
        expect(json<Err>(gone).error).toMatchObject({ code: 'not_found', field: 'id' });
      }
      await t.app.inject({ method: 'DELETE', url: `/api/saved-plans/${second.id}` });
    });

    it.each([
      ['a blocked plan', { name: 'x', request: BLOCKED }, 422, 'plan_blocked', null],
      ['an unacknowledged warning', { name: 'x', request: NEEDS_ACK }, 409, 'acknowledgement_required', 'request.ack'],
      ['bad plan input', { name: 'x', request: { ...QUICK, weight: -1 } }, 400, 'invalid_request', 'request.weight'],
      ['an unknown plan field', { name: 'x', request: { ...QUICK, colour: 1 } }, 400, 'invalid_request', 'request.colour'],
      ['an unknown ack', { name: 'x', request: { ...QUICK, ack: ['nope'] } }, 400, 'invalid_request', 'request.ack.0'],
      ['a request that is not an object', { name: 'x', request: [QUICK] }, 400, 'invalid_request', 'request'],
      ['no request', { name: 'x' }, 400, 'invalid_request', 'request'],
      ['an empty name', { name: '   ', request: QUICK }, 400, 'invalid_request', 'name'],
      ['a long name', { name: 'n'.repeat(201), request: QUICK }, 400, 'invalid_request', 'name'],
      ['long notes', { name: 'x', request: QUICK, notes: 'n'.repeat(20_001) }, 400, 'invalid_request', 'notes'],
      ['a NUL in the notes', { name: 'x', request: QUICK, notes: 'a\u0000b' }, 400, 'invalid_request', 'notes'],
      ['an unpaired surrogate in the name', { name: 'x\ud800', request: QUICK }, 400, 'invalid_request', 'name'],
      ['an unpaired surrogate in the patient name', { name: 'x', request: { ...QUICK, name: '\udc00y' } }, 400, 'invalid_request', 'request.name'],
      ['an unknown field', { name: 'x', request: QUICK, plan: {} }, 400, 'invalid_request', 'plan'],
    ])('refuses %s and stores nothing', async (_what, body, status, code, field) => {
      const before = await repo.counts();
      const r = await post('/api/saved-plans', body);
      expect(r.statusCode, r.body).toBe(status);
      const e = json<Refused>(r);
      expect(e.error).toMatchObject({ code, field });
      if (status !== 400) expect(e.plan.status).not.toBe('ok');
      expect(await repo.counts()).toEqual(before);
    });

    it('answers unknown and malformed ids and bad formats with 4xx', async () => {
      const unknown = await t.app.inject({ url: '/api/saved-plans/no-such-plan' });
      expect(unknown.statusCode).toBe(404);
      expect(json<Err>(unknown).error.message).toMatch(/no saved plan with id "no-such-plan"/);
      expect((await t.app.inject({ url: `/api/saved-plans/${'x'.repeat(300)}` })).statusCode).toBe(414);
      expect((await t.app.inject({ url: '/api/saved-plans/a%01b' })).statusCode).toBe(404);
      const fmt = await t.app.inject({ url: '/api/saved-plans/any?format=pdf' });
      expect(fmt.statusCode).toBe(400);
      expect(json<Err>(fmt).error.field).toBe('format');
    });
  });

  it.skipIf(findChromium() === undefined || backend.name !== 'pglite')('the printable page renders in Chromium under the server’s CSP: its styles and print CSS apply, nothing is blocked', async () => {
    const saved = json<{ id: string }>(await post('/api/saved-plans', { name: 'print', request: { ...QUICK, name: 'Ann' } }));
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: findChromium()!, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
      await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => void (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
      const res = await page.goto(`${address}/api/saved-plans/${saved.id}?format=html`);
      expect(res!.status()).toBe(200);
      expect(res!.headers()['content-security-policy']).toMatch(/style-src 'self' 'unsafe-inline'/);
      const screen = await page.evaluate(() => ({ rules: document.styleSheets[0]?.cssRules.length ?? 0, link: getComputedStyle(document.querySelector('a')!).textDecorationLine }));
      await page.emulateMedia({ media: 'print' });
      const print = await page.evaluate(() => getComputedStyle(document.querySelector('a')!).textDecorationLine);
      expect(screen.rules).toBeGreaterThan(10);
      expect(screen.link).toBe('underline');
      expect(print).toBe('none'); // the @media print rule applied
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('documents every planner endpoint in the OpenAPI document, with the planner’s request schema', async () => {
    const doc = json<{ paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; required?: string[] } }> }; responses: Record<string, unknown> }>> }>(await t.app.inject({ url: '/api/openapi.json' }));
    const plans = doc.paths['/api/plans']!.post!;
    const schema = plans.requestBody!.content['application/json']!.schema;
    expect(schema.required).toEqual(expect.arrayContaining(['condition', 'start']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['ack', 'lang', 'opioid_last_dose', 'events', 'steps']));
    expect(Object.keys(plans.responses)).toEqual(expect.arrayContaining(['200', '400', '409', '422']));
    const saved = doc.paths['/api/saved-plans']!.post!.requestBody!.content['application/json']!.schema;
    expect(Object.keys(saved.properties.request as { properties: object }).length).toBeGreaterThan(0);
    expect((saved.properties.request as { required: string[] }).required).toEqual(expect.arrayContaining(['condition', 'start']));
    for (const [path, method] of [['/api/plans/rules', 'get'], ['/api/plans/presets', 'get'], ['/api/saved-plans', 'get'], ['/api/saved-plans/{id}', 'get'], ['/api/saved-plans/{id}', 'delete']] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
  });
});
