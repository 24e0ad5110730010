// GET /api/params?set=literature|seed: every model parameter with value, unit, range, evidence
// level and source, as `ldn params --format json` (both call the engine's parametersReport).
import type { FastifyInstance } from 'fastify';
import { parametersReport } from '@ldn/engine';
import { parse } from '../errors.js';
import { route } from '../openapi.js';
import { paramsQuery } from '../schemas.js';

export function registerParams(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/params',
    summary: 'Model parameters with provenance (the JSON of `ldn params --format json`)',
    tags: ['simulator'],
    querystring: paramsQuery,
    responses: { 200: { description: 'the parameter set' } },
    handler: (req) => parametersReport(parse(paramsQuery, req.query).set),
  });
}
