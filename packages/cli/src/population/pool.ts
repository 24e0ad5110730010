// A small pool of Node worker threads for `ldn population`. Why plain worker_threads and not
// piscina or tinypool: the work is a handful of long chunks with progress messages in between, and
// the whole protocol is the engine's `handlePopulationMessage`; a queue of chunk ranges, one
// message per chunk and a progress callback are about 100 lines, with no dependency.
//
// The cohort is cut into about 4 chunks per thread (at most 2,500 patients each) and workers take
// the next chunk when they finish one, so a thread slowed by other load does not hold up the end.
// Chunks merge exactly (histogram counts add; per-patient numbers go by index), so the result does
// not depend on the number of threads or on which worker ran which chunk.
//
// With threads = 1 the cohort runs in this thread (no worker start-up), which is the serial
// baseline of the benchmark.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  chunkRanges,
  PopulationMerger,
  runPopulation,
  summarizePopulation,
  PopulationError,
  type MergedPopulation,
  type PopulationMessage,
  type PopulationOptions,
  type PopulationReply,
  type PopulationResult,
} from '@ldn/engine';

export interface PoolOptions {
  /** worker threads (default: the number of CPUs); 1 runs in this thread */
  threads?: number;
  /** called with patients done and the cohort size */
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_THREADS = Math.max(1, availableParallelism());

/**
 * The worker entry next to this file: worker.js when built. Run from source (tests, `npm run
 * bench`), the entry is worker.ts, and Node 20 does not apply `--import tsx` to a worker's entry
 * module, so a two-line ES module (a data: URL) registers tsx's loader in the worker first and then
 * imports worker.ts. tsx resolves @ldn/engine through the root tsconfig's paths, to the sources.
 */
function workerEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./worker.js', import.meta.url);
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** The cohort in this thread, chunk by chunk, merged as it goes (the serial baseline). */
export function inThisThread(options: PopulationOptions, onProgress?: (done: number, total: number) => void): MergedPopulation {
  const merger = new PopulationMerger(options);
  for (const r of chunkRanges(options.n, 1)) {
    const before = merger.done;
    merger.add(runPopulation(options, r, { onProgress: (d) => onProgress?.(before + d, options.n) }));
  }
  return merger.result();
}

/**
 * A pool of worker threads that stays up between cohorts (the benchmark warms it once; the CLI
 * uses it for one cohort). `run` hands out chunks of about 4 per thread; one cohort at a time.
 */
export class PopulationPool {
  readonly threads: number;
  private readonly workers: Worker[];
  private busy = false;
  private closed = false;
  private broken: Error | undefined;
  private current: ((reply: PopulationReply, w: Worker) => void) | undefined;
  private failCurrent: ((e: Error) => void) | undefined;

  constructor(threads: number = DEFAULT_THREADS) {
    this.threads = Math.max(1, Math.floor(threads));
    const url = workerEntry();
    this.workers = Array.from({ length: this.threads }, () => {
      const w = new Worker(url);
      w.on('message', (reply: PopulationReply) => this.current?.(reply, w));
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => {
        if (code !== 0 && !this.closed) this.fail(new Error(`a population worker stopped with exit code ${code}`));
      });
      return w;
    });
  }

  private fail(e: Error): void {
    this.broken ??= e;
    this.failCurrent?.(e);
  }

  /** Runs every chunk of the cohort and merges the chunks as they arrive. */
  run(options: PopulationOptions, onProgress?: (done: number, total: number) => void): Promise<MergedPopulation> {
    if (this.closed) return Promise.reject(new Error('the population pool is closed'));
    if (this.broken) return Promise.reject(this.broken);
    if (this.busy) return Promise.reject(new Error('the population pool runs one cohort at a time'));
    this.busy = true;
    const ranges = chunkRanges(options.n, this.threads * 4);
    const done = new Map<number, number>();
    const merger = new PopulationMerger(options);
    let received = 0;
    let next = 0;
    const give = (w: Worker) => {
      const r = ranges[next++];
      if (!r) return;
      const message: PopulationMessage = { type: 'population-chunk', options, start: r.start, end: r.end, progressEvery: 5 };
      w.postMessage(message);
    };
    const progress = () => {
      let total = 0;
      for (const d of done.values()) total += d;
      onProgress?.(total, options.n);
    };
    return new Promise<MergedPopulation>((resolve, reject) => {
      const finish = (e?: Error) => {
        this.busy = false;
        this.current = undefined;
        this.failCurrent = undefined;
        if (e) reject(e);
        else {
          try {
            resolve(merger.result());
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        }
      };
      this.failCurrent = (e) => finish(e);
      this.current = (reply, w) => {
        if (reply.type === 'progress') {
          done.set(reply.start, reply.done);
          progress();
        } else if (reply.type === 'error') {
          this.broken = new PopulationError(reply.message, reply.field);
          finish(this.broken);
        } else {
          give(w); // the next chunk first, so the worker computes while this thread merges
          try {
            merger.add(reply.chunk);
          } catch (err) {
            finish(err as Error);
            return;
          }
          received++;
          done.set(reply.chunk.start, reply.chunk.end - reply.chunk.start);
          progress();
          if (received === ranges.length) finish();
        }
      };
      for (const w of this.workers) give(w);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Runs a cohort with a worker pool (or in this thread when threads = 1) and summarises it. */
export async function runPopulationInPool(options: PopulationOptions, pool: PoolOptions = {}): Promise<PopulationResult> {
  const threads = Math.max(1, Math.floor(pool.threads ?? DEFAULT_THREADS));
  if (threads === 1 || options.n < 2) return summarizePopulation(options, inThisThread(options, pool.onProgress));
  const workers = new PopulationPool(Math.min(threads, options.n));
  try {
    return summarizePopulation(options, await workers.run(options, pool.onProgress));
  } finally {
    await workers.close();
  }
}
