// The endpoints that write (scenarios, user study records, saved meta-analyses) on every database
// back end: happy paths, every error case, and the rule that a rejected request stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Repository } from '../src/db/repository.js';
import { BACKENDS, json, testServer } from './helpers.js';

type Err = { error: { code: string; message: string; field: string | null } };

/** A small user study whose numbers GRIM can test (6 of 47 printed as 25.5 % is impossible). */
function userStudy(id: string, source = 'user-src-1') {
  const n = (value: number, reported = String(value), unit?: string) => ({ status: 'confirmed', value, reported, source, where: 'abstract', ...(unit ? { unit } : {}) });
  return {
    id,
    label: 'Doe 2025 <img src=x onerror=alert(1)>',
    sourceIds: [source],
    seedMention: 'not_cited',
    design: 'open-label case series',
    evidenceLevel: 'case_series',
    conditions: ['endometriosis'],
    population: 'women with endometriosis-associated pain',
    flow: { enrolled: n(47, '47', 'participants') },
    arms: [{ id: 'ldn', label: 'LDN', role: 'ldn', n: n(47, '47', 'participants'), intervention: 'LDN 4.5 mg at bedtime' }],
    outcomes: [{ id: 'response', name: 'pain response', category: 'efficacy', results: [{ arm: 'ldn', events: n(6), percent: n(25.5, '25.5', '%'), total: n(47) }] }],
  };
}
const userSource = { id: 'user-src-1', kind: 'journal_article', citation: 'Doe J. LDN in endometriosis. Journal of Tests. 2025;1:1-2.', year: 2025, identification: 'confirmed' };

describe.each(BACKENDS)('writes on $name', (backend) => {
  let t: Awaited<ReturnType<typeof testServer>>;
  beforeAll(async () => {
    t = await testServer(backend);
  });
  afterAll(async () => t.close());
  const counts = () => new Repository(t.database.db).counts();

  describe('scenarios', () => {
    it('saves, lists, reads, replaces and deletes a scenario', async () => {
      const body = { name: 'Bedtime titration', request: { regimen: { steps: [{ dose_mg: 1.5, time: '22:00', days: 7 }, { dose_mg: 4.5 }] }, days: 28, params: 'seed', hypotheses: ['ogf'], overrides: { kBrainOut: 0.1, 'ogf.growthGain': 0.5 } }, notes: 'patient prefers <evening> & "quiet" ✓' };
      const created = await t.app.inject({ method: 'POST', url: '/api/scenarios', payload: body });
      expect(created.statusCode).toBe(201);
      const s = json<{ id: string; name: string; request: unknown; notes: string; created_at: string }>(created);
      expect(s).toMatchObject({ name: body.name, request: body.request, notes: body.notes });
      expect((await t.app.inject({ url: `/api/scenarios/${s.id}` })).json()).toEqual(s);
      expect(json<{ scenarios: { id: string }[] }>(await t.app.inject({ url: '/api/scenarios' })).scenarios.map((x) => x.id)).toContain(s.id);
      const put = await t.app.inject({ method: 'PUT', url: `/api/scenarios/${s.id}`, payload: { name: 'Renamed', request: { dose: 3 } } });
      expect(put.statusCode).toBe(200);
      expect(json(put)).toMatchObject({ id: s.id, name: 'Renamed', request: { dose: 3 }, notes: '', created_at: s.created_at });
      // the saved request runs as it is
      expect((await t.app.inject({ method: 'POST', url: '/api/simulate', payload: json<{ request: object }>(put).request })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'DELETE', url: `/api/scenarios/${s.id}` })).statusCode).toBe(204);
      expect((await t.app.inject({ url: `/api/scenarios/${s.id}` })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'DELETE', url: `/api/scenarios/${s.id}` })).statusCode).toBe(404);
    });

    it.each([
      [{ request: { dose: 4.5 } }, 'name', /name is required/],
      [{ name: '  ', request: { dose: 4.5 } }, 'name', /must not be empty/],
      [{ name: 'x', request: { dose: -2 } }, 'request.dose', /-2 is not accepted/],
      [{ name: 'x', request: { dose: 4.5, time: '7pm' } }, 'request.time', /"7pm" is not a clock time/],
      [{ name: 'x', request: { regimen: { steps: [] } } }, 'request.regimen.steps', /at least one step/],
      [{ name: 'x', request: { dose: 4.5 }, owner: 'me' }, 'owner', /unknown field "owner"; accepted: name, request, notes/],
      [{ name: 'x', request: [4.5] }, 'request', /a list of 1 is not accepted/],
      [{ name: 'x', request: { dose: 4.5, overrides: { clearance: 70 } } }, 'request.overrides.clearance', /unknown parameter "clearance"/],
      [{ name: 'x', request: { dose: 4.5, overrides: { fu: 3 } } }, 'request.overrides', /fu = 3 is a fraction/],
    ])('refuses %j with 400 naming %s and stores nothing', async (body, field, message) => {
      const before = await counts();
      const r = await t.app.inject({ method: 'POST', url: '/api/scenarios', payload: body });
      expect(r.statusCode).toBe(400);
      expect(json<Err>(r).error).toMatchObject({ code: 'invalid_request', field });
      expect(json<Err>(r).error.message).toMatch(message);
      expect(await counts()).toEqual(before);
    });

    it('does not change a scenario on a rejected PUT', async () => {
      const s = json<{ id: string }>(await t.app.inject({ method: 'POST', url: '/api/scenarios', payload: { name: 'keep', request: { dose: 4.5 } } }));
      const r = await t.app.inject({ method: 'PUT', url: `/api/scenarios/${s.id}`, payload: { name: 'changed', request: { dose: 'lots' } } });
      expect(r.statusCode).toBe(400);
      expect(json(await t.app.inject({ url: `/api/scenarios/${s.id}` }))).toMatchObject({ name: 'keep', request: { dose: 4.5 } });
      expect((await t.app.inject({ method: 'PUT', url: '/api/scenarios/none', payload: { name: 'x', request: { dose: 1 } } })).statusCode).toBe(404);
    });
  });

  describe('user study records', () => {
    it('refuses an invalid record with 422 naming the field, and stores nothing', async () => {
      const before = await counts();
      const bad = { ...userStudy('doe2025'), evidenceLevel: 'anecdote' };
      const r = await t.app.inject({ method: 'POST', url: '/api/evidence/studies', payload: { study: bad, sources: [userSource] } });
      expect(r.statusCode).toBe(422);
      expect(json<Err>(r).error).toMatchObject({ code: 'invalid_record', field: 'study.evidenceLevel' });
      expect(json<Err>(r).error.message).toMatch(/"anecdote" is not accepted/);
      const noSource = await t.app.inject({ method: 'POST', url: '/api/evidence/studies', payload: userStudy('doe2025') });
      expect(noSource.statusCode).toBe(422);
      expect(json<Err>(noSource).error).toMatchObject({ field: 'sourceIds.0', message: expect.stringMatching(/unknown source "user-src-1"/) as unknown });
      const wrongNumber = userStudy('doe2025');
      wrongNumber.flow.enrolled.value = 48;
      expect(json<Err>(await t.app.inject({ method: 'POST', url: '/api/evidence/studies', payload: { study: wrongNumber, sources: [userSource] } })).error.field).toBe('study.flow.enrolled.value');
      expect((await t.app.inject({ method: 'POST', url: '/api/evidence/studies', payload: [1, 2] })).statusCode).toBe(422);
      expect(await counts()).toEqual(before);
    });

    it('stores a valid record with its source (201), lists it, shows it and runs the checks on it', async () => {
      const r = await t.app.inject({ method: 'POST', url: '/api/evidence/studies', payload: { study: userStudy('doe2025'), sources: [userSource] } });
      expect(r.statusCode).toBe(201);
      const shown = json<{ study: { id: string; label: string }; sources: { id: string }[]; findings: { check: string; severity: string }[] }>(r);
      expect(shown.study.label).toBe('Doe 2025 <img src=x onerror=alert(1)>');
      expect(shown.sources.map((s) => s.id)).toEqual(['user-src-1']);
      expect(shown.findings).toContainEqual(expect.objectContaining({ check: 'grim', severity: 'error' }));
      const list = json<{ id: string }[]>(await t.app.inject({ url: '/api/evidence/studies?condition=endometriosis' }));
      expect(list.map((s) => s.id)).toContain('doe2025');
      expect(json<{ study: { id: string } }>(await t.app.inject({ url: '/api/evidence/studies/doe2025' })).study.id).toBe('doe2025');
      const checks = json<{ findings: { studyId?: string }[] }>(await t.app.inject({ url: '/api/evidence/checks?study=doe2025' }));
      expect(checks.findings.length).toBeGreaterThan(0);
      // a second study can cite the stored source without sending it again
      const second = await t.app.inject({ method: 'POST', url: '/api/evidence/studies', payload: userStudy('doe2025b') });
      expect(second.statusCode).toBe(201);
    });

    it('answers a duplicate study or source id with 409 and stores nothing', async () => {
      const before = await counts();
      const dupStudy = await t.app.inject({ method: 'POST', url: '/api/evidence/studies', payload: userStudy('smith2007') });
      expect(dupStudy.statusCode).toBe(409);
      expect(json<Err>(dupStudy).error).toMatchObject({ code: 'conflict', field: 'id' });
      const dupSource = await t.app.inject({ method: 'POST', url: '/api/evidence/studies', payload: { study: userStudy('doe2026'), sources: [userSource] } });
      expect(dupSource.statusCode).toBe(409);
      expect(json<Err>(dupSource).error.field).toBe('sources.0.id');
      expect(await counts()).toEqual(before);
    });
  });

  describe('deleting user studies', () => {
    it('deletes a user study and the source only it cited (204), keeps shared sources, and refuses shipped or unknown ids', async () => {
      const src = { ...userSource, id: 'user-src-del' };
      expect((await t.app.inject({ method: 'POST', url: '/api/evidence/studies', payload: { study: userStudy('del2025', 'user-src-del'), sources: [src] } })).statusCode).toBe(201);
      expect((await t.app.inject({ method: 'POST', url: '/api/evidence/studies', payload: userStudy('del2025b', 'user-src-del') })).statusCode).toBe(201);
      expect(json<{ origin: string }>(await t.app.inject({ url: '/api/evidence/studies/del2025' })).origin).toBe('user');
      expect(json<{ origin: string }>(await t.app.inject({ url: '/api/evidence/studies/smith2007' })).origin).toBe('shipped');
      const before = await counts();
      expect((await t.app.inject({ method: 'DELETE', url: '/api/evidence/studies/del2025' })).statusCode).toBe(204);
      expect((await t.app.inject({ url: '/api/evidence/studies/del2025' })).statusCode).toBe(404);
      // the other study still cites the source: it stays
      expect(await counts()).toEqual({ ...before, user_studies: before.user_studies - 1 });
      expect(json<{ sources: { id: string }[] }>(await t.app.inject({ url: '/api/evidence/studies/del2025b' })).sources.map((x) => x.id)).toEqual(['user-src-del']);
      expect((await t.app.inject({ method: 'DELETE', url: '/api/evidence/studies/del2025b' })).statusCode).toBe(204);
      // now nothing cites it: the source went with the last study, so it can be sent again
      expect(await counts()).toEqual({ ...before, user_studies: before.user_studies - 2, user_sources: before.user_sources - 1 });
      expect((await t.app.inject({ method: 'POST', url: '/api/evidence/studies', payload: { study: userStudy('del2026', 'user-src-del'), sources: [src] } })).statusCode).toBe(201);
      expect((await t.app.inject({ method: 'DELETE', url: '/api/evidence/studies/del2026' })).statusCode).toBe(204);
    });

    it('refuses to delete a shipped study (409) or an unknown one (404) and changes nothing', async () => {
      const before = await counts();
      const shipped = await t.app.inject({ method: 'DELETE', url: '/api/evidence/studies/smith2007' });
      expect(shipped.statusCode).toBe(409);
      expect(json<Err>(shipped).error).toMatchObject({ code: 'shipped_record', field: 'id' });
      expect(json<Err>(shipped).error.message).toMatch(/ships with LDN Workbench/);
      expect((await t.app.inject({ url: '/api/evidence/studies/smith2007' })).statusCode).toBe(200);
      const unknown = await t.app.inject({ method: 'DELETE', url: '/api/evidence/studies/nobody1999' });
      expect(unknown.statusCode).toBe(404);
      expect(json<Err>(unknown).error.message).toContain('nobody1999');
      expect(await counts()).toEqual(before);
    });
  });

  describe('saved meta-analyses', () => {
    const request = { csv: 'study,yi,vi\nA,0.1,0.04\nB,0.3,0.02\nC,-0.1,0.05\n', measure: 'GEN', method: 'REML' };
    it('saves (running it first), lists, reads with the result and deletes', async () => {
      const r = await t.app.inject({ method: 'POST', url: '/api/meta-analyses', payload: { name: 'three', request } });
      expect(r.statusCode).toBe(201);
      const saved = json<{ id: string; result: { k: number; estimate: number } }>(r);
      expect(saved.result.k).toBe(3);
      const direct = json<{ estimate: number }>(await t.app.inject({ method: 'POST', url: '/api/meta', payload: request }));
      expect(saved.result.estimate).toBe(direct.estimate);
      expect(json<{ meta_analyses: { id: string }[] }>(await t.app.inject({ url: '/api/meta-analyses' })).meta_analyses.map((m) => m.id)).toContain(saved.id);
      expect(json<{ result: { estimate: number } }>(await t.app.inject({ url: `/api/meta-analyses/${saved.id}` })).result.estimate).toBe(direct.estimate);
      expect((await t.app.inject({ method: 'DELETE', url: `/api/meta-analyses/${saved.id}` })).statusCode).toBe(204);
      expect((await t.app.inject({ url: `/api/meta-analyses/${saved.id}` })).statusCode).toBe(404);
    });
    it('does not save a request that fails', async () => {
      const before = await counts();
      const r = await t.app.inject({ method: 'POST', url: '/api/meta-analyses', payload: { name: 'bad', request: { ...request, csv: 'study,yi,vi\nA,x,1\n' } } });
      expect(r.statusCode).toBe(400);
      expect(json<Err>(r).error).toMatchObject({ field: 'request.csv', message: expect.stringMatching(/row 1 \(A\), column yi: "x" is not a number/) as unknown });
      expect(await counts()).toEqual(before);
    });
  });
});
