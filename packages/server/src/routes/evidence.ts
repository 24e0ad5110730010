// The evidence base over HTTP: studies (shipped and user-added), claims, consistency checks, and
// POST of new study records. Answers are the documents of `ldn evidence … --format json` and
// `ldn check --format json`, built by the same @ldn/evidence report functions, over the shipped
// base extended with the records stored in the database, so users' studies are listed, shown and
// checked (GRIM, statcheck, …) exactly like shipped ones. A new record is validated completely
// (schema, ids, sources) before anything is written: a rejected record changes nothing.
import type { FastifyInstance } from 'fastify';
import {
  EvidenceQueryError,
  checkEvidence,
  checksReport,
  claimReport,
  claimsReport,
  extendEvidence,
  loadEvidence,
  studiesReport,
  studyReport,
  unknownIdMessage,
  validateAdditions,
  StudySchema,
  type EvidenceBase,
  type Finding,
  type Source,
  type Study,
} from '@ldn/evidence';
import type { Services } from '../app.js';
import { ApiError, assertStorable, badRequest, notFound, parse, preview, valueAt } from '../errors.js';
import { jsonSchema, route } from '../openapi.js';
import { checksQuery, claimsQuery, idParams, studiesQuery } from '../schemas.js';
import type { Repository } from '../db/repository.js';

interface Current {
  key: string;
  base: EvidenceBase;
  findings: Finding[];
}

/** The shipped base plus the user records in the database; rebuilt only when those change. */
export class EvidenceView {
  private cached: Current | undefined;
  constructor(private readonly repo: Repository) {}

  async current(): Promise<{ base: EvidenceBase; findings: Finding[] }> {
    const user = await this.repo.listUserEvidence();
    const sources = user.sources as Source[];
    const studies = user.studies as Study[];
    if (sources.length === 0 && studies.length === 0) return { base: loadEvidence(), findings: checkEvidence() };
    const key = `${sources.map((s) => s.id).join(',')}|${studies.map((s) => s.id).join(',')}`;
    if (this.cached?.key !== key) {
      const base = extendEvidence(loadEvidence(), { sources, studies });
      this.cached = { key, base, findings: checkEvidence(base) };
    }
    return { base: this.cached.base, findings: this.cached.findings };
  }
}

function query<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof EvidenceQueryError) throw badRequest(e.message, e.field);
    throw e;
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function registerEvidence(app: FastifyInstance, s: Services): void {
  const view = new EvidenceView(s.repo);

  route(app, {
    method: 'GET',
    url: '/api/evidence/studies',
    summary: 'Studies, oldest first, including those users added (the JSON of `ldn evidence list --format json`)',
    tags: ['evidence'],
    querystring: studiesQuery,
    responses: { 200: { description: 'study records', schema: { type: 'array', items: { type: 'object' } } } },
    handler: async (req) => {
      const q = parse(studiesQuery, req.query);
      const { base } = await view.current();
      return query(() => studiesReport(q.condition !== undefined ? { condition: q.condition } : {}, base));
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/evidence/studies/:id',
    summary: 'One study with every number’s status and source, its checks and claims (`ldn evidence show ID --format json`)',
    tags: ['evidence'],
    params: idParams,
    responses: { 200: { description: '{study, sources, numbers, findings, claims}' } },
    handler: async (req) => {
      const { id } = parse(idParams, req.params, 404, 'not_found');
      const { base, findings } = await view.current();
      const r = studyReport(id, base, findings);
      if (r === undefined) throw notFound(unknownIdMessage(id, base, 'study'), 'id');
      return r;
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/evidence/studies',
    summary: 'Add a study record (the evidence schema); 422 names the invalid field',
    description: 'The body is a study record, or {"study": record, "sources": [source records it cites that the base lacks]}. Ids must be new (409 otherwise).',
    tags: ['evidence'],
    body: { oneOf: [jsonSchema(StudySchema), { type: 'object', properties: { study: jsonSchema(StudySchema), sources: { type: 'array', items: { type: 'object' } } }, required: ['study'], additionalProperties: false }] },
    responses: { 201: { description: 'stored; the study as GET /api/evidence/studies/{id} shows it' } },
    handler: async (req, reply) => {
      const body = req.body;
      if (!isObject(body)) throw new ApiError(422, 'invalid_record', `the body: ${preview(body)} is not a study record; send a JSON object (the evidence study schema)`, null);
      const envelope = Object.hasOwn(body, 'study') && !Object.hasOwn(body, 'id');
      if (envelope) {
        const extra = Object.keys(body).filter((k) => k !== 'study' && k !== 'sources');
        if (extra.length > 0) throw new ApiError(422, 'invalid_record', `unknown field "${extra[0] ?? ''}"; accepted: study, sources`, extra[0] ?? null);
        if (body.sources !== undefined && !Array.isArray(body.sources)) throw new ApiError(422, 'invalid_record', `sources: ${preview(body.sources)} is not accepted; expected a list of source records`, 'sources');
        if (Array.isArray(body.sources) && body.sources.length > 100) throw new ApiError(422, 'invalid_record', `sources: ${body.sources.length} records; send at most 100 with one study`, 'sources');
      }
      const study = envelope ? body.study : body;
      const sources = envelope && Array.isArray(body.sources) ? (body.sources as unknown[]) : [];
      const { base } = await view.current();
      const r = validateAdditions(base, { sources, studies: [study] }, { sources: (i) => ['sources', i], studies: () => (envelope ? ['study'] : []) });
      if (!r.ok) {
        const issue = r.issues.find((i) => i.kind === 'invalid') ?? r.issues[0]!;
        const field = issue.keys.map(String).join('.');
        const value = valueAt(body, issue.keys);
        const message = issue.kind === 'duplicate' ? `${field}: ${issue.message}` : `${field === '' ? 'the record' : field}: ${value === undefined ? 'missing' : preview(value)} is not accepted; ${issue.message}`;
        throw new ApiError(issue.kind === 'duplicate' ? 409 : 422, issue.kind === 'duplicate' ? 'conflict' : 'invalid_record', message, field);
      }
      assertStorable(r.value.sources, 'sources');
      assertStorable(r.value.studies[0], envelope ? 'study' : '');
      const added = r.value.studies[0]!;
      await s.repo.addUserEvidence(r.value.sources, r.value.studies);
      const now = await view.current();
      void reply.code(201);
      return studyReport(added.id, now.base, now.findings);
    },
  });

  route(app, {
    method: 'DELETE',
    url: '/api/evidence/studies/:id',
    summary: 'Delete a study a user added (and the sources only it cited); shipped studies cannot be deleted (409)',
    tags: ['evidence'],
    params: idParams,
    responses: { 204: { description: 'deleted' } },
    handler: async (req, reply) => {
      const { id } = parse(idParams, req.params, 404, 'not_found');
      if (!(await s.repo.deleteUserStudy(id))) {
        const { base } = await view.current();
        if (base.studies.some((x) => x.id === id)) {
          throw new ApiError(409, 'shipped_record', `study "${id}" ships with LDN Workbench and cannot be deleted here; shipped records change by a reviewed edit of packages/evidence/data. Only studies added by users can be deleted.`, 'id');
        }
        throw notFound(`no study with id "${id}"`, 'id');
      }
      void reply.code(204);
      return reply.send();
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/evidence/claims',
    summary: 'The claims ledger of the seed review (`ldn evidence claims --format json`)',
    tags: ['evidence'],
    querystring: claimsQuery,
    responses: { 200: { description: 'claims', schema: { type: 'array', items: { type: 'object' } } } },
    handler: async (req) => {
      const q = parse(claimsQuery, req.query);
      const { base } = await view.current();
      return query(() => claimsReport({ ...(q.verdict !== undefined ? { verdict: q.verdict } : {}), ...(q.topic !== undefined ? { topic: q.topic } : {}) }, base));
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/evidence/claims/:id',
    summary: 'One claim with the checks about it (`ldn evidence show C01 --format json`)',
    tags: ['evidence'],
    params: idParams,
    responses: { 200: { description: '{claim, findings}' } },
    handler: async (req) => {
      const { id } = parse(idParams, req.params, 404, 'not_found');
      const { base, findings } = await view.current();
      const r = claimReport(id, base, findings);
      if (r === undefined) throw notFound(unknownIdMessage(id, base, 'claim'), 'id');
      return r;
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/evidence/checks',
    summary: 'Consistency checks over the evidence base, user records included (`ldn check --format json`)',
    tags: ['evidence'],
    querystring: checksQuery,
    responses: { 200: { description: '{counts, findings}' } },
    handler: async (req) => {
      const q = parse(checksQuery, req.query);
      const { base, findings } = await view.current();
      return query(() =>
        checksReport(
          { ...(q.severity !== undefined ? { severity: q.severity } : {}), ...(q.check !== undefined ? { check: q.check } : {}), ...(q.study !== undefined ? { study: q.study } : {}), ...(q.all === 'true' ? { all: true } : {}) },
          base,
          findings,
        ),
      );
    },
  });
}
