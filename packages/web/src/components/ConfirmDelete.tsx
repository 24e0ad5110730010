// "Delete" that asks once more before deleting, for every saved item (scenarios, meta-analyses,
// plans): one place for the wording, the focus order and the accessible names.
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';

export function ConfirmDelete({ name, onDelete }: { name: string; onDelete: () => void | Promise<void> }): ReactNode {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="danger" onClick={() => setConfirming(true)} aria-label={t('scenarios.deleteNamed', { name })}>
        {t('scenarios.delete')}
      </button>
    );
  }
  return (
    <>
      <span>{t('scenarios.confirm', { name })}</span>
      <button type="button" className="danger" onClick={() => void onDelete()}>
        {t('scenarios.confirmYes')}
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        {t('common.cancel')}
      </button>
    </>
  );
}
