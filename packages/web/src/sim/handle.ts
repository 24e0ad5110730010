// The worker's message handler as a plain function, so it can run (and be tested) without a Worker:
// one request in, one reply and its transfer list out. Errors in the request become an `error`
// reply naming the field, never an uncaught exception in the worker.
import { simulateForView, transferables, ViewRequestError, type ViewResult } from './core.js';
import type { FromWorker, ToWorker } from './protocol.js';

export function handleMessage(msg: ToWorker): { reply: FromWorker; transfer: ArrayBuffer[] } {
  let index: number | undefined;
  try {
    if (msg.type === 'simulate') {
      const result = simulateForView(msg.request);
      return { reply: { type: 'simulate', id: msg.id, result }, transfer: transferables(result) };
    }
    const results: ViewResult[] = [];
    msg.requests.forEach((r, i) => {
      index = i;
      results.push(simulateForView(r));
    });
    return { reply: { type: 'compare', id: msg.id, results }, transfer: results.flatMap(transferables) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const reply: FromWorker = { type: 'error', id: msg.id, kind: msg.type, message: err.message };
    if (e instanceof ViewRequestError && e.field !== undefined) reply.field = e.field;
    if (msg.type === 'compare' && index !== undefined) reply.index = index;
    return { reply, transfer: [] };
  }
}
