// The dosing planner over HTTP: POST /api/plans is `ldn plan` (the same request as JSON, the same
// JSON out, byte for byte), GET /api/plans/rules and /presets are `ldn plan rules|presets --format
// json`, and /api/saved-plans keeps plans a clinician saved together with the output as it was then.
// Everything is @ldn/planner's (buildPlan, planToIcs, planToHtml, listRules, listPresets); the
// server maps its answers onto statuses: ok → 200, a block → 422 plan_blocked, a warn not in `ack`
// → 409 acknowledgement_required (both with the refused plan, so the caller can show which rule,
// why and from which source), a PlanInputError → 400 naming the field. Only an ok plan is stored.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { buildPlan, listPresets, listRules, PlanInputError, planRequestJsonSchema, planToHtml, planToIcs, type BuildOptions as PlanBuildOptions, type PlanOutput } from '@ldn/planner';
import type { z } from 'zod';
import type { Services } from '../app.js';
import { ApiError, assertStorable, badRequest, notFound, parse, type ErrorBody } from '../errors.js';
import { ERROR_SCHEMA, jsonSchema, route, type JsonSchema } from '../openapi.js';
import { idParams, planListQuery, planQuery, savedPlanBody } from '../schemas.js';

/** A plan that was not produced (422 or 409): the error and the refused plan. */
export class PlanRefusedError extends ApiError {
  readonly plan: PlanOutput;
  constructor(status: number, code: string, message: string, field: string | null, plan: PlanOutput) {
    super(status, code, message, field);
    this.name = 'PlanRefusedError';
    this.plan = plan;
  }
  override body(): ErrorBody & { plan: PlanOutput } {
    return { ...super.body(), plan: this.plan };
  }
}

const ruleList = (plan: PlanOutput, ids: readonly string[]) =>
  ids
    .map((id) => {
      const r = plan.rules.find((x) => x.id === id);
      return r === undefined ? id : `${id} (${r.message.en}${r.detail ? ` — ${r.detail.en}` : ''})`;
    })
    .join('; ');

/**
 * Builds a plan as `ldn plan` does, or throws: a 400 naming the field for bad input (prefixed, e.g.
 * `request.weight`, when the request sits inside a body), a 422 when a block tripped, a 409 when
 * warns need `ack`.
 */
export function producePlan(request: unknown, options: PlanBuildOptions = {}, prefix = ''): PlanOutput {
  let plan: PlanOutput;
  try {
    plan = buildPlan(request, options);
  } catch (e) {
    if (e instanceof PlanInputError) {
      const whole = e.field === '(request)';
      const field = whole ? (prefix === '' ? null : prefix.slice(0, -1)) : `${prefix}${e.field}`;
      const message = whole ? `${prefix === '' ? 'the request body' : prefix.slice(0, -1)}${e.message.slice('(request)'.length)}` : `${prefix}${e.message}`;
      throw badRequest(message, field);
    }
    throw e;
  }
  if (plan.status === 'blocked') {
    const also = plan.needs_ack.length > 0 ? ` (once unblocked, also to acknowledge: ${plan.needs_ack.join(', ')})` : '';
    throw new PlanRefusedError(422, 'plan_blocked', `plan not produced: blocked by ${ruleList(plan, plan.blocks)}; a block cannot be acknowledged${also}`, null, plan);
  }
  if (plan.status === 'needs-acknowledgement') {
    const short = plan.needs_ack.map((id) => id.split('-')[0]!);
    throw new PlanRefusedError(409, 'acknowledgement_required', `plan not produced: ${plan.needs_ack.length} warning(s) need acknowledgement: ${ruleList(plan, plan.needs_ack)}; to go ahead, send ${prefix}ack: ${JSON.stringify(short)}`, `${prefix}ack`, plan);
  }
  return plan;
}

/** Sends an ok plan as JSON (the string `ldn plan --format json` writes), iCalendar or HTML. */
function sendPlan(reply: FastifyReply, plan: PlanOutput, query: z.output<typeof planQuery>, icsNow?: Date): FastifyReply {
  if (query.format === 'ics') {
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="ldn-plan-${plan.plan_id}.ics"`)
      .send(planToIcs(plan, { perDose: query.per_dose === 'true', ...(icsNow !== undefined ? { now: icsNow } : {}) }));
  }
  if (query.format === 'html') return reply.type('text/html; charset=utf-8').send(planToHtml(plan));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(plan));
}

// ---------- OpenAPI (documentation only; the planner validates) ----------

function requestSchema(): JsonSchema {
  const s = { ...(planRequestJsonSchema('openapi-3.0') as JsonSchema) };
  delete s.$schema;
  return s;
}

const refusedSchema = (code: string): JsonSchema => ({
  type: 'object',
  description: `{"error":{"code":"${code}",…},"plan": the refused plan (every rule result, blocks, needs_ack; no schedule)}`,
  properties: { error: (ERROR_SCHEMA.properties as Record<string, unknown>).error, plan: { type: 'object', additionalProperties: true } },
  required: ['error', 'plan'],
});

const planOutputSchema: JsonSchema = {
  type: 'object',
  description: 'the plan, as `ldn plan --format json`: status "ok", rules, schedule, calendar, preparation, simulation, evidence, instructions, sources',
  additionalProperties: true,
};

const planResponses = (what: string) => ({
  200: { description: `${what} (?format=ics: text/calendar; ?format=html: the printable page, text/html)`, schema: planOutputSchema },
  409: { description: 'a warning needs acknowledgement: error code acknowledgement_required naming the rule ids, field "ack", and the refused plan', schema: refusedSchema('acknowledgement_required') },
  422: { description: 'a block tripped: error code plan_blocked naming the rule ids, and the refused plan', schema: refusedSchema('plan_blocked') },
});

const savedSummarySchema: JsonSchema = {
  type: 'object',
  properties: { id: { type: 'string' }, name: { type: 'string' }, request: { type: 'object', additionalProperties: true }, notes: { type: 'string' }, created_at: { type: 'string', format: 'date-time' } },
};
const savedPlanSchema: JsonSchema = { ...savedSummarySchema, properties: { ...(savedSummarySchema.properties as Record<string, unknown>), plan: planOutputSchema } };

export function registerPlans(app: FastifyInstance, s: Services): void {
  const body = requestSchema();

  route(app, {
    method: 'POST',
    url: '/api/plans',
    summary: 'A dosing plan (the JSON of `ldn plan --format json`; ?format=ics|html: iCalendar or printable page)',
    description: 'The body is the `ldn plan` options as JSON (planRequestJsonSchema of @ldn/planner). 200 only for status "ok"; 422 when a block trips; 409 when warnings need `ack`. PDF is CLI-only (`ldn plan --format pdf` needs Chromium): print the HTML instead.',
    tags: ['planner'],
    body,
    querystring: planQuery,
    responses: planResponses('the plan'),
    handler: (req, reply) => {
      const q = parse(planQuery, req.query);
      // as the CLI: the iCalendar needs no simulation
      return sendPlan(reply, producePlan(req.body, q.format === 'ics' ? { simulate: false } : {}), q);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/plans/rules',
    summary: 'Every planner safety rule with its levels, sources and evidence level (the JSON of `ldn plan rules --format json`)',
    tags: ['planner'],
    querystring: planListQuery,
    responses: { 200: { description: 'the rules', schema: { type: 'array', items: { type: 'object', additionalProperties: true } } } },
    handler: (req, reply) => {
      parse(planListQuery, req.query);
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(listRules()));
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/plans/presets',
    summary: 'The titration presets with their sources, and the protocols left out (the JSON of `ldn plan presets --format json`)',
    tags: ['planner'],
    querystring: planListQuery,
    responses: { 200: { description: '{presets, unavailable}', schema: { type: 'object', properties: { presets: { type: 'array', items: { type: 'object', additionalProperties: true } }, unavailable: { type: 'array', items: { type: 'object', additionalProperties: true } } } } } },
    handler: (req, reply) => {
      parse(planListQuery, req.query);
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(listPresets()));
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/saved-plans',
    summary: 'Saved plans, oldest first (without their outputs)',
    tags: ['planner'],
    responses: { 200: { description: '{saved_plans: [{id, name, request, notes, created_at}]}', schema: { type: 'object', properties: { saved_plans: { type: 'array', items: savedSummarySchema } } } } },
    handler: async () => ({ saved_plans: await s.repo.listSavedPlans() }),
  });

  const savedBodyDoc = jsonSchema(savedPlanBody);
  (savedBodyDoc.properties as Record<string, unknown>).request = body;

  route(app, {
    method: 'POST',
    url: '/api/saved-plans',
    summary: 'Save a plan: {name, request (a plan request), notes}; the plan is built first and only an ok plan is stored, with its output',
    tags: ['planner'],
    body: savedBodyDoc,
    responses: {
      201: { description: 'the saved plan with its output', schema: savedPlanSchema },
      409: { description: 'a warning needs acknowledgement (field "request.ack"); nothing is stored', schema: refusedSchema('acknowledgement_required') },
      422: { description: 'a block tripped; nothing is stored', schema: refusedSchema('plan_blocked') },
    },
    handler: async (req, reply) => {
      const input = parse(savedPlanBody, req.body);
      assertStorable(input);
      const plan = producePlan(input.request, {}, 'request.');
      const saved = await s.repo.createSavedPlan(randomUUID(), { name: input.name, request: input.request, notes: input.notes, plan });
      void reply.code(201);
      return saved;
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/saved-plans/:id',
    summary: 'One saved plan with its output as saved (?format=ics|html renders that output)',
    tags: ['planner'],
    params: idParams,
    querystring: planQuery,
    responses: { 200: { description: 'the saved plan (or its iCalendar / printable page)', schema: savedPlanSchema } },
    handler: async (req, reply) => {
      const { id } = parse(idParams, req.params, 404, 'not_found');
      const q = parse(planQuery, req.query);
      const saved = await s.repo.getSavedPlan(id);
      if (saved === undefined) throw notFound(`no saved plan with id "${id}"; GET /api/saved-plans lists them`, 'id');
      if (q.format === 'json') return saved;
      return sendPlan(reply, saved.plan as PlanOutput, q, new Date(saved.created_at));
    },
  });

  route(app, {
    method: 'DELETE',
    url: '/api/saved-plans/:id',
    summary: 'Delete a saved plan',
    tags: ['planner'],
    params: idParams,
    responses: { 204: { description: 'deleted' } },
    handler: async (req, reply) => {
      const { id } = parse(idParams, req.params, 404, 'not_found');
      if (!(await s.repo.deleteSavedPlan(id))) throw notFound(`no saved plan with id "${id}"`, 'id');
      void reply.code(204);
      return reply.send();
    },
  });
}
