// The simulator's editable regimen, kept as plain data (a reducer over EditorState) so that the same
// state drives the controls, becomes the engine's SimulationRequest (the JSON the CLI, the API and
// saved scenarios share), and can be rebuilt from a saved request when a scenario is reopened.
// A simple regimen stays a simple request ({dose, time, days}), so a saved scenario reads like the
// CLI options; titration steps and missed doses make it a `regimen` object.

import { HYPOTHESIS_IDS, parseClock, type HypothesisId, type SimulationRequest } from '@ldn/engine';

export type ParamSetId = 'literature' | 'seed';

export interface TitrationStep {
  /** mg naltrexone HCl */
  dose_mg: number;
  /** how many days this step lasts before the next one */
  days: number;
}

export interface EditorState {
  /** maintenance dose, mg naltrexone HCl (the last step of a titration) */
  dose_mg: number;
  /** clock time of the first dose, HH:MM */
  time: string;
  /** dosing interval, hours */
  every_h: number;
  /** steps before the maintenance dose */
  titration: TitrationStep[];
  /** days (1 = day of the first dose) whose doses were not taken */
  missed: number[];
  /** simulated span, days */
  days: number;
  /** calendar date of the first dose, YYYY-MM-DD, or '' */
  start_date: string;
  params: ParamSetId;
  hypotheses: HypothesisId[];
  /** what-if parameter values by id; kept while their module is off, sent only while it is on */
  overrides: Record<string, number>;
}

export const DOSE_MIN = 0.25;
export const DOSE_SLIDER_MAX = 12;
export const DOSE_MAX = 100;
export const DAYS_MIN = 1;
export const DAYS_MAX = 90;
export const EVERY_CHOICES = [24, 12, 8] as const;
export const MAX_TITRATION_STEPS = 6;
export const MAX_MISSED = 20;

export const DEFAULT_STATE: EditorState = {
  dose_mg: 4.5,
  time: '22:00',
  every_h: 24,
  titration: [],
  missed: [],
  days: 14,
  start_date: '',
  params: 'literature',
  hypotheses: [],
  overrides: {},
};

export type EditorAction =
  | { type: 'set'; patch: Partial<Pick<EditorState, 'dose_mg' | 'time' | 'every_h' | 'days' | 'start_date' | 'params'>> }
  | { type: 'toggleHypothesis'; id: HypothesisId; on: boolean }
  | { type: 'addStep' }
  | { type: 'updateStep'; index: number; patch: Partial<TitrationStep> }
  | { type: 'removeStep'; index: number }
  | { type: 'addMissed'; day: number }
  | { type: 'removeMissed'; day: number }
  | { type: 'override'; id: string; value: number | null }
  | { type: 'clearOverrides' }
  | { type: 'replace'; state: EditorState };

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
/** doses are entered to 0.05 mg (a 1 mg/mL liquid measured to 0.05 mL) */
export const roundDose = (x: number): number => Math.round(x * 20) / 20;

function validClock(s: string): boolean {
  try {
    parseClock(s);
    return true;
  } catch {
    return false;
  }
}

function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'set': {
      const p = action.patch;
      const next = { ...state };
      if (p.dose_mg !== undefined && Number.isFinite(p.dose_mg)) next.dose_mg = clamp(roundDose(p.dose_mg), DOSE_MIN, DOSE_MAX);
      if (p.time !== undefined && validClock(p.time)) next.time = p.time;
      if (p.every_h !== undefined && (EVERY_CHOICES as readonly number[]).includes(p.every_h)) next.every_h = p.every_h;
      if (p.days !== undefined && Number.isFinite(p.days)) next.days = clamp(Math.round(p.days), DAYS_MIN, DAYS_MAX);
      if (p.start_date !== undefined && (p.start_date === '' || validDate(p.start_date))) next.start_date = p.start_date;
      if (p.params !== undefined) next.params = p.params;
      return next;
    }
    case 'toggleHypothesis': {
      const set = new Set(state.hypotheses);
      if (action.on) set.add(action.id);
      else set.delete(action.id);
      return { ...state, hypotheses: HYPOTHESIS_IDS.filter((h) => set.has(h)) };
    }
    case 'addStep': {
      if (state.titration.length >= MAX_TITRATION_STEPS) return state;
      const prev = state.titration[state.titration.length - 1];
      const dose = prev ? Math.min(state.dose_mg, roundDose(prev.dose_mg + 1.5)) : Math.max(DOSE_MIN, roundDose(state.dose_mg / 3));
      return { ...state, titration: [...state.titration, { dose_mg: dose, days: 7 }] };
    }
    case 'updateStep': {
      const step = state.titration[action.index];
      if (!step) return state;
      const patch = action.patch;
      const updated: TitrationStep = {
        dose_mg: patch.dose_mg !== undefined && Number.isFinite(patch.dose_mg) ? clamp(roundDose(patch.dose_mg), DOSE_MIN, DOSE_MAX) : step.dose_mg,
        days: patch.days !== undefined && Number.isFinite(patch.days) ? clamp(Math.round(patch.days), 1, 365) : step.days,
      };
      return { ...state, titration: state.titration.map((s, i) => (i === action.index ? updated : s)) };
    }
    case 'removeStep':
      return { ...state, titration: state.titration.filter((_, i) => i !== action.index) };
    case 'addMissed': {
      const day = Math.round(action.day);
      if (!Number.isFinite(day) || day < 1 || day > DAYS_MAX || state.missed.includes(day) || state.missed.length >= MAX_MISSED) return state;
      return { ...state, missed: [...state.missed, day].sort((a, b) => a - b) };
    }
    case 'removeMissed':
      return { ...state, missed: state.missed.filter((d) => d !== action.day) };
    case 'override': {
      const { [action.id]: _old, ...rest } = state.overrides;
      if (action.value === null) return { ...state, overrides: rest };
      if (!Number.isFinite(action.value) || action.value < 0 || !/^[A-Za-z][A-Za-z0-9_.]*$/.test(action.id)) return state;
      return { ...state, overrides: { ...rest, [action.id]: action.value } };
    }
    case 'clearOverrides':
      return { ...state, overrides: {} };
    case 'replace':
      return action.state;
  }
}

/** Output step of the simulation: fine enough for the ≈1 h naltrexone peak, coarse enough for long spans. */
export function outputStepFor(days: number): number {
  return days <= 28 ? 0.25 : days <= 60 ? 0.5 : 1;
}

/** The what-if values the engine takes now: core parameters, and module parameters of modules switched on. */
export function activeOverrides(state: Pick<EditorState, 'overrides' | 'hypotheses'>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, v] of Object.entries(state.overrides)) {
    const module = id.includes('.') ? id.split('.')[0] : undefined;
    if (module === undefined || (state.hypotheses as readonly string[]).includes(module)) out[id] = v;
  }
  return out;
}

/** The engine / API request for an editor state. */
export function toRequest(state: EditorState): SimulationRequest {
  const common: SimulationRequest = { days: state.days, params: state.params };
  const step = outputStepFor(state.days);
  if (step !== 0.25) common.step = step;
  if (state.hypotheses.length > 0) common.hypotheses = [...state.hypotheses];
  const overrides = activeOverrides(state);
  if (Object.keys(overrides).length > 0) common.overrides = overrides;
  if (state.titration.length === 0 && state.missed.length === 0) {
    const req: SimulationRequest = { dose: state.dose_mg, time: state.time, ...common };
    if (state.every_h !== 24) req.every = state.every_h;
    if (state.start_date !== '') req.start = state.start_date;
    return req;
  }
  const every = state.every_h !== 24 ? { every_h: state.every_h } : {};
  const steps: Record<string, unknown>[] = [...state.titration.map((s) => ({ dose_mg: s.dose_mg, days: s.days, ...every })), { dose_mg: state.dose_mg, ...every }];
  steps[0] = { ...steps[0], time: state.time };
  const regimen: Record<string, unknown> = { steps };
  if (state.missed.length > 0) regimen.missed = state.missed.map((day) => ({ day }));
  if (state.start_date !== '') regimen.start_date = state.start_date;
  return { regimen, ...common };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

/**
 * Rebuilds an editor state from a saved request. Whatever the editor cannot show (an event table,
 * extra doses, per-step clock times…) is listed in `dropped` by request field, so the UI can say so.
 */
export function fromRequest(input: unknown): { state: EditorState; dropped: string[] } {
  const state: EditorState = { ...DEFAULT_STATE, titration: [], missed: [], hypotheses: [], overrides: {} };
  const dropped: string[] = [];
  if (!isRecord(input)) return { state, dropped: ['request'] };
  const set = (patch: EditorAction & { type: 'set' }): void => {
    Object.assign(state, editorReducer(state, patch));
  };
  const days = num(input.days);
  if (days !== undefined) set({ type: 'set', patch: { days } });
  if (input.params === 'literature' || input.params === 'seed') state.params = input.params;
  if (Array.isArray(input.hypotheses)) state.hypotheses = HYPOTHESIS_IDS.filter((h) => (input.hypotheses as unknown[]).includes(h));
  if (isRecord(input.overrides)) {
    for (const [id, v] of Object.entries(input.overrides)) {
      const next = editorReducer(state, { type: 'override', id, value: typeof v === 'number' ? v : Number.NaN });
      if (next === state) dropped.push(`overrides.${id}`);
      else state.overrides = next.overrides;
    }
  } else if (input.overrides !== undefined) dropped.push('overrides');
  const time = str(input.time);
  if (time !== undefined) set({ type: 'set', patch: { time } });
  const start = str(input.start);
  if (start !== undefined) set({ type: 'set', patch: { start_date: start } });
  for (const f of ['events', 'doses']) if (input[f] !== undefined) dropped.push(f);

  const dose = num(input.dose);
  if (dose !== undefined) {
    set({ type: 'set', patch: { dose_mg: dose } });
    const every = num(input.every);
    if (every !== undefined) {
      set({ type: 'set', patch: { every_h: every } });
      if (state.every_h !== every) dropped.push('every');
    }
  } else if (isRecord(input.regimen)) {
    const r = input.regimen;
    const steps = Array.isArray(r.steps) ? r.steps.filter(isRecord) : [];
    const first = steps[0];
    const last = steps[steps.length - 1];
    if (first && last) {
      const t = str(first.time);
      if (t !== undefined) set({ type: 'set', patch: { time: t } });
      set({ type: 'set', patch: { dose_mg: num(last.dose_mg) ?? DEFAULT_STATE.dose_mg } });
      const every = num(first.every_h);
      if (every !== undefined) set({ type: 'set', patch: { every_h: every } });
      steps.forEach((s, i) => {
        if (i > 0 && s.time !== undefined) dropped.push(`regimen.steps.${i}.time`);
        if (s.doses !== undefined) dropped.push(`regimen.steps.${i}.doses`);
        if ((num(s.every_h) ?? 24) !== state.every_h) dropped.push(`regimen.steps.${i}.every_h`);
      });
      state.titration = steps.slice(0, -1).map((s) => ({ dose_mg: roundDose(num(s.dose_mg) ?? DOSE_MIN), days: Math.max(1, Math.round(num(s.days) ?? 7)) }));
      if (last.days !== undefined) dropped.push(`regimen.steps.${steps.length - 1}.days`);
    } else dropped.push('regimen.steps');
    if (Array.isArray(r.missed)) {
      r.missed.forEach((m, i) => {
        if (isRecord(m) && num(m.day) !== undefined && m.time === undefined && m.at_h === undefined) state.missed.push(Math.round(num(m.day)!));
        else dropped.push(`regimen.missed.${i}`);
      });
      state.missed = [...new Set(state.missed)].sort((a, b) => a - b);
    }
    if (r.extra !== undefined) dropped.push('regimen.extra');
    const sd = str(r.start_date);
    if (sd !== undefined) set({ type: 'set', patch: { start_date: sd } });
  } else if (input.events === undefined) dropped.push('dose');
  return { state, dropped };
}

/** Short label of a regimen for legends and lists, e.g. "1.5→3→4.5 mg · 22:00". Numbers are formatted by the caller. */
export function regimenDoses(state: EditorState): number[] {
  return [...state.titration.map((s) => s.dose_mg), state.dose_mg];
}
