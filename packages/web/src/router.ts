// Hash routes, so the app works from any static file server (`ldn serve`, `vite preview`) without a
// history fallback, and every view has a link a clinician can bookmark or share:
//   #/simulator  #/simulator/compare  #/simulator/parameters  #/simulator/population
//   #/evidence?condition=endometriosis  #/evidence/studies/smith2011  #/evidence/claims?verdict=differs
//   #/evidence/meta  #/evidence/add
//   #/scenarios  #/planner  #/planner/rules  #/planner/saved
// Parsing is pure and tested; unknown paths fall back to the simulator.

export type SimTab = 'run' | 'compare' | 'parameters' | 'population';
export type PlannerTab = 'plan' | 'rules' | 'saved';

export type Route =
  | { page: 'simulator'; tab: SimTab }
  | { page: 'evidence'; condition?: string }
  | { page: 'study'; id: string }
  | { page: 'claims'; verdict?: string; topic?: string; q?: string }
  | { page: 'scenarios' }
  | { page: 'planner'; tab: PlannerTab }
  | { page: 'meta' }
  | { page: 'addStudy' };

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,119}$/;

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2);
  const parts = pathPart.split('/').filter((p) => p !== '').map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const q = new URLSearchParams(queryPart);
  const opt = (k: string): string | undefined => {
    const v = q.get(k);
    return v === null || v === '' ? undefined : v;
  };
  const [a, b, c] = parts;
  if (a === 'evidence') {
    if (b === 'studies' && c !== undefined && ID.test(c)) return { page: 'study', id: c };
    if (b === 'meta') return { page: 'meta' };
    if (b === 'add') return { page: 'addStudy' };
    if (b === 'claims') {
      const r: Route = { page: 'claims' };
      const verdict = opt('verdict');
      const topic = opt('topic');
      const text = opt('q');
      if (verdict !== undefined) r.verdict = verdict;
      if (topic !== undefined) r.topic = topic;
      if (text !== undefined) r.q = text;
      return r;
    }
    const condition = opt('condition');
    return condition === undefined ? { page: 'evidence' } : { page: 'evidence', condition };
  }
  if (a === 'scenarios') return { page: 'scenarios' };
  if (a === 'planner') return { page: 'planner', tab: b === 'rules' || b === 'saved' ? b : 'plan' };
  if (a === 'simulator' && (b === 'compare' || b === 'parameters' || b === 'population')) return { page: 'simulator', tab: b };
  return { page: 'simulator', tab: 'run' };
}

export function routeHref(route: Route): string {
  const query = (entries: [string, string | undefined][]): string => {
    const q = new URLSearchParams();
    for (const [k, v] of entries) if (v !== undefined && v !== '') q.set(k, v);
    const s = q.toString();
    return s === '' ? '' : `?${s}`;
  };
  switch (route.page) {
    case 'simulator':
      return route.tab === 'run' ? '#/simulator' : `#/simulator/${route.tab}`;
    case 'evidence':
      return `#/evidence${query([['condition', route.condition]])}`;
    case 'study':
      return `#/evidence/studies/${encodeURIComponent(route.id)}`;
    case 'claims':
      return `#/evidence/claims${query([
        ['verdict', route.verdict],
        ['topic', route.topic],
        ['q', route.q],
      ])}`;
    case 'scenarios':
      return '#/scenarios';
    case 'planner':
      return route.tab === 'plan' ? '#/planner' : `#/planner/${route.tab}`;
    case 'meta':
      return '#/evidence/meta';
    case 'addStudy':
      return '#/evidence/add';
  }
}
