// Background jobs (population, calibrate): submitted over HTTP, run one at a time per server in a
// worker thread (the event loop keeps answering), followed over server-sent events, and kept in
// the database when they finish so any instance behind a load balancer can answer GET /{id}.
// Live progress is held in memory; the queue is bounded (a full queue answers 429, not a crash).
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Repository, JobStatus } from '../db/repository.js';
import type { WorkerInput, WorkerMessage } from './worker.js';

export type JobKind = WorkerInput['kind'];

export interface JobProgress {
  done: number;
  total: number;
  message?: string;
}

export interface JobView {
  id: string;
  kind: JobKind;
  status: JobStatus;
  progress: JobProgress;
  created_at: string;
  updated_at: string;
  result?: unknown;
  error?: { code: string; message: string; field: string | null };
}

export type JobEvent = { event: 'progress'; data: JobProgress } | { event: 'result'; data: unknown } | { event: 'error'; data: { code: string; message: string; field: string | null } };

interface LiveJob extends JobView {
  input: Record<string, unknown>;
  listeners: Set<(e: JobEvent) => void>;
  worker?: Worker;
}

export class QueueFullError extends Error {}

export interface JobRegistryOptions {
  /** jobs running at once (default 1: the machine has few cores and jobs use one each) */
  concurrency?: number;
  /** jobs waiting at most (default 16) */
  maxQueued?: number;
  /** finished jobs kept in memory (default 32; older ones are read from the database) */
  keepFinished?: number;
  /** replaces the worker thread (tests) */
  runner?: (job: WorkerInput, post: (m: WorkerMessage) => void) => Promise<void>;
}

const here = new URL(import.meta.url);
const fromSource = here.pathname.endsWith('.ts');
const WORKER_URL = new URL(fromSource ? './worker.ts' : './worker.js', here);

export class JobRegistry {
  private readonly jobs = new Map<string, LiveJob>();
  private readonly queue: LiveJob[] = [];
  private running = 0;
  private closed = false;
  private readonly concurrency: number;
  private readonly maxQueued: number;
  private readonly keepFinished: number;

  constructor(
    private readonly repo: Repository,
    private readonly options: JobRegistryOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 1;
    this.maxQueued = options.maxQueued ?? 16;
    this.keepFinished = options.keepFinished ?? 32;
  }

  async submit(kind: JobKind, input: Record<string, unknown>): Promise<JobView> {
    if (this.queue.length >= this.maxQueued) throw new QueueFullError(`${this.queue.length} jobs are waiting already; retry when one has finished`);
    const now = new Date().toISOString();
    const job: LiveJob = { id: randomUUID(), kind, status: 'queued', progress: { done: 0, total: 0 }, created_at: now, updated_at: now, input, listeners: new Set() };
    await this.repo.createJob(job.id, kind, input);
    this.jobs.set(job.id, job);
    this.queue.push(job);
    this.pump();
    return view(job);
  }

  /** The job from memory, else from the database (finished on another instance or before a restart). */
  async find(id: string): Promise<JobView | undefined> {
    const live = this.jobs.get(id);
    if (live !== undefined) return view(live);
    const row = await this.repo.getJob(id);
    if (row === undefined) return undefined;
    const status: JobStatus = row.status === 'done' || row.status === 'failed' ? row.status : 'failed';
    return {
      id: row.id,
      kind: row.kind as JobKind,
      status,
      progress: (row.progress as JobProgress | null) ?? { done: 0, total: 0 },
      created_at: row.created_at,
      updated_at: row.updated_at,
      ...(row.result !== null ? { result: row.result } : {}),
      ...(status === 'failed' ? { error: (row.error as JobView['error']) ?? { code: 'job_lost', message: 'the server that ran this job stopped before it finished; submit it again', field: null } } : {}),
    };
  }

  /** Calls `fn` with every event of a live job from now on; returns the unsubscribe function, or undefined if the job is not live. */
  subscribe(id: string, fn: (e: JobEvent) => void): (() => void) | undefined {
    const job = this.jobs.get(id);
    if (job === undefined || job.status === 'done' || job.status === 'failed') return undefined;
    job.listeners.add(fn);
    return () => job.listeners.delete(fn);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    await Promise.all([...this.jobs.values()].flatMap((j) => (j.worker !== undefined ? [j.worker.terminate()] : [])));
  }

  private pump(): void {
    while (!this.closed && this.running < this.concurrency && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.running += 1;
      void this.run(job).finally(() => {
        this.running -= 1;
        this.prune();
        this.pump();
      });
    }
  }

  private emit(job: LiveJob, e: JobEvent): void {
    for (const fn of job.listeners) fn(e);
  }

  private async run(job: LiveJob): Promise<void> {
    job.status = 'running';
    job.updated_at = new Date().toISOString();
    await this.repo.updateJob(job.id, { status: 'running' }).catch(() => undefined);
    let final: WorkerMessage | undefined;
    const onMessage = (m: WorkerMessage) => {
      if (m.type === 'progress') {
        job.progress = { done: m.done, total: m.total, ...(m.message !== undefined ? { message: m.message } : {}) };
        this.emit(job, { event: 'progress', data: job.progress });
      } else final = m;
    };
    try {
      if (this.options.runner !== undefined) await this.options.runner({ kind: job.kind, input: job.input }, onMessage);
      else await this.runInWorker(job, onMessage);
    } catch (e) {
      final = { type: 'error', code: 'job_failed', message: (e as Error).message, field: null };
    }
    const outcome: WorkerMessage = final ?? { type: 'error', code: 'job_failed', message: 'the job ended without a result', field: null };
    job.updated_at = new Date().toISOString();
    if (outcome.type === 'result') {
      job.status = 'done';
      job.result = outcome.result;
      await this.repo.updateJob(job.id, { status: 'done', progress: job.progress, result: outcome.result }).catch(() => undefined);
      this.emit(job, { event: 'result', data: outcome.result });
    } else if (outcome.type === 'error') {
      job.status = 'failed';
      job.error = { code: outcome.code, message: outcome.message, field: outcome.field };
      await this.repo.updateJob(job.id, { status: 'failed', progress: job.progress, error: job.error }).catch(() => undefined);
      this.emit(job, { event: 'error', data: job.error });
    }
    job.listeners.clear();
  }

  private runInWorker(job: LiveJob, onMessage: (m: WorkerMessage) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const workerData = { ldnJob: { kind: job.kind, input: job.input } satisfies WorkerInput };
      // from the TypeScript sources (tests), the worker loads its module through tsx
      const worker = fromSource
        ? new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(WORKER_URL.href)}, ${JSON.stringify(WORKER_URL.href)}))`, { eval: true, workerData })
        : new Worker(WORKER_URL, { workerData });
      job.worker = worker;
      worker.on('message', onMessage);
      worker.on('error', reject);
      worker.on('exit', (code) => {
        job.worker = undefined;
        if (code === 0 || this.closed) resolve();
        else reject(new Error(`the job's worker stopped with code ${code}`));
      });
    });
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status === 'done' || j.status === 'failed');
    for (const j of finished.slice(0, Math.max(0, finished.length - this.keepFinished))) this.jobs.delete(j.id);
  }
}

function view(j: LiveJob): JobView {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    progress: j.progress,
    created_at: j.created_at,
    updated_at: j.updated_at,
    ...(j.result !== undefined ? { result: j.result } : {}),
    ...(j.error !== undefined ? { error: j.error } : {}),
  };
}
