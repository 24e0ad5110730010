// The editor's state logic: the reducer keeps every value in range, a state becomes a request the
// engine accepts (simple when it can be, a regimen otherwise), and saved requests come back as the
// same state, with whatever the editor cannot show listed instead of silently lost.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prepareSimulation } from '@ldn/engine';
import { DEFAULT_STATE, editorReducer, fromRequest, outputStepFor, toRequest, type EditorState } from '../src/sim/editor.js';

const apply = (s: EditorState, ...actions: Parameters<typeof editorReducer>[1][]): EditorState => actions.reduce(editorReducer, s);

describe('editorReducer', () => {
  it('clamps and rounds doses and days, refuses bad clock times and dates', () => {
    const s = apply(DEFAULT_STATE, { type: 'set', patch: { dose_mg: 4.5333 } });
    expect(s.dose_mg).toBe(4.55);
    expect(apply(s, { type: 'set', patch: { dose_mg: -3 } }).dose_mg).toBe(0.25);
    expect(apply(s, { type: 'set', patch: { dose_mg: 1e6 } }).dose_mg).toBe(100);
    expect(apply(s, { type: 'set', patch: { dose_mg: Number.NaN } }).dose_mg).toBe(4.55);
    expect(apply(s, { type: 'set', patch: { days: 500 } }).days).toBe(90);
    expect(apply(s, { type: 'set', patch: { days: 0.2 } }).days).toBe(1);
    expect(apply(s, { type: 'set', patch: { time: '25:00' } }).time).toBe('22:00');
    expect(apply(s, { type: 'set', patch: { time: '07:30' } }).time).toBe('07:30');
    expect(apply(s, { type: 'set', patch: { start_date: '2026-02-30' } }).start_date).toBe('');
    expect(apply(s, { type: 'set', patch: { start_date: '2026-12-01' } }).start_date).toBe('2026-12-01');
    expect(apply(s, { type: 'set', patch: { every_h: 5 } }).every_h).toBe(24);
  });

  it('keeps hypotheses in canonical order without duplicates', () => {
    const s = apply(DEFAULT_STATE, { type: 'toggleHypothesis', id: 'ogf', on: true }, { type: 'toggleHypothesis', id: 'rebound', on: true }, { type: 'toggleHypothesis', id: 'ogf', on: true });
    expect(s.hypotheses).toEqual(['rebound', 'ogf']);
    expect(apply(s, { type: 'toggleHypothesis', id: 'rebound', on: false }).hypotheses).toEqual(['ogf']);
  });

  it('adds, edits and removes titration steps and missed days', () => {
    let s = apply(DEFAULT_STATE, { type: 'addStep' }, { type: 'addStep' });
    expect(s.titration).toEqual([
      { dose_mg: 1.5, days: 7 },
      { dose_mg: 3, days: 7 },
    ]);
    s = apply(s, { type: 'updateStep', index: 1, patch: { days: 10.4 } }, { type: 'removeStep', index: 0 });
    expect(s.titration).toEqual([{ dose_mg: 3, days: 10 }]);
    s = apply(s, { type: 'addMissed', day: 10 }, { type: 'addMissed', day: 3 }, { type: 'addMissed', day: 10 }, { type: 'addMissed', day: 0 });
    expect(s.missed).toEqual([3, 10]);
    expect(apply(s, { type: 'removeMissed', day: 3 }).missed).toEqual([10]);
  });
});

describe('toRequest', () => {
  it('a simple regimen stays a simple request, like the CLI options', () => {
    expect(toRequest(DEFAULT_STATE)).toEqual({ dose: 4.5, time: '22:00', days: 14, params: 'literature' });
    expect(toRequest({ ...DEFAULT_STATE, every_h: 12, start_date: '2026-12-01', hypotheses: ['tlr4'], days: 40 })).toEqual({ dose: 4.5, time: '22:00', every: 12, start: '2026-12-01', days: 40, step: 0.5, params: 'literature', hypotheses: ['tlr4'] });
  });

  it('titration and missed doses make a regimen object', () => {
    const s: EditorState = { ...DEFAULT_STATE, titration: [{ dose_mg: 1.5, days: 7 }], missed: [10], start_date: '2026-12-01' };
    expect(toRequest(s)).toEqual({
      regimen: { steps: [{ dose_mg: 1.5, days: 7, time: '22:00' }, { dose_mg: 4.5 }], missed: [{ day: 10 }], start_date: '2026-12-01' },
      days: 14,
      params: 'literature',
    });
  });

  it('chooses a coarser output step for long spans', () => {
    expect([1, 28, 29, 60, 61, 90].map(outputStepFor)).toEqual([0.25, 0.25, 0.5, 0.5, 1, 1]);
  });
});

const stateArb: fc.Arbitrary<EditorState> = fc.record({
  dose_mg: fc.integer({ min: 5, max: 2000 }).map((x) => x / 20),
  time: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  every_h: fc.constantFrom(24, 12, 8),
  titration: fc.array(fc.record({ dose_mg: fc.integer({ min: 5, max: 200 }).map((x) => x / 20), days: fc.integer({ min: 1, max: 14 }) }), { maxLength: 3 }),
  missed: fc.uniqueArray(fc.integer({ min: 1, max: 14 }), { maxLength: 3 }).map((a) => a.sort((x, y) => x - y)),
  days: fc.integer({ min: 14, max: 90 }),
  start_date: fc.constantFrom('', '2026-12-01', '2027-02-28'),
  params: fc.constantFrom('literature' as const, 'seed' as const),
  hypotheses: fc.subarray(['rebound' as const, 'tlr4' as const, 'ogf' as const]),
  // what-if values of core parameters (always active), inside their plausible ranges
  overrides: fc.record({ CL: fc.integer({ min: 94, max: 211 }), potency: fc.integer({ min: 1, max: 200 }), kBrainOut: fc.constantFrom(0.005, 0.05, 0.2) }, { requiredKeys: [] }),
});

describe('what-if values', () => {
  it('are sent for core parameters and for modules that are on; kept, not sent, while their module is off', () => {
    let s = editorReducer(DEFAULT_STATE, { type: 'override', id: 'CL', value: 70 });
    s = editorReducer(s, { type: 'override', id: 'rebound.halfLife', value: 1 });
    expect(toRequest(s)).toEqual({ dose: 4.5, time: '22:00', days: 14, params: 'literature', overrides: { CL: 70 } });
    s = editorReducer(s, { type: 'toggleHypothesis', id: 'rebound', on: true });
    expect(toRequest(s).overrides).toEqual({ CL: 70, 'rebound.halfLife': 1 });
    expect(editorReducer(s, { type: 'override', id: 'CL', value: null }).overrides).toEqual({ 'rebound.halfLife': 1 });
    expect(editorReducer(s, { type: 'clearOverrides' }).overrides).toEqual({});
  });
  it('refuses values the engine would refuse (negative, not finite) and odd names, keeping the state', () => {
    for (const [id, value] of [['CL', -1], ['CL', Number.NaN], ['CL', Infinity], ['__proto__', 1], ['', 1]] as const) {
      expect(editorReducer(DEFAULT_STATE, { type: 'override', id, value })).toBe(DEFAULT_STATE);
    }
  });
  it('a saved request with a bad what-if value lists it as dropped', () => {
    const back = fromRequest({ dose: 4.5, overrides: { CL: 'fast', potency: 10 } });
    expect(back.state.overrides).toEqual({ potency: 10 });
    expect(back.dropped).toEqual(['overrides.CL']);
  });
});

describe('round trip through a saved request', () => {
  it('fromRequest(toRequest(s)) gives s back and drops nothing', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const back = fromRequest(JSON.parse(JSON.stringify(toRequest(s))));
        expect(back.dropped).toEqual([]);
        expect(back.state).toEqual(s);
      }),
      { numRuns: 200 },
    );
  });

  it('every request the editor makes is valid for the engine', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        expect(() => prepareSimulation(toRequest(s))).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });

  it('lists the parts of a request the editor cannot show', () => {
    const { state, dropped } = fromRequest({ regimen: { steps: [{ dose_mg: 1.5, time: '08:00', doses: 3 }, { dose_mg: 3, time: '20:00' }], extra: [{ day: 2, time: '08:00', dose_mg: 1 }], missed: [{ at_h: 24 }] }, days: 7 });
    expect(state.time).toBe('08:00');
    expect(state.dose_mg).toBe(3);
    expect(dropped).toEqual(['regimen.steps.0.doses', 'regimen.steps.1.time', 'regimen.missed.0', 'regimen.extra']);
    expect(fromRequest({ events: 'TIME,AMT\n0,4.5', days: 3 }).dropped).toEqual(['events']);
    expect(fromRequest('nonsense').dropped).toEqual(['request']);
    expect(fromRequest({ dose: 4.5, every: 6 }).dropped).toEqual(['every']);
  });
});
