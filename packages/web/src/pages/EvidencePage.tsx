// Studies by condition, each with its evidence level, participants, LDN dose and how many of its
// numbers are confirmed, derived or not found; then the condition's forest plots (effects as the
// studies report them, never pooled). Data come from GET /api/evidence/studies, which includes the
// studies users added, so every string from a record is rendered as text (React escapes it) or
// inside the escaped SVG of @ldn/figures.
import { useMemo, type ReactNode } from 'react';
import { CONDITION_LABELS, CONDITIONS, type Condition, type NumberValue, type Study } from '@ldn/evidence';
import { forestPlot } from '@ldn/figures';
import { useI18n, type I18n, type MessageKey } from '../i18n/index.js';
import { useAppState } from '../state.js';
import { routeHref } from '../router.js';
import { useAsync } from '../components/useAsync.js';
import { ApiErrorBox, countStatuses, NumberView } from '../components/Evidence.js';
import { StudyLevelBadge } from '../components/Badge.js';
import { SvgFigure } from '../components/SvgFigure.js';
import { clip, forestGroups, type ForestGroup } from '../evidence/forest.js';
import { countsCsv, setMetaDraft } from '../evidence/meta-draft.js';
import { timepointText, translatedName } from '../evidence/study-text.js';
import { Rec } from '../components/Rec.js';

export function conditionLabel(c: string, lang: string): string {
  const l = CONDITION_LABELS[c as Condition];
  return l ? (lang === 'uk' ? l.uk : l.en) : c;
}

function mainN(s: Study): { n: NumberValue; what: MessageKey } | undefined {
  const f = s.flow;
  const pick: [NumberValue | undefined, MessageKey][] = [
    [f.studies, 'evidence.n.studies'],
    [f.enrolled, 'evidence.n.enrolled'],
    [f.randomized, 'evidence.n.randomized'],
    [f.analysed, 'evidence.n.analysed'],
  ];
  if (s.evidenceLevel !== 'systematic_review') pick.push(pick.shift()!);
  for (const [n, what] of pick) if (n !== undefined) return { n, what };
  return undefined;
}

function mainDose(s: Study): NumberValue | undefined {
  const arm = s.arms.find((a) => a.dose !== undefined && (a.role === 'ldn' || a.role === 'naltrexone'));
  return arm?.dose?.perDay ?? arm?.dose?.max ?? arm?.dose?.min;
}

const MEASURE_KEYS: Record<string, MessageKey> = {
  RR: 'measure.RR',
  OR: 'measure.OR',
  RD: 'measure.RD',
  MD: 'measure.MD',
  SMD: 'measure.SMD',
  cohen_d: 'measure.cohen_d',
  effect_size: 'measure.effect_size',
  median_difference: 'measure.median_difference',
  percent_difference: 'measure.percent_difference',
};

/** The SVG of one forest group, with columns and labels in the reader's language. */
export function forestSvg(g: ForestGroup, i18n: I18n): string {
  const { t } = i18n;
  // the figure's columns have fixed widths: long texts are shortened here and given in full in the table under it
  const svg = forestPlot({
    rows: g.entries.map((e) => ({
      label: clip(e.studyLabel, 34),
      estimate: e.estimate,
      ciLower: e.ciLower,
      ciUpper: e.ciUpper,
      cells: [clip(translatedName(i18n.lang, e.studyId, 'outcome', e.outcomeId, e.outcome).text, 20), clip(t(`level.${e.evidenceLevel}` as MessageKey), 20), clip(t(`origin.${e.origin}` as MessageKey), 18)],
    })),
    columns: [t('forest.col.outcome'), t('forest.col.level'), t('forest.col.origin')],
    scale: g.scale,
    // the abbreviation: the full name is the heading above the figure, and long names overrun the CI column
    effectLabel: t(`measure.short.${g.measure}` as MessageKey),
    digits: 2,
    // the figure's words and numbers in the reader's language (no weights here: the effects are not pooled)
    labels: { study: t('forest.col.study'), weight: '', ci: (level) => t('forest.ci', { level: String(level) }), intervalSeparator: i18n.lang === 'uk' ? '; ' : ', ' },
    formatNumber: (x, digits) => i18n.num(x, digits, digits),
  });
  return svg;
}

/** The same effects as a table: full texts, localised numbers, links to the studies. */
function ForestTable({ g }: { g: ForestGroup }): ReactNode {
  const { t, num, lang } = useI18n();
  const back = (v: number): number => (g.scale === 'log' ? Math.exp(v) : v);
  return (
    <details>
      <summary>{t('forest.tableSummary')}</summary>
      <div className="scroll-x">
        <table data-testid={`forest-table-${g.measure}`}>
          <thead>
            <tr>
              <th scope="col">{t('forest.col.study')}</th>
              <th scope="col">{t('forest.col.outcome')}</th>
              <th scope="col">{t('forest.col.arms')}</th>
              <th scope="col" className="num">
                {t('forest.col.estimate')}
              </th>
              <th scope="col">{t('forest.col.level')}</th>
              <th scope="col">{t('forest.col.origin')}</th>
            </tr>
          </thead>
          <tbody>
            {g.entries.map((e, i) => (
              <tr key={i}>
                <th scope="row">
                  <a href={routeHref({ page: 'study', id: e.studyId })}>{e.studyLabel}</a>
                </th>
                <td>
                  <Rec t={translatedName(lang, e.studyId, 'outcome', e.outcomeId, e.outcome)} />
                  {e.timepoint ? (
                    <>
                      {' ('}
                      <Rec t={timepointText(lang, e.timepoint)} />)
                    </>
                  ) : (
                    ''
                  )}
                </td>
                <td>
                  <Rec t={translatedName(lang, e.studyId, 'arm', e.armIds[0], e.arms[0])} /> {t('forest.vs')} <Rec t={translatedName(lang, e.studyId, 'arm', e.armIds[1], e.arms[1])} />
                </td>
                <td className="num">{`${num(back(e.estimate), 2)} [${num(back(e.ciLower), 2)}; ${num(back(e.ciUpper), 2)}]`}</td>
                <td>
                  <StudyLevelBadge level={e.evidenceLevel} />
                </td>
                <td>
                  {t(`origin.${e.origin}` as MessageKey)}
                  {e.counts ? ` (${e.counts})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** Hands the counts of a computed-RR group to the meta-analysis page and opens it. */
function PoolCounts({ g, condition }: { g: ForestGroup; condition: string | undefined }): ReactNode {
  const { t } = useI18n();
  const csv = countsCsv(g.entries);
  const rows = g.entries.filter((e) => e.cells !== undefined);
  if (csv === undefined || rows.length < 2) return null;
  const studies = new Set(rows.map((e) => e.studyId)).size;
  const outcomes = new Set(rows.map((e) => e.outcome)).size;
  return (
    <p>
      <button
        type="button"
        data-testid="pool-counts"
        onClick={() => {
          setMetaDraft({ csv, from: { ...(condition !== undefined ? { condition } : {}), studies, outcomes } });
          globalThis.location.hash = routeHref({ page: 'meta' });
        }}
      >
        {t('forest.poolCounts', { n: String(rows.length) })}
      </button>{' '}
      <span className="hint">{t('forest.poolCountsHint')}</span>
    </p>
  );
}

export function ForestSection({ studies, headingLevel = 2, condition, offerPooling = false }: { studies: readonly Study[]; headingLevel?: 2 | 3; condition?: string; offerPooling?: boolean }): ReactNode {
  const i18n = useI18n();
  const { t } = i18n;
  const { groups, skipped } = useMemo(() => forestGroups(studies), [studies]);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section aria-labelledby="forest-h" data-testid="forest-section">
      <H id="forest-h">{t('forest.title')}</H>
      <p className="hint">{t('forest.hint')}</p>
      {groups.length === 0 && <p>{t('forest.none')}</p>}
      {groups.map((g) => (
        <div key={g.measure} className="figure">
          <Sub>{t(MEASURE_KEYS[g.measure] ?? 'measure.effect_size')}</Sub>
          <SvgFigure svg={forestSvg(g, i18n)} label={t('forest.figLabel', { measure: t(MEASURE_KEYS[g.measure] ?? 'measure.effect_size') })} testId={`forest-${g.measure}`} />
          <ForestTable g={g} />
          {offerPooling && g.measure === 'RR' && <PoolCounts g={g} condition={condition} />}
        </div>
      ))}
      {skipped.length > 0 && (
        <details>
          <summary>{t('forest.skipped', { n: String(skipped.length) })}</summary>
          <ul>
            {skipped.map((s, i) => (
              <li key={i}>
                <a href={routeHref({ page: 'study', id: s.studyId })}>{s.studyLabel}</a>: {s.outcome} ({t(MEASURE_KEYS[s.measure] ?? 'measure.effect_size')}) — {t(s.reason === 'no_ci' ? 'forest.noCi' : 'forest.notFound')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

export function EvidencePage({ condition }: { condition: string | undefined }): ReactNode {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { api } = useAppState();
  const studies = useAsync(() => api.studies(condition), [api, condition]);

  return (
    <>
      <h1>{t('evidence.title')}</h1>
      <p>{t('evidence.intro')}</p>
      {lang !== 'en' && <p className="hint">{t('common.recordsTranslated')}</p>}
      <div className="filters">
        <div className="field">
          <label htmlFor="condition">{t('evidence.condition')}</label>
          <select
            id="condition"
            value={condition ?? ''}
            onChange={(e) => {
              globalThis.location.hash = routeHref({ page: 'evidence', ...(e.target.value ? { condition: e.target.value } : {}) });
            }}
          >
            <option value="">{t('evidence.allConditions')}</option>
            {CONDITIONS.map((c) => (
              <option key={c} value={c}>
                {conditionLabel(c, lang)}
              </option>
            ))}
          </select>
        </div>
        <p>
          <a href={routeHref({ page: 'claims' })}>{t('evidence.toClaims')}</a> · <a href={routeHref({ page: 'meta' })}>{t('evidence.toMeta')}</a> · <a href={routeHref({ page: 'addStudy' })}>{t('evidence.toAdd')}</a>
        </p>
      </div>
      {studies.loading && <p role="status">{t('common.loading')}</p>}
      {studies.error !== undefined && <ApiErrorBox error={studies.error} onRetry={studies.reload} />}
      {studies.data && (
        <>
          <h2>{t('evidence.studiesN', { n: String(studies.data.length), condition: condition ? conditionLabel(condition, lang) : t('evidence.allConditions') })}</h2>
          <div className="scroll-x">
            <table data-testid="studies-table">
              <thead>
                <tr>
                  <th scope="col">{t('evidence.col.study')}</th>
                  <th scope="col">{t('evidence.col.level')}</th>
                  <th scope="col">{t('evidence.col.conditions')}</th>
                  <th scope="col">{t('evidence.col.n')}</th>
                  <th scope="col">{t('evidence.col.dose')}</th>
                  <th scope="col">{t('evidence.col.numbers')}</th>
                </tr>
              </thead>
              <tbody>
                {studies.data.map((s) => {
                  const n = mainN(s);
                  const c = countStatuses(s);
                  return (
                    <tr key={s.id} data-study={s.id}>
                      <th scope="row">
                        <a href={routeHref({ page: 'study', id: s.id })}>{s.label}</a>
                        {s.status !== 'completed' && <div className="hint">{t(`studyStatus.${s.status}` as MessageKey)}</div>}
                      </th>
                      <td>
                        <StudyLevelBadge level={s.evidenceLevel} />
                      </td>
                      <td>{s.conditions.map((x) => conditionLabel(x, lang)).join(', ')}</td>
                      <td>
                        {n ? (
                          <>
                            <NumberView n={n.n} /> <span className="hint">{t(n.what)}</span>
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td>
                        <NumberView n={mainDose(s)} />
                      </td>
                      <td className="num" title={t('evidence.countsTitle')}>
                        {t('evidence.counts', { c: String(c.confirmed), d: String(c.derived), nf: String(c.not_found) })}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <ForestSection studies={studies.data} condition={condition} offerPooling />
        </>
      )}
    </>
  );
}
