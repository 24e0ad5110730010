// Every safety rule of the planner (GET /api/plans/rules), by group: its id, the levels it can
// trip at, what it says, the evidence level and every source with its own level and link.
import type { ReactNode } from 'react';
import type { RuleListing } from '@ldn/planner';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { useAppState } from '../../state.js';
import { useAsync } from '../../components/useAsync.js';
import { ApiErrorBox } from '../../components/Evidence.js';
import { SourceList, TagLegend, useText } from './parts.js';

const GROUPS = ['opioids', 'titration', 'compounding', 'safety'] as const;
const LEVEL_CLASS: Record<string, string> = { block: 'level-low', warn: 'level-mid', info: 'level-neutral' };

export function RulesTab(): ReactNode {
  const { t, lang } = useI18n();
  const tx = useText();
  const { api } = useAppState();
  const rules = useAsync(() => api.planRules(lang), [api, lang]);
  const byGroup = (g: string): RuleListing[] => (rules.data ?? []).filter((r) => r.group === g);
  return (
    <div data-testid="plan-rules">
      <p>{t('plan.rulesIntro')}</p>
      {lang !== 'en' && <p className="hint">{t('plan.citationsInEnglish')}</p>}
      <TagLegend />
      {rules.loading && <p role="status">{t('common.loading')}</p>}
      {rules.error !== undefined && <ApiErrorBox error={rules.error} onRetry={rules.reload} />}
      {rules.data &&
        GROUPS.map((g) => (
          <section key={g} aria-labelledby={`rules-${g}`}>
            <h2 id={`rules-${g}`}>{t(`plan.group.${g}` as MessageKey)}</h2>
            {byGroup(g).map((r) => (
              <article className="rule" key={r.id} data-rule={r.id}>
                <header>
                  <code>{r.id}</code> <strong>{tx(r.title)}</strong>{' '}
                  {r.levels.map((l) => (
                    <span key={l} className={`badge ${LEVEL_CLASS[l] ?? 'level-neutral'}`}>
                      {t(`plan.kind.${l}` as MessageKey)}
                    </span>
                  ))}
                </header>
                <p>{tx(r.message)}</p>
                <p className="hint">{t('plan.ruleEvidence', { evidence: r.evidence })}</p>
                <details>
                  <summary>{t('plan.sourcesN', { n: String(r.sources.length) })}</summary>
                  <SourceList sources={r.sources} />
                </details>
              </article>
            ))}
          </section>
        ))}
    </div>
  );
}
