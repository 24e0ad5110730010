// The app shell: skip link, header with the navigation and the language switch, the page chosen by
// the hash route, and the footer that repeats the product's rule (a model output is not a clinical
// fact; evidence strength is shown beside every claim). Pages other than the simulator are loaded on
// demand so the first screen only downloads the simulator.
import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { LANGS, useI18n, type Lang, type MessageKey } from './i18n/index.js';
import { parseRoute, routeHref, type Route } from './router.js';
import { useHash } from './state.js';
import { SimulatorPage } from './pages/SimulatorPage.js';

const EvidencePage = lazy(() => import('./pages/EvidencePage.js').then((m) => ({ default: m.EvidencePage })));
const StudyPage = lazy(() => import('./pages/StudyPage.js').then((m) => ({ default: m.StudyPage })));
const ClaimsPage = lazy(() => import('./pages/ClaimsPage.js').then((m) => ({ default: m.ClaimsPage })));
const ScenariosPage = lazy(() => import('./pages/ScenariosPage.js').then((m) => ({ default: m.ScenariosPage })));
const MetaPage = lazy(() => import('./pages/MetaPage.js').then((m) => ({ default: m.MetaPage })));
const AddStudyPage = lazy(() => import('./pages/AddStudyPage.js').then((m) => ({ default: m.AddStudyPage })));
const PlannerPage = lazy(() => import('./pages/planner/PlannerPage.js').then((m) => ({ default: m.PlannerPage })));

const NAV: { key: MessageKey; route: Route; pages: Route['page'][] }[] = [
  { key: 'nav.simulator', route: { page: 'simulator', tab: 'run' }, pages: ['simulator'] },
  { key: 'nav.planner', route: { page: 'planner', tab: 'plan' }, pages: ['planner'] },
  { key: 'nav.evidence', route: { page: 'evidence' }, pages: ['evidence', 'study', 'meta', 'addStudy'] },
  { key: 'nav.claims', route: { page: 'claims' }, pages: ['claims'] },
  { key: 'nav.scenarios', route: { page: 'scenarios' }, pages: ['scenarios'] },
];

function Page({ route }: { route: Route }): ReactNode {
  switch (route.page) {
    case 'simulator':
      return <SimulatorPage tab={route.tab} />;
    case 'evidence':
      return <EvidencePage condition={route.condition} />;
    case 'study':
      return <StudyPage id={route.id} />;
    case 'claims':
      return <ClaimsPage route={route} />;
    case 'scenarios':
      return <ScenariosPage />;
    case 'planner':
      return <PlannerPage tab={route.tab} />;
    case 'meta':
      return <MetaPage />;
    case 'addStudy':
      return <AddStudyPage />;
  }
}

export function App(): ReactNode {
  const { t, lang, setLang } = useI18n();
  const hash = useHash();
  const route = parseRoute(hash);
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // move focus to the new page's content on navigation (not on first load), as a screen reader expects
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [route.page]);

  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>
        {t('app.skip')}
      </a>
      <header className="app-header">
        <div className="inner">
          <a className="brand" href={routeHref({ page: 'simulator', tab: 'run' })}>
            {t('app.title')}
            <small>{t('app.tagline')}</small>
          </a>
          <nav className="app-nav" aria-label={t('nav.label')}>
            <ul>
              {NAV.map((n) => (
                <li key={n.key}>
                  <a href={routeHref(n.route)} aria-current={n.pages.includes(route.page) ? 'page' : undefined}>
                    {t(n.key)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="lang-switch">
            <label htmlFor="lang-select">{t('lang.label')}</label>
            <select id="lang-select" value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="lang-select">
              {LANGS.map((l) => (
                <option key={l} value={l} lang={l}>
                  {t(`lang.${l}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <Page route={route} />
        </Suspense>
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
