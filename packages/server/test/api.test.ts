// The read-only endpoints end to end through inject(): each mirrors a CLI command and must return
// the same JSON as that command's --format json (compared with the CLI run in-process), plus the
// error contract (4xx with code, message naming the value, field), security headers, limits, the
// OpenAPI document, the SPA fallback and health.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSimulation } from '@ldn/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { runCli, tempFiles } from '../../cli/test/run-cli.js';
import { buildServer, routesOf } from '../src/app.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { json } from './helpers.js';

let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  database = await openDatabase({ memory: true });
  app = await buildServer({ database, rateLimit: false, webDist: join(tmpdir(), 'ldn-no-web-build') });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object });
type Err = { error: { code: string; message: string; field: string | null } };

async function cliJson(args: string[]): Promise<unknown> {
  const r = await runCli([...args, '--format', 'json']);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
}

describe('health', () => {
  it('answers 200 with the database kind', async () => {
    const r = await app.inject({ url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(json(r)).toMatchObject({ status: 'ok', database: 'pglite' });
  });
});

describe('POST /api/simulate', () => {
  it('returns exactly runSimulation’s JSON and the CLI’s --format json for the contract request', async () => {
    const body = { dose: 4.5, time: '22:00', days: 14 };
    const r = await post('/api/simulate', body);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.body).toBe(JSON.stringify(runSimulation(body)));
    expect(JSON.parse(r.body)).toEqual(await cliJson(['simulate', '--dose', '4.5', '--time', '22:00', '--days', '14']));
  });

  it('takes what-if parameter values (overrides) as the CLI takes --set, and names a bad one', async () => {
    const r = await post('/api/simulate', { dose: 4.5, days: 7, hypotheses: ['rebound'], overrides: { CL: 70, 'rebound.halfLife': 1 } });
    expect(r.statusCode).toBe(200);
    expect(json(r)).toEqual(await cliJson(['simulate', '--dose', '4.5', '--days', '7', '--hypotheses', 'rebound', '--set', 'CL=70', '--set', 'rebound.halfLife=1']));
    const bad = await post('/api/simulate', { dose: 4.5, overrides: { CL: 'fast' } });
    expect(bad.statusCode).toBe(400);
    expect(json<{ error: { field: string; message: string } }>(bad).error).toMatchObject({ field: 'overrides.CL' });
    const unknown = await post('/api/simulate', { dose: 4.5, overrides: { clearance: 70 } });
    expect(json<{ error: { field: string; message: string } }>(unknown).error.field).toBe('overrides.clearance');
  });

  it('takes a regimen with titration, missed and extra doses, hypotheses and the seed set, as the CLI does', async () => {
    const regimen = { start_date: '2026-12-01', steps: [{ dose_mg: 1.5, time: '22:00', days: 7 }, { dose_mg: 3, days: 7 }, { dose_mg: 4.5 }], missed: [{ day: 10 }], extra: [{ day: 12, time: '08:00', dose_mg: 1.5 }] };
    const f = tempFiles('ldn-api-');
    const r = await post('/api/simulate', { regimen, days: 21, params: 'seed', hypotheses: ['ogf', 'rebound'], step: 0.5 });
    expect(r.statusCode).toBe(200);
    const cli = await cliJson(['simulate', '--regimen', f.file('r.json', JSON.stringify(regimen)), '--days', '21', '--params', 'seed', '--hypotheses', 'ogf,rebound', '--step', '0.5']);
    expect(json(r)).toEqual(cli);
    expect(json<{ hypotheses: string[] }>(r).hypotheses).toEqual(['rebound', 'ogf']);
  });

  it('takes a NONMEM event table as text', async () => {
    const events = 'ID,TIME,AMT,EVID,CMT,II,ADDL\n1,0,1.5,1,1,24,6\n1,168,3,1,1,24,6\n';
    const r = await post('/api/simulate', { events, days: 14 });
    expect(r.statusCode).toBe(200);
    expect(json<{ regimen: { doses: unknown[] } }>(r).regimen.doses).toHaveLength(14);
  });

  it.each([
    [{ dose: -1 }, 'dose', /-1 is not accepted; must be above 0 mg/],
    [{ dose: 'abc' }, 'dose', /"abc" is not accepted; expected number/],
    [{ dose: 4.5, time: '25:00' }, 'time', /"25:00" is not a clock time/],
    [{ dose: 4.5, hypotheses: ['telepathy'] }, 'hypotheses.0', /"telepathy" is not accepted; must be one of: rebound, tlr4, ogf/],
    [{ dose: 4.5, colour: 'red' }, 'colour', /unknown field "colour"; accepted: dose, time, days/],
    [{ regimen: { steps: [{ dose_mg: 1.5 }, { dose_mg: -3 }] } }, 'regimen.steps.1.dose_mg', /-3 is not accepted/],
    [{ regimen: { steps: [{ dose_mg: 1.5, wrong: 1 }] } }, 'regimen.steps.0.wrong', /unknown field "wrong" in regimen.steps.0; accepted: dose_mg, time, every_h, days, doses/],
    [{ dose: 4.5, days: 3650, step: 0.01 }, 'step', /gives 8760001 output times; the API returns at most 100000/],
    [{}, 'dose', /give a dose/],
    [{ dose: 4.5, regimen: { steps: [{ dose_mg: 1 }] } }, 'dose', /only one of/],
  ])('refuses %j with 400 naming %s', async (body, field, message) => {
    const r = await post('/api/simulate', body);
    expect(r.statusCode).toBe(400);
    const e = json<Err>(r).error;
    expect(e.code).toBe('invalid_request');
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });

  it('answers bad JSON, other media types and oversized bodies with 4xx JSON', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/simulate', payload: '{"dose": 4.5', headers: { 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(json<Err>(bad).error.code).toBe('invalid_json');
    const proto = await app.inject({ method: 'POST', url: '/api/simulate', payload: '{"dose":4.5,"__proto__":{"polluted":true}}', headers: { 'content-type': 'application/json' } });
    expect(proto.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const media = await app.inject({ method: 'POST', url: '/api/simulate', payload: '<dose>4.5</dose>', headers: { 'content-type': 'application/xml' } });
    expect(media.statusCode).toBe(415);
    expect(json<Err>(media).error.code).toBe('unsupported_media_type');
    const big = await post('/api/simulate', { events: 'x'.repeat(1_100_000) });
    expect(big.statusCode).toBe(413);
    expect(json<Err>(big).error).toMatchObject({ code: 'body_too_large', field: null });
  });
});

describe('POST /api/compare', () => {
  it('returns the JSON of ldn compare --format json', async () => {
    const r = await post('/api/compare', { regimens: [{ dose: 4.5, time: '22:00', days: 7, label: '4.5@22:00' }, { dose: 4.5, time: '08:00', days: 7, label: '4.5@08:00' }] });
    expect(r.statusCode).toBe(200);
    expect(json(r)).toEqual(await cliJson(['compare', '4.5@22:00', '4.5@08:00', '--days', '7']));
  });

  it('names the regimen of a bad field and needs 2–8 regimens', async () => {
    const r = await post('/api/compare', { regimens: [{ dose: 4.5 }, { dose: 0 }] });
    expect(r.statusCode).toBe(400);
    expect(json<Err>(r).error.field).toBe('regimens.1.dose');
    const one = await post('/api/compare', { regimens: [{ dose: 4.5 }] });
    expect(json<Err>(one).error).toMatchObject({ field: 'regimens', message: expect.stringMatching(/at least 2/) as unknown });
  });
});

describe('GET /api/params', () => {
  it.each(['literature', 'seed'])('returns ldn params --params %s --format json', async (set) => {
    const r = await app.inject({ url: `/api/params?set=${set}` });
    expect(r.statusCode).toBe(200);
    expect(json(r)).toEqual(await cliJson(['params', '--params', set]));
  });
  it('refuses an unknown set and unknown query fields', async () => {
    expect(json<Err>(await app.inject({ url: '/api/params?set=magic' })).error).toMatchObject({ field: 'set', message: 'set: "magic" is not accepted; must be one of: literature, seed' });
    expect((await app.inject({ url: '/api/params?x=1' })).statusCode).toBe(400);
  });
});

describe('evidence', () => {
  it('lists studies as ldn evidence list (with a condition alias)', async () => {
    expect(json(await app.inject({ url: '/api/evidence/studies' }))).toEqual(await cliJson(['evidence', 'list']));
    expect(json(await app.inject({ url: '/api/evidence/studies?condition=crohn' }))).toEqual(await cliJson(['evidence', 'list', '--condition', 'crohn']));
  });
  it('shows a study and a claim as ldn evidence show', async () => {
    expect(json(await app.inject({ url: '/api/evidence/studies/smith2007' }))).toEqual(await cliJson(['evidence', 'show', 'smith2007']));
    expect(json(await app.inject({ url: '/api/evidence/claims/C05' }))).toEqual(await cliJson(['evidence', 'show', 'C05']));
  });
  it('lists claims and checks as the CLI does', async () => {
    expect(json(await app.inject({ url: '/api/evidence/claims?verdict=contradicted' }))).toEqual(await cliJson(['evidence', 'claims', '--verdict', 'contradicted']));
    expect(json(await app.inject({ url: '/api/evidence/checks' }))).toEqual(await cliJson(['check']));
    expect(json(await app.inject({ url: '/api/evidence/checks?check=grim&all=true' }))).toEqual(await cliJson(['check', '--check', 'grim', '--all']));
  });
  it('answers unknown ids with 404 and unknown filter values with 400 naming them', async () => {
    const s = await app.inject({ url: '/api/evidence/studies/nobody1999' });
    expect(s.statusCode).toBe(404);
    expect(json<Err>(s).error.message).toMatch(/unknown study id "nobody1999"; accepted: .*smith2007/);
    expect((await app.inject({ url: '/api/evidence/claims/C999' })).statusCode).toBe(404);
    const v = json<Err>(await app.inject({ url: '/api/evidence/claims?verdict=maybe' })).error;
    expect(v).toMatchObject({ field: 'verdict', message: expect.stringMatching(/unknown verdict "maybe"; accepted: supported/) as unknown });
    expect(json<Err>(await app.inject({ url: '/api/evidence/checks?severity=loud' })).error.field).toBe('severity');
    expect(json<Err>(await app.inject({ url: '/api/evidence/studies?condition=flu' })).error.field).toBe('condition');
  });
});

describe('POST /api/meta', () => {
  const BCG = 'study,events_1,total_1,events_2,total_2\nAronson 1948,4,123,11,139\nFerguson & Simes 1949,6,306,29,303\nRosenthal et al 1960,3,231,11,220\nHart & Sutherland 1977,62,13598,248,12867\n';
  it('returns the JSON of ldn meta (REML, Knapp-Hartung)', async () => {
    const f = tempFiles('ldn-meta-api-');
    const r = await post('/api/meta', { csv: BCG, measure: 'RR', method: 'REML', knha: true });
    expect(r.statusCode).toBe(200);
    expect(json(r)).toEqual(await cliJson(['meta', '--input', f.file('bcg.csv', BCG), '--measure', 'RR', '--method', 'REML', '--knha']));
  });
  it('draws the forest plot with study names escaped', async () => {
    const csv = 'study,yi,vi\n<script>alert(1)</script>,0.5,0.1\n"A & B ""quoted""",0.2,0.05\n';
    const r = await post('/api/meta?format=svg', { csv, measure: 'GEN', method: 'DL' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(r.body).not.toContain('<script>');
    expect(r.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.body).toContain('A &amp; B');
  });
  it('with a subgroup, ?format=svg draws the subgroup blocks: the SVG of ldn meta --subgroup --format svg', async () => {
    const csv = 'study,events_1,total_1,events_2,total_2,alloc\nAronson 1948,4,123,11,139,random\nFerguson & Simes 1949,6,306,29,303,random\nFrimodt-Moller et al 1973,33,5069,47,5808,alternate\nStein & Aronson 1953,180,1541,372,1451,alternate\n';
    const r = await post('/api/meta?format=svg', { csv, measure: 'RR', method: 'DL', subgroup: 'alloc' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect([...r.body.matchAll(/class="subgroup-heading"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(['alternate', 'random']);
    expect(r.body.match(/class="subgroup-diamond"/g)).toHaveLength(2);
    expect(r.body).toContain('class="subgroup-test"');
    const f = tempFiles('ldn-meta-sg-');
    const cli = await runCli(['meta', '--input', f.file('sg.csv', csv), '--measure', 'RR', '--method', 'DL', '--subgroup', 'alloc', '--format', 'svg']);
    expect(cli.code, cli.err).toBe(0);
    expect(r.body).toBe(cli.out);
  });
  it('names the CSV row and column of a bad cell, and bad option combinations', async () => {
    const e = json<Err>(await post('/api/meta', { csv: 'study,events_1,total_1,events_2,total_2\nA,5,3,1,10\n', measure: 'RR', method: 'DL' })).error;
    expect(e.field).toBe('csv');
    expect(e.message).toMatch(/^csv: row 1 \(A\), column events_1:/);
    const m = json<Err>(await post('/api/meta', { csv: BCG, measure: 'SMD', method: 'MH' })).error;
    expect(m).toMatchObject({ field: 'method', message: 'method MH needs measure RR, OR or RD, not SMD' });
    expect(json<Err>(await post('/api/meta', { csv: BCG, measure: 'RR', method: 'DL', subgroup: 'era' })).error.field).toBe('subgroup');
    expect(json<Err>(await post('/api/meta', { csv: BCG, measure: 'XX', method: 'DL' })).error.message).toMatch(/measure: "XX" is not accepted; must be one of: RR, OR/);
  });
  it('revman5 gives the same JSON as ldn meta --revman5, and is refused without MH', async () => {
    const f = tempFiles('ldn-meta-rm5-');
    const r = await post('/api/meta', { csv: BCG, measure: 'OR', method: 'MH', revman5: true });
    expect(r.statusCode).toBe(200);
    expect(json(r)).toEqual(await cliJson(['meta', '--input', f.file('bcg.csv', BCG), '--measure', 'OR', '--method', 'MH', '--revman5']));
    expect(json<{ revman5_random: { tau2: number } }>(r).revman5_random.tau2).toBeGreaterThanOrEqual(0);
    expect(json<Err>(await post('/api/meta', { csv: BCG, measure: 'OR', method: 'DL', revman5: true })).error.field).toBe('revman5');
  });
  it('plot=funnel draws the funnel plot', async () => {
    const r = await post('/api/meta?format=svg&plot=funnel', { csv: BCG, measure: 'RR', method: 'REML' });
    expect(r.statusCode).toBe(200);
    expect(r.body.startsWith('<svg')).toBe(true);
    expect((await post('/api/meta?format=svg&plot=box', { csv: BCG, measure: 'RR', method: 'REML' })).statusCode).toBe(400);
  });
});

describe('documents, headers and routing', () => {
  it('serves an OpenAPI 3 document that documents every API route', async () => {
    const r = await app.inject({ url: '/api/openapi.json' });
    expect(r.statusCode).toBe(200);
    const doc = json<{ openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>(r);
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
    let checked = 0;
    for (const { method, url } of routesOf(app)) {
      if (!url.startsWith('/api/') || url.startsWith('/api/docs') || url === '/api/openapi.json' || method === 'HEAD') continue;
      expect(documented, `${method} ${url}`).toContain(`${method} ${url.replace(/:(\w+)/g, '{$1}')}`);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(25);
    for (const op of Object.values(doc.paths).flatMap((o) => Object.values(o))) expect(Object.keys(op.responses).length).toBeGreaterThan(0);
    expect(doc.paths['/api/simulate']).toHaveProperty('post.requestBody.content.application/json.schema.properties.dose');
  });

  it('serves the browsable API page', async () => {
    const r = await app.inject({ url: '/api/docs' });
    expect([200, 302]).toContain(r.statusCode);
    const page = r.statusCode === 302 ? await app.inject({ url: r.headers.location! }) : r;
    expect(page.body).toContain('swagger');
  });

  it('sends a CSP without inline scripts or eval, and the other security headers', async () => {
    const r = await app.inject({ url: '/api/health' });
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBeDefined();
  });

  it('answers unknown API paths with a JSON 404 and other pages with the build hint', async () => {
    const r = await app.inject({ url: '/api/nothing/here' });
    expect(r.statusCode).toBe(404);
    expect(json<Err>(r).error.code).toBe('not_found');
    const page = await app.inject({ url: '/simulator' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('npm run build -w @ldn/web');
  });
});

describe('the web build, when present', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ldn-web-'));
  let web: FastifyInstance;
  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title><script type="module" src="/app.js"></script>');
    writeFileSync(join(dir, 'app.js'), 'console.log(1)');
    web = await buildServer({ database, rateLimit: false, webDist: dir });
  });
  afterAll(async () => {
    await web.close();
    rmSync(dir, { recursive: true, force: true });
  });
  it('serves its files and falls back to index.html for client routes, not for /api', async () => {
    expect((await web.inject({ url: '/app.js' })).body).toBe('console.log(1)');
    const deep = await web.inject({ url: '/evidence/smith2007' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<title>app</title>');
    expect((await web.inject({ url: '/' })).body).toContain('<title>app</title>');
    expect((await web.inject({ url: '/api/unknown' })).statusCode).toBe(404);
  });
  it('serves files added after start (a web rebuild needs no restart) and answers a missing asset with 404, not index.html', async () => {
    writeFileSync(join(dir, 'later.js'), 'console.log(2)');
    expect((await web.inject({ url: '/later.js' })).body).toBe('console.log(2)');
    const missing = await web.inject({ url: '/assets/gone-1234.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('<title>app</title>');
  });
});

describe('limits and faults', () => {
  it('rate-limits with a 429 JSON error', async () => {
    const limited = await buildServer({ database, rateLimit: { max: 3, timeWindow: '1 minute' } });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await limited.inject({ url: '/api/params' })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const r = await limited.inject({ url: '/api/params' });
    expect(json<Err>(r).error.code).toBe('rate_limited');
    expect(r.headers['retry-after']).toBeDefined();
    expect((await limited.inject({ url: '/api/health' })).statusCode).toBe(200);
    await limited.close();
  });

  it('answers health 503 when the database is down, and a true fault with a bare 500 without a stack', async () => {
    const db2 = await openDatabase({ memory: true });
    const s = await buildServer({ database: db2, rateLimit: false });
    s.get('/api/test-fault', () => {
      throw new Error('secret internal detail at /work/main/x.ts:1');
    });
    await db2.close();
    const h = await s.inject({ url: '/api/health' });
    expect(h.statusCode).toBe(503);
    expect(json(h)).toMatchObject({ status: 'unavailable', database: 'pglite' });
    const f = await s.inject({ url: '/api/test-fault' });
    expect(f.statusCode).toBe(500);
    expect(f.body).not.toContain('secret');
    expect(json<Err>(f).error.code).toBe('internal');
    await s.close();
  });
});

describe('names that are also JavaScript object keys', () => {
  it('treats __proto__ and constructor as unknown values, not as crashes', async () => {
    for (const q of ['__proto__', 'constructor', 'toString']) {
      expect((await app.inject({ url: `/api/evidence/studies?condition=${q}` })).statusCode).toBe(400);
      expect((await app.inject({ url: `/api/evidence/claims?verdict=${q}` })).statusCode).toBe(400);
      expect((await app.inject({ url: `/api/evidence/studies/${q}` })).statusCode).toBe(404);
      const m = await post('/api/meta', { csv: `study,yi,vi,${q === '__proto__' ? 'grp' : q}\nA,1,0.1,x\nB,2,0.2,y\n`, measure: 'GEN', method: 'DL', subgroup: '__proto__' });
      expect(m.statusCode).toBe(400);
      expect(json<Err>(m).error.field).toBe('subgroup');
    }
    const proto = await post('/api/meta', { csv: 'study,yi,vi,__proto__\nA,1,0.1,x\nB,2,0.2,y\n', measure: 'GEN', method: 'DL', subgroup: '__proto__' });
    expect(proto.statusCode).toBe(200);
    expect(json<{ subgroups: { group: string }[] }>(proto).subgroups.map((g) => g.group)).toEqual(['x', 'y']);
  });
});

describe('simulate on the worker-thread pool (ldn serve’s default)', () => {
  let pooled: FastifyInstance;
  beforeAll(async () => {
    pooled = await buildServer({ database, rateLimit: false, simulateWorkers: 1 });
  });
  afterAll(async () => pooled.close());

  it('answers the same JSON text as the event-loop path, and the same errors', async () => {
    const body = { dose: 3, time: '07:30', days: 5, hypotheses: ['tlr4'] };
    const r = await pooled.inject({ method: 'POST', url: '/api/simulate', payload: body });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.body).toBe(JSON.stringify(runSimulation(body)));
    const cmp = { regimens: [{ dose: 4.5, days: 3 }, { dose: 1.5, days: 3, label: 'low' }] };
    expect((await pooled.inject({ method: 'POST', url: '/api/compare', payload: cmp })).body).toBe((await post('/api/compare', cmp)).body);
    const bad = await pooled.inject({ method: 'POST', url: '/api/simulate', payload: { dose: 4.5, time: '24:61' } });
    expect(bad.statusCode).toBe(400);
    expect(json<Err>(bad).error).toMatchObject({ code: 'invalid_request', field: 'time' });
    const noDose = await pooled.inject({ method: 'POST', url: '/api/simulate', payload: { dose: 4.5, days: 1, doses: 1, every: 24, start: '2026-02-30' } });
    expect(noDose.statusCode).toBe(400);
  });
});
