// Entry point of a population worker thread. All the work is the engine's
// `handlePopulationMessage` (the same function a browser Web Worker calls), so a chunk computed
// here is bit-identical to one computed in the main thread. Replies carry typed arrays, which are
// transferred rather than copied.
import { parentPort } from 'node:worker_threads';
import { handlePopulationMessage, type PopulationMessage, type PopulationReply } from '@ldn/engine';

function transferables(reply: PopulationReply): ArrayBuffer[] {
  if (reply.type !== 'chunk') return [];
  const { chunk } = reply;
  const arrays = [chunk.bands.offsets, chunk.bands.keys, chunk.bands.counts, ...Object.values(chunk.metrics)];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

const port = parentPort;
if (!port) throw new Error('the population worker must run in a worker thread');
port.on('message', (message: PopulationMessage) => {
  handlePopulationMessage(message, (reply) => port.postMessage(reply, transferables(reply)));
});
