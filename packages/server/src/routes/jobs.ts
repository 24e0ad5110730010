// Long computations as jobs: POST /api/population and POST /api/calibrate answer 202 with the job;
// GET /api/{kind}/{id} gives its state (and its result when done, the JSON of `ldn population` /
// `ldn calibrate --format json`); GET /api/{kind}/{id}/events streams server-sent events:
// `progress` ({done,total}) as it runs, then one `result` or `error`, then the stream ends.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../app.js';
import { ApiError, assertStorable, notFound, parse } from '../errors.js';
import { route } from '../openapi.js';
import { QueueFullError, type JobKind, type JobView } from '../jobs/registry.js';
import { calibrateBody, idParams, populationBody } from '../schemas.js';
import * as engine from '@ldn/engine';
import { populationRunner } from '../jobs/worker.js';
import { engineCall } from './simulate.js';

/** Checks a population request with the engine's own validation (when this build has it) before a job is made. */
function checkPopulation(input: Record<string, unknown>): void {
  if (populationRunner() === undefined) throw new ApiError(501, 'not_implemented', 'virtual populations are not in this build of the engine yet', null);
  const validate = (engine as unknown as Record<string, unknown>).parsePopulationOptions;
  if (typeof validate === 'function') engineCall(() => (validate as (x: unknown) => unknown)(input));
}

const jobSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', enum: ['population', 'calibrate'] },
    status: { type: 'string', enum: ['queued', 'running', 'done', 'failed'] },
    progress: { type: 'object', properties: { done: { type: 'number' }, total: { type: 'number' }, message: { type: 'string' } } },
    result: { type: 'object', description: 'when done' },
    error: { type: 'object', description: 'when failed: {code, message, field}' },
  },
};

function summary(j: JobView): Pick<JobView, 'id' | 'kind' | 'status' | 'progress'> {
  return { id: j.id, kind: j.kind, status: j.status, progress: j.progress };
}

export function registerJobs(app: FastifyInstance, s: Services): void {
  const kinds: { kind: JobKind; what: string; body: typeof calibrateBody | typeof populationBody }[] = [
    { kind: 'population', what: 'a virtual population (the `ldn population` options as JSON)', body: populationBody },
    { kind: 'calibrate', what: 'a calibration of the model to the PK and PET targets (`ldn calibrate`)', body: calibrateBody },
  ];
  for (const { kind, what, body } of kinds) {
    route(app, {
      method: 'POST',
      url: `/api/${kind}`,
      summary: `Start ${what} as a job`,
      tags: ['jobs'],
      body,
      responses: { 202: { description: '{job: {id, kind, status, progress}}', schema: { type: 'object', properties: { job: jobSchema } } } },
      handler: async (req, reply) => {
        const input = parse(body, req.body) as Record<string, unknown>;
        if (kind === 'population') checkPopulation(input);
        assertStorable(input);
        try {
          const job = await s.jobs.submit(kind, input);
          void reply.code(202).header('location', `/api/${kind}/${job.id}`);
          return { job: summary(job) };
        } catch (e) {
          if (e instanceof QueueFullError) throw new ApiError(429, 'busy', e.message, null);
          throw e;
        }
      },
    });

    const find = async (rawParams: unknown): Promise<JobView> => {
      const { id } = parse(idParams, rawParams, 404, 'not_found');
      const job = await s.jobs.find(id);
      if (job?.kind !== kind) throw notFound(`no ${kind} job with id "${id}"`, 'id');
      return job;
    };

    route(app, {
      method: 'GET',
      url: `/api/${kind}/:id`,
      summary: `A ${kind} job: status, progress, and the result when done`,
      tags: ['jobs'],
      params: idParams,
      responses: { 200: { description: 'the job', schema: jobSchema } },
      handler: async (req) => find(req.params),
    });

    route(app, {
      method: 'GET',
      url: `/api/${kind}/:id/events`,
      summary: `Server-sent events of a ${kind} job: progress, then result or error`,
      tags: ['jobs'],
      params: idParams,
      responses: { 200: { description: 'text/event-stream', contentType: 'text/event-stream' } },
      handler: async (req, reply) => {
        const job = await find(req.params);
        stream(reply, job, (fn) => s.jobs.subscribe(job.id, fn), () => s.jobs.find(job.id));
        return reply;
      },
    });
  }
}

function stream(reply: FastifyReply, job: JobView, subscribe: (fn: (e: { event: string; data: unknown }) => void) => (() => void) | undefined, refetch: () => Promise<JobView | undefined>): void {
  reply.hijack();
  const raw = reply.raw;
  const headers: Record<string, string | number | string[]> = {};
  for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) headers[k] = v;
  raw.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  let open = true;
  const unsub: { current?: () => void } = {};
  const heartbeat = setInterval(() => open && raw.write(': keep-alive\n\n'), 15_000);
  const finish = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    unsub.current?.();
    raw.end();
  };
  const send = (event: string, data: unknown) => {
    if (open) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const final = (j: JobView) => {
    if (j.status === 'done') send('result', j.result);
    else send('error', j.error ?? { code: 'job_failed', message: 'the job failed', field: null });
    finish();
  };
  raw.on('close', finish);
  send('progress', job.progress);
  if (job.status === 'done' || job.status === 'failed') return final(job);
  const unsubscribe = subscribe((e) => {
    send(e.event, e.data);
    if (e.event !== 'progress') finish();
  });
  if (unsubscribe !== undefined) unsub.current = unsubscribe;
  else {
    void refetch().then((j) => (j !== undefined ? final(j) : finish()), finish);
  }
}
