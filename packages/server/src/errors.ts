// Every error the API sends has one shape, {"error":{"code","message","field"}}, and bad input is
// always a 4xx whose message names the bad value and what is accepted, as the CLI's messages do.
// This module holds that shape, the translation of zod issues into such messages, and the mapping
// of fastify's own errors (body too large, bad JSON, wrong media type, rate limit). Anything else
// is a true server fault: it is logged and answered with a bare 500, never with a stack trace.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

export interface ErrorBody {
  error: { code: string; message: string; field: string | null };
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;
  constructor(status: number, code: string, message: string, field: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, field: this.field } };
  }
}

export const badRequest = (message: string, field: string | null = null): ApiError => new ApiError(400, 'invalid_request', message, field);
export const notFound = (message: string, field: string | null = null): ApiError => new ApiError(404, 'not_found', message, field);

/** A short, safe rendering of a submitted value for a message. */
export function preview(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const s = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    return s;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** The value at a path of the submitted document (own properties only). */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (typeof k === 'symbol' || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

interface Def {
  type?: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  element?: { _zod: { def: Def } };
  innerType?: { _zod: { def: Def } };
  in?: { _zod: { def: Def } };
}

/** The accepted keys of the object schema at `path`, when the schema is a plain zod object there. */
function acceptedKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  let def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const unwrap = () => {
    for (let i = 0; i < 10; i++) {
      const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
      if (inner === undefined) return;
      def = inner._zod.def;
    }
  };
  unwrap();
  for (const k of path) {
    if (def.type === 'object' && def.shape !== undefined && typeof k === 'string' && def.shape[k] !== undefined) def = def.shape[k]._zod.def;
    else if (def.type === 'array' && def.element !== undefined) def = def.element._zod.def;
    else return undefined;
    unwrap();
  }
  return def.type === 'object' && def.shape !== undefined ? Object.keys(def.shape) : undefined;
}

export function fieldOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** One zod issue as a message that names the field, the value and what is accepted. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown, schema: z.ZodType): { message: string; field: string | null } {
  if (issue.code === 'unrecognized_keys') {
    const at = fieldOf(issue.path);
    const field = at === '' ? (issue.keys[0] ?? '') : `${at}.${issue.keys[0] ?? ''}`;
    const accepted = acceptedKeys(schema, issue.path);
    const where = at === '' ? '' : ` in ${at}`;
    return { field, message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}${where}; accepted: ${accepted?.join(', ') ?? '(see the OpenAPI document)'}` };
  }
  const field = fieldOf(issue.path);
  const name = field === '' ? 'the request body' : field;
  const value = valueAt(input, issue.path);
  if (issue.code === 'invalid_type' && value === undefined) return { field, message: `${name} is required (${issue.expected})` };
  const what = issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.message.replace(/^Invalid input: /, '');
  return { field, message: `${name}: ${preview(value)} is not accepted; ${what}` };
}

/** Parses `input` with `schema`, or throws a 400 (or `status`) naming the first problem. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, status = 400, code = 'invalid_request'): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const { message, field } = describeIssue(r.error.issues[0]!, input, schema);
  throw new ApiError(status, code, message, field === '' ? null : field);
}

const FASTIFY_CODES: Record<string, [string, (e: FastifyError, limit: number) => string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['body_too_large', (_e, limit) => `the request body is larger than ${limit} bytes; send at most ${limit} bytes`],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', () => 'unsupported Content-Type; send JSON with Content-Type: application/json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['invalid_json', () => 'the body is empty; send a JSON object'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['invalid_json', (e) => `the body is not valid JSON (${e.message})`],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['invalid_request', () => 'the Content-Length header does not match the body'],
};

/** The global error handler: 4xx for anything the client did, a bare 500 (logged) for our faults. */
export function errorHandler(bodyLimit: number) {
  return (err: FastifyError | ApiError | Error, request: FastifyRequest, reply: FastifyReply): void => {
    if (err instanceof ApiError) {
      void reply.code(err.status).type('application/json; charset=utf-8').send(err.body());
      return;
    }
    const fe = err as FastifyError & { statusCode?: number };
    const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
    if (status >= 400 && status < 500) {
      const known = fe.code !== undefined ? FASTIFY_CODES[fe.code] : undefined;
      let code = known?.[0] ?? (status === 429 ? 'rate_limited' : status === 404 ? 'not_found' : status === 415 ? 'unsupported_media_type' : 'invalid_request');
      let message = known?.[1](fe, bodyLimit) ?? fe.message;
      if (fe.code === undefined && /JSON/.test(fe.message) && status === 400) {
        code = 'invalid_json';
        message = `the body is not valid JSON (${fe.message})`;
      }
      if (/prototype|__proto__|constructor/i.test(fe.message) && status === 400) {
        code = 'invalid_json';
        message = 'the body has a forbidden key (__proto__ or constructor.prototype)';
      }
      void reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message, field: null } } satisfies ErrorBody);
      return;
    }
    request.log.error({ err }, 'request failed');
    void reply.code(500).type('application/json; charset=utf-8').send({ error: { code: 'internal', message: 'internal server error; the failure was logged', field: null } } satisfies ErrorBody);
  };
}

// eslint-disable-next-line no-control-regex -- NUL is exactly what PostgreSQL refuses
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Refuses text that PostgreSQL cannot store (a NUL character, an unpaired UTF-16 surrogate) anywhere
 * in a document about to be written, with a 400 naming where it is, instead of a database error.
 */
export function assertStorable(value: unknown, prefix = ''): void {
  const stack: [unknown, string][] = [[value, prefix]];
  while (stack.length > 0) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) throw badRequest(`${at === '' ? 'the request body' : at}: the text has a NUL character or an unpaired surrogate; send plain Unicode text`, at === '' ? null : at);
    } else if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, at === '' ? String(i) : `${at}.${i}`]));
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const path = at === '' ? k : `${at}.${k}`;
        if (UNSTORABLE.test(k)) throw badRequest(`${path}: the field name has a NUL character or an unpaired surrogate`, path);
        stack.push([x, path]);
      }
    }
  }
}

/** Fastify's own routing errors (URL too long, malformed percent-encoding) in the API's error shape. */
export function frameworkErrors(error: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const message = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'an id in the path is too long (at most 200 characters)' : error.code === 'FST_ERR_BAD_URL' ? 'the path is not a valid URL (bad percent-encoding)' : 'the request could not be routed';
  void reply.code(status).type('application/json; charset=utf-8').send({ error: { code: 'invalid_request', message, field: null } } satisfies ErrorBody);
}
