// GET /api/health (contract): 200 when the database answers, 503 when it does not, so a load
// balancer or `ldn serve`'s user can tell a running server from a usable one.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../app.js';
import { API_VERSION } from '../app.js';
import { route } from '../openapi.js';

export function registerHealth(app: FastifyInstance, s: Services): void {
  route(app, {
    method: 'GET',
    url: '/api/health',
    summary: 'Is the server up and its database reachable?',
    tags: ['system'],
    config: { rateLimit: false },
    responses: {
      200: { description: 'the database answered', schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] }, database: { type: 'string', enum: ['pglite', 'postgres'] }, version: { type: 'string' } } } },
      503: { description: 'the database did not answer', schema: { type: 'object', properties: { status: { type: 'string', enum: ['unavailable'] }, database: { type: 'string' }, error: { type: 'object' } } } },
    },
    handler: async (_req, reply) => {
      try {
        await withTimeout(s.database.ping(), 3000);
        return { status: 'ok', database: s.database.kind, version: API_VERSION };
      } catch (e) {
        void reply.code(503);
        return { status: 'unavailable', database: s.database.kind, error: { code: 'database_unavailable', message: `the ${s.database.kind} database does not answer: ${(e as Error).message}`, field: null } };
      }
    },
  });
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
