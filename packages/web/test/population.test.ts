// The browser's virtual population: the page's runner, with its chunks answered by the worker's own
// handler (structured clone and transfer, as a Web Worker would), gives exactly the cohort that the
// engine's handlePopulationMessage gives in-process for the same seed: same bands, summaries,
// shares and checksum. Also: progress reaches n, a bad request names its field, a newer run
// cancels the older one, and a chunk that fails in the worker rejects the run.
import { describe, expect, it } from 'vitest';
import { handlePopulationMessage, mergePopulationChunks, parsePopulationOptions, summarizePopulation, type PopulationReply, type PopulationRequest } from '@ldn/engine';
import { BROWSER_MAX_N, PopulationRunError, PopulationRunner } from '../src/population/runner.js';
import { ChunkWorker } from './support/population-worker.js';

const REQUEST: PopulationRequest = { n: 40, seed: 20261125, dose: 4.5, time: '22:00', days: 7, hypotheses: ['tlr4'], weight: { kind: 'uniform', min: 55, max: 95 }, age: { kind: 'uniform', min: 20, max: 60 }, hepaticFraction: 0.1 };

describe('population in the browser', () => {
  it('equals handlePopulationMessage run in-process for the same seed (several workers, several chunks)', async () => {
    const workers: ChunkWorker[] = [];
    const runner = new PopulationRunner(() => {
      const w = new ChunkWorker();
      workers.push(w);
      return w;
    }, 3);
    const progress: number[] = [];
    const run = await runner.run(REQUEST, (done) => progress.push(done));

    const options = parsePopulationOptions(REQUEST);
    const reply = handlePopulationMessage({ type: 'population-chunk', options, start: 0, end: options.n });
    if (reply.type !== 'chunk') throw new Error(`in-process run failed: ${JSON.stringify(reply)}`);
    const expected = summarizePopulation(options, mergePopulationChunks(options, [reply.chunk]));

    expect(workers).toHaveLength(3);
    expect(run.chunks).toBeGreaterThan(3);
    expect(workers.every((w) => w.received.length > 0)).toBe(true);
    expect(run.result.cohort_checksum).toBe(expected.cohort_checksum);
    expect(run.result.bands).toEqual(expected.bands);
    expect(run.result.summaries).toEqual(expected.summaries);
    expect(run.result.shares).toEqual(expected.shares);
    // everything, down to the solver's work (whole numbers summed per chunk)
    expect(run.result).toEqual(expected);
    expect(progress.at(-1)).toBe(40);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('names the field of a bad request and refuses cohorts larger than the browser runs', async () => {
    const runner = new PopulationRunner(() => new ChunkWorker(), 1);
    await expect(runner.run({ ...REQUEST, dose: -1 })).rejects.toMatchObject({ field: 'dose' });
    await expect(runner.run({ ...REQUEST, weight: { kind: 'uniform', min: 90, max: 50 } })).rejects.toMatchObject({ field: 'weight' });
    await expect(runner.run({ ...REQUEST, n: BROWSER_MAX_N + 1 })).rejects.toMatchObject({ field: 'n' });
  });

  it('a newer run cancels the older one and stops its workers', async () => {
    const workers: ChunkWorker[] = [];
    const runner = new PopulationRunner(() => {
      const w = new ChunkWorker();
      workers.push(w);
      return w;
    }, 2);
    const first = runner.run({ ...REQUEST, n: 20 });
    const second = runner.run({ ...REQUEST, n: 10, seed: 7 });
    const err = await first.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PopulationRunError);
    expect((err as PopulationRunError).cancelled).toBe(true);
    expect(workers.slice(0, 2).every((w) => w.terminated)).toBe(true);
    const run = await second;
    expect(run.result.n).toBe(10);
    expect(run.result.seed).toBe(7);
  });

  it('an error in a worker rejects the run with its message', async () => {
    const runner = new PopulationRunner(() => {
      const w = new ChunkWorker();
      w.postMessage = () => setTimeout(() => w.onmessage?.({ data: { type: 'error', message: 'days: boom', field: 'days' } } as MessageEvent<PopulationReply>), 0);
      return w;
    }, 1);
    await expect(runner.run(REQUEST)).rejects.toMatchObject({ message: 'days: boom', field: 'days' });
  });
});
