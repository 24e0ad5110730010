// Saved plans (GET /api/saved-plans): name, condition, start, when saved and the notes; open one
// (its output as it was saved, with the form filled from its request), its printable page and
// calendar file, or delete it after a confirmation. Names and notes are user text, shown as text.
import { useState, type ReactNode } from 'react';
import { conditionLabel, resolvePlannerCondition } from '@ldn/planner';
import { useI18n } from '../../i18n/index.js';
import { useAppState } from '../../state.js';
import { useAsync } from '../../components/useAsync.js';
import { ApiErrorBox } from '../../components/Evidence.js';
import type { SavedPlan, SavedPlanSummary } from '../../api/client.js';
import { useText } from './parts.js';
import { ConfirmDelete } from '../../components/ConfirmDelete.js';

export function SavedPlansTab({ onOpen }: { onOpen: (s: SavedPlan) => void }): ReactNode {
  const i18n = useI18n();
  const { t } = i18n;
  const tx = useText();
  const { api } = useAppState();
  const list = useAsync(() => api.savedPlans(), [api]);
  const [message, setMessage] = useState('');

  const describe = (s: SavedPlanSummary): string => {
    const c = typeof s.request.condition === 'string' ? resolvePlannerCondition(s.request.condition) : undefined;
    const parts = [c ? tx(conditionLabel(c)) : String(s.request.condition ?? ''), typeof s.request.start === 'string' ? t('plan.from', { date: i18n.date(s.request.start) }) : ''];
    if (s.created_at) parts.push(t('scenarios.saved', { when: i18n.dateTime(s.created_at) }));
    return parts.filter((p) => p !== '').join(' · ');
  };
  const open = async (s: SavedPlanSummary): Promise<void> => {
    try {
      onOpen(await api.savedPlan(s.id));
    } catch (e) {
      setMessage(t('save.failed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };
  const remove = async (s: SavedPlanSummary): Promise<void> => {
    try {
      await api.deleteSavedPlan(s.id);
      setMessage(t('scenarios.deleted', { name: s.name }));
      list.reload();
    } catch (e) {
      setMessage(t('save.failed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <div data-testid="saved-plans">
      <p>{t('plan.savedIntro')}</p>
      <p role="status" data-testid="saved-plans-status">
        {message}
      </p>
      {list.loading && <p role="status">{t('common.loading')}</p>}
      {list.error !== undefined && <ApiErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && list.data.length === 0 && <p className="info">{t('plan.savedEmpty')}</p>}
      {list.data && list.data.length > 0 && (
        <ul className="plain-list" data-testid="saved-plan-list">
          {list.data.map((s) => (
            <li key={s.id} className="scenario" data-saved-plan={s.id}>
              <h2 className="item-title">{s.name}</h2>
              <p className="hint">{describe(s)}</p>
              {s.notes !== '' && <p className="notes-text">{s.notes}</p>}
              <div className="actions">
                <button type="button" className="primary" onClick={() => void open(s)} aria-label={t('plan.openNamed', { name: s.name })}>
                  {t('scenarios.open')}
                </button>
                <a className="button" href={`/api/saved-plans/${encodeURIComponent(s.id)}?format=html`} target="_blank" rel="noopener" aria-label={t('plan.printNamed', { name: s.name })}>
                  {t('plan.print')}
                </a>
                <a className="button" href={`/api/saved-plans/${encodeURIComponent(s.id)}?format=ics`} download aria-label={t('plan.icsNamed', { name: s.name })}>
                  {t('plan.ics')}
                </a>
                <ConfirmDelete name={s.name} onDelete={() => remove(s)} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
