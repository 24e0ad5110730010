// A simulate/compare worker thread of the SimulatePool: runs the engine on a request and sends back
// the answer already serialised (so the main thread only copies a string), or the engine's
// RequestError as {message, field}. Anything else is reported as a fault, never thrown.
import { parentPort } from 'node:worker_threads';
import { RequestError, runComparison, runSimulation } from '@ldn/engine';

export interface SimulateTask {
  id: number;
  kind: 'simulate' | 'compare';
  body: unknown;
}

export type SimulateReply = { id: number; ok: true; json: string } | { id: number; ok: false; invalid: boolean; message: string; field: string | null };

export function handleTask(task: SimulateTask): SimulateReply {
  try {
    const out = task.kind === 'simulate' ? runSimulation(task.body) : runComparison(task.body as Parameters<typeof runComparison>[0]);
    return { id: task.id, ok: true, json: JSON.stringify(out) };
  } catch (e) {
    const invalid = e instanceof RequestError || e instanceof RangeError;
    return { id: task.id, ok: false, invalid, message: (e as Error).message, field: e instanceof RequestError && e.field !== undefined ? e.field : null };
  }
}

if (parentPort !== null) {
  const port = parentPort;
  port.on('message', (task: SimulateTask) => port.postMessage(handleTask(task)));
}
