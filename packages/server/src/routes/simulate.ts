// POST /api/simulate (contract) and POST /api/compare: the CLI's options as JSON in, the same JSON
// as `ldn simulate --format json` / `ldn compare --format json` out. Both call the engine's
// runSimulation / runComparison on the body as sent; the server only validates first (so errors
// name inner fields such as regimen.steps.0.dose_mg) and refuses answers of more than MAX_POINTS.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { RequestError, runComparison, runSimulation } from '@ldn/engine';
import { ApiError } from '../errors.js';
import { parse } from '../errors.js';
import { route } from '../openapi.js';
import { checkSize, compareBody, MAX_POINTS, simulateBody } from '../schemas.js';
import type { SimulatePool } from '../jobs/simulate-pool.js';

/** Runs a request on the pool (when there is one) and sends its JSON text; else runs it here. */
async function run(pool: SimulatePool | undefined, kind: 'simulate' | 'compare', body: unknown, reply: FastifyReply, inline: () => unknown): Promise<unknown> {
  if (pool === undefined) return engineCall(inline);
  const r = await pool.run(kind, body);
  if (!r.ok) {
    if (r.invalid) throw new ApiError(400, 'invalid_request', r.message, r.field);
    throw new Error(r.message);
  }
  return reply.type('application/json; charset=utf-8').send(r.json);
}

/** Runs engine code, turning its RequestError into a 400 naming the field. */
export function engineCall<T>(fn: () => T, fieldPrefix = ''): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RequestError) throw new ApiError(400, 'invalid_request', e.message, e.field !== undefined ? `${fieldPrefix}${e.field}` : null);
    if (e instanceof RangeError) throw new ApiError(400, 'invalid_request', e.message, null);
    throw e;
  }
}

const simulationOutput = {
  type: 'object',
  description: 'as `ldn simulate --format json`: time_h, series (concentrations in ng/mL, occupancies as fractions), summary, regimen, notes',
  properties: {
    time_h: { type: 'array', items: { type: 'number' } },
    series: { type: 'object', additionalProperties: { type: 'array', items: { type: 'number' } } },
    summary: { type: 'object' },
    hypotheses: { type: 'array', items: { type: 'string' } },
    regimen: { type: 'object' },
    parameters: { type: 'string' },
    model: { type: 'string' },
    units: { type: 'object' },
    notes: { type: 'array', items: { type: 'string' } },
  },
};

export function registerSimulate(app: FastifyInstance, pool?: SimulatePool): void {
  route(app, {
    method: 'POST',
    url: '/api/simulate',
    summary: 'Simulate a regimen (the JSON of `ldn simulate --format json`)',
    description: `Give one of dose (with time, every, doses), regimen, or events. At most ${MAX_POINTS} output times (days × 24 / step).`,
    tags: ['simulator'],
    body: simulateBody,
    responses: { 200: { description: 'the simulation', schema: simulationOutput } },
    handler: async (req, reply) => {
      const body = parse(simulateBody, req.body);
      checkSize(body);
      return run(pool, 'simulate', req.body, reply, () => runSimulation(req.body));
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/compare',
    summary: 'Compare 2–8 regimens on one span and grid (the JSON of `ldn compare --format json`)',
    tags: ['simulator'],
    body: compareBody,
    responses: { 200: { description: 'labels, the comparison table and each regimen’s simulation', schema: { type: 'object', properties: { labels: { type: 'array', items: { type: 'string' } }, table: { type: 'array', items: { type: 'object' } }, outputs: { type: 'array', items: simulationOutput } } } } },
    handler: async (req, reply) => {
      const body = parse(compareBody, req.body);
      body.regimens.forEach((r, i) => checkSize(r, `regimens.${i}.`));
      return run(pool, 'compare', req.body, reply, () => runComparison(req.body as Parameters<typeof runComparison>[0]));
    },
  });
}
