// The simulator: a regimen editor beside the live result (on a phone: the basics, the result, then
// the rest of the editor) (re-simulated in the worker on every
// change), a side-by-side comparison of several regimens, and the parameter table with sources.
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { routeHref, type SimTab } from '../router.js';
import { useAppState } from '../state.js';
import { toRequest } from '../sim/editor.js';
import { describeRegimen } from '../sim/describe.js';
import type { ViewResult } from '../sim/core.js';
import type { SimError } from '../sim/client.js';
import { RegimenBasics, RegimenMore } from './sim/RegimenEditor.js';
import { Results } from './sim/Results.js';
import { SaveScenario } from './sim/SaveScenario.js';
import { CompareTab } from './sim/CompareTab.js';
import { ParametersTab } from './sim/ParametersTab.js';

// the population page brings the cohort code and its worker: loaded when opened
const PopulationTab = lazy(() => import('./sim/PopulationTab.js').then((m) => ({ default: m.PopulationTab })));

const TABS: { tab: SimTab; key: MessageKey }[] = [
  { tab: 'run', key: 'sim.tab.run' },
  { tab: 'compare', key: 'sim.tab.compare' },
  { tab: 'population', key: 'sim.tab.population' },
  { tab: 'parameters', key: 'sim.tab.parameters' },
];

function RunTab(): ReactNode {
  const i18n = useI18n();
  const { t } = i18n;
  const { editor, sim } = useAppState();
  const request = useMemo(() => toRequest(editor), [editor]);
  const [shown, setShown] = useState<{ result: ViewResult; id: number; ms: number; description: string } | undefined>();
  // the description of each request in flight, so the heading always matches the figures shown
  const described = useRef(new Map<number, string>());
  const [error, setError] = useState<SimError | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    sim.onSimulate = (o) => {
      const description = described.current.get(o.id) ?? '';
      for (const k of described.current.keys()) if (k <= o.id) described.current.delete(k);
      if (o.result) {
        setShown({ result: o.result, id: o.id, ms: o.roundTrip_ms, description });
        setError(undefined);
      } else if (o.error) setError(o.error);
      setBusy(o.superseded);
    };
    return () => {
      sim.onSimulate = undefined;
    };
  }, [sim]);

  const description = useMemo(() => describeRegimen(editor, i18n), [editor, i18n]);
  useEffect(() => {
    setBusy(true);
    const id = sim.simulate(request);
    described.current.set(id, description);
  }, [sim, request, description]);

  return (
    <div className="sim-layout">
      <RegimenBasics />
      <div className="area-results">
        {error && (
          <div className="alert" role="alert" data-testid="sim-error">
            <strong>{t('sim.error')}</strong> {error.message}
            {error.field !== undefined && <span className="hint"> ({t('sim.errorField', { field: error.field })})</span>}
            {shown && <p className="hint">{t('sim.staleResult')}</p>}
          </div>
        )}
        <p className="status-line" data-testid="sim-status" data-busy={busy ? 'true' : 'false'}>
          {shown ? t('sim.timing', { compute: i18n.num(shown.result.compute_ms, 1), total: i18n.num(shown.ms, 1) }) : t('common.loading')}
        </p>
        {shown && <Results r={shown.result} requestId={shown.id} description={shown.description} />}
      </div>
      <RegimenMore />
      <div className="area-save">
        <SaveScenario />
      </div>
    </div>
  );
}

export function SimulatorPage({ tab }: { tab: SimTab }): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('sim.title')}</h1>
      <p className="hint">{t('sim.intro')}</p>
      <nav className="tabs" aria-label={t('sim.tabs')}>
        {TABS.map((x) => (
          <a key={x.tab} href={routeHref({ page: 'simulator', tab: x.tab })} aria-current={x.tab === tab ? 'page' : undefined}>
            {t(x.key)}
          </a>
        ))}
      </nav>
      {tab === 'run' && <RunTab />}
      {tab === 'compare' && <CompareTab />}
      {tab === 'parameters' && <ParametersTab />}
      {tab === 'population' && (
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <PopulationTab />
        </Suspense>
      )}
    </>
  );
}
