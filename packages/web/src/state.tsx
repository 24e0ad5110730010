// App-wide state shared by the pages: the regimen being edited (kept across pages and reloads in
// localStorage, so a clinician who looks up the evidence comes back to the same regimen), the list
// of regimens to compare, the simulation worker and the API client.
import { createContext, useContext, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { ApiClient } from './api/client.js';
import { createSimWorker, SimClient, type WorkerLike } from './sim/client.js';
import { DEFAULT_STATE, editorReducer, fromRequest, toRequest, type EditorAction, type EditorState } from './sim/editor.js';
import { createPopulationWorker, type PopulationWorkerLike } from './population/runner.js';

export interface CompareEntry {
  key: number;
  label: string;
  state: EditorState;
}

export interface OpenScenario {
  id: string;
  name: string;
  notes: string;
}

export const MAX_COMPARE = 6;
const EDITOR_KEY = 'ldn.editor';
const COMPARE_KEY = 'ldn.compare';

export interface AppState {
  editor: EditorState;
  dispatch: (action: EditorAction) => void;
  compare: CompareEntry[];
  setCompare: (next: CompareEntry[]) => void;
  sim: SimClient;
  api: ApiClient;
  /** the scenario the editor was last loaded from or saved as */
  scenario: OpenScenario | undefined;
  setScenario: (s: OpenScenario | undefined) => void;
  /** makes a virtual-population worker (a Web Worker; tests pass one that runs in the page) */
  populationWorker: () => PopulationWorkerLike;
}

const Ctx = createContext<AppState | undefined>(undefined);

function loadEditor(): EditorState {
  try {
    const raw = globalThis.localStorage?.getItem(EDITOR_KEY);
    if (raw) return fromRequest(JSON.parse(raw) as unknown).state;
  } catch {
    /* a damaged saved state falls back to the default */
  }
  return DEFAULT_STATE;
}

function loadCompare(): CompareEntry[] {
  try {
    const raw = globalThis.localStorage?.getItem(COMPARE_KEY);
    if (!raw) return [];
    const list = JSON.parse(raw) as unknown;
    if (!Array.isArray(list)) return [];
    return list.slice(0, MAX_COMPARE).flatMap((x: unknown, i) => {
      if (typeof x !== 'object' || x === null) return [];
      const { label, request } = x as { label?: unknown; request?: unknown };
      if (typeof label !== 'string') return [];
      return [{ key: i + 1, label: label.slice(0, 80), state: fromRequest(request).state }];
    });
  } catch {
    return [];
  }
}

export function AppStateProvider({ children, worker, api, populationWorker }: { children: ReactNode; worker?: () => WorkerLike; api?: ApiClient; populationWorker?: () => PopulationWorkerLike }): ReactNode {
  const [editor, dispatch] = useReducer(editorReducer, undefined, loadEditor);
  const [compare, setCompare] = useState<CompareEntry[]>(loadCompare);
  const [scenario, setScenario] = useState<OpenScenario | undefined>(undefined);
  const simRef = useRef<SimClient | null>(null);
  simRef.current ??= new SimClient((worker ?? createSimWorker)());
  const apiRef = useRef<ApiClient | null>(null);
  apiRef.current ??= api ?? new ApiClient();

  useEffect(() => {
    try {
      globalThis.localStorage?.setItem(EDITOR_KEY, JSON.stringify(toRequest(editor)));
    } catch {
      /* storage full or disabled */
    }
  }, [editor]);
  useEffect(() => {
    try {
      globalThis.localStorage?.setItem(COMPARE_KEY, JSON.stringify(compare.map((c) => ({ label: c.label, request: toRequest(c.state) }))));
    } catch {
      /* storage full or disabled */
    }
  }, [compare]);
  // the worker lives as long as the page (no cleanup: React's development double-mount would kill it)

  const value = useMemo<AppState>(
    () => ({ editor, dispatch, compare, setCompare, sim: simRef.current!, api: apiRef.current!, scenario, setScenario, populationWorker: populationWorker ?? createPopulationWorker }),
    [editor, compare, scenario, populationWorker],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAppState(): AppState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAppState outside AppStateProvider');
  return v;
}

/** The current location hash, kept in React state. */
export function useHash(): string {
  const [hash, setHash] = useState(() => globalThis.location?.hash ?? '');
  useEffect(() => {
    const on = (): void => setHash(globalThis.location.hash);
    globalThis.addEventListener('hashchange', on);
    return () => globalThis.removeEventListener('hashchange', on);
  }, []);
  return hash;
}
