// Messages between the page and the simulation worker. Every job carries an id; the page keeps at
// most one job of each kind in flight and replaces the waiting one when a newer request arrives, so
// a slider drag never queues stale work (see client.ts).
import type { SimulationRequest } from '@ldn/engine';
import type { ViewResult } from './core.js';

export type JobKind = 'simulate' | 'compare';

export type ToWorker =
  | { type: 'simulate'; id: number; request: SimulationRequest }
  | { type: 'compare'; id: number; requests: SimulationRequest[] };

export type FromWorker = (
  | { type: 'simulate'; id: number; result: ViewResult }
  | { type: 'compare'; id: number; results: ViewResult[] }
  | { type: 'error'; id: number; kind: JobKind; message: string; field?: string; index?: number }
) & {
  /** when the worker posted the reply (performance.timeOrigin + now, ms), to measure the hop back */
  sent_at?: number;
};
