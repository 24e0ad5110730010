// The note that stands beside every simulation: a model output is not a clinical fact.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';

export function ModelNote({ paramSet }: { paramSet?: string }): ReactNode {
  const { t } = useI18n();
  return (
    <aside className="model-note" aria-label={t('note.modelTitle')} data-testid="model-note">
      <strong>{t('note.modelTitle')}</strong>
      {t('note.model')}
      {paramSet === 'seed' && <p style={{ margin: '0.3rem 0 0' }}>{t('note.seedSet')}</p>}
    </aside>
  );
}
