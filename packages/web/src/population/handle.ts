// The population worker's message handler as a plain function, so tests run it without a Worker:
// it is the engine's `handlePopulationMessage` (the same protocol the Node pool of `ldn population`
// uses), with the chunk's typed arrays listed for transfer so the page gets them without a copy.
import { handlePopulationMessage, type PopulationMessage, type PopulationReply } from '@ldn/engine';

/** The buffers of a chunk reply (histograms and per-patient numbers), for postMessage's transfer list. */
export function replyTransferables(reply: PopulationReply): ArrayBuffer[] {
  if (reply.type !== 'chunk') return [];
  const { chunk } = reply;
  const arrays = [chunk.bands.offsets, chunk.bands.keys, chunk.bands.counts, ...Object.values(chunk.metrics)];
  const out = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  return [...out];
}

/** Runs one chunk message; every reply (progress, then the chunk or an error) goes to `post`. */
export function handlePopulationWorkerMessage(message: PopulationMessage, post: (reply: PopulationReply, transfer: ArrayBuffer[]) => void): void {
  handlePopulationMessage(message, (reply) => post(reply, replyTransferables(reply)));
}
