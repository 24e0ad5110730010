// The page's side of the simulation worker. Requests are latest-wins per kind: while a job is in
// flight, a newer request replaces the waiting one instead of queueing behind it, so dragging a
// slider costs at most one simulation in flight plus one waiting, and the last position always wins.
// Each request is stamped with performance marks; `ldn:resim` measures (input → result in the page)
// and `ldn:resim-render` (input → figure redrawn) are what the Chromium benchmark reads (bench/web.ts);
// their `detail.compute_ms` is the worker's own time.
import type { SimulationRequest } from '@ldn/engine';
import type { ViewResult } from './core.js';
import type { FromWorker, JobKind, ToWorker } from './protocol.js';

export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface SimError {
  message: string;
  field?: string;
  index?: number;
}

export interface SimulateOutcome {
  id: number;
  result?: ViewResult;
  error?: SimError;
  /** true when a newer request was already waiting as this one finished */
  superseded: boolean;
  /** ms from the request to its result arriving in the page */
  roundTrip_ms: number;
}

export interface CompareOutcome {
  id: number;
  results?: ViewResult[];
  error?: SimError;
  superseded: boolean;
}

interface Job {
  kind: JobKind;
  msg: ToWorker;
  start: number;
}

interface Slot {
  inFlight?: Job;
  waiting?: Job;
}

export const RESIM_MEASURE = 'ldn:resim';
/** input → plot redrawn; measured by the page after it commits the new figure */
export const RENDER_MEASURE = 'ldn:resim-render';

function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    /* performance marks are diagnostics only */
  }
}

export class SimClient {
  private worker: WorkerLike;
  private nextId = 1;
  private slots: Record<JobKind, Slot> = { simulate: {}, compare: {} };
  onSimulate: ((o: SimulateOutcome) => void) | undefined;
  onCompare: ((o: CompareOutcome) => void) | undefined;

  constructor(worker: WorkerLike) {
    this.worker = worker;
    worker.onmessage = (ev) => this.receive(ev.data);
    worker.onerror = (ev) => {
      const slot = this.slots.simulate;
      const job = slot.inFlight;
      slot.inFlight = undefined;
      if (job) this.onSimulate?.({ id: job.msg.id, error: { message: ev.message || 'the simulation worker failed' }, superseded: false, roundTrip_ms: 0 });
      this.pump('simulate');
    };
  }

  /** Asks for a simulation; returns its id. Replaces any request still waiting. */
  simulate(request: SimulationRequest): number {
    const id = this.nextId++;
    mark(`ldn:input:${id}`);
    this.enqueue({ kind: 'simulate', msg: { type: 'simulate', id, request }, start: performance.now() });
    return id;
  }

  /** Asks for several regimens on one span; returns its id. Replaces any comparison still waiting. */
  compare(requests: SimulationRequest[]): number {
    const id = this.nextId++;
    this.enqueue({ kind: 'compare', msg: { type: 'compare', id, requests }, start: performance.now() });
    return id;
  }

  /** Jobs waiting (not in flight), for tests. */
  waiting(kind: JobKind): number {
    return this.slots[kind].waiting ? 1 : 0;
  }

  terminate(): void {
    this.worker.terminate();
  }

  private enqueue(job: Job): void {
    const slot = this.slots[job.kind];
    slot.waiting = job; // latest wins: an older waiting job is dropped
    this.pump(job.kind);
  }

  private pump(kind: JobKind): void {
    const slot = this.slots[kind];
    // one job in flight across kinds would starve the slider behind a long comparison: the worker
    // processes messages in order, so keep at most one per kind and let the kinds interleave
    if (slot.inFlight || !slot.waiting) return;
    slot.inFlight = slot.waiting;
    slot.waiting = undefined;
    this.worker.postMessage(slot.inFlight.msg);
  }

  private receive(msg: FromWorker): void {
    const kind: JobKind = msg.type === 'error' ? msg.kind : msg.type;
    const slot = this.slots[kind];
    const job = slot.inFlight;
    if (!job || job.msg.id !== msg.id) return;
    slot.inFlight = undefined;
    const superseded = slot.waiting !== undefined;
    this.pump(kind);
    const error: SimError | undefined = msg.type === 'error' ? { message: msg.message, ...(msg.field !== undefined ? { field: msg.field } : {}), ...(msg.index !== undefined ? { index: msg.index } : {}) } : undefined;
    if (kind === 'simulate') {
      const roundTrip = performance.now() - job.start;
      const result = msg.type === 'simulate' ? msg.result : undefined;
      const transit = msg.sent_at !== undefined ? performance.timeOrigin + performance.now() - msg.sent_at : undefined;
      try {
        performance.measure(RESIM_MEASURE, { start: `ldn:input:${msg.id}`, detail: { id: msg.id, compute_ms: result?.compute_ms, transit_ms: transit } });
      } catch {
        /* diagnostics only */
      }
      this.onSimulate?.({ id: msg.id, ...(result ? { result } : {}), ...(error ? { error } : {}), superseded, roundTrip_ms: roundTrip });
    } else {
      const results = msg.type === 'compare' ? msg.results : undefined;
      this.onCompare?.({ id: msg.id, ...(results ? { results } : {}), ...(error ? { error } : {}), superseded });
    }
  }
}

/** The real worker (a same-origin ES module file emitted by Vite). */
export function createSimWorker(): WorkerLike {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'ldn-simulation' });
}
