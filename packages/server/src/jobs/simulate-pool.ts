// POST /api/simulate and /api/compare can run on a small pool of worker threads instead of the
// event loop: the server then uses every core, and a long simulation (up to 100,000 output times)
// never holds up health checks, SSE streams or other requests. Each worker answers with the JSON
// text, so the main thread copies a string rather than re-serialising the output. A worker that
// dies is replaced and its pending requests fail as server faults (they are not bad input).
import { Worker } from 'node:worker_threads';
import type { SimulateReply, SimulateTask } from './simulate-worker.js';

const here = new URL(import.meta.url);
const fromSource = here.pathname.endsWith('.ts');
const WORKER_URL = new URL(fromSource ? './simulate-worker.ts' : './simulate-worker.js', here);

interface Slot {
  worker: Worker;
  pending: Map<number, (r: SimulateReply | Error) => void>;
}

export class SimulatePool {
  private readonly slots: Slot[] = [];
  private next = 0;
  private seq = 0;
  private closed = false;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = fromSource
      ? new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(WORKER_URL.href)}, ${JSON.stringify(WORKER_URL.href)}))`, { eval: true })
      : new Worker(WORKER_URL);
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (r: SimulateReply) => {
      const done = slot.pending.get(r.id);
      slot.pending.delete(r.id);
      done?.(r);
    });
    const fail = (e: Error) => {
      for (const done of slot.pending.values()) done(e);
      slot.pending.clear();
      if (!this.closed) {
        const i = this.slots.indexOf(slot);
        if (i >= 0) this.slots[i] = this.spawn();
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`a simulation worker stopped (code ${code})`));
    });
    worker.unref();
    return slot;
  }

  /** Runs one request on the least-loaded worker. */
  run(kind: SimulateTask['kind'], body: unknown): Promise<SimulateReply> {
    if (this.closed) return Promise.reject(new Error('the simulation pool is closed'));
    let slot = this.slots[this.next % this.slots.length]!;
    for (const s of this.slots) if (s.pending.size < slot.pending.size) slot = s;
    this.next += 1;
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, (r) => (r instanceof Error ? reject(r) : resolve(r)));
      slot.worker.postMessage({ id, kind, body } satisfies SimulateTask);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
