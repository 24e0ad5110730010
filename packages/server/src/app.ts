// The app factory: buildServer({ database, … }) returns a fastify instance with every route,
// security header, limit and error mapping in place, without listening, so tests drive it with
// inject() and `ldn serve` (listen.ts) puts it on a port. The API is stateless apart from the
// database and the in-process job registry, so several instances can share one PostgreSQL.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { Database } from './db/client.js';
import { Repository } from './db/repository.js';
import { ApiError, errorHandler, frameworkErrors } from './errors.js';
import { JobRegistry } from './jobs/registry.js';
import { SimulatePool } from './jobs/simulate-pool.js';
import { registerHealth } from './routes/health.js';
import { registerSimulate } from './routes/simulate.js';
import { registerParams } from './routes/params.js';
import { registerEvidence } from './routes/evidence.js';
import { registerMeta } from './routes/meta.js';
import { registerScenarios } from './routes/scenarios.js';
import { registerPlans } from './routes/plans.js';
import { registerJobs } from './routes/jobs.js';
import { registerWeb } from './routes/web.js';

export interface BuildOptions {
  database: Database;
  /** fastify logger option (default: false) */
  logger?: FastifyServerOptions['logger'];
  /** requests per minute per client, or false for none (default 1200) */
  rateLimit?: { max: number; timeWindow?: number | string } | false;
  /** largest request body in bytes (default 1 MiB) */
  bodyLimit?: number;
  /** the web app's build (default packages/web/dist) */
  webDist?: string;
  /** background jobs (default: a registry on this database) */
  jobs?: JobRegistry;
  /** worker threads for simulate/compare (default 0: on the event loop) */
  simulateWorkers?: number;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_RATE_LIMIT = { max: 1200, timeWindow: '1 minute' } as const;
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** The services the route modules share. */
export interface Services {
  database: Database;
  repo: Repository;
  jobs: JobRegistry;
}

export const API_VERSION = '0.1.0';

const registered = new WeakMap<FastifyInstance, { method: string; url: string }[]>();

/** Every route registered on an app built here (method, url), for the test that all are documented. */
export function routesOf(app: FastifyInstance): readonly { method: string; url: string }[] {
  return registered.get(app) ?? [];
}

export async function buildServer(options: BuildOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    // a bad body key is an error, never a silently polluted prototype
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    forceCloseConnections: true,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors,
  });
  // zod validates (messages that name the value), schemas only document; answers are built as sent
  app.setValidatorCompiler(() => (data: unknown) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(errorHandler(bodyLimit));
  const routes: { method: string; url: string }[] = [];
  registered.set(app, routes);
  app.addHook('onRoute', (r) => {
    for (const method of Array.isArray(r.method) ? r.method : [r.method]) routes.push({ method, url: r.url });
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // the page is served over plain HTTP on loopback; HSTS would pin browsers to https://127.0.0.1
    strictTransportSecurity: false,
  });
  if (options.rateLimit !== false) {
    const rl = options.rateLimit ?? DEFAULT_RATE_LIMIT;
    await app.register(rateLimit, {
      max: rl.max,
      timeWindow: rl.timeWindow ?? '1 minute',
      errorResponseBuilder: (_req, ctx) => new ApiError(429, 'rate_limited', `more than ${ctx.max} requests in ${ctx.after}; retry in ${Math.ceil(ctx.ttl / 1000)} s`),
    });
  }
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'LDN Workbench API', version: API_VERSION, description: 'Simulator, evidence base, meta-analysis and dosing planner of low-dose naltrexone. Model output is for research and education, not clinical fact; a plan supports, and does not replace, the clinician.' },
      tags: [
        { name: 'system', description: 'health and documents' },
        { name: 'simulator', description: 'simulate, compare, parameters' },
        { name: 'jobs', description: 'long computations: population, calibration' },
        { name: 'evidence', description: 'studies, claims, checks' },
        { name: 'meta-analysis', description: 'meta-analysis and saved analyses' },
        { name: 'scenarios', description: 'saved simulator scenarios' },
        { name: 'planner', description: 'dosing plans (ldn plan), its rules and presets, saved plans' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false, uiConfig: { url: '/api/openapi.json' } });

  const services: Services = {
    database: options.database,
    repo: new Repository(options.database.db),
    jobs: options.jobs ?? new JobRegistry(new Repository(options.database.db)),
  };
  const pool = options.simulateWorkers !== undefined && options.simulateWorkers > 0 ? new SimulatePool(options.simulateWorkers) : undefined;
  app.addHook('onClose', async () => {
    await services.jobs.close();
    await pool?.close();
  });

  registerHealth(app, services);
  registerSimulate(app, pool);
  registerParams(app);
  registerEvidence(app, services);
  registerMeta(app, services);
  registerScenarios(app, services);
  registerPlans(app, services);
  registerJobs(app, services);
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  const webDist = options.webDist ?? DEFAULT_WEB_DIST;
  if (existsSync(`${webDist}/index.html`)) {
    // wildcard: files are looked up per request, so a web rebuild is served without a restart
    await app.register(fastifyStatic, { root: webDist, wildcard: true, index: 'index.html', serve: true });
  }
  registerWeb(app, webDist);
  return app;
}
