// Property-based robustness (fast-check): random and hostile bodies, query strings and ids sent
// to every endpoint (the planner's and saved plans too) must never get a 5xx, every 4xx must carry
// the error shape, and a rejected request must leave the database exactly as it was. Runs on PGlite
// and on PostgreSQL.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRegistry } from '../src/jobs/registry.js';
import { Repository } from '../src/db/repository.js';
import { populationRunner } from '../src/jobs/worker.js';
import { BACKENDS, testServer } from './helpers.js';

const CSV = 'study,events_1,total_1,events_2,total_2\nA,4,123,11,139\nB,6,306,29,303\nC,3,231,11,220\n';
const STUDY = {
  id: 'prop-study',
  label: 'Prop 2025',
  sourceIds: ['agrawal2005'],
  seedMention: 'not_cited',
  design: 'case report',
  evidenceLevel: 'case_report',
  conditions: ['mixed'],
  population: 'one adult',
  flow: {},
};

/** A plan request with most facts stated (no simulation, to keep the runs quick). */
const PLAN = { age: 34, weight: 62, sex: 'female', condition: 'endometriosis', start: '2026-12-01', opioids: [], pregnant: false, steps: [{ dose_mg: 1, days: 7 }, { dose_mg: 2 }], formulation: 'liquid', syringe: 3, graduation: 0.05, days: 30, simulate: false };

/** Valid bodies, one per writing endpoint; the properties mutate them. */
const BODIES: Record<string, unknown> = {
  'POST /api/simulate': { dose: 4.5, time: '22:00', days: 2 },
  'POST /api/compare': { regimens: [{ dose: 4.5, days: 2 }, { dose: 3, days: 2, time: '08:00' }] },
  'POST /api/meta': { csv: CSV, measure: 'RR', method: 'DL' },
  'POST /api/meta?format=svg': { csv: CSV, measure: 'OR', method: 'MH' },
  'POST /api/meta-analyses': { name: 'm', request: { csv: CSV, measure: 'RR', method: 'REML' } },
  'POST /api/scenarios': { name: 's', request: { dose: 4.5 }, notes: '' },
  'PUT /api/scenarios/{scenario}': { name: 's2', request: { dose: 3 } },
  'POST /api/evidence/studies': STUDY,
  'POST /api/calibrate': { pet_time: 4, profile: false, starts: 0 },
  'POST /api/plans': PLAN,
  'POST /api/plans?format=ics': { ...PLAN, opioids: [{ agent: 'tramadol', use: 'stopped', last_dose: '2026-11-01' }], ack: ['R27'], pregnant: true },
  'POST /api/plans?format=html': { ...PLAN, name: '<b>x</b>', lang: 'uk', events: [{ kind: 'red-flag', red_flag: 'pregnancy', date: '2026-12-05' }] },
  'POST /api/saved-plans': { name: 'p', request: PLAN, notes: 'n' },
  ...(populationRunner() !== undefined ? { 'POST /api/population': { n: 5, seed: 1, dose: 4.5, days: 2 } } : {}),
};

const GETS = [
  '/api/health',
  '/api/params?set={q}',
  '/api/evidence/studies?condition={q}',
  '/api/evidence/studies/{q}',
  '/api/evidence/claims?verdict={q}&topic={q}',
  '/api/evidence/claims/{q}',
  '/api/evidence/checks?severity={q}&check={q}&study={q}&all={q}',
  '/api/scenarios/{q}',
  '/api/meta-analyses/{q}',
  '/api/plans/rules?lang={q}',
  '/api/plans/presets?lang={q}',
  '/api/plans?format={q}',
  '/api/saved-plans',
  '/api/saved-plans/{q}',
  '/api/saved-plans/{q}?format={q}&per_dose={q}',
  '/api/saved-plans/{saved}?format={q}&per_dose={q}',
  '/api/calibrate/{q}',
  '/api/population/{q}',
  '/api/calibrate/{q}/events',
  '/api/{q}',
];

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '', ' ', 'dose ', '💥', '\u0000'];

/** Any JSON value, with odd keys, odd strings and extreme numbers more likely than by chance. */
const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, -0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, -1, 4.5, '', '22:00', '25:99', '2026-02-30', 'a\u0000b', '\ud800', 'x\udfff', '__proto__', 'constructor', 'toString', 'literature', 'seed', 'all', 'RR', 'REML', 'endometriosis', '2026-12-01', 'R27', 'uk', 'tablet-fraction'),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...HOSTILE_KEYS)), tie('v'), { maxKeys: 4 }),
  ),
})).v;

/** A valid body with one field (at any depth) replaced, removed, or added. */
function mutate(body: unknown): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, p: (string | number)[]) => {
    paths.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(body, []);
  return fc.tuple(fc.constantFrom(...paths), hostileValue, fc.constantFrom('replace', 'delete', 'add'), fc.constantFrom(...HOSTILE_KEYS, 'extra')).map(([path, value, op, key]) => {
    const copy = JSON.parse(JSON.stringify(body)) as unknown;
    if (path.length === 0) return op === 'replace' ? value : copy;
    let parent = copy as Record<string | number, unknown>;
    for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (op === 'replace') parent[last] = value;
    else if (op === 'delete') delete parent[last];
    else Object.defineProperty(parent, key, { value, enumerable: true, configurable: true, writable: true });
    return copy;
  });
}

const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const RAW_PAYLOADS = [
  '{"__proto__":{"polluted":true}}',
  '{"dose":4.5,"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"name":"x","request":{"dose":4.5,"__proto__":{"polluted":true}}}',
  deep(20_000),
  `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
  JSON.stringify({ csv: 'x'.repeat(600_000), measure: 'RR', method: 'DL' }),
  JSON.stringify({ name: 'n'.repeat(100_000), request: { dose: 4.5 } }),
  JSON.stringify({ condition: 'fibromyalgia', start: '2026-12-01', name: 'x'.repeat(900_000) }),
  JSON.stringify({ condition: 'fibromyalgia', start: '2026-12-01', events: Array.from({ length: 5000 }, () => ({ kind: 'worsening', date: '2026-12-05' })) }),
  '{"name":"x","request":{"condition":"fibromyalgia","start":"2026-12-01","name":"\\ud800"}}',
  JSON.stringify({ events: `ID,TIME,AMT,EVID,CMT,II,ADDL\n${'1,0,1,1,1,24,1\n'.repeat(20_000)}`, days: 1 }),
  '1e999',
  '-0',
  'null',
  '"just a string"',
  '[]',
  '{}',
  '{"dose":4.5,}',
  '\u0000',
  '{"dose":"\\ud800"}',
];

describe.each(BACKENDS)('hostile requests on $name', (backend) => {
  let t: Awaited<ReturnType<typeof testServer>>;
  let repo: Repository;
  let scenarioId = '';
  let savedPlanId = '';
  beforeAll(async () => {
    const opened = await backend.open();
    repo = new Repository(opened.database.db);
    const runner = (_job: unknown, post: (m: { type: 'result'; result: unknown }) => void) => Promise.resolve(post({ type: 'result', result: { ok: true } }));
    t = await testServer({ name: backend.name, open: () => Promise.resolve(opened) }, { jobs: new JobRegistry(repo, { runner, maxQueued: 1000 }) });
    scenarioId = (await t.app.inject({ method: 'POST', url: '/api/scenarios', payload: { name: 'fixture', request: { dose: 4.5 } } })).json<{ id: string }>().id;
    savedPlanId = (await t.app.inject({ method: 'POST', url: '/api/saved-plans', payload: { name: 'fixture', request: PLAN } })).json<{ id: string }>().id;
    expect(savedPlanId).toMatch(/^[0-9a-f-]{36}$/);
  });
  afterAll(async () => t.close());

  /** Sends one request; checks the status and error shape, and that a rejection stored nothing. */
  async function send(method: string, url: string, payload: string | undefined, contentType = 'application/json') {
    const before = await repo.counts();
    const r = await t.app.inject({ method: method as 'POST', url, ...(payload !== undefined ? { payload, headers: { 'content-type': contentType } } : {}) });
    expect(r.statusCode, `${method} ${url} ${payload?.slice(0, 200) ?? ''} → ${r.body.slice(0, 300)}`).toBeLessThan(500);
    if (r.statusCode >= 400) {
      const body = r.json<{ error: { code: unknown; message: unknown; field: unknown } }>();
      expect(typeof body.error.code).toBe('string');
      expect(typeof body.error.message).toBe('string');
      expect(body.error.field === null || typeof body.error.field === 'string').toBe(true);
      expect(await repo.counts(), `${method} ${url} was rejected but changed the database`).toEqual(before);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    return r;
  }

  for (const [endpoint, body] of Object.entries(BODIES)) {
    const [method, rawUrl] = endpoint.split(' ') as [string, string];
    it(`${endpoint}: mutated bodies never get a 5xx and rejected ones store nothing`, async () => {
      const url = rawUrl.replace('{scenario}', scenarioId);
      await fc.assert(
        fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: mutate(body) }, { weight: 1, arbitrary: hostileValue }), async (b) => {
          await send(method, url, JSON.stringify(b) ?? 'null');
        }),
        { numRuns: 40 },
      );
    });
  }

  it('raw hostile payloads (prototype keys, deep nesting, huge and malformed bodies) never get a 5xx on any writing endpoint', async () => {
    for (const endpoint of Object.keys(BODIES)) {
      const [method, rawUrl] = endpoint.split(' ') as [string, string];
      for (const p of RAW_PAYLOADS) await send(method, rawUrl.replace('{scenario}', scenarioId), p);
      await send(method, rawUrl.replace('{scenario}', scenarioId), '<xml/>', 'application/xml');
      await send(method, rawUrl.replace('{scenario}', scenarioId), 'dose=4.5', 'text/plain');
    }
  });

  it('random query strings and ids on every reading endpoint never get a 5xx', async () => {
    const piece = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('', '..', '../../etc/passwd', '%00', '\u0000', 'a\u0001b', '%ff', 'C01', 'smith2007', 'crohn', 'true', 'x'.repeat(300), '<script>alert(1)</script>', '__proto__'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...GETS, 'DELETE /api/scenarios/{q}', 'DELETE /api/meta-analyses/{q}', 'DELETE /api/saved-plans/{q}', 'DELETE /api/evidence/studies/{q}'), piece, async (template, q) => {
        const [method, path] = template.startsWith('DELETE ') ? ['DELETE', template.slice(7)] : ['GET', template];
        await send(method, path.replaceAll('{saved}', savedPlanId).replaceAll('{q}', encodeURIComponent(q)), undefined);
      }),
      { numRuns: 150 },
    );
  });
});
