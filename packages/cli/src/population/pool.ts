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
  mergePopulationChunks,
  runPopulation,
  summarizePopulation,
  PopulationError,
  type PopulationChunk,
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

function inThisThread(options: PopulationOptions, onProgress?: (done: number, total: number) => void): PopulationChunk[] {
  const chunks: PopulationChunk[] = [];
  let before = 0;
  for (const r of chunkRanges(options.n, 1)) {
    chunks.push(runPopulation(options, r, { onProgress: (d) => onProgress?.(before + d, options.n) }));
    before += r.end - r.start;
  }
  return chunks;
}

/** Runs the chunks of a cohort on `threads` worker threads. */
export function runChunksInWorkers(options: PopulationOptions, threads: number, onProgress?: (done: number, total: number) => void): Promise<PopulationChunk[]> {
  const ranges = chunkRanges(options.n, threads * 4);
  const size = Math.min(threads, ranges.length);
  const url = workerEntry();
  return new Promise((resolve, reject) => {
    const done = new Map<number, number>();
    const chunks: PopulationChunk[] = [];
    const workers: Worker[] = [];
    let next = 0;
    let failed = false;
    const progress = () => {
      let total = 0;
      for (const d of done.values()) total += d;
      onProgress?.(total, options.n);
    };
    const stop = () => Promise.all(workers.map((w) => w.terminate()));
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      void stop().then(() => reject(e));
    };
    const give = (w: Worker) => {
      const r = ranges[next++];
      if (!r) return false;
      const message: PopulationMessage = { type: 'population-chunk', options, start: r.start, end: r.end, progressEvery: 5 };
      w.postMessage(message);
      return true;
    };
    for (let i = 0; i < size; i++) {
      const w = new Worker(url);
      workers.push(w);
      w.on('message', (reply: PopulationReply) => {
        if (reply.type === 'progress') {
          done.set(reply.start, reply.done);
          progress();
        } else if (reply.type === 'error') {
          fail(new PopulationError(reply.message, reply.field));
        } else {
          chunks.push(reply.chunk);
          done.set(reply.chunk.start, reply.chunk.end - reply.chunk.start);
          progress();
          if (!give(w) && chunks.length === ranges.length) void stop().then(() => resolve(chunks));
        }
      });
      w.on('error', (e) => fail(e));
      w.on('exit', (code) => {
        if (code !== 0 && !failed && chunks.length < ranges.length) fail(new Error(`a population worker stopped with exit code ${code}`));
      });
      give(w);
    }
  });
}

/** Runs a cohort with a worker pool (or in this thread when threads = 1) and summarises it. */
export async function runPopulationInPool(options: PopulationOptions, pool: PoolOptions = {}): Promise<PopulationResult> {
  const threads = Math.max(1, Math.floor(pool.threads ?? DEFAULT_THREADS));
  const chunks = threads === 1 || options.n < 2 ? inThisThread(options, pool.onProgress) : await runChunksInWorkers(options, threads, pool.onProgress);
  return summarizePopulation(options, mergePopulationChunks(options, chunks));
}
