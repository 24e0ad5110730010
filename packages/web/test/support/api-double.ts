// A small test double of the HTTP API (docs/API.md) for component tests: the evidence endpoints
// answer from the same report builders the server uses, scenarios live in memory, and every call
// is recorded. The browser tests (test/e2e) run against the real server instead.
import { claimsReport, EvidenceInputError, extendEvidence, loadEvidence, metaJson, MetaRequestError, runMetaAnalysis, studiesReport, studyReport, validateAdditions, type MetaRequest, type Source, type Study } from '@ldn/evidence';
import { buildPlan, listRules, PlanInputError, planToHtml, planToIcs, type PlanOutput } from '@ldn/planner';

export interface RecordedCall {
  method: string;
  path: string;
  body: unknown;
}

export interface ApiDouble {
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  calls: RecordedCall[];
  scenarios: Map<string, Record<string, unknown>>;
  savedPlans: Map<string, Record<string, unknown>>;
  metaAnalyses: Map<string, Record<string, unknown>>;
  /** studies added through POST /api/evidence/studies, with their sources */
  userEvidence: { sources: Source[]; studies: Study[] };
}

/** POST /api/meta as the server answers it: the JSON of ldn meta, or a 400 naming the field. */
function metaAnswer(body: unknown, prefix = ''): Response {
  try {
    return json(200, metaJson(runMetaAnalysis(body as MetaRequest)));
  } catch (e) {
    if (e instanceof EvidenceInputError || e instanceof MetaRequestError) return json(400, { error: { code: 'invalid_request', message: `${prefix}csv: ${e.message}`, field: `${prefix}${e instanceof MetaRequestError ? e.field : 'csv'}` } });
    throw e;
  }
}

const text = (status: number, body: string, type: string): Response => new Response(body, { status, headers: { 'content-type': type } });

/** POST /api/plans as the server answers it: 200, 422 plan_blocked, 409 acknowledgement_required (both with the plan), 400 naming the field. */
function planAnswer(body: unknown, prefix = ''): { status: number; plan?: PlanOutput; error?: { code: string; message: string; field: string | null } } {
  let plan: PlanOutput;
  try {
    plan = buildPlan(body);
  } catch (e) {
    if (e instanceof PlanInputError) return { status: 400, error: { code: 'invalid_request', message: `${prefix}${e.message}`, field: `${prefix}${e.field}` } };
    throw e;
  }
  if (plan.status === 'blocked') return { status: 422, plan, error: { code: 'plan_blocked', message: `plan not produced: blocked by ${plan.blocks.join(', ')}`, field: null } };
  if (plan.status === 'needs-acknowledgement') return { status: 409, plan, error: { code: 'acknowledgement_required', message: `plan not produced: need acknowledgement: ${plan.needs_ack.join(', ')}`, field: `${prefix}ack` } };
  return { status: 200, plan };
}

const json = (status: number, body?: unknown): Response =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** `extraStudies` are appended to the list, as studies users added through the API would be. */
export function apiDouble(extraStudies: Study[] = []): ApiDouble {
  const calls: RecordedCall[] = [];
  const scenarios = new Map<string, Record<string, unknown>>();
  const savedPlans = new Map<string, Record<string, unknown>>();
  const metaAnalyses = new Map<string, Record<string, unknown>>();
  const userEvidence: { sources: Source[]; studies: Study[] } = { sources: [], studies: [] };
  const base = () => extendEvidence(loadEvidence(), userEvidence);
  let next = 1;
  const fetch = (url: string, init?: RequestInit): Promise<Response> => {
    const u = new URL(url, 'http://test.invalid');
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ method, path: `${u.pathname}${u.search}`, body });
    const p = u.pathname;
    const q = u.searchParams;
    let m: RegExpExecArray | null;
    if (p === '/api/evidence/studies' && method === 'GET') {
      const condition = q.get('condition');
      return Promise.resolve(json(200, [...studiesReport(condition ? { condition } : {}, base()), ...extraStudies.filter((s) => !condition || s.conditions.includes(condition as never))]));
    }
    if (p === '/api/evidence/studies' && method === 'POST') {
      // as the server: {study, sources} or a bare record; 409 for a taken id, 422 naming the field
      const envelope = typeof body === 'object' && body !== null && 'study' in body && !('id' in body);
      const b = body as { study?: unknown; sources?: unknown[] };
      const r = validateAdditions(base(), { sources: envelope ? (b.sources ?? []) : [], studies: [envelope ? b.study : body] }, { sources: (i) => ['sources', i], studies: () => (envelope ? ['study'] : []) });
      if (!r.ok) {
        const issue = r.issues.find((i) => i.kind === 'invalid') ?? r.issues[0]!;
        const field = issue.keys.map(String).join('.');
        return Promise.resolve(json(issue.kind === 'duplicate' ? 409 : 422, { error: { code: issue.kind === 'duplicate' ? 'conflict' : 'invalid_record', message: `${field}: ${issue.message}`, field } }));
      }
      userEvidence.sources.push(...r.value.sources);
      userEvidence.studies.push(...r.value.studies);
      return Promise.resolve(json(201, studyReport(r.value.studies[0]!.id, base())));
    }
    if ((m = /^\/api\/evidence\/studies\/([^/]+)$/.exec(p))) {
      const id = decodeURIComponent(m[1]!);
      if (method === 'DELETE') {
        const i = userEvidence.studies.findIndex((x) => x.id === id);
        if (i >= 0) {
          userEvidence.studies.splice(i, 1);
          return Promise.resolve(json(204));
        }
        if (studyReport(id)) return Promise.resolve(json(409, { error: { code: 'shipped_record', message: `study "${id}" ships with LDN Workbench and cannot be deleted here`, field: 'id' } }));
        return Promise.resolve(json(404, { error: { code: 'not_found', message: `no study with id "${id}"`, field: 'id' } }));
      }
      const r = studyReport(id, base());
      return Promise.resolve(r ? json(200, r) : json(404, { error: { code: 'not_found', message: 'no such study', field: 'id' } }));
    }
    if (p === '/api/evidence/claims') {
      const verdict = q.get('verdict');
      const topic = q.get('topic');
      return Promise.resolve(json(200, claimsReport({ ...(verdict ? { verdict } : {}), ...(topic ? { topic } : {}) })));
    }
    if (p === '/api/scenarios' && method === 'GET') return Promise.resolve(json(200, { scenarios: [...scenarios.values()] }));
    if (p === '/api/scenarios' && method === 'POST') {
      const id = `s${next++}`;
      const now = '2026-11-25T10:00:00.000Z';
      const s = { id, ...(body as object), created_at: now, updated_at: now };
      scenarios.set(id, s);
      return Promise.resolve(json(201, s));
    }
    if ((m = /^\/api\/scenarios\/([^/]+)$/.exec(p))) {
      const id = decodeURIComponent(m[1]!);
      const s = scenarios.get(id);
      if (!s) return Promise.resolve(json(404, { error: { code: 'not_found', message: `no scenario with id "${id}"`, field: 'id' } }));
      if (method === 'DELETE') {
        scenarios.delete(id);
        return Promise.resolve(json(204));
      }
      if (method === 'PUT') {
        const updated = { ...s, ...(body as object), updated_at: '2026-11-25T11:00:00.000Z' };
        scenarios.set(id, updated);
        return Promise.resolve(json(200, updated));
      }
      return Promise.resolve(json(200, s));
    }
    if (p === '/api/plans' && method === 'POST') {
      const a = planAnswer(body);
      if (a.status !== 200) return Promise.resolve(json(a.status, { error: a.error, ...(a.plan ? { plan: a.plan } : {}) }));
      const format = q.get('format');
      if (format === 'ics') return Promise.resolve(text(200, planToIcs(buildPlan(body, { simulate: false })), 'text/calendar; charset=utf-8'));
      if (format === 'html') return Promise.resolve(text(200, planToHtml(a.plan!), 'text/html; charset=utf-8'));
      return Promise.resolve(json(200, a.plan));
    }
    if (p === '/api/meta' && method === 'POST') return Promise.resolve(metaAnswer(body));
    if (p === '/api/meta-analyses' && method === 'GET') return Promise.resolve(json(200, { meta_analyses: [...metaAnalyses.values()] }));
    if (p === '/api/meta-analyses' && method === 'POST') {
      const b = body as { name: string; request: unknown };
      const answer = metaAnswer(b.request, 'request.');
      if (answer.status !== 200) return Promise.resolve(answer);
      const id = `m${next++}`;
      const saved = { id, name: b.name, request: b.request, created_at: '2026-11-25T12:00:00.000Z' };
      metaAnalyses.set(id, saved);
      return answer.json().then((result: unknown) => json(201, { ...saved, result }));
    }
    if ((m = /^\/api\/meta-analyses\/([^/]+)$/.exec(p))) {
      const id = decodeURIComponent(m[1]!);
      const saved = metaAnalyses.get(id);
      if (!saved) return Promise.resolve(json(404, { error: { code: 'not_found', message: `no saved meta-analysis with id "${id}"`, field: 'id' } }));
      if (method === 'DELETE') {
        metaAnalyses.delete(id);
        return Promise.resolve(json(204));
      }
      return metaAnswer(saved.request).json().then((result: unknown) => json(200, { ...saved, result }));
    }
    if (p === '/api/plans/rules') return Promise.resolve(json(200, listRules()));
    if (p === '/api/saved-plans' && method === 'GET') return Promise.resolve(json(200, { saved_plans: [...savedPlans.values()].map(({ plan: _plan, ...rest }) => rest) }));
    if (p === '/api/saved-plans' && method === 'POST') {
      const b = body as { name: string; request: unknown; notes?: string };
      const a = planAnswer(b.request, 'request.');
      if (a.status !== 200) return Promise.resolve(json(a.status, { error: a.error, ...(a.plan ? { plan: a.plan } : {}) }));
      const id = `p${next++}`;
      const saved = { id, name: b.name, request: b.request, notes: b.notes ?? '', created_at: '2026-11-25T12:00:00.000Z', plan: a.plan };
      savedPlans.set(id, saved);
      return Promise.resolve(json(201, saved));
    }
    if ((m = /^\/api\/saved-plans\/([^/]+)$/.exec(p))) {
      const id = decodeURIComponent(m[1]!);
      const sp = savedPlans.get(id);
      if (!sp) return Promise.resolve(json(404, { error: { code: 'not_found', message: `no saved plan with id "${id}"`, field: 'id' } }));
      if (method === 'DELETE') {
        savedPlans.delete(id);
        return Promise.resolve(json(204));
      }
      return Promise.resolve(json(200, sp));
    }
    return Promise.resolve(json(404, { error: { code: 'not_found', message: `no endpoint ${method} ${p}`, field: null } }));
  };
  return { fetch, calls, scenarios, savedPlans, metaAnalyses, userEvidence };
}
