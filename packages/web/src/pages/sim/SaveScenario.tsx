// Saves the regimen being edited as a named scenario on the server (POST /api/scenarios), or saves
// changes to the scenario it was opened from (PUT). Names and notes are user text: React renders
// them as text everywhere, never as markup.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n/index.js';
import { useAppState } from '../../state.js';
import { toRequest } from '../../sim/editor.js';
import { ApiError } from '../../api/client.js';

export const NAME_MAX = 120;
export const NOTES_MAX = 2000;

export function SaveScenario(): ReactNode {
  const { t } = useI18n();
  const { editor, api, scenario, setScenario } = useAppState();
  const [name, setName] = useState('');
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();

  const save = async (mode: 'new' | 'update'): Promise<void> => {
    const n = (mode === 'update' && scenario ? scenario.name : name).trim();
    if (n === '') {
      setMessage({ kind: 'error', text: t('save.nameRequired') });
      return;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      // saving changes keeps the scenario's notes unless new ones were typed
      const input = { name: n, request: toRequest(editor), notes: mode === 'update' && scenario && notes.trim() === '' ? scenario.notes : notes.trim() };
      const saved = mode === 'update' && scenario ? await api.updateScenario(scenario.id, input) : await api.saveScenario(input);
      setScenario({ id: saved.id, name: saved.name, notes: saved.notes });
      setMessage({ kind: 'ok', text: t('save.saved', { name: saved.name }) });
      if (mode === 'new') setName('');
    } catch (e) {
      const text = e instanceof ApiError && e.code === 'network' ? t('api.unreachable') : e instanceof Error ? e.message : String(e);
      setMessage({ kind: 'error', text: t('save.failed', { reason: text }) });
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    void save('new');
  };

  return (
    <form onSubmit={onSubmit} aria-labelledby="save-h" data-testid="save-scenario">
      <fieldset>
        <legend id="save-h">{t('save.title')}</legend>
        {scenario && (
          <p className="hint">
            {t('save.openedFrom')} <strong>{scenario.name}</strong>{' '}
            <button type="button" onClick={() => void save('update')} disabled={busy}>
              {t('save.update')}
            </button>
          </p>
        )}
        <div className="field">
          <label htmlFor="scenario-name">{t('save.name')}</label>
          <input id="scenario-name" type="text" value={name} maxLength={NAME_MAX} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="scenario-notes">{t('save.notes')}</label>
          <textarea id="scenario-notes" rows={2} value={notes} maxLength={NOTES_MAX} onChange={(e) => setNotes(e.target.value)} />
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {t('save.submit')}
        </button>
        <p role="status" className={message?.kind === 'error' ? 'alert' : undefined} data-testid="save-status">
          {message?.text ?? ''}
        </p>
      </fieldset>
    </form>
  );
}
