// Hash routes: every view has a link, unknown paths fall back to the simulator, and hrefs parse back.
import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from '../src/router.js';

describe('routes', () => {
  it('parses each view', () => {
    expect(parseRoute('')).toEqual({ page: 'simulator', tab: 'run' });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'simulator', tab: 'run' });
    expect(parseRoute('#/simulator/compare')).toEqual({ page: 'simulator', tab: 'compare' });
    expect(parseRoute('#/simulator/population')).toEqual({ page: 'simulator', tab: 'population' });
    expect(parseRoute('#/evidence?condition=endometriosis')).toEqual({ page: 'evidence', condition: 'endometriosis' });
    expect(parseRoute('#/evidence/studies/smith2011')).toEqual({ page: 'study', id: 'smith2011' });
    expect(parseRoute('#/evidence/studies/<script>')).toEqual({ page: 'evidence' });
    expect(parseRoute('#/evidence/claims?verdict=differs&q=half%20life')).toEqual({ page: 'claims', verdict: 'differs', q: 'half life' });
    expect(parseRoute('#/scenarios')).toEqual({ page: 'scenarios' });
    expect(parseRoute('#/planner')).toEqual({ page: 'planner', tab: 'plan' });
    expect(parseRoute('#/planner/rules')).toEqual({ page: 'planner', tab: 'rules' });
    expect(parseRoute('#/planner/nowhere')).toEqual({ page: 'planner', tab: 'plan' });
    expect(parseRoute('#/evidence/meta')).toEqual({ page: 'meta' });
    expect(parseRoute('#/evidence/add')).toEqual({ page: 'addStudy' });
  });

  it('routeHref and parseRoute are inverse', () => {
    const routes: Route[] = [
      { page: 'simulator', tab: 'run' },
      { page: 'simulator', tab: 'parameters' },
      { page: 'simulator', tab: 'population' },
      { page: 'evidence' },
      { page: 'evidence', condition: 'crohns-disease' },
      { page: 'study', id: 'cochrane-cd010410' },
      { page: 'claims', verdict: 'unsupported', topic: 'mechanism', q: 'β-endorphin 300%' },
      { page: 'scenarios' },
      { page: 'planner', tab: 'plan' },
      { page: 'planner', tab: 'saved' },
      { page: 'meta' },
      { page: 'addStudy' },
    ];
    for (const r of routes) expect(parseRoute(routeHref(r))).toEqual(r);
  });
});
