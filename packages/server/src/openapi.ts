// The OpenAPI document is built from the same zod schemas that validate requests, so the two
// cannot drift: `route()` registers a handler together with its schemas (converted with
// z.toJSONSchema for @fastify/swagger) and every route registered through it is documented.
// Fastify's own validation and response serialisation are switched off in app.ts: zod validates
// (for messages that name the value) and responses are serialised with JSON.stringify as built.
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/** A zod schema as an OpenAPI 3.0 schema object (request side: defaults make fields optional). */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const s = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as JsonSchema;
  delete s.$schema;
  return s;
}

const errorSchema: JsonSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string', nullable: true } },
      required: ['code', 'message', 'field'],
    },
  },
  required: ['error'],
};

export interface RouteSpec {
  method: HTTPMethods;
  url: string;
  summary: string;
  description?: string;
  tags: string[];
  body?: z.ZodType | JsonSchema;
  querystring?: z.ZodType;
  params?: z.ZodType;
  /** status → description (and schema of the answer, documentation only) */
  responses: Record<number, { description: string; schema?: JsonSchema; contentType?: string }>;
  handler: (request: FastifyRequest, reply: FastifyReply) => unknown;
  /** route-level config (e.g. rateLimit overrides) */
  config?: Record<string, unknown>;
}

const isZod = (x: unknown): x is z.ZodType => typeof x === 'object' && x !== null && '_zod' in x;

export function route(app: FastifyInstance, spec: RouteSpec): void {
  const response: Record<string, unknown> = {};
  const errors = [400, 404, 409, 413, 415, 422, 429];
  for (const [status, r] of Object.entries(spec.responses)) {
    response[status] = r.contentType !== undefined ? { description: r.description, content: { [r.contentType]: { schema: r.schema ?? { type: 'string' } } } } : { description: r.description, ...(r.schema !== undefined ? r.schema : { type: 'object', additionalProperties: true }) };
  }
  for (const status of errors) if (response[status] === undefined && (status === 429 || spec.body !== undefined || spec.querystring !== undefined || spec.params !== undefined)) response[status] = { description: 'error', ...errorSchema };
  app.route({
    method: spec.method,
    url: spec.url,
    ...(spec.config !== undefined ? { config: spec.config } : {}),
    schema: {
      summary: spec.summary,
      ...(spec.description !== undefined ? { description: spec.description } : {}),
      tags: spec.tags,
      ...(spec.body !== undefined ? { body: isZod(spec.body) ? jsonSchema(spec.body) : spec.body } : {}),
      ...(spec.querystring !== undefined ? { querystring: jsonSchema(spec.querystring) } : {}),
      ...(spec.params !== undefined ? { params: jsonSchema(spec.params) } : {}),
      response,
    },
    handler: spec.handler,
  });
}

export const ERROR_SCHEMA = errorSchema;
