// Runs a virtual population in the browser: the cohort is cut into chunks (the engine's
// chunkRanges), the chunks go to a small pool of Web Workers, each running the engine's
// handlePopulationMessage, and the page merges them as they arrive (PopulationMerger, exact and
// order-independent) and summarises the cohort (summarizePopulation). Each patient's draws depend
// only on (seed, index), so the result is the same to the bit as one thread, the Node pool of
// `ldn population` or POST /api/population with the same options. A new run cancels the one in
// progress (latest wins); cancelling terminates the workers, which are made again on the next run.
import {
  chunkRanges,
  parsePopulationOptions,
  PopulationMerger,
  RequestError,
  summarizePopulation,
  type PopulationMessage,
  type PopulationOptions,
  type PopulationReply,
  type PopulationRequest,
  type PopulationResult,
} from '@ldn/engine';

export interface PopulationWorkerLike {
  postMessage(message: PopulationMessage): void;
  onmessage: ((ev: MessageEvent<PopulationReply>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
  terminate(): void;
}

/** Largest cohort the page runs; larger ones belong to `ldn population` or POST /api/population. */
export const BROWSER_MAX_N = 2000;
/** patients per chunk at most: small enough for a steady progress bar and for sharing the work */
export const CHUNK_MAX = 250;

export class PopulationRunError extends Error {
  readonly field: string | undefined;
  readonly cancelled: boolean;
  constructor(message: string, field?: string, cancelled = false) {
    super(message);
    this.name = 'PopulationRunError';
    this.field = field;
    this.cancelled = cancelled;
  }
}

export interface PopulationRun {
  result: PopulationResult;
  /** wall-clock time of the run, ms */
  elapsed_ms: number;
  workers: number;
  chunks: number;
}

/** Workers for this machine: one core is left to the page, at most four. */
export function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' && typeof navigator.hardwareConcurrency === 'number' ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(4, cores - 1));
}

/** Validated options; a bad request throws PopulationRunError naming the field. */
export function populationOptions(request: PopulationRequest): PopulationOptions {
  try {
    return parsePopulationOptions(request);
  } catch (e) {
    if (e instanceof RequestError) throw new PopulationRunError(e.message, e.field);
    if (e instanceof RangeError) throw new PopulationRunError(e.message);
    throw e;
  }
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class PopulationRunner {
  private readonly makeWorker: () => PopulationWorkerLike;
  private readonly size: number;
  private pool: PopulationWorkerLike[] = [];
  private stop: ((e: PopulationRunError) => void) | undefined;

  constructor(makeWorker: () => PopulationWorkerLike, size = defaultPoolSize()) {
    this.makeWorker = makeWorker;
    this.size = Math.max(1, size);
  }

  /** Runs a cohort; `onProgress` gets the patients done so far. Rejects with PopulationRunError. */
  run(request: PopulationRequest, onProgress?: (done: number, total: number) => void): Promise<PopulationRun> {
    this.cancel();
    let options: PopulationOptions;
    try {
      options = populationOptions(request);
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    if (options.n > BROWSER_MAX_N) return Promise.reject(new PopulationRunError(`n: ${options.n} patients is more than the browser runs (${BROWSER_MAX_N}); use ldn population or POST /api/population`, 'n'));
    const t0 = now();
    const ranges = chunkRanges(options.n, Math.min(options.n, this.size * 4), CHUNK_MAX);
    const workers = Math.min(this.size, ranges.length);
    while (this.pool.length < workers) this.pool.push(this.makeWorker());
    const merger = new PopulationMerger(options);
    const doneByChunk = new Map<number, number>();
    let next = 0;
    let finished = 0;
    const progressEvery = Math.max(1, Math.min(10, Math.ceil(options.n / 100)));

    return new Promise<PopulationRun>((resolve, reject) => {
      let settled = false;
      const fail = (e: PopulationRunError): void => {
        if (settled) return;
        settled = true;
        this.stop = undefined;
        // workers may still be busy with chunks of this run: they are stopped and made again next time
        this.terminateAll();
        reject(e);
      };
      this.stop = fail;
      const report = (): void => {
        let done = 0;
        for (const d of doneByChunk.values()) done += d;
        onProgress?.(done, options.n);
      };
      const dispatch = (w: PopulationWorkerLike): void => {
        const r = ranges[next++];
        if (!r) return;
        w.postMessage({ type: 'population-chunk', options, start: r.start, end: r.end, progressEvery });
      };
      this.pool.slice(0, workers).forEach((w) => {
        w.onmessage = (ev) => {
          if (settled) return;
          const reply = ev.data;
          if (reply.type === 'progress') {
            doneByChunk.set(reply.start, reply.done);
            report();
            return;
          }
          if (reply.type === 'error') {
            fail(new PopulationRunError(reply.message, reply.field));
            return;
          }
          try {
            merger.add(reply.chunk);
          } catch (e) {
            fail(new PopulationRunError((e as Error).message));
            return;
          }
          doneByChunk.set(reply.chunk.start, reply.chunk.end - reply.chunk.start);
          report();
          finished++;
          if (finished < ranges.length) {
            dispatch(w);
            return;
          }
          try {
            const result = summarizePopulation(options, merger.result());
            settled = true;
            this.stop = undefined;
            resolve({ result, elapsed_ms: now() - t0, workers, chunks: ranges.length });
          } catch (e) {
            fail(new PopulationRunError((e as Error).message));
          }
        };
        w.onerror = (ev) => fail(new PopulationRunError(ev.message || 'the population worker failed'));
        dispatch(w);
      });
      report();
    });
  }

  /** Stops the run in progress, if any (its promise rejects with `cancelled`). */
  cancel(): void {
    this.stop?.(new PopulationRunError('cancelled', undefined, true));
  }

  /** Stops everything and releases the workers. */
  dispose(): void {
    this.cancel();
    this.terminateAll();
  }

  private terminateAll(): void {
    for (const w of this.pool) {
      w.onmessage = null;
      w.onerror = null;
      w.terminate();
    }
    this.pool = [];
  }
}

/** The real worker (a same-origin ES module file emitted by Vite). */
export function createPopulationWorker(): PopulationWorkerLike {
  return new Worker(new URL('./population.worker.ts', import.meta.url), { type: 'module', name: 'ldn-population' });
}
