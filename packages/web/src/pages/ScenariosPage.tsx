// Saved scenarios (GET /api/scenarios): each with its name, notes, dates and the regimen in words;
// open one into the simulator (what the editor cannot show is listed, not silently dropped) or
// delete it after a confirmation. Names and notes are user text, rendered as text.
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { useAppState } from '../state.js';
import { routeHref } from '../router.js';
import { useAsync } from '../components/useAsync.js';
import { ApiErrorBox } from '../components/Evidence.js';
import { fromRequest } from '../sim/editor.js';
import { describeRegimen } from '../sim/describe.js';
import type { Scenario } from '../api/client.js';
import { ConfirmDelete } from '../components/ConfirmDelete.js';

export function ScenariosPage(): ReactNode {
  const i18n = useI18n();
  const { t } = i18n;
  const { api, dispatch, setScenario } = useAppState();
  const list = useAsync(() => api.scenarios(), [api]);
  const [message, setMessage] = useState<string>('');
  const [warning, setWarning] = useState<string[]>([]);

  const open = (s: Scenario): void => {
    const { state, dropped } = fromRequest(s.request);
    dispatch({ type: 'replace', state });
    setScenario({ id: s.id, name: s.name, notes: s.notes });
    if (dropped.length > 0) {
      setWarning(dropped);
      return;
    }
    globalThis.location.hash = routeHref({ page: 'simulator', tab: 'run' });
  };

  const remove = async (s: Scenario): Promise<void> => {
    try {
      await api.deleteScenario(s.id);
      setMessage(t('scenarios.deleted', { name: s.name }));
      list.reload();
    } catch (e) {
      setMessage(t('save.failed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <>
      <h1>{t('scenarios.title')}</h1>
      <p>{t('scenarios.intro')}</p>
      <p role="status" data-testid="scenarios-status">
        {message}
      </p>
      {warning.length > 0 && (
        <div className="info" role="alert">
          <p>{t('scenarios.dropped', { fields: warning.join(', ') })}</p>
          <a href={routeHref({ page: 'simulator', tab: 'run' })}>{t('scenarios.continue')}</a>
        </div>
      )}
      {list.loading && <p role="status">{t('common.loading')}</p>}
      {list.error !== undefined && <ApiErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && list.data.length === 0 && <p className="info">{t('scenarios.empty')}</p>}
      {list.data && list.data.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0 }} data-testid="scenario-list">
          {list.data.map((s) => (
            <li key={s.id} className="scenario" data-scenario={s.id}>
              <h2 style={{ fontSize: '1.05rem', margin: '0 0 0.3rem' }}>{s.name}</h2>
              <p className="hint">
                {describeRegimen(fromRequest(s.request).state, i18n)}
                {s.updated_at !== undefined || s.created_at !== undefined ? ` · ${t('scenarios.saved', { when: i18n.dateTime((s.updated_at ?? s.created_at)!) })}` : ''}
              </p>
              {s.notes !== '' && <p className="notes-text">{s.notes}</p>}
              <div className="actions">
                <button type="button" className="primary" onClick={() => open(s)} aria-label={t('scenarios.openNamed', { name: s.name })}>
                  {t('scenarios.open')}
                </button>
                <ConfirmDelete name={s.name} onDelete={() => remove(s)} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
