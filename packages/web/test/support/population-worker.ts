// The population worker without a thread, for tests: each chunk message is answered on a later
// task by the worker's own handler, with structured clone and transfer as a Web Worker would.
import type { PopulationMessage, PopulationReply } from '@ldn/engine';
import { handlePopulationWorkerMessage } from '../../src/population/handle.js';
import type { PopulationWorkerLike } from '../../src/population/runner.js';

export class ChunkWorker implements PopulationWorkerLike {
  onmessage: ((ev: MessageEvent<PopulationReply>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  terminated = false;
  received: PopulationMessage[] = [];
  postMessage(message: PopulationMessage): void {
    this.received.push(message);
    const copy = structuredClone(message);
    setTimeout(() => {
      if (this.terminated) return;
      handlePopulationWorkerMessage(copy, (reply, transfer) => {
        const data = structuredClone(reply, { transfer });
        if (!this.terminated) this.onmessage?.({ data } as MessageEvent<PopulationReply>);
      });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}
