// POST /api/meta: a meta-analysis of CSV text, the JSON of `ldn meta --format json` (or with
// ?format=svg its forest plot, every user string XML-escaped by @ldn/figures); and the saved
// custom meta-analyses (/api/meta-analyses). Both the CLI and this route call @ldn/evidence's
// runMetaAnalysis / metaJson / metaForestData. A saved analysis is re-run before it is stored, so
// only a request that succeeds is ever saved, and its result is recomputed when it is read.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { EvidenceInputError, FIELD_TO_COLUMN, MetaRequestError, metaForestData, metaFunnelData, metaJson, runMetaAnalysis, type MetaAnalysisResult } from '@ldn/evidence';
import { forestPlot, funnelPlot } from '@ldn/figures';
import type { z } from 'zod';
import type { Services } from '../app.js';
import { assertStorable, badRequest, notFound, parse } from '../errors.js';
import { route } from '../openapi.js';
import { idParams, metaBody, metaQuery, savedMetaBody } from '../schemas.js';

/** Runs a meta-analysis request, turning input problems into 400s that name the CSV row and column. */
export function runMeta(body: z.output<typeof metaBody>, prefix = ''): MetaAnalysisResult {
  try {
    return runMetaAnalysis({ csv: body.csv, measure: body.measure, method: body.method, knha: body.knha, subgroup: body.subgroup, revman5: body.revman5 });
  } catch (e) {
    if (e instanceof EvidenceInputError) {
      const column = FIELD_TO_COLUMN[e.field] ?? e.field;
      const where = e.row === null ? '' : ` row ${e.row}${e.study !== undefined && e.study !== '' ? ` (${e.study})` : ''},`;
      const what = column === 'k' ? ' studies:' : column === 'csv' ? '' : ` column ${column}:`;
      throw badRequest(`${prefix}csv:${where}${what} ${e.detail}`, `${prefix}csv`);
    }
    if (e instanceof MetaRequestError) throw badRequest(`${prefix}${e.message}`, `${prefix}${e.field}`);
    if (e instanceof RangeError) throw badRequest(`${prefix}csv: ${e.message}`, `${prefix}csv`);
    throw e;
  }
}

export function registerMeta(app: FastifyInstance, s: Services): void {
  route(app, {
    method: 'POST',
    url: '/api/meta',
    summary: 'Meta-analysis of a CSV of studies (the JSON of `ldn meta --format json`; ?format=svg: forest plot, &plot=funnel: funnel plot)',
    tags: ['meta-analysis'],
    body: metaBody,
    querystring: metaQuery,
    responses: { 200: { description: 'pooled estimate, heterogeneity, per-study rows (or image/svg+xml with ?format=svg)' } },
    handler: async (req, reply) => {
      const q = parse(metaQuery, req.query);
      const result = runMeta(parse(metaBody, req.body));
      if (q.format === 'svg') {
        void reply.type('image/svg+xml; charset=utf-8');
        return q.plot === 'funnel' ? funnelPlot(metaFunnelData(result)) : forestPlot(metaForestData(result));
      }
      return metaJson(result);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/meta-analyses',
    summary: 'Saved custom meta-analyses',
    tags: ['meta-analysis'],
    responses: { 200: { description: '{meta_analyses: [{id, name, request, created_at}]}' } },
    handler: async () => ({ meta_analyses: await s.repo.listMetaAnalyses() }),
  });

  route(app, {
    method: 'POST',
    url: '/api/meta-analyses',
    summary: 'Save a meta-analysis request under a name (it is run first; a failing one is not saved)',
    tags: ['meta-analysis'],
    body: savedMetaBody,
    responses: { 201: { description: '{id, name, request, created_at, result}' } },
    handler: async (req, reply) => {
      const body = parse(savedMetaBody, req.body);
      assertStorable(body);
      const result = metaJson(runMeta(body.request, 'request.'));
      const saved = await s.repo.createMetaAnalysis(randomUUID(), { name: body.name, request: body.request });
      void reply.code(201);
      return { ...saved, result };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/meta-analyses/:id',
    summary: 'One saved meta-analysis with its result recomputed',
    tags: ['meta-analysis'],
    params: idParams,
    responses: { 200: { description: '{id, name, request, created_at, result}' } },
    handler: async (req) => {
      const { id } = parse(idParams, req.params, 404, 'not_found');
      const saved = await s.repo.getMetaAnalysis(id);
      if (saved === undefined) throw notFound(`no saved meta-analysis with id "${id}"; GET /api/meta-analyses lists them`, 'id');
      return { ...saved, result: metaJson(runMeta(parse(metaBody, saved.request), 'request.')) };
    },
  });

  route(app, {
    method: 'DELETE',
    url: '/api/meta-analyses/:id',
    summary: 'Delete a saved meta-analysis',
    tags: ['meta-analysis'],
    params: idParams,
    responses: { 204: { description: 'deleted' } },
    handler: async (req, reply) => {
      const { id } = parse(idParams, req.params, 404, 'not_found');
      if (!(await s.repo.deleteMetaAnalysis(id))) throw notFound(`no saved meta-analysis with id "${id}"`, 'id');
      void reply.code(204);
      return reply.send();
    },
  });
}
