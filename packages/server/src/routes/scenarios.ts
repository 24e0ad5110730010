// Saved simulator scenarios: a name, a simulate request (regimen or dose, parameter set, active
// hypotheses) and notes. The request is validated exactly as POST /api/simulate validates it
// (schema, schedule, hypotheses) before anything is written, so every stored scenario runs.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { prepareSimulation } from '@ldn/engine';
import { z } from 'zod';
import type { Services } from '../app.js';
import { assertStorable, notFound, parse } from '../errors.js';
import { route } from '../openapi.js';
import { checkSize, idParams, scenarioBody, simulateBody } from '../schemas.js';
import { engineCall } from './simulate.js';

function validated(input: unknown): z.output<typeof scenarioBody> {
  const body = parse(scenarioBody, input);
  assertStorable(body);
  const wrapped = parse(z.object({ request: simulateBody }).strip(), { request: body.request });
  checkSize(wrapped.request, 'request.');
  // everything POST /api/simulate checks before it simulates (schedule, hypotheses, what-if values), so every stored scenario runs
  engineCall(() => prepareSimulation(body.request), 'request.');
  return body;
}

const scenarioSchema = {
  type: 'object',
  properties: { id: { type: 'string' }, name: { type: 'string' }, request: { type: 'object' }, notes: { type: 'string' }, created_at: { type: 'string', format: 'date-time' }, updated_at: { type: 'string', format: 'date-time' } },
};

export function registerScenarios(app: FastifyInstance, s: Services): void {
  route(app, {
    method: 'GET',
    url: '/api/scenarios',
    summary: 'Saved scenarios, oldest first',
    tags: ['scenarios'],
    responses: { 200: { description: '{scenarios: [...]}', schema: { type: 'object', properties: { scenarios: { type: 'array', items: scenarioSchema } } } } },
    handler: async () => ({ scenarios: await s.repo.listScenarios() }),
  });

  route(app, {
    method: 'POST',
    url: '/api/scenarios',
    summary: 'Save a scenario: {name, request (a simulate request), notes}',
    tags: ['scenarios'],
    body: scenarioBody,
    responses: { 201: { description: 'the stored scenario', schema: scenarioSchema } },
    handler: async (req, reply) => {
      const body = validated(req.body);
      const saved = await s.repo.createScenario(randomUUID(), body);
      void reply.code(201);
      return saved;
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/scenarios/:id',
    summary: 'One scenario',
    tags: ['scenarios'],
    params: idParams,
    responses: { 200: { description: 'the scenario', schema: scenarioSchema } },
    handler: async (req) => {
      const { id } = parse(idParams, req.params, 404, 'not_found');
      const found = await s.repo.getScenario(id);
      if (found === undefined) throw notFound(`no scenario with id "${id}"; GET /api/scenarios lists them`, 'id');
      return found;
    },
  });

  route(app, {
    method: 'PUT',
    url: '/api/scenarios/:id',
    summary: 'Replace a scenario’s name, request and notes',
    tags: ['scenarios'],
    params: idParams,
    body: scenarioBody,
    responses: { 200: { description: 'the updated scenario', schema: scenarioSchema } },
    handler: async (req) => {
      const { id } = parse(idParams, req.params, 404, 'not_found');
      const body = validated(req.body);
      const updated = await s.repo.updateScenario(id, body);
      if (updated === undefined) throw notFound(`no scenario with id "${id}"`, 'id');
      return updated;
    },
  });

  route(app, {
    method: 'DELETE',
    url: '/api/scenarios/:id',
    summary: 'Delete a scenario',
    tags: ['scenarios'],
    params: idParams,
    responses: { 204: { description: 'deleted' } },
    handler: async (req, reply) => {
      const { id } = parse(idParams, req.params, 404, 'not_found');
      if (!(await s.repo.deleteScenario(id))) throw notFound(`no scenario with id "${id}"`, 'id');
      void reply.code(204);
      return reply.send();
    },
  });
}
