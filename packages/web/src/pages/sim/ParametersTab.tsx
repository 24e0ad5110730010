// Every parameter of the model with its value, unit, plausible range, evidence level and source
// (citation with DOI / PMID / URL), for the literature and the seed parameter sets. Values that the
// two sets disagree on are marked, because that is where the seed review and the primary sources
// part ways. The engine runs in the browser, so this table comes from the same objects the
// simulation uses, not from a copy.
import { useMemo, useState, type ReactNode } from 'react';
import { fullParameterSet, HYPOTHESIS_MODULES, HYPOTHESIS_IDS, SOURCES, type HypothesisId, type Parameter, type Source } from '@ldn/engine';
import { useI18n, useParamUnit, type MessageKey } from '../../i18n/index.js';
import { useAppState } from '../../state.js';
import { ParamLevelBadge } from '../../components/Badge.js';
import { safeHref } from '../../api/client.js';
import { PARAM_LABELS_UK } from '../../i18n/params.uk.js';
import { WhatIfInput } from '../../components/WhatIf.js';
import type { ParamSetId } from '../../sim/editor.js';

export function sourceLinks(s: Source): { href: string; text: string }[] {
  const out: { href: string; text: string }[] = [];
  if (s.doi) out.push({ href: `https://doi.org/${s.doi}`, text: `doi:${s.doi}` });
  if (s.pmid) out.push({ href: `https://pubmed.ncbi.nlm.nih.gov/${s.pmid}/`, text: `PMID ${s.pmid}` });
  if (s.url) {
    const href = safeHref(s.url);
    if (href) out.push({ href, text: new URL(href).hostname });
  }
  return out;
}

function groupOf(id: string): 'core' | HypothesisId {
  const prefix = id.split('.')[0];
  return (HYPOTHESIS_IDS as readonly string[]).includes(prefix ?? '') && id.includes('.') ? (prefix as HypothesisId) : 'core';
}

export function ParametersTab(): ReactNode {
  const i18n = useI18n();
  const { t, sig, lang } = i18n;
  const { editor, dispatch } = useAppState();
  const [setId, setSetId] = useState<ParamSetId>(editor.params);
  // what-if values change the simulator's own set; another set is shown for reading only
  const whatIf = setId === editor.params;
  const changed = Object.keys(editor.overrides).length;
  const [query, setQuery] = useState('');
  const sets = useMemo(() => ({ literature: fullParameterSet('literature'), seed: fullParameterSet('seed') }), []);
  const set = sets[setId];
  const other = sets[setId === 'seed' ? 'literature' : 'seed'];
  const q = query.trim().toLowerCase();
  const params = Object.values(set.parameters).filter((p) => q === '' || `${p.id} ${p.label} ${PARAM_LABELS_UK[p.id] ?? ''} ${p.source}`.toLowerCase().includes(q));
  const groups: ('core' | HypothesisId)[] = ['core', ...HYPOTHESIS_IDS];
  const label = (p: Parameter): string => (lang === 'uk' ? (PARAM_LABELS_UK[p.id] ?? p.label) : p.label);
  const unit = useParamUnit();

  return (
    <div data-testid="parameters">
      <p>{t('ptable.intro')}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor="pset">{t('editor.params')}</label>
          <select id="pset" value={setId} onChange={(e) => setSetId(e.target.value as ParamSetId)}>
            <option value="literature">{t('params.literature')}</option>
            <option value="seed">{t('params.seed')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="pfilter">{t('ptable.filter')}</label>
          <input id="pfilter" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
      </div>
      <p className="hint">{t(`params.${setId}.hint` as MessageKey)}</p>
      <p className="hint" data-testid="whatif-help">
        {whatIf ? t('whatif.help') : t('whatif.otherSet', { set: t(`params.${editor.params}` as MessageKey) })}{' '}
        {changed > 0 && (
          <button type="button" onClick={() => dispatch({ type: 'clearOverrides' })}>
            {t('whatif.reset')}
          </button>
        )}
      </p>
      {lang !== 'en' && <p className="hint">{t('ptable.notesInEnglish')}</p>}
      {groups.map((g) => {
        const rows = params.filter((p) => groupOf(p.id) === g);
        if (rows.length === 0) return null;
        return (
          <section key={g} aria-labelledby={`pgroup-${g}`}>
            <h2 id={`pgroup-${g}`}>{g === 'core' ? t('ptable.core') : t(`hyp.${g}.title` as MessageKey)}</h2>
            {g !== 'core' && <p className="hint">{t('ptable.moduleNote', { grade: t(`hyp.${g}.grade` as MessageKey) })}</p>}
            <div className="scroll-x">
              <table data-testid={`ptable-${g}`}>
                <thead>
                  <tr>
                    <th scope="col">{t('ptable.param')}</th>
                    <th scope="col" className="num">
                      {t('ptable.value')}
                    </th>
                    <th scope="col">{t('ptable.range')}</th>
                    {whatIf && <th scope="col">{t('whatif.column')}</th>}
                    <th scope="col">{t('ptable.evidence')}</th>
                    <th scope="col">{t('ptable.source')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((p) => {
                    const alt = other.parameters[p.id];
                    const src = SOURCES[p.source];
                    return (
                      <tr key={p.id} data-param={p.id}>
                        <th scope="row">
                          <code>{p.id}</code>
                          <div>{label(p)}</div>
                        </th>
                        <td className="num">
                          {sig(p.value, 4)} {unit(p.unit)}
                          {alt && alt.value !== p.value && (
                            <div className="hint" data-testid="differs">
                              {t(setId === 'seed' ? 'ptable.litValue' : 'ptable.seedValue', { v: `${sig(alt.value, 4)} ${unit(alt.unit)}` })}
                            </div>
                          )}
                        </td>
                        <td className="num">
                          {sig(p.range[0], 3)}–{sig(p.range[1], 3)}
                        </td>
                        {whatIf && (
                          <td>
                            <WhatIfInput p={p} />
                          </td>
                        )}
                        <td>
                          <ParamLevelBadge level={p.evidence} />
                        </td>
                        <td>
                          {src ? (
                            <>
                              <span lang="en">{src.citation}</span>{' '}
                              {sourceLinks(src).map((l) => (
                                <a key={l.href} href={l.href} target="_blank" rel="noopener noreferrer" style={{ marginRight: '0.4rem' }}>
                                  {l.text}
                                </a>
                              ))}
                            </>
                          ) : (
                            <code>{p.source}</code>
                          )}
                          <details>
                            <summary>{t('ptable.note')}</summary>
                            <p lang="en">{p.note}</p>
                          </details>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      <p className="hint">{t('ptable.modules', { n: String(Object.keys(HYPOTHESIS_MODULES).length) })}</p>
    </div>
  );
}
