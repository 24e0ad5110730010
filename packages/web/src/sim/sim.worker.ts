// The simulation Web Worker: the engine runs here so the page never blocks while sliders move.
import '../zod-jitless.js';
import { handleMessage } from './handle.js';
import type { ToWorker } from './protocol.js';

interface WorkerScope {
  onmessage: ((ev: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (ev) => {
  const { reply, transfer } = handleMessage(ev.data);
  reply.sent_at = performance.timeOrigin + performance.now();
  scope.postMessage(reply, transfer);
};
