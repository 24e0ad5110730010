// The claims ledger: each factual statement of the seed review (Ukrainian original and English
// translation), its verdict against the primary source with what the verdict means, the
// explanation with the numbers, and the discrepancy ids. Filters by verdict and topic go to the API
// (GET /api/evidence/claims?verdict=&topic=) and live in the URL; the text search runs locally.
import type { ReactNode } from 'react';
import { TOPICS, VERDICTS, type Claim, type Verdict } from '@ldn/evidence';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { useAppState } from '../state.js';
import { routeHref, type Route } from '../router.js';
import { useAsync } from '../components/useAsync.js';
import { ApiErrorBox } from '../components/Evidence.js';
import { VerdictBadge } from '../components/Badge.js';

type ClaimsRoute = Extract<Route, { page: 'claims' }>;

function matches(c: Claim, q: string): boolean {
  if (q === '') return true;
  const hay = `${c.id} ${c.text.uk} ${c.text.en} ${c.explanation} ${c.sourceIds.join(' ')} ${c.discrepancyIds.join(' ')}`.toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .every((w) => hay.includes(w));
}

export function ClaimsPage({ route }: { route: ClaimsRoute }): ReactNode {
  const { t, lang } = useI18n();
  const { api } = useAppState();
  const verdict = (VERDICTS as readonly string[]).includes(route.verdict ?? '') ? route.verdict : undefined;
  const topic = (TOPICS as readonly string[]).includes(route.topic ?? '') ? route.topic : undefined;
  const claims = useAsync(() => api.claims({ ...(verdict ? { verdict } : {}), ...(topic ? { topic } : {}) }), [api, verdict, topic]);
  const q = route.q ?? '';
  const go = (patch: Partial<ClaimsRoute>): void => {
    const next: ClaimsRoute = { page: 'claims' };
    const merged = { verdict, topic, q: route.q, ...patch };
    if (merged.verdict) next.verdict = merged.verdict;
    if (merged.topic) next.topic = merged.topic;
    if (merged.q) next.q = merged.q;
    globalThis.history.replaceState(null, '', routeHref(next));
    globalThis.dispatchEvent(new HashChangeEvent('hashchange'));
  };
  const shown = (claims.data ?? []).filter((c) => matches(c, q));
  const counts = new Map<Verdict, number>();
  for (const c of shown) counts.set(c.verdict, (counts.get(c.verdict) ?? 0) + 1);

  return (
    <>
      <h1>{t('claims.title')}</h1>
      <p>{t('claims.intro')}</p>
      <details>
        <summary>{t('claims.meanings')}</summary>
        <dl className="facts">
          {VERDICTS.map((v) => (
            <div key={v} style={{ display: 'contents' }}>
              <dt>
                <VerdictBadge verdict={v} />
              </dt>
              <dd>{t(`verdict.${v}.meaning` as MessageKey)}</dd>
            </div>
          ))}
        </dl>
      </details>
      <form className="filters" role="search" aria-label={t('claims.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="verdict">{t('claims.verdict')}</label>
          <select id="verdict" value={verdict ?? ''} onChange={(e) => go({ verdict: e.target.value || undefined })}>
            <option value="">{t('claims.any')}</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {t(`verdict.${v}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="topic">{t('claims.topic')}</label>
          <select id="topic" value={topic ?? ''} onChange={(e) => go({ topic: e.target.value || undefined })}>
            <option value="">{t('claims.any')}</option>
            {TOPICS.map((x) => (
              <option key={x} value={x}>
                {t(`topic.${x}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="claim-q">{t('claims.search')}</label>
          <input id="claim-q" type="search" value={q} onChange={(e) => go({ q: e.target.value || undefined })} />
        </div>
      </form>
      {claims.loading && <p role="status">{t('common.loading')}</p>}
      {claims.error !== undefined && <ApiErrorBox error={claims.error} onRetry={claims.reload} />}
      {claims.data && (
        <>
          <p role="status" data-testid="claims-count">
            {t('claims.count', { n: String(shown.length) })}{' '}
            {VERDICTS.filter((v) => counts.has(v)).map((v) => (
              <span key={v} style={{ marginRight: '0.4rem' }}>
                <VerdictBadge verdict={v} /> {counts.get(v)}
              </span>
            ))}
          </p>
          {shown.map((c) => (
            <article className="claim" key={c.id} data-claim={c.id} aria-labelledby={`claim-${c.id}`}>
              <header>
                <h2 id={`claim-${c.id}`} style={{ margin: 0, fontSize: '1rem' }}>
                  {c.id}
                </h2>
                <VerdictBadge verdict={c.verdict} />
                <span className="badge level-neutral">{t(`topic.${c.topic}` as MessageKey)}</span>
                {c.citations.length > 0 && <span className="hint">{t('claims.cites', { refs: c.citations.map((x) => `[${x}]`).join('') })}</span>}
              </header>
              <blockquote lang={lang === 'uk' ? 'uk' : 'en'}>{lang === 'uk' ? c.text.uk : c.text.en}</blockquote>
              <details>
                <summary>{lang === 'uk' ? t('claims.translation') : t('claims.original')}</summary>
                <p lang={lang === 'uk' ? 'en' : 'uk'}>{lang === 'uk' ? c.text.en : c.text.uk}</p>
              </details>
              <p>
                <strong>{t('claims.why')}:</strong> <span lang="en">{c.explanation}</span>
              </p>
              <p className="hint">
                {c.discrepancyIds.length > 0 && <>{t('claims.discrepancies', { ids: c.discrepancyIds.join(', ') })} · </>}
                {c.sourceIds.length > 0 && <>{t('claims.sources', { ids: c.sourceIds.join(', ') })}</>}
                {c.studyIds.length > 0 && (
                  <>
                    {' · '}
                    {t('claims.studies')}{' '}
                    {c.studyIds.map((s, i) => (
                      <span key={s}>
                        {i > 0 && ', '}
                        <a href={routeHref({ page: 'study', id: s })}>{s}</a>
                      </span>
                    ))}
                  </>
                )}
              </p>
              {c.flags.length > 0 && (
                <p>
                  {c.flags.map((f) => (
                    <span key={f} className="badge level-mid" style={{ marginRight: '0.3rem' }}>
                      {t(`flag.${f}` as MessageKey)}
                    </span>
                  ))}
                </p>
              )}
            </article>
          ))}
        </>
      )}
    </>
  );
}
