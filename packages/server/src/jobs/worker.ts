// A job's worker thread: long computations (calibration, virtual populations) run here, off the
// server's event loop, and report progress and the result by message. The engine is isomorphic;
// this file is the only place that binds it to worker_threads.
import { parentPort, workerData } from 'node:worker_threads';
import * as engine from '@ldn/engine';

export interface WorkerInput {
  kind: 'calibrate' | 'population';
  input: Record<string, unknown>;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; message?: string }
  | { type: 'result'; result: unknown }
  | { type: 'error'; code: string; message: string; field: string | null };

const CALIBRATE_STEPS = 6;

type PopulationRunner = (request: unknown, callbacks: { onProgress?: (done: number, total: number) => void }) => unknown;

/** The engine's whole-cohort runner (the population issue), when this build has it. */
export function populationRunner(): PopulationRunner | undefined {
  const run = (engine as unknown as Record<string, unknown>).simulatePopulation;
  return typeof run === 'function' ? (run as PopulationRunner) : undefined;
}

/** Sends progress at most every `ms` (and always the last), so a large cohort does not flood the port. */
function throttled(post: (m: WorkerMessage) => void, ms = 100): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done >= total || now - last >= ms) {
      last = now;
      post({ type: 'progress', done, total });
    }
  };
}

/** Runs one job; every outcome is a message, never an uncaught exception. */
export async function runJob(job: WorkerInput, post: (m: WorkerMessage) => void): Promise<void> {
  try {
    if (job.kind === 'calibrate') {
      let step = 0;
      post({ type: 'progress', done: 0, total: CALIBRATE_STEPS });
      const report = engine.calibrate({
        petTimeH: job.input.pet_time as number,
        profile: job.input.profile as boolean,
        starts: job.input.starts as number,
        onProgress: (message) => {
          post({ type: 'progress', done: Math.min(step, CALIBRATE_STEPS), total: CALIBRATE_STEPS, message });
          step += 1;
        },
      });
      post({ type: 'progress', done: CALIBRATE_STEPS, total: CALIBRATE_STEPS });
      post({ type: 'result', result: report });
      return;
    }
    const run = populationRunner();
    if (run === undefined) {
      post({ type: 'error', code: 'not_available', message: 'virtual populations are not in this build of the engine yet', field: null });
      return;
    }
    post({ type: 'progress', done: 0, total: typeof job.input.n === 'number' ? job.input.n : 0 });
    const result = await run(job.input, { onProgress: throttled(post) });
    post({ type: 'result', result });
  } catch (e) {
    const err = e as Error & { field?: unknown };
    const bad = err instanceof engine.RequestError || err instanceof RangeError;
    post({ type: 'error', code: bad ? 'invalid_request' : 'job_failed', message: err.message, field: typeof err.field === 'string' ? err.field : null });
  }
}

if (parentPort !== null && (workerData as { ldnJob?: WorkerInput } | undefined)?.ldnJob !== undefined) {
  const port = parentPort;
  void runJob((workerData as { ldnJob: WorkerInput }).ldnJob, (m) => port.postMessage(m)).finally(() => port.close());
}
