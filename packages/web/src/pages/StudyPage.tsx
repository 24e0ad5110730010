// One study: design, population, conditions, evidence level and indirectness; its sources with
// identifiers and links; its arms; every number with its status and where it comes from (source and
// place, or the derivation); the study's own forest plot; the consistency checks; and the seed
// claims that rest on it. From GET /api/evidence/studies/{id}.
import { useMemo, useState, type ReactNode } from 'react';
import { walkNumbers, type NumberValue, type Source } from '@ldn/evidence';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { useAppState } from '../state.js';
import { routeHref } from '../router.js';
import { useAsync } from '../components/useAsync.js';
import { ApiErrorBox, NumberView } from '../components/Evidence.js';
import { StatusBadge, StudyLevelBadge } from '../components/Badge.js';
import { safeHref } from '../api/client.js';
import { conditionLabel, ForestSection } from './EvidencePage.js';
import { ConfirmDelete } from '../components/ConfirmDelete.js';
import { Rec } from '../components/Rec.js';
import { studyTexts } from '../evidence/study-text.js';
import { describeNumber, pathText } from '../evidence/number-field.js';

function SourceItem({ s }: { s: Source }): ReactNode {
  const { t } = useI18n();
  const links: { href: string; text: string }[] = [];
  if (s.doi) links.push({ href: `https://doi.org/${encodeURI(s.doi)}`, text: `doi:${s.doi}` });
  if (s.pmid) links.push({ href: `https://pubmed.ncbi.nlm.nih.gov/${s.pmid}/`, text: `PMID ${s.pmid}` });
  if (s.pmcid) links.push({ href: `https://pmc.ncbi.nlm.nih.gov/articles/${s.pmcid}/`, text: s.pmcid });
  for (const u of s.urls) {
    const href = safeHref(u);
    if (href) links.push({ href, text: u.replace(/^https?:\/\//, '').slice(0, 60) });
  }
  return (
    <li data-source={s.id}>
      <code>{s.id}</code> <span className="badge level-neutral">{t(`skind.${s.kind}` as MessageKey)}</span> <span lang="en">{s.citation}</span>
      {(s.registryIds ?? []).length > 0 && <span> · {(s.registryIds ?? []).join(', ')}</span>}
      {links.length > 0 && (
        <div>
          {links.map((l) => (
            <a key={l.href} href={l.href} target="_blank" rel="noopener noreferrer" style={{ marginRight: '0.6rem' }}>
              {l.text}
            </a>
          ))}
        </div>
      )}
    </li>
  );
}

export function StudyPage({ id }: { id: string }): ReactNode {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { api } = useAppState();
  const detail = useAsync(() => api.study(id), [api, id]);
  const d = detail.data;
  const [deleteError, setDeleteError] = useState<string | undefined>();
  // shipped records are written in English; a user's record is in whatever language they wrote it
  const recordLang = d?.origin === 'user' ? undefined : 'en';
  const tx = d ? studyTexts(lang, d.study) : undefined;
  // every number with its path, in the order of `ldn evidence show` (the same walk)
  const numberRows = useMemo(() => {
    const rows: { path: readonly PropertyKey[]; number: NumberValue }[] = [];
    if (d) walkNumbers(d.study, (number, path) => rows.push({ path, number }));
    return rows;
  }, [d]);

  return (
    <>
      <p>
        <a href={routeHref({ page: 'evidence' })}>← {t('study.back')}</a>
      </p>
      {detail.loading && <p role="status">{t('common.loading')}</p>}
      {detail.error !== undefined && <ApiErrorBox error={detail.error} onRetry={detail.reload} />}
      {d && (
        <article data-testid="study-detail">
          <h1>
            {d.study.label} <StudyLevelBadge level={d.study.evidenceLevel} />
          </h1>
          {d.origin === 'user' && (
            <div className="info" data-testid="study-user">
              <p style={{ margin: 0 }}>
                <span className="badge level-mid">{t('study.addedByUser')}</span> {t('study.addedByUserHint')}
              </p>
              <div className="actions">
                <ConfirmDelete
                  name={d.study.label}
                  onDelete={async () => {
                    try {
                      await api.deleteStudy(d.study.id);
                      window.location.hash = routeHref({ page: 'evidence' });
                    } catch (e) {
                      setDeleteError(e instanceof Error ? e.message : String(e));
                    }
                  }}
                />
              </div>
              {deleteError !== undefined && (
                <p role="alert" className="field-error">
                  {t('study.deleteFailed', { reason: deleteError })}
                </p>
              )}
            </div>
          )}
          {d.study.title !== undefined && <p lang={recordLang}>{d.study.title}</p>}
          {lang !== 'en' && d.origin !== 'user' && <p className="hint">{t('common.recordsTranslated')}</p>}
          <dl className="facts">
            <dt>{t('study.design')}</dt>
            <Rec as="dd" t={tx!.design()} />
            <dt>{t('study.status')}</dt>
            <dd>{t(`studyStatus.${d.study.status}` as MessageKey)}</dd>
            <dt>{t('study.conditions')}</dt>
            <dd>{d.study.conditions.map((c) => conditionLabel(c, lang)).join(', ')}</dd>
            <dt>{t('study.population')}</dt>
            <Rec as="dd" t={tx!.population()} />
            {(d.study.duration !== undefined || d.study.durationText !== undefined) && (
              <>
                <dt>{t('study.duration')}</dt>
                <dd>
                  {d.study.duration !== undefined && <NumberView n={d.study.duration} />} {d.study.durationText !== undefined && <span lang={recordLang}>{d.study.durationText}</span>}
                </dd>
              </>
            )}
            <dt>{t('study.seed')}</dt>
            <dd>{d.study.seedRefs.length > 0 ? d.study.seedRefs.map((r) => `[${r}]`).join(' ') : t(`seedMention.${d.study.seedMention}` as MessageKey)}</dd>
            {d.study.registryIds.length > 0 && (
              <>
                <dt>{t('study.registry')}</dt>
                <dd>{d.study.registryIds.join(', ')}</dd>
              </>
            )}
          </dl>

          {d.study.indirectness.length > 0 && (
            <section className="info" aria-labelledby="ind-h">
              <h2 id="ind-h">{t('study.indirectness')}</h2>
              <ul>
                {d.study.indirectness.map((x, i) => (
                  <li key={i}>
                    <strong>{t(`indirect.${x.domain}` as MessageKey)}:</strong> <span lang={recordLang}>{x.reason}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <h2>{t('study.sources')}</h2>
          <ul>{d.sources.map((s, i) => (s ? <SourceItem key={s.id} s={s} /> : <li key={i}>—</li>))}</ul>

          <h2>{t('study.arms')}</h2>
          {d.study.arms.length === 0 ? (
            <p>{t('study.noArms')}</p>
          ) : (
            <ul>
              {d.study.arms.map((a) => (
                <li key={a.id}>
                  <strong>
                    <Rec t={tx!.armLabel(a.id)} />
                  </strong>{' '}
                  <code>{a.id}</code>: <Rec t={tx!.intervention(a.id)} />
                  {a.n !== undefined && (
                    <>
                      {' · n = '}
                      <NumberView n={a.n} />
                    </>
                  )}
                  {a.note !== undefined && <div className="hint" lang={recordLang}>{a.note}</div>}
                </li>
              ))}
            </ul>
          )}

          <h2>{t('study.numbers', { n: String(numberRows.length) })}</h2>
          <p className="hint">{t('study.numbersHint')}</p>
          <div className="scroll-x">
            <table data-testid="numbers-table">
              <thead>
                <tr>
                  <th scope="col">{t('study.col.field')}</th>
                  <th scope="col">{t('study.col.value')}</th>
                  <th scope="col">{t('study.col.status')}</th>
                  <th scope="col">{t('study.col.source')}</th>
                </tr>
              </thead>
              <tbody>
                {numberRows.map(({ path, number: n }, i) => (
                  <tr key={i} data-path={pathText(path)}>
                    <td>
                      {describeNumber(d.study, path, i18n)}
                      <div className="hint">
                        <code>{pathText(path)}</code>
                      </div>
                    </td>
                    <td className="num">{n.status === 'not_found' ? '—' : <NumberView n={n} badge={false} />}</td>
                    <td>
                      <StatusBadge status={n.status} />
                    </td>
                    <td lang="en">
                      {n.status === 'confirmed' && (
                        <>
                          <code>{n.source}</code> ({t(`where.${n.where}` as MessageKey)}
                          {n.locator !== undefined ? `, ${n.locator}` : ''})
                        </>
                      )}
                      {n.status === 'derived' && n.method}
                      {n.status === 'not_found' && (n.claimedElsewhere !== undefined ? `${t('study.claimedElsewhere')}: ${n.claimedElsewhere}` : t('status.not_found.title'))}
                      {n.note !== undefined && <div className="hint">{n.note}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <ForestSection studies={[d.study]} />

          <h2>{t('study.checks')}</h2>
          {d.findings.length === 0 ? (
            <p>{t('study.noChecks')}</p>
          ) : (
            <ul>
              {d.findings.map((f, i) => (
                <li key={i} data-severity={f.severity}>
                  <span className={`badge ${f.severity === 'error' ? 'level-low' : f.severity === 'warning' ? 'level-mid' : 'level-neutral'}`}>{t(`severity.${f.severity}` as MessageKey)}</span> <code>{f.check}</code>: <span lang="en">{f.message}</span>
                </li>
              ))}
            </ul>
          )}

          {d.claims.length > 0 && (
            <>
              <h2>{t('study.claims')}</h2>
              <ul>
                {d.claims.map((c) => (
                  <li key={c}>
                    <a href={routeHref({ page: 'claims', q: c })}>{c}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
          {d.study.notes.length > 0 && (
            <>
              <h2>{t('study.notes')}</h2>
              <ul lang={recordLang}>
                {d.study.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </>
          )}
        </article>
      )}
    </>
  );
}
