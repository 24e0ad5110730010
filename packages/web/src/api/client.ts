// A small typed client for the HTTP API of docs/API.md (served by `ldn serve` on the same origin).
// The simulator does not need it (the engine runs in a worker); the evidence pages and saved
// scenarios do. Errors come back as ApiError with the server's code, message and field, or code
// "network" when the server cannot be reached, so pages can say which one it is. `fetch` is
// injectable so tests run against a stub.
import type { SimulationRequest } from '@ldn/engine';
import type { Claim, Finding, NumberValue, Source, Study } from '@ldn/evidence';
import type { PlanOutput, PlanRequest, RuleListing } from '@ldn/planner';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** the whole error body, for answers that carry more than the error (a refused plan) */
  readonly data: unknown;
  constructor(status: number, code: string, message: string, field?: string, data?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.data = data;
  }
}

export interface StudyDetail {
  study: Study;
  sources: (Source | null)[];
  numbers: { field: string; number: NumberValue }[];
  findings: Finding[];
  /** ids of claims resting on this study */
  claims: string[];
  /** "user" for a study a user added (it can be deleted); absent from older servers */
  origin?: 'shipped' | 'user';
}

export interface ScenarioInput {
  name: string;
  request: SimulationRequest;
  notes?: string;
}

export interface Scenario {
  id: string;
  name: string;
  request: SimulationRequest;
  notes: string;
  created_at?: string;
  updated_at?: string;
}

export interface ClaimFilter {
  verdict?: string;
  topic?: string;
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** prefix of every path ('' for the same origin) */
  baseUrl?: string;
  fetch?: FetchLike;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A scenario from the server, tolerant of numeric ids and absent optional fields. */
export function toScenario(x: unknown): Scenario {
  if (!isRecord(x) || (typeof x.id !== 'string' && typeof x.id !== 'number') || typeof x.name !== 'string' || !isRecord(x.request)) {
    throw new ApiError(0, 'bad_response', 'the server sent a scenario without id, name or request');
  }
  const s: Scenario = { id: String(x.id), name: x.name, request: x.request, notes: typeof x.notes === 'string' ? x.notes : '' };
  const created = x.created_at ?? x.createdAt;
  const updated = x.updated_at ?? x.updatedAt;
  if (typeof created === 'string') s.created_at = created;
  if (typeof updated === 'string') s.updated_at = updated;
  return s;
}

function listOf(x: unknown, key: string): unknown[] {
  if (Array.isArray(x)) return x;
  if (isRecord(x) && Array.isArray(x[key])) return x[key] as unknown[];
  if (isRecord(x) && Array.isArray(x.items)) return x.items as unknown[];
  throw new ApiError(0, 'bad_response', `the server sent no list of ${key}`);
}

export class ApiClient {
  private readonly base: string;
  private readonly fetchFn: FetchLike;

  constructor(options: ApiClientOptions = {}) {
    this.base = (options.baseUrl ?? '').replace(/\/$/, '');
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    const init: RequestInit = { method, headers: { accept: 'application/json' } };
    if (body !== undefined) {
      init.headers = { accept: 'application/json', 'content-type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    try {
      res = await this.fetchFn(`${this.base}${path}`, init);
    } catch (e) {
      throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let data: unknown = undefined;
    if (text !== '') {
      try {
        data = JSON.parse(text) as unknown;
      } catch {
        if (res.ok) throw new ApiError(res.status, 'bad_response', `the server's answer to ${method} ${path} is not JSON`);
      }
    }
    if (!res.ok) {
      const err = isRecord(data) && isRecord(data.error) ? data.error : undefined;
      const message = typeof err?.message === 'string' ? err.message : `${method} ${path} failed with HTTP ${res.status}`;
      throw new ApiError(res.status, typeof err?.code === 'string' ? err.code : `http_${res.status}`, message, typeof err?.field === 'string' ? err.field : undefined, data);
    }
    return data as T;
  }

  /** A POST whose successful answer is text (an SVG, an iCalendar, a printable page); errors as `call`. */
  private async text(path: string, body: unknown): Promise<string> {
    let res: Response;
    try {
      res = await this.fetchFn(`${this.base}${path}`, { method: 'POST', headers: { accept: '*/*', 'content-type': 'application/json' }, body: JSON.stringify(body) });
    } catch (e) {
      throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
    }
    const text = await res.text();
    if (res.ok) return text;
    let data: unknown;
    try {
      data = JSON.parse(text) as unknown;
    } catch {
      data = undefined;
    }
    const err = isRecord(data) && isRecord(data.error) ? data.error : undefined;
    throw new ApiError(res.status, typeof err?.code === 'string' ? err.code : `http_${res.status}`, typeof err?.message === 'string' ? err.message : `POST ${path} failed with HTTP ${res.status}`, typeof err?.field === 'string' ? err.field : undefined, data);
  }

  health(): Promise<{ status: string; database: string }> {
    return this.call('GET', '/api/health');
  }

  studies(condition?: string): Promise<Study[]> {
    const q = condition ? `?condition=${encodeURIComponent(condition)}` : '';
    return this.call<unknown>('GET', `/api/evidence/studies${q}`).then((d) => listOf(d, 'studies') as Study[]);
  }

  study(id: string): Promise<StudyDetail> {
    return this.call('GET', `/api/evidence/studies/${encodeURIComponent(id)}`);
  }

  /** POST /api/evidence/studies: `{study, sources}`; the answer is the study as `study(id)` shows it. */
  addStudy(body: { study: Record<string, unknown>; sources?: unknown[] } | Record<string, unknown>): Promise<StudyDetail> {
    return this.call('POST', '/api/evidence/studies', body);
  }

  /** DELETE /api/evidence/studies/{id}: only studies users added (409 shipped_record otherwise). */
  async deleteStudy(id: string): Promise<void> {
    await this.call<unknown>('DELETE', `/api/evidence/studies/${encodeURIComponent(id)}`);
  }

  claims(filter: ClaimFilter = {}): Promise<Claim[]> {
    const q = new URLSearchParams();
    if (filter.verdict) q.set('verdict', filter.verdict);
    if (filter.topic) q.set('topic', filter.topic);
    const s = q.toString();
    return this.call<unknown>('GET', `/api/evidence/claims${s ? `?${s}` : ''}`).then((d) => listOf(d, 'claims') as Claim[]);
  }

  scenarios(): Promise<Scenario[]> {
    return this.call<unknown>('GET', '/api/scenarios').then((d) => listOf(d, 'scenarios').map(toScenario));
  }

  scenario(id: string): Promise<Scenario> {
    return this.call<unknown>('GET', `/api/scenarios/${encodeURIComponent(id)}`).then(toScenario);
  }

  saveScenario(input: ScenarioInput): Promise<Scenario> {
    return this.call<unknown>('POST', '/api/scenarios', input).then(toScenario);
  }

  updateScenario(id: string, input: ScenarioInput): Promise<Scenario> {
    return this.call<unknown>('PUT', `/api/scenarios/${encodeURIComponent(id)}`, input).then(toScenario);
  }

  async deleteScenario(id: string): Promise<void> {
    await this.call<unknown>('DELETE', `/api/scenarios/${encodeURIComponent(id)}`);
  }

  // ---- custom meta-analysis ----

  /** POST /api/meta: the JSON of `ldn meta --format json`. */
  meta(body: Record<string, unknown>): Promise<MetaDoc> {
    return this.call('POST', '/api/meta', body);
  }

  /** POST /api/meta?format=svg: the server's forest plot. */
  metaSvg(body: Record<string, unknown>): Promise<string> {
    return this.text('/api/meta?format=svg', body);
  }

  metaAnalyses(): Promise<SavedMetaAnalysis[]> {
    return this.call<unknown>('GET', '/api/meta-analyses').then((d) => listOf(d, 'meta_analyses').map(toSavedMeta));
  }

  metaAnalysis(id: string): Promise<SavedMetaAnalysis> {
    return this.call<unknown>('GET', `/api/meta-analyses/${encodeURIComponent(id)}`).then(toSavedMeta);
  }

  saveMetaAnalysis(input: { name: string; request: Record<string, unknown> }): Promise<SavedMetaAnalysis> {
    return this.call<unknown>('POST', '/api/meta-analyses', input).then(toSavedMeta);
  }

  async deleteMetaAnalysis(id: string): Promise<void> {
    await this.call<unknown>('DELETE', `/api/meta-analyses/${encodeURIComponent(id)}`);
  }

  // ---- dosing planner ----

  /**
   * POST /api/plans. Resolves with the plan for 200; a refused plan (422 blocked, 409 warnings to
   * acknowledge) also resolves, with its error, so the page can show which rule and why. Bad input
   * (400) and other failures reject with ApiError.
   */
  async plan(request: PlanRequest): Promise<PlanAnswer> {
    try {
      return { plan: await this.call<PlanOutput>('POST', '/api/plans', request) };
    } catch (e) {
      const refused = refusedPlan(e);
      if (refused) return refused;
      throw e;
    }
  }

  /** The plan's iCalendar or printable page (POST /api/plans?format=ics|html). */
  planFile(request: PlanRequest, format: 'ics' | 'html'): Promise<string> {
    return this.text(`/api/plans?format=${format}`, request);
  }

  planRules(lang: string): Promise<RuleListing[]> {
    return this.call<unknown>('GET', `/api/plans/rules?lang=${encodeURIComponent(lang)}`).then((d) => listOf(d, 'rules') as RuleListing[]);
  }

  savedPlans(): Promise<SavedPlanSummary[]> {
    return this.call<unknown>('GET', '/api/saved-plans').then((d) => listOf(d, 'saved_plans').map(toSavedPlan));
  }

  savedPlan(id: string): Promise<SavedPlan> {
    return this.call<unknown>('GET', `/api/saved-plans/${encodeURIComponent(id)}`).then((d) => toSavedPlan(d) as SavedPlan);
  }

  /** Saves an ok plan (201); a refused one resolves as for `plan`, with nothing stored. */
  async savePlan(input: { name: string; request: PlanRequest; notes?: string }): Promise<SavedPlan | PlanAnswer> {
    try {
      return toSavedPlan(await this.call<unknown>('POST', '/api/saved-plans', input)) as SavedPlan;
    } catch (e) {
      const refused = refusedPlan(e);
      if (refused) return refused;
      throw e;
    }
  }

  async deleteSavedPlan(id: string): Promise<void> {
    await this.call<unknown>('DELETE', `/api/saved-plans/${encodeURIComponent(id)}`);
  }
}

/** A pooled fit as `ldn meta --format json` gives it (null for what the model does not estimate). */
export interface MetaSummary {
  k: number;
  estimate: number | null;
  se: number | null;
  ci_lower: number | null;
  ci_upper: number | null;
  statistic: number | null;
  p: number | null;
  tau2: number | null;
  tau2_ci_lower: number | null;
  tau2_ci_upper: number | null;
  I2: number | null;
  H2: number | null;
  Q: number | null;
  Q_df: number;
  Q_p: number | null;
  pi_lower: number | null;
  pi_upper: number | null;
  /** back-transformed, for ratio measures */
  exp?: { estimate: number | null; ci_lower: number | null; ci_upper: number | null; pi_lower: number | null; pi_upper: number | null };
}

export interface MetaDoc extends MetaSummary {
  measure: string;
  method: string;
  test: 'knha' | 'z';
  df: number | null;
  level: number;
  studies: { study: string; yi: number | null; vi: number | null; ci_lower: number | null; ci_upper: number | null; weight: number | null }[];
  omitted: string[];
  subgroups?: ({ group: string } & MetaSummary)[];
  subgroup_test?: { Q: number; Q_df: number; Q_p: number };
  revman5_random?: { model: string; tau2: number | null; estimate: number | null; ci_lower: number | null; ci_upper: number | null; p: number | null; exp?: { estimate: number | null; ci_lower: number | null; ci_upper: number | null } };
}

export interface SavedMetaAnalysis {
  id: string;
  name: string;
  request: Record<string, unknown>;
  created_at?: string;
  result?: MetaDoc;
}

function toSavedMeta(x: unknown): SavedMetaAnalysis {
  if (!isRecord(x) || (typeof x.id !== 'string' && typeof x.id !== 'number') || typeof x.name !== 'string' || !isRecord(x.request)) {
    throw new ApiError(0, 'bad_response', 'the server sent a saved meta-analysis without id, name or request');
  }
  const out: SavedMetaAnalysis = { id: String(x.id), name: x.name, request: x.request };
  if (typeof x.created_at === 'string') out.created_at = x.created_at;
  if (isRecord(x.result)) out.result = x.result as unknown as MetaDoc;
  return out;
}

/** What POST /api/plans answered: the plan, and for a refused plan (422 / 409) the error too. */
export interface PlanAnswer {
  plan: PlanOutput;
  refused?: { status: 409 | 422; code: string; message: string; field: string | undefined };
}

export interface SavedPlanSummary {
  id: string;
  name: string;
  request: PlanRequest;
  notes: string;
  created_at?: string;
}

export interface SavedPlan extends SavedPlanSummary {
  plan: PlanOutput;
}

function refusedPlan(e: unknown): PlanAnswer | undefined {
  if (!(e instanceof ApiError) || (e.status !== 409 && e.status !== 422) || !isRecord(e.data) || !isRecord(e.data.plan)) return undefined;
  return { plan: e.data.plan as unknown as PlanOutput, refused: { status: e.status, code: e.code, message: e.message, field: e.field } };
}

function toSavedPlan(x: unknown): SavedPlanSummary | SavedPlan {
  if (!isRecord(x) || (typeof x.id !== 'string' && typeof x.id !== 'number') || typeof x.name !== 'string' || !isRecord(x.request)) {
    throw new ApiError(0, 'bad_response', 'the server sent a saved plan without id, name or request');
  }
  const out: SavedPlanSummary & { plan?: PlanOutput } = { id: String(x.id), name: x.name, request: x.request as unknown as PlanRequest, notes: typeof x.notes === 'string' ? x.notes : '' };
  if (typeof x.created_at === 'string') out.created_at = x.created_at;
  if (isRecord(x.plan)) out.plan = x.plan as unknown as PlanOutput;
  return out;
}

/** True when a save answered with a stored plan (not a refusal). */
export function isSavedPlan(x: SavedPlan | PlanAnswer): x is SavedPlan {
  return 'id' in x;
}

/** Only http(s) links leave the app; scheme-less record URLs ("pubmed.ncbi.nlm.nih.gov/…") get https. */
export function safeHref(url: string): string | undefined {
  const u = url.trim();
  if (/^https?:\/\//i.test(u)) return u;
  if (/^[a-z][a-z0-9+.-]*:/i.test(u)) return undefined; // javascript:, data:, mailto: …
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(u)) return `https://${u}`;
  return undefined;
}
