// The virtual-population Web Worker: simulates one chunk of a cohort per message with the engine's
// handlePopulationMessage and posts its progress and the chunk back (see handle.ts).
import '../zod-jitless.js';
import type { PopulationMessage } from '@ldn/engine';
import { handlePopulationWorkerMessage } from './handle.js';

interface WorkerScope {
  onmessage: ((ev: MessageEvent<PopulationMessage>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (ev) => handlePopulationWorkerMessage(ev.data, (reply, transfer) => scope.postMessage(reply, transfer));
