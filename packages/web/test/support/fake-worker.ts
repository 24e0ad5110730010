// The simulation worker without a Worker: the same message handler, answered on a later task as a
// real worker would, so component tests exercise the page's asynchronous path.
import { handleMessage } from '../../src/sim/handle.js';
import type { WorkerLike } from '../../src/sim/client.js';
import type { FromWorker, ToWorker } from '../../src/sim/protocol.js';

export class AsyncFakeWorker implements WorkerLike {
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  received: ToWorker[] = [];
  postMessage(message: ToWorker): void {
    this.received.push(message);
    setTimeout(() => {
      const { reply } = handleMessage(structuredClone(message));
      this.onmessage?.({ data: reply } as MessageEvent<FromWorker>);
    }, 0);
  }
  terminate(): void {}
}
