// Latest-wins scheduling of simulation requests: a slider drag keeps at most one job in flight and
// one waiting per kind; a newer request replaces the waiting one; results say whether a newer
// request was already waiting; errors arrive with their field; comparisons do not block the slider.
import { describe, expect, it } from 'vitest';
import { SimClient, type CompareOutcome, type SimulateOutcome, type WorkerLike } from '../src/sim/client.js';
import { handleMessage } from '../src/sim/handle.js';
import type { FromWorker, ToWorker } from '../src/sim/protocol.js';

class FakeWorker implements WorkerLike {
  posted: ToWorker[] = [];
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  postMessage(message: ToWorker): void {
    this.posted.push(message);
  }
  terminate(): void {}
  /** runs the oldest posted job that has not been answered */
  answer(index = 0): void {
    const msg = this.posted.splice(index, 1)[0]!;
    const { reply } = handleMessage(msg);
    this.onmessage?.({ data: reply } as MessageEvent<FromWorker>);
  }
}

describe('SimClient', () => {
  it('keeps one simulation in flight and only the newest waiting', () => {
    const w = new FakeWorker();
    const c = new SimClient(w);
    const got: SimulateOutcome[] = [];
    c.onSimulate = (o) => got.push(o);
    const ids = [1, 2, 3, 4, 5].map((k) => c.simulate({ dose: k, days: 1 }));
    expect(w.posted.map((m) => m.id)).toEqual([ids[0]]);
    expect(c.waiting('simulate')).toBe(1);
    w.answer();
    // the first result is delivered, flagged as superseded; the newest request (5 mg) went out, 2–4 never ran
    expect(got.map((o) => [o.id, o.superseded])).toEqual([[ids[0], true]]);
    expect(w.posted).toHaveLength(1);
    expect(w.posted[0]).toMatchObject({ id: ids[4], request: { dose: 5 } });
    w.answer();
    expect(got.map((o) => [o.id, o.superseded])).toEqual([
      [ids[0], true],
      [ids[4], false],
    ]);
    expect(got[1]!.result!.summary.first_dose.dose_mg).toBe(5);
    expect(c.waiting('simulate')).toBe(0);
  });

  it('delivers errors with the field', () => {
    const w = new FakeWorker();
    const c = new SimClient(w);
    const got: SimulateOutcome[] = [];
    c.onSimulate = (o) => got.push(o);
    c.simulate({ dose: 4.5, time: '24:61', days: 1 });
    w.answer();
    expect(got[0]!.error).toMatchObject({ field: 'time' });
    expect(got[0]!.result).toBeUndefined();
  });

  it('runs comparisons in their own slot, so they never hold back the slider', () => {
    const w = new FakeWorker();
    const c = new SimClient(w);
    const sims: SimulateOutcome[] = [];
    const cmps: CompareOutcome[] = [];
    c.onSimulate = (o) => sims.push(o);
    c.onCompare = (o) => cmps.push(o);
    c.compare([{ dose: 4.5, days: 1 }, { dose: 50, days: 1 }]);
    c.simulate({ dose: 3, days: 1 });
    expect(w.posted.map((m) => m.type)).toEqual(['compare', 'simulate']);
    w.answer(1);
    expect(sims).toHaveLength(1);
    w.answer(0);
    expect(cmps[0]!.results).toHaveLength(2);
  });

  it('ignores replies to jobs it did not send', () => {
    const w = new FakeWorker();
    const c = new SimClient(w);
    const got: SimulateOutcome[] = [];
    c.onSimulate = (o) => got.push(o);
    w.onmessage?.({ data: { type: 'error', id: 99, kind: 'simulate', message: 'stray' } } as MessageEvent<FromWorker>);
    expect(got).toHaveLength(0);
  });
});
