// The API client against a stub fetch: paths and query strings of docs/API.md, bodies, the error
// shape {error:{code,message,field}}, network failures, and the list shapes the server may use.
import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError, safeHref, toScenario } from '../src/api/client.js';

interface Call {
  url: string;
  method: string;
  body: unknown;
}

function stub(respond: (c: Call) => { status: number; body?: unknown }): { client: ApiClient; calls: Call[] } {
  const calls: Call[] = [];
  const client = new ApiClient({
    fetch: (url, init) => {
      const c: Call = { url, method: init?.method ?? 'GET', body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined };
      calls.push(c);
      const r = respond(c);
      return Promise.resolve(new Response(r.body === undefined ? null : JSON.stringify(r.body), { status: r.status, headers: { 'content-type': 'application/json' } }));
    },
  });
  return { client, calls };
}

const scenario = { id: 'a1', name: 'Night', request: { dose: 4.5, days: 14 }, notes: '', created_at: '2026-11-25T10:00:00.000Z', updated_at: '2026-11-25T10:00:00.000Z' };

describe('ApiClient', () => {
  it('builds the contract’s paths and query strings', async () => {
    const { client, calls } = stub((c) => ({ status: 200, body: c.url.includes('/studies/') ? { study: {}, sources: [], numbers: [], findings: [], claims: [] } : [] }));
    await client.studies('crohn');
    await client.studies();
    await client.study('smith 2011');
    await client.claims({ verdict: 'differs', topic: 'pharmacology' });
    await client.claims();
    expect(calls.map((c) => c.url)).toEqual([
      '/api/evidence/studies?condition=crohn',
      '/api/evidence/studies',
      '/api/evidence/studies/smith%202011',
      '/api/evidence/claims?verdict=differs&topic=pharmacology',
      '/api/evidence/claims',
    ]);
  });

  it('saves, lists, updates and deletes scenarios', async () => {
    const { client, calls } = stub((c) => {
      if (c.method === 'DELETE') return { status: 204 };
      if (c.method === 'GET' && c.url === '/api/scenarios') return { status: 200, body: { scenarios: [scenario] } };
      return { status: c.method === 'POST' ? 201 : 200, body: { ...scenario, ...(c.body as object) } };
    });
    const saved = await client.saveScenario({ name: 'Night', request: { dose: 4.5, days: 14 }, notes: 'n' });
    expect(saved).toMatchObject({ id: 'a1', name: 'Night', notes: 'n' });
    expect(calls[0]).toEqual({ url: '/api/scenarios', method: 'POST', body: { name: 'Night', request: { dose: 4.5, days: 14 }, notes: 'n' } });
    expect((await client.scenarios()).map((s) => s.id)).toEqual(['a1']);
    await client.updateScenario('a1', { name: 'N2', request: { dose: 3, days: 7 } });
    expect(calls[2]).toMatchObject({ url: '/api/scenarios/a1', method: 'PUT' });
    await expect(client.deleteScenario('a1')).resolves.toBeUndefined();
    expect(calls[3]).toMatchObject({ url: '/api/scenarios/a1', method: 'DELETE' });
  });

  it('turns the error body into an ApiError with code, message and field', async () => {
    const { client } = stub(() => ({ status: 422, body: { error: { code: 'invalid_request', message: 'request.dose: must be above 0 mg', field: 'request.dose' } } }));
    const err = await client.saveScenario({ name: 'x', request: { dose: -1 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 422, code: 'invalid_request', message: 'request.dose: must be above 0 mg', field: 'request.dose' });
  });

  it('says "network" when the server cannot be reached, and names non-JSON answers', async () => {
    const down = new ApiClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(down.health()).rejects.toMatchObject({ code: 'network' });
    const html = new ApiClient({ fetch: () => Promise.resolve(new Response('<html>', { status: 200 })) });
    await expect(html.health()).rejects.toMatchObject({ code: 'bad_response' });
    const plain500 = new ApiClient({ fetch: () => Promise.resolve(new Response('oops', { status: 500 })) });
    await expect(plain500.health()).rejects.toMatchObject({ status: 500, code: 'http_500' });
  });

  it('accepts numeric ids and camelCase dates, and refuses scenarios without a request', () => {
    expect(toScenario({ id: 5, name: 'a', request: { dose: 1 }, createdAt: '2026-01-01T00:00:00Z' })).toEqual({ id: '5', name: 'a', request: { dose: 1 }, notes: '', created_at: '2026-01-01T00:00:00Z' });
    expect(() => toScenario({ id: 5, name: 'a' })).toThrow(ApiError);
  });
});

describe('planner endpoints', () => {
  const plan = { status: 'needs-acknowledgement', plan_id: 'abc', rules: [] };
  it('a refused plan (409 / 422) resolves with the plan and the error; bad input (400) rejects naming the field', async () => {
    const { client, calls } = stub((c) => {
      const body = c.body as { weight?: number; ack?: string[] };
      if (body.weight === 500) return { status: 400, body: { error: { code: 'invalid_request', message: 'weight: 500 is out of range', field: 'weight' } } };
      if (body.ack === undefined) return { status: 409, body: { error: { code: 'acknowledgement_required', message: 'send ack: ["R27"]', field: 'ack' }, plan } };
      return { status: 200, body: { ...plan, status: 'ok' } };
    });
    const refused = await client.plan({ condition: 'endometriosis', start: '2026-12-01' });
    expect(refused).toEqual({ plan, refused: { status: 409, code: 'acknowledgement_required', message: 'send ack: ["R27"]', field: 'ack' } });
    expect((await client.plan({ condition: 'endometriosis', start: '2026-12-01', ack: ['R27'] })).refused).toBeUndefined();
    await expect(client.plan({ condition: 'endometriosis', start: '2026-12-01', weight: 500 })).rejects.toMatchObject({ status: 400, field: 'weight' });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/plans', 'POST /api/plans', 'POST /api/plans']);
  });

  it('files come back as text; saved plans are listed, saved and deleted on their paths', async () => {
    const { client, calls } = stub((c) => {
      if (c.url.startsWith('/api/plans?format=')) return { status: 200, body: 'BEGIN:VCALENDAR' };
      if (c.method === 'DELETE') return { status: 204 };
      if (c.url === '/api/saved-plans' && c.method === 'GET') return { status: 200, body: { saved_plans: [{ id: 7, name: 'n', request: { condition: 'x' }, notes: '' }] } };
      return { status: 201, body: { id: 'p1', name: 'n', request: { condition: 'x' }, notes: '', plan: { status: 'ok' } } };
    });
    expect(await client.planFile({ condition: 'x', start: '2026-12-01' }, 'ics')).toBe('"BEGIN:VCALENDAR"');
    expect((await client.savedPlans())[0]).toEqual({ id: '7', name: 'n', request: { condition: 'x' }, notes: '' });
    expect(await client.savePlan({ name: 'n', request: { condition: 'x', start: '2026-12-01' } })).toMatchObject({ id: 'p1', plan: { status: 'ok' } });
    await client.deleteSavedPlan('p 1');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/plans?format=ics', 'GET /api/saved-plans', 'POST /api/saved-plans', 'DELETE /api/saved-plans/p%201']);
  });
});

describe('safeHref', () => {
  it('lets only http(s) out, adding https to bare hosts', () => {
    expect(safeHref('https://doi.org/10.1/x')).toBe('https://doi.org/10.1/x');
    expect(safeHref('pubmed.ncbi.nlm.nih.gov/123/')).toBe('https://pubmed.ncbi.nlm.nih.gov/123/');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref(' JavaScript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<script>')).toBeUndefined();
    expect(safeHref('not a url')).toBeUndefined();
  });
});
