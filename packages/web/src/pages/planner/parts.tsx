// Pieces the planner pages share: the evidence-level badge of a source (P, P-SR, L, G, S, U, D,
// planner policy: colour plus words plus a title, never colour alone), a source list with links
// (http(s) only), and one rule result as a card (id, level, title, message, why, evidence, sources).
// Every string from the planner is rendered by React as text.
import type { ReactNode } from 'react';
import { EVIDENCE_TAG_LABELS, EVIDENCE_TAGS, type EvidenceTag, type RuleResult, type RuleSourceOut, type Text } from '@ldn/planner';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { safeHref } from '../../api/client.js';

const TAG_STRENGTH: Record<EvidenceTag, 'high' | 'mid' | 'low' | 'neutral'> = { P: 'high', 'P-SR': 'high', L: 'high', G: 'high', S: 'mid', U: 'low', D: 'neutral', policy: 'low' };

/** The planner's texts are {en, uk}: the reader's language. */
export function useText(): (x: Text | undefined) => string {
  const { lang } = useI18n();
  return (x) => (x === undefined ? '' : lang === 'uk' ? x.uk : x.en);
}

export function TagBadge({ tag }: { tag: string }): ReactNode {
  const { lang } = useI18n();
  const known = (EVIDENCE_TAGS as readonly string[]).includes(tag) ? (tag as EvidenceTag) : undefined;
  const label = known ? EVIDENCE_TAG_LABELS[known][lang] : tag;
  return (
    <span className={`badge level-${known ? TAG_STRENGTH[known] : 'neutral'}`} title={label} data-tag={tag}>
      {known === 'policy' ? label : `${tag} · ${label}`}
    </span>
  );
}

export function SourceList({ sources, testId }: { sources: readonly RuleSourceOut[]; testId?: string }): ReactNode {
  return (
    <ul className="sources" data-testid={testId}>
      {sources.map((s, i) => {
        const href = s.url ? safeHref(s.url) : undefined;
        return (
          <li key={`${s.id}-${s.level}-${i}`} data-source={s.id}>
            <TagBadge tag={s.level} /> <span lang="en">{s.citation}</span>
            {s.note && (
              <span lang="en" className="hint">
                {' '}
                ({s.note})
              </span>
            )}{' '}
            {href && (
              <a href={href} target="_blank" rel="noopener noreferrer" className="source-link">
                {new URL(href).hostname}
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}

const LEVEL_CLASS: Record<string, string> = { block: 'level-low', warn: 'level-mid', info: 'level-neutral', ask: 'level-neutral' };

/** A rule result: its id, what it is, why it applies here, its evidence and sources. */
export function RuleCard({ r, kind, children }: { r: RuleResult; kind: 'block' | 'warn' | 'info' | 'ask' | 'pass'; children?: ReactNode }): ReactNode {
  const { t } = useI18n();
  const tx = useText();
  return (
    <article className={`rule rule-${kind}`} data-rule={r.id} data-kind={kind}>
      <header>
        <span className={`badge ${LEVEL_CLASS[kind] ?? 'level-neutral'}`}>{t(`plan.kind.${kind}` as MessageKey)}</span> <code>{r.id}</code> <strong>{tx(r.title)}</strong>
      </header>
      <p>{tx(r.message)}</p>
      {r.detail && (
        <p className="rule-detail">
          <strong>{t('plan.why')}</strong> {tx(r.detail)}
        </p>
      )}
      {children}
      <details>
        <summary>
          {t('plan.evidenceSources', { evidence: r.evidence, n: String(r.sources.length) })}
        </summary>
        <SourceList sources={r.sources} />
      </details>
    </article>
  );
}

/** The legend of the evidence tags, as the planner defines them. */
export function TagLegend(): ReactNode {
  const { t, lang } = useI18n();
  return (
    <details className="tag-legend">
      <summary>{t('plan.tagLegend')}</summary>
      <dl className="facts">
        {EVIDENCE_TAGS.map((tag) => (
          <div key={tag} style={{ display: 'contents' }}>
            <dt>
              <TagBadge tag={tag} />
            </dt>
            <dd>{EVIDENCE_TAG_LABELS[tag][lang]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
